import Foundation
import GLPK

/// Settings of the allocation engine that change the way to the optimum, not the optimum.
public struct AllocationOptions: Sendable {
    /// How branch-and-cut starts.
    public enum Strategy: String, Sendable, Codable, CaseIterable {
        /// `glp_intopt` with its MIP presolver.
        case presolve
        /// `glp_simplex` on the relaxation, then `glp_intopt` without presolve from that basis.
        case lpFirst = "lp_first"
    }
    public var strategy: Strategy = .presolve
    /// GLPK's MIR, Gomory, cover and clique cuts.
    public var cuts = true
    /// Compute `AllocationExplanations.marginals` by re-solving the MIP once per earmark and per
    /// (category, county). Off by default: measured 9 s at generated scale 1 and 41 s at scale 10
    /// (almost all GLPK branch-and-cut), against 0.1 s / 0.45 s for the plan itself.
    public var marginals = false
    /// Yuan added per earmark for the marginal values.
    public var fundIncrement = 10_000.0
    /// Called with short progress lines on the solving thread.
    public var progress: (@Sendable (String) -> Void)?
    public init() {}
}

/// The allocation engine (contract section 6): a MIP over GLPK routed through need classes.
///
/// ## Model
/// Whether a source can serve a need depends only on the need's class (category, county,
/// group), and a unit's value only on the need (and on whether it was bought). So the flow goes
/// sources → classes → value groups (needs of a class with the same priority/quantity, whose
/// units are worth the same): see `AllocationModel`. This is exact: every (source, need) plan
/// maps to class flows with the same score (sum it up per class), and every class flow splits
/// back onto (source, need) rows with the same score (`AllocationSplit`). Integrality carries
/// over: x(s,k) and y(k,g) are integer in an integral category, and the split moves whole units.
/// The model has one column per (source, class) link instead of one per (source, need) link.
///
/// ## Solve
/// `glp_intopt` with the gap and time limit of the settings (`allocation.mip_gap`,
/// `allocation.time_limit_s`); a plan stopped by the limit keeps its proven bound and gap. Then
/// every integer column is fixed at its value and the LP is re-solved: its KKT conditions are
/// checked (`LPCertificate`) and its row duals give the shadow prices of the offers. Marginal
/// values of more money and more in-kind units are found by re-solving the MIP warm with a
/// virtual extra source (exact, not a dual estimate: duals are meaningless on integer rows).
///
/// GLPK objects are bound to the calling thread: call from one dedicated thread.
public enum AllocationSolver {
    public static func solve(_ d: Dataset, options: AllocationOptions = AllocationOptions()) throws -> AllocationSolution {
        let clock = ContinuousClock()
        let start = clock.now
        var stats = AllocationStatistics()
        stats.strategy = options.strategy.rawValue + (options.cuts ? "+cuts" : "")
        let inst = AllocationInstance(dataset: d)
        let model = try AllocationModel(inst)
        let p = model.problem
        stats.classes = inst.classes.filter { !$0.sources.isEmpty }.count
        stats.valueGroups = model.groups.count
        stats.sourceClassLinks = model.links.count
        stats.sourceNeedLinks = inst.classes.reduce(0) { $0 + $1.sources.count * $1.needs.count }
        stats.rows = p.rowCount
        stats.columns = p.columnCount
        stats.integerColumns = model.integerColumns.count
        stats.buildSeconds = (clock.now - start).seconds

        // 1. The MIP.
        var values = [Double](repeating: 0, count: p.columnCount)
        var status = AllocationStatus.optimal
        var mipObjective: Double?, mipBound: Double?
        if p.columnCount > 0 && !model.integerColumns.isEmpty {
            let t0 = clock.now
            let r = try runMIP(p, d.settings, options)
            stats.mipSeconds = (clock.now - t0).seconds
            stats.nodes = r.nodes
            stats.mipIterations = r.iterations
            if r.status == .optimal || r.status == .feasible {
                values = p.mipColumnValues()
                mipObjective = r.objective
                mipBound = r.bound ?? r.objective
                switch r.termination {
                case .ok: status = r.status == .optimal ? .optimal : .withinGap
                case .gapReached: status = .withinGap
                default: status = .timeLimit
                }
            } else if r.termination == .timeLimit || r.termination == .stopped {
                status = .noSolution
            } else {
                throw AllocationError.solverFailed("glp_intopt ended with \(r)")
            }
            options.progress?("allocation: MIP \(r.status) after \(r.nodes) nodes, \(r.iterations) iterations")
        }

        // 2. The LP with the integer decisions fixed: the plan, its duals and its certificate.
        var duals = [Double](repeating: 0, count: p.rowCount)
        var certificate = AllocationCertificate(mipObjective: mipObjective, mipBound: mipBound, fixedLPPrimalObjective: 0,
                                                fixedLPDualObjective: 0, fixedLPPrimalInfeasibility: 0, fixedLPDualInfeasibility: 0,
                                                fixedLPComplementarity: 0, fixedLPOptimal: true, integerColumnsFixed: model.integerColumns.count)
        if p.columnCount > 0 {
            try model.fixIntegers(values)
            let t0 = clock.now
            var lp = try p.simplex(SimplexOptions())
            if !lp.isOptimal { lp = try p.simplex(SimplexOptions(method: .dualPrimal, presolve: true)) }
            stats.fixedLPSeconds = (clock.now - t0).seconds
            stats.lpIterations = lp.iterations
            guard lp.isOptimal else { throw AllocationError.solverFailed("the fixed-integer LP ended with \(lp)") }
            values = p.columnValues()
            duals = p.rowDuals()
            let c = try LPCertificate.check(p)
            certificate.fixedLPPrimalObjective = c.primalObjective
            certificate.fixedLPDualObjective = c.dualObjective
            certificate.fixedLPPrimalInfeasibility = c.primalInfeasibility
            certificate.fixedLPDualInfeasibility = c.dualInfeasibility
            certificate.fixedLPComplementarity = c.complementarityViolation
            certificate.fixedLPOptimal = c.isOptimal()
            if model.integerColumns.isEmpty { mipObjective = c.primalObjective; mipBound = c.dualObjective }
        }
        stats.glpkSeconds = stats.mipSeconds + stats.fixedLPSeconds

        // 3. Rows.
        let t1 = clock.now
        let pieces = AllocationSplit.split(model, values: values)
        // Pieces come sorted by (offer id, need id) in code-point order.
        let rows: [AllocationRow] = pieces.map { piece in
            let offer = d.offers[piece.offer], need = d.needs[piece.need]
            let units = Double(piece.ticks) / Double(piece.perUnit)
            let price = inst.classes[inst.needClass[piece.need]].unitCost ?? 0
            return AllocationRow(sourceID: offer.id, orgID: offer.orgID, needID: need.id, childID: need.childID,
                                 category: need.category, units: units, yuan: offer.isFunds ? units * price : 0)
        }
        stats.splitSeconds = (clock.now - t1).seconds

        let t2 = clock.now
        let evaluation = AllocationEvaluation(dataset: d, assignments: rows.map(\.assignment))
        guard evaluation.isFeasible else {
            throw AllocationError.solverFailed("the plan breaks the contract (a bug): " + evaluation.violations.prefix(3).map(\.description).joined(separator: "; "))
        }
        stats.evaluationSeconds = (clock.now - t2).seconds
        let score = evaluation.score
        let bound = max(score, mipBound ?? score)
        let gap = status == .optimal ? 0 : (bound - score) / max(abs(score), 1e-9)

        // 4. Explanations.
        var usedTicks = [Int64](repeating: 0, count: d.offers.count)
        var spentFenMicro = [Decimal](repeating: 0, count: d.offers.count)
        var coveredTicks = [Int64](repeating: 0, count: d.needs.count)
        for piece in pieces {
            coveredTicks[piece.need] += piece.ticks
            if d.offers[piece.offer].isFunds {
                let price = Exact.fen(inst.classes[inst.needClass[piece.need]].unitCost ?? 0)
                spentFenMicro[piece.offer] += Decimal(piece.ticks) * Decimal(price) / Decimal(piece.perUnit)
            } else { usedTicks[piece.offer] += piece.ticks }
        }
        let explainer = AllocationExplainer(inst: inst, model: model, usedTicks: usedTicks, spentFen: spentFenMicro,
                                            coveredTicks: coveredTicks, duals: duals, values: values)
        var explanations = AllocationExplanations(offers: explainer.offerUses(), exhausted: [], marginals: [],
                                                  unusable: explainer.unusableOffers())
        explanations.exhausted = explanations.offers.filter(\.exhausted).map(\.offerID)
        let unmet = explainer.unmetNeeds()
        if options.marginals && p.columnCount > 0 {
            let t3 = clock.now
            let base = mipObjective ?? certificate.fixedLPPrimalObjective
            explanations.marginals = try explainer.marginals(base: base, baseValues: values, options: options,
                                                             glpkSeconds: &stats.marginalGLPKSeconds)
            stats.marginalSeconds = (clock.now - t3).seconds
        }
        stats.totalSeconds = (clock.now - start).seconds
        options.progress?("allocation: score \(score), bound \(bound), \(rows.count) rows in \(stats.totalSeconds) s")
        return AllocationSolution(rows: rows, unmet: unmet, score: score, bound: bound, gap: gap, status: status,
                                  kpis: evaluation.kpis, certificate: certificate, explanations: explanations,
                                  statistics: stats)
    }

    static func mipOptions(_ s: Settings, _ options: AllocationOptions, presolve: Bool) -> MIPOptions {
        var o = MIPOptions(presolve: presolve, relativeGap: s.allocationMIPGap, timeLimit: s.allocationTimeLimit)
        if options.cuts { o.mirCuts = true; o.gomoryCuts = true; o.coverCuts = true; o.cliqueCuts = true }
        return o
    }

    static func runMIP(_ p: Problem, _ s: Settings, _ options: AllocationOptions) throws -> MIPResult {
        switch options.strategy {
        case .presolve:
            return try p.intopt(mipOptions(s, options, presolve: true))
        case .lpFirst:
            let lp = try p.simplex(SimplexOptions(timeLimit: s.allocationTimeLimit))
            var r = try p.intopt(mipOptions(s, options, presolve: false))
            r.iterations += lp.iterations
            return r
        }
    }

    /// Writes the allocation model as `allocation.mps` (free MPS; read back as minimization) and
    /// `allocation.lp` (CPLEX LP) into `directory`, with named rows and columns (`src<offer>`,
    /// `cls<class>`, `x<offer>_<class>`, `y<class>_<group>`, 0-based dataset positions).
    public static func exportModel(_ d: Dataset, to directory: URL) throws {
        let model = try AllocationModel(AllocationInstance(dataset: d), names: true)
        try model.problem.writeMPS(to: directory.appendingPathComponent("allocation.mps").path)
        try model.problem.writeCPLEXLP(to: directory.appendingPathComponent("allocation.lp").path)
    }
}

/// The allocation engine could not produce a plan.
public enum AllocationError: Error, CustomStringConvertible {
    case solverFailed(String)
    public var description: String {
        switch self { case .solverFailed(let s): return "allocation solve failed: \(s)" }
    }
}

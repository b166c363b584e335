import Foundation
import GLPK

/// Settings of the allocation engine that change the way to the optimum, not the optimum.
public struct AllocationOptions: Sendable {
    /// How branch-and-cut starts.
    public enum Strategy: String, Sendable, Codable, CaseIterable {
        /// `glp_intopt` with its MIP presolver (no starting incumbent: the presolver renumbers columns).
        case presolve
        /// `glp_simplex` on the relaxation, a dive from it (`AllocationDive`) as the first
        /// incumbent (`glp_ios_heur_sol`), then `glp_intopt` without presolve.
        case lpFirst = "lp_first"
    }
    public var strategy: Strategy = .lpFirst
    /// GLPK's MIR, Gomory, cover and clique cuts.
    public var cuts = true
    /// Compute `AllocationExplanations.marginals` (`AllocationMarginals`): one warm re-solve per
    /// earmark and per (category, county), on `threads` threads.
    public var marginals = false
    /// Yuan added per earmark for the marginal values.
    public var fundIncrement = 10_000.0
    /// Threads for the marginal values (each with its own GLPK environment).
    public var threads = 2
    /// The plan's deadline: the MIP and the marginal values stop there, with their bounds.
    public var deadline = Deadline.none
    /// Called with short progress lines on the solving thread.
    public var progress: (@Sendable (String) -> Void)?
    public init() {}
}

/// The allocation engine (contract section 6): a MIP over GLPK routed through need classes.
///
/// ## Model
/// Whether a source can serve a need depends only on the need's class (category, county,
/// group), and a unit's value only on the need (and on whether it was bought). So the flow goes
/// sources → classes → value groups (needs of a class with the same priority and quantity, whose
/// units are worth the same): see `AllocationModel`. This is exact: every (source, need) plan
/// maps to class flows with the same score (sum it up per class), and every class flow splits
/// back onto (source, need) rows with the same score (`AllocationSplit`). Only the whole units a
/// fund buys of each integral category are integer variables; the rest is a network whose LP
/// is integral once they are fixed (proof in `AllocationModel`).
///
/// ## Solve
/// The LP relaxation first; a dive from it (`AllocationDive`) gives a feasible plan, handed to
/// `glp_intopt` (without presolve) as its first incumbent, so a gap is known from the root —
/// and when the dive is within 0.005 points of the relaxation, it is the proven optimum at once. Gap `allocation.mip_gap`, time limit `allocation.time_limit_s` and the plan's
/// deadline, whichever comes first; a plan stopped early keeps its proven bound and gap, and is
/// never worse than the first incumbent. Then every integer column is fixed at its value and
/// the LP is re-solved: its KKT conditions are checked (`LPCertificate`) and its row duals give
/// the shadow prices of the offers.
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

        // 1. The MIP (or the LP, when nothing is bought in whole units).
        var values = [Double](repeating: 0, count: p.columnCount)
        var status = AllocationStatus.optimal
        var mipObjective: Double?, mipBound: Double?
        if p.columnCount > 0 {
            let t0 = clock.now
            let r = try solveModel(model, d.settings, options, nodeLimit: planNodeLimit(d.settings, columns: p.columnCount))
            stats.mipSeconds = (clock.now - t0).seconds
            stats.nodes = r.nodes
            stats.mipIterations = r.iterations
            stats.startingIncumbent = r.startObjective
            values = r.values
            mipObjective = r.objective
            mipBound = r.bound
            status = r.status
            options.progress?("allocation: \(status.rawValue) after \(r.nodes) nodes")
        }

        // 2. The LP with the integer decisions fixed: the plan, its duals and its certificate.
        var duals = [Double](repeating: 0, count: p.rowCount)
        var certificate = AllocationCertificate(mipObjective: mipObjective, mipBound: mipBound, fixedLPPrimalObjective: 0,
                                                fixedLPDualObjective: 0, fixedLPPrimalInfeasibility: 0, fixedLPDualInfeasibility: 0,
                                                fixedLPComplementarity: 0, fixedLPOptimal: true, integerColumnsFixed: model.integerColumns.count)
        if p.columnCount > 0 && status != .noSolution {
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
            try model.unfixIntegers()
        }
        stats.glpkSeconds = stats.mipSeconds + stats.fixedLPSeconds

        // 3. Rows, in exact ticks and fen.
        let t1 = clock.now
        let pieces = status == .noSolution ? [] : AllocationSplit.split(model, values: values)
        let rows: [AllocationRow] = pieces.map { piece in
            let offer = d.offers[piece.offer], need = d.needs[piece.need]
            let price = inst.classes[inst.needClass[piece.need]].unitCost ?? 0
            return AllocationRow(sourceID: offer.id, orgID: offer.orgID, needID: need.id, childID: need.childID, category: need.category,
                                 ticks: piece.ticks, ticksPerUnit: piece.perUnit, priceFen: offer.isFunds ? Exact.fen(price) : 0)
        }
        stats.splitSeconds = (clock.now - t1).seconds

        // 4. The plan checked against the contract by the independent scorer.
        let t2 = clock.now
        let evaluation = AllocationEvaluation(dataset: d, assignments: rows.map(\.assignment))
        stats.evaluationSeconds = (clock.now - t2).seconds
        var explanations = AllocationExplanations(offers: [], exhausted: [], marginals: [], unusable: [])
        guard evaluation.isFeasible else {
            // A bug: never hand out a plan that breaks the contract, but say what broke.
            let what = evaluation.violations.prefix(3).map(\.description).joined(separator: "; ")
            let empty = AllocationEvaluation(dataset: d, assignments: [])
            stats.totalSeconds = (clock.now - start).seconds
            return AllocationSolution(rows: [], unmet: [], score: 0, bound: max(0, mipBound ?? 0), gap: 0, status: .selfCheckFailed,
                                      kpis: empty.kpis, certificate: certificate, explanations: explanations, statistics: stats,
                                      failure: "the allocation breaks the contract (a bug in CareMatch; please report it): \(what)",
                                      evaluation: empty)
        }
        let score = evaluation.score
        // Stopped before any LP bound: every need a source can reach fully covered, nothing spent.
        let bound = max(score, mipBound ?? (status == .optimal ? score : inst.fullCoverageBound))
        let gap = status == .optimal ? 0 : (bound - score) / max(abs(score), 1e-9)

        // 5. Explanations.
        var usedTicks = [Int64](repeating: 0, count: d.offers.count)
        var spentMicroFen = [Int128](repeating: 0, count: d.offers.count)
        var coveredTicks = [Int64](repeating: 0, count: d.needs.count)
        for piece in pieces {
            coveredTicks[piece.need] += piece.ticks
            if d.offers[piece.offer].isFunds {
                let priceFen = Exact.fen(inst.classes[inst.needClass[piece.need]].unitCost ?? 0)
                spentMicroFen[piece.offer] += Int128(piece.ticks) * Int128(priceFen) * Int128(1_000_000 / piece.perUnit)
            } else { usedTicks[piece.offer] += piece.ticks }
        }
        let explainer = AllocationExplainer(inst: inst, model: model, usedTicks: usedTicks, spentMicroFen: spentMicroFen,
                                            coveredTicks: coveredTicks, duals: duals, values: values)
        explanations.offers = explainer.offerUses()
        explanations.unusable = explainer.unusableOffers()
        explanations.exhausted = explanations.offers.filter(\.exhausted).map(\.offerID)
        let unmet = explainer.unmetNeeds()
        if options.marginals && p.columnCount > 0 && status != .noSolution {
            let t3 = clock.now
            let base = AllocationMarginals.Base(values: model.roundedIntegers(values), objective: certificate.fixedLPPrimalObjective,
                                                bound: max(certificate.fixedLPPrimalObjective, mipBound ?? certificate.fixedLPPrimalObjective),
                                                rowStatus: (0..<p.rowCount).map { p.rowStatus($0) },
                                                columnStatus: (0..<p.columnCount).map { p.columnStatus($0) },
                                                coveredTicks: coveredTicks)
            var m = AllocationMarginals(inst: inst, base: base, options: options)
            explanations.marginals = m.compute(components: explainer.saturatedComponents())
            stats.marginalGLPKSeconds = m.glpkSeconds
            stats.marginalNodes = m.nodes
            stats.marginalSeconds = (clock.now - t3).seconds
        }
        stats.totalSeconds = (clock.now - start).seconds
        return AllocationSolution(rows: rows, unmet: unmet, score: score, bound: bound, gap: gap, status: status,
                                  kpis: evaluation.kpis, certificate: certificate, explanations: explanations,
                                  statistics: stats, failure: nil, evaluation: evaluation)
    }

    /// The best plan the model allows within the limits: its column values (integer columns
    /// whole), objective, proven bound and status.
    struct ModelSolution {
        var values: [Double]
        var objective: Double?
        var bound: Double?
        var status: AllocationStatus
        var nodes = 0
        var iterations = 0
        /// Objective of the first incumbent (the rounded relaxation), when one was made.
        var startObjective: Double?
    }

    /// Solves `model` as it stands (probes included): LP when it has no integer column,
    /// otherwise the relaxation, a rounded-down incumbent and branch-and-cut from it.
    /// `start` (whole on integer columns, feasible) is a known incumbent to begin from; `dive`
    /// adds a dive from the relaxation (`AllocationDive`) when the start is not proven already.
    /// `nodeLimit` stops branch-and-bound after that many nodes (deterministic, unlike time).
    static func solveModel(_ model: AllocationModel, _ s: Settings, _ options: AllocationOptions,
                           start known: (values: [Double], objective: Double)? = nil,
                           timeLimit: Double? = nil, nodeLimit: Int? = nil, dive: Bool = true) throws -> ModelSolution {
        let p = model.problem
        let limit = options.deadline.limit(timeLimit ?? s.allocationTimeLimit)
        let nothing = ModelSolution(values: known?.values ?? [Double](repeating: 0, count: p.columnCount),
                                    objective: known?.objective, bound: nil, status: known == nil ? .noSolution : .timeLimit)
        if let l = limit, l <= 0.001 { return nothing }
        // The relaxation.
        var lp = try p.simplex(SimplexOptions(timeLimit: limit))
        if !lp.isOptimal && lp.termination != .timeLimit { lp = try p.simplex(SimplexOptions(method: .dualPrimal, presolve: true, timeLimit: options.deadline.limit(limit))) }
        guard lp.isOptimal else {
            if lp.termination == .timeLimit { return nothing }
            throw AllocationError.solverFailed("the allocation LP ended with \(lp)")
        }
        let relaxation = p.objectiveValue
        if model.integerColumns.isEmpty {
            return ModelSolution(values: p.columnValues(), objective: relaxation, bound: relaxation, status: .optimal, iterations: lp.iterations)
        }
        if options.strategy == .presolve {
            var o = mipOptions(s, options, presolve: true)
            o.timeLimit = options.deadline.limit(limit)
            o.objectiveTolerance = objectiveTolerance(relaxation)
            let r = try p.intopt(o)
            return finish(r, p, known: nil, relaxation: relaxation)
        }
        // A first incumbent by diving from the relaxation; when it is within what the figures
        // can show of the relaxation's value, it is proven and no branching is needed.
        var best = known
        var diveIterations = 0
        var touchedLP = false
        // Near a known plan (a probe's base plan), purchases that may only shrink, rounded: two or
        // three LPs. Measured on Datasets/quzhou's 67 probes: 317 branch-and-bound nodes in all
        // instead of 2,626 (GLPK needed a chain of ~30 branchings to find a whole plan at the
        // relaxation's value, which this usually finds at once).
        if let b = best, relaxation - b.objective > provenTolerance {
            touchedLP = true
            if let r = try AllocationRounding.incumbent(model, reference: b.values), r.objective > b.objective { best = r }
        }
        let dived = touchedLP || dive || known == nil
        if dive || best == nil, best == nil || relaxation - best!.objective > provenTolerance {
            if touchedLP, !(try p.simplex(SimplexOptions()).isOptimal) { throw AllocationError.solverFailed("the allocation LP could not be solved again") }
            if let d = try AllocationDive.incumbent(model), best == nil || d.objective > best!.objective { best = d }
        }
        let startObjective = best?.objective
        if let b = best, relaxation - b.objective <= provenTolerance {
            return ModelSolution(values: b.values, objective: b.objective, bound: max(relaxation, b.objective), status: .optimal,
                                 iterations: lp.iterations, startObjective: startObjective)
        }
        if dived {
            // The dive left its own LP in the problem: branch-and-cut needs the relaxation's basis.
            lp = try p.simplex(SimplexOptions())
            diveIterations = lp.iterations
            guard lp.isOptimal else { throw AllocationError.solverFailed("the allocation LP ended with \(lp)") }
        }
        let left = options.deadline.limit(limit)
        if let l = left, l <= 0.001 {
            var out = nothing
            if let b = best { out.values = b.values; out.objective = b.objective; out.status = .timeLimit }
            out.bound = relaxation
            return out
        }
        var o = mipOptions(s, options, presolve: false)
        o.timeLimit = left
        o.objectiveTolerance = objectiveTolerance(relaxation)
        o.startingSolution = best?.values
        if let limit = nodeLimit {
            o.progressInterval = 0
            o.progress = { $0.totalNodes >= limit }
        }
        let r = try p.intopt(o)
        var out = finish(r, p, known: best, relaxation: relaxation)
        if let limit = nodeLimit, out.status == .timeLimit, r.termination == .stopped, r.nodes >= limit { out.status = .nodeLimit }
        out.startObjective = startObjective
        out.iterations += diveIterations
        return out
    }

    /// Branch-and-bound nodes for the plan's own proof: `allocation.node_limit`, or when it is 0,
    /// 2,000,000 divided by the model's columns, at least 500. Measured: a node costs about
    /// 2 µs per column, so this is about 4 s of work on any size; the proofs of the bundled
    /// generator's datasets take 0 (quzhou) to 251 nodes (scale 10), while a 0.17-point gap on a
    /// dataset with scarce funds stayed open after 13,000 nodes and 30 s (GLPK's branch-and-bound
    /// cannot close some knapsack gaps of whole-unit purchases; the plan then states its bound).
    static func planNodeLimit(_ s: Settings, columns: Int) -> Int {
        s.allocationNodeLimit > 0 ? Int(s.allocationNodeLimit) : max(500, 2_000_000 / max(1, columns))
    }

    /// An incumbent this close (points) to a proven bound is as good as optimal: scores are
    /// written with two decimals.
    static let provenTolerance = 0.005

    /// GLPK's relative `tol_obj` for an objective near `value`, so that branch-and-bound only
    /// discards subproblems whose bound is within 0.0001 points of the incumbent. GLPK's default
    /// (1e-7, relative) discarded improvements up to 0.19 points on `Datasets/quzhou` and would
    /// discard up to 2 points at ten times its size, while reporting the incumbent as optimal.
    static func objectiveTolerance(_ value: Double) -> Double {
        min(1e-7, max(1e-15, 1e-4 / (1 + abs(value))))
    }

    /// Maps `glp_intopt`'s result to a model solution, keeping `known` when the search ended
    /// without anything better.
    static func finish(_ r: MIPResult, _ p: Problem, known: (values: [Double], objective: Double)?, relaxation: Double) -> ModelSolution {
        let bound = min(r.bound ?? relaxation, relaxation)
        if (r.status == .optimal || r.status == .feasible), let obj = r.objective, obj >= (known?.objective ?? -Double.infinity) - 1e-9 * max(1, abs(obj)) {
            var values = p.mipColumnValues()
            for j in 0..<values.count where (try? p.columnKind(j)) != .continuous { values[j] = values[j].rounded() }
            let status: AllocationStatus
            switch r.termination {
            case .ok: status = r.status == .optimal ? .optimal : .withinGap
            case .gapReached: status = .withinGap
            case _ where max(bound, obj) - obj <= provenTolerance: status = .optimal
            default: status = .timeLimit
            }
            return ModelSolution(values: values, objective: obj, bound: max(bound, obj), status: status, nodes: r.nodes, iterations: r.iterations)
        }
        if let k = known {
            let closed = (r.termination == .ok && r.status == .optimal) || max(bound, k.objective) - k.objective <= provenTolerance
            return ModelSolution(values: k.values, objective: k.objective, bound: max(bound, k.objective),
                                 status: closed ? .optimal : .timeLimit, nodes: r.nodes, iterations: r.iterations)
        }
        return ModelSolution(values: [Double](repeating: 0, count: p.columnCount), objective: nil, bound: bound,
                             status: .noSolution, nodes: r.nodes, iterations: r.iterations)
    }

    static func mipOptions(_ s: Settings, _ options: AllocationOptions, presolve: Bool) -> MIPOptions {
        var o = MIPOptions(presolve: presolve, relativeGap: s.allocationMIPGap, timeLimit: s.allocationTimeLimit)
        if options.cuts { o.mirCuts = true; o.gomoryCuts = true; o.coverCuts = true; o.cliqueCuts = true }
        return o
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

import Foundation
import GLPK

/// Settings of the pairing engine that do not change the optimum, only the way to it.
public struct PairingOptions: Sendable {
    /// Nearest allowed moms per child in the first restricted model.
    public var nearest = 5
    /// Nearest allowed moms sharing an interest per child, beyond the nearest.
    public var sharing = 2
    /// Safety stop for the pricing loop (never reached in practice: each round adds pairs).
    public var maxRounds = 500
    /// Called with short progress lines (rounds, columns) on the solving thread.
    public var progress: (@Sendable (String) -> Void)?
    public init() {}
}

/// How the optimum was found and proven.
public struct PairingCertificate: Sendable, Codable, Hashable {
    /// The plan's score and the dual objective, in points (exact sums of integer units).
    public var primal: Double
    public var dual: Double
    /// `primal − dual` in points: 0 proves optimality.
    public var gap: Double
    /// Largest violation of a dual constraint or complementary-slackness condition, in points.
    public var maxComplementarySlacknessViolation: Double
    /// Allowed pairs that were never in the model but were priced against the potentials.
    public var pairsPriced: Int
    public var proven: Bool
}

/// Where the time of one pairing solve went, and how much work GLPK did.
public struct PairingStatistics: Sendable, Codable, Hashable {
    public var pricingRounds = 0
    public var initialColumns = 0
    public var finalColumns = 0
    public var rows = 0
    public var simplexIterations = 0
    public var candidateSeconds = 0.0
    public var glpkSeconds = 0.0
    public var pricingSeconds = 0.0
    public var totalSeconds = 0.0
}

/// A child without a lead mom and why.
public struct UnmetChild: Sendable, Hashable {
    public var child: Int
    public var reason: String
}

/// The optimal pairing with its proof, statistics and explanations.
public struct PairingSolution: Sendable {
    public var evaluation: PairingEvaluation
    public var certificate: PairingCertificate
    public var statistics: PairingStatistics
    public var unmet: [UnmetChild]
    /// Mom potentials λ_m in points: the value of one more unit of her capacity (dual price).
    public var momDual: [Double]
    /// Child potentials λ_c in points (minus the value of one more mom for the child).
    public var childDual: [Double]
}

/// Proven-optimal "1+N" pairing (contract section 5) by column generation over GLPK's simplex.
///
/// See `Guides/Pairing.md`. A first restricted model holds each child's nearest moms, nearest
/// moms sharing an interest and current mom; a greedy pairing gives its starting basis. After
/// each solve the potentials are read and tightened, every allowed pair left out is priced
/// (only within the radius around each child where its reduced cost can be positive), and
/// pairs that price out are added; the model is re-solved warm. When none does, the plan is
/// optimal for the full set of allowed pairs, with the dual objective as certificate.
public enum PairingSolver {
    /// Solves the pairing of `dataset`. Children and moms are first put in id order (code
    /// points), so the plan does not depend on the order of the input rows, even among ties.
    public static func solve(_ dataset: Dataset, options: PairingOptions = PairingOptions()) throws -> PairingSolution {
        let childOrder = dataset.children.indices.sorted { dataset.children[$0].id.precedesInCodePoints(dataset.children[$1].id) }
        let momOrder = dataset.moms.indices.sorted { dataset.moms[$0].id.precedesInCodePoints(dataset.moms[$1].id) }
        var canonical = dataset
        canonical.children = childOrder.map { dataset.children[$0] }
        canonical.moms = momOrder.map { dataset.moms[$0] }
        let s = try solveInOrder(canonical, instance: PairingInstance(dataset: canonical), options: options)
        let pairs = s.evaluation.pairs.map { (child: childOrder[$0.child], mom: momOrder[$0.mom]) }
        let inst = PairingInstance(dataset: dataset)
        let evaluation = PairingEvaluation(dataset: dataset, instance: inst, pairs: pairs)
        var momDual = [Double](repeating: 0, count: dataset.moms.count)
        for (k, m) in momOrder.enumerated() { momDual[m] = s.momDual[k] }
        var childDual = [Double](repeating: 0, count: dataset.children.count)
        for (k, c) in childOrder.enumerated() { childDual[c] = s.childDual[k] }
        return PairingSolution(evaluation: evaluation, certificate: s.certificate, statistics: s.statistics,
                               unmet: s.unmet.map { UnmetChild(child: childOrder[$0.child], reason: $0.reason) },
                               momDual: momDual, childDual: childDual)
    }

    /// Solves with children and moms in the order given.
    static func solveInOrder(_ dataset: Dataset, instance inst: PairingInstance, options: PairingOptions) throws -> PairingSolution {
        let clock = ContinuousClock()
        let start = clock.now
        var stats = PairingStatistics()
        var cols = InitialCandidates.build(inst, nearest: options.nearest, sharing: options.sharing)
        stats.initialColumns = cols.count
        stats.candidateSeconds = (clock.now - start).seconds

        let lp = PairingLP(inst)
        var chosen = GreedyPairing.choose(inst, cols)
        try lp.addPairs(cols, from: 0)
        if cols.count > 0 { try lp.setStartingBasis(chosen: chosen, cols) }
        var inModel = (0..<inst.childCount).map { lp.childRow[$0] >= 0 }
        var duals = PairingDuals(mom: .init(repeating: 0, count: inst.momCount),
                                 child: (0..<inst.childCount).map { -inst.leadReward($0) })
        var priced = 0
        var proven = cols.count == 0
        while cols.count > 0 {
            stats.pricingRounds += 1
            let t0 = clock.now
            var opts = SimplexOptions()
            opts.method = .primal
            opts.presolve = false
            let result = try lp.problem.simplex(opts)
            stats.glpkSeconds += (clock.now - t0).seconds
            stats.simplexIterations += result.iterations
            guard result.isOptimal else {
                throw PairingError.solverFailed("GLPK's simplex ended with \(result)")
            }
            let t1 = clock.now
            let x = lp.problem.columnValues()
            for j in 0..<cols.count { chosen[j] = x[Int(lp.pairColumn[j])] > 0.5 }
            let y = lp.problem.rowDuals()
            for m in 0..<inst.momCount where lp.momRow[m] >= 0 { duals.mom[m] = Int64(y[Int(lp.momRow[m])].rounded()) }
            for c in 0..<inst.childCount where inModel[c] { duals.child[c] = Int64(y[Int(lp.childRow[c])].rounded()) }
            duals.tighten(inst, cols, chosen, inModel: inModel)
            let violation = duals.maxViolation(inst, cols, chosen, inModel: inModel)
            guard violation == 0 else {
                throw PairingError.solverFailed("the restricted optimum's potentials violate a dual constraint by \(inst.weights.scale.points(violation)) points")
            }
            let before = cols.count
            priced += Pricing.addImproving(inst, duals, &cols)
            stats.pricingSeconds += (clock.now - t1).seconds
            options.progress?("pairing: round \(stats.pricingRounds), \(before) pairs in the model, \(cols.count - before) added by pricing")
            if cols.count == before { proven = true; break }
            if stats.pricingRounds >= options.maxRounds { break }
            try lp.addPairs(cols, from: before)
            chosen.append(contentsOf: repeatElement(false, count: cols.count - before))
            inModel = (0..<inst.childCount).map { lp.childRow[$0] >= 0 }
        }
        stats.finalColumns = cols.count
        stats.rows = lp.problem.rowCount

        var pairs: [(child: Int, mom: Int)] = []
        for j in 0..<cols.count where chosen[j] { pairs.append((Int(cols.child[j]), Int(cols.mom[j]))) }
        let evaluation = PairingEvaluation(dataset: dataset, instance: inst, pairs: pairs)
        let dualUnits = duals.objective(inst, cols, inModel: inModel)
        let violation = duals.maxViolation(inst, cols, chosen, inModel: inModel)
        let scale = inst.weights.scale
        let certificate = PairingCertificate(
            primal: evaluation.score, dual: scale.points(dualUnits),
            gap: scale.points(evaluation.scoreUnits - dualUnits),
            maxComplementarySlacknessViolation: scale.points(violation),
            pairsPriced: priced, proven: proven && violation == 0 && dualUnits == evaluation.scoreUnits && evaluation.isFeasible)
        stats.totalSeconds = (clock.now - start).seconds
        return PairingSolution(evaluation: evaluation, certificate: certificate, statistics: stats,
                               unmet: UnmetReasons.explain(inst, evaluation),
                               momDual: duals.mom.map { scale.points($0) },
                               childDual: duals.child.map { scale.points($0) })
    }
}

/// The pairing engine could not prove a plan.
public enum PairingError: Error, CustomStringConvertible {
    case solverFailed(String)
    public var description: String {
        switch self { case .solverFailed(let s): return "pairing solve failed: \(s)" }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

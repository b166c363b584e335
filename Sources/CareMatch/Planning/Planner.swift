import Foundation

/// Options of a planning run.
public struct PlannerOptions: Sendable {
    public var pairing = PairingOptions()
    /// Allocation options; the marginal values of more money and more units (exact warm
    /// re-solves) are on by default, since the report explains the plan with them.
    public var allocation: AllocationOptions = {
        var o = AllocationOptions()
        o.marginals = true
        return o
    }()
    /// Short progress lines while solving.
    public var progress: (@Sendable (String) -> Void)?
    public init() {}
}

/// Solves a dataset's pairing and allocation.
public enum Planner {
    public static func plan(_ dataset: Dataset, options: PlannerOptions = PlannerOptions()) throws -> PlanResult {
        let clock = ContinuousClock()
        let t0 = clock.now
        var pairingOptions = options.pairing
        pairingOptions.progress = options.progress
        let pairing = try PairingSolver.solve(dataset, options: pairingOptions)
        let t1 = clock.now
        var allocationOptions = options.allocation
        allocationOptions.progress = options.progress
        let allocation = try AllocationSolver.solve(dataset, options: allocationOptions)
        let t2 = clock.now
        return PlanResult(dataset: dataset, pairing: pairing, allocation: allocation,
                          timings: ["pairing": (t1 - t0).seconds, "allocation": (t2 - t1).seconds, "total": (t2 - t0).seconds])
    }
}

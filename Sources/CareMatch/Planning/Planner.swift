import Foundation

/// Options of a planning run.
public struct PlannerOptions: Sendable {
    public var pairing = PairingOptions()
    /// Allocation options; the marginal values of more money and more units (exact warm
    /// re-solves) are on by default, since the report explains the plan with them.
    public var allocation: AllocationOptions = {
        var o = AllocationOptions()
        o.marginals = true
        o.threads = max(1, ProcessInfo.processInfo.activeProcessorCount)
        return o
    }()
    /// Seconds for the whole plan (pairing, allocation and explanations); `nil`: the dataset's
    /// `plan.time_limit_s`.
    public var timeLimit: Double?
    /// Short progress lines while solving.
    public var progress: (@Sendable (String) -> Void)?
    public init() {}
}

/// Solves a dataset's pairing and allocation, at the same time on two threads (each with its
/// own GLPK environment), within one deadline.
public enum Planner {
    public static func plan(_ dataset: Dataset, options: PlannerOptions = PlannerOptions()) throws -> PlanResult {
        let clock = ContinuousClock()
        let t0 = clock.now
        let deadline = Deadline(seconds: options.timeLimit ?? dataset.settings.planTimeLimit)
        var pairingOptions = options.pairing
        pairingOptions.progress = options.progress
        pairingOptions.deadline = deadline
        var allocationOptions = options.allocation
        allocationOptions.progress = options.progress
        allocationOptions.deadline = deadline
        let pairingOut = ResultSlots<(Result<PairingSolution, Error>, Double)>(count: 1)
        let allocationOut = ResultSlots<(Result<AllocationSolution, Error>, Double)>(count: 1)
        let p = pairingOptions, a = allocationOptions
        WorkerThreads.run(2) { worker in
            let start = ContinuousClock.now
            if worker == 0 {
                let r = Result { try PairingSolver.solve(dataset, options: p) }
                pairingOut.store(0, (r, (ContinuousClock.now - start).seconds))
            } else {
                let r = Result { try AllocationSolver.solve(dataset, options: a) }
                allocationOut.store(0, (r, (ContinuousClock.now - start).seconds))
            }
        }
        let (pairingResult, pairingSeconds) = pairingOut.values[0]!
        let (allocationResult, allocationSeconds) = allocationOut.values[0]!
        let pairing = try pairingResult.get()
        let allocation = try allocationResult.get()
        var result = PlanResult(dataset: dataset, pairing: pairing, allocation: allocation,
                                timings: ["pairing": pairingSeconds, "allocation": allocationSeconds])
        if !dataset.overrides.isEmpty {
            // `pairing` above ignored the overrides (the allocation honoured them): the optimum without.
            let t1 = clock.now
            result = try OverridePlanning.apply(result, pairing: pairing, options: options, deadline: deadline)
            result.timings["overrides"] = (clock.now - t1).seconds
        }
        result.timings["total"] = (clock.now - t0).seconds
        return result
    }
}

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
    /// Seconds at most for `alternatives.csv` (within the plan's deadline); children not reached
    /// by then have no rows, and the summary and the terminal say how many.
    public var alternativesSeconds: Double = 60
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
        // Exact alternative leads of every child, from the proven pairing, within the deadline.
        // They get at most `alternativesSeconds` of what is left: the searches are exact but not yet
        // fast (Guides/Pairing.md), and a plan must not wait for them; what is cut is reported.
        let alternativesDeadline = Deadline(seconds: deadline.limit(options.alternativesSeconds))
        let alternatives = PairingAlternatives.compute(dataset, pairing, perChild: Int(dataset.settings.pairingAlternatives),
                                                       deadline: alternativesDeadline, threads: 2)
        return PlanResult(dataset: dataset, pairing: pairing, allocation: allocation,
                          timings: ["pairing": pairingSeconds, "allocation": allocationSeconds, "alternatives": alternatives.seconds,
                                    "total": (clock.now - t0).seconds],
                          alternatives: alternatives)
    }
}

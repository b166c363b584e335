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
    /// When the command started, before the dataset was read: the time limit counts from there,
    /// so that reading and writing are inside it too (`nil`: from the start of `Planner.plan`).
    public var startedAt: ContinuousClock.Instant?
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
        let budget = Planner.budget(dataset, options: options, now: t0)
        let deadline = budget.solvingDeadline(from: options.startedAt ?? t0)
        let pairingOut = ResultSlots<TimedPart<PairingSolution>>(count: 1)
        let allocationOut = ResultSlots<TimedPart<AllocationSolution>>(count: 1)
        WorkerThreads.run(2) { worker in
            if worker == 0 {
                pairingOut.store(0, solvePairing(dataset, options: options, deadline: deadline))
            } else {
                // The pairing is the longer part at every scale but the smallest, and its pricing
                // uses both cores: the allocation and its probes take what it leaves.
                WorkerThreads.lowerPriority(by: 10)
                allocationOut.store(0, solveAllocation(dataset, options: options, deadline: deadline))
            }
        }
        var plan = try assemble(dataset, pairingOut.values[0]!, allocationOut.values[0]!, total: 0)
        plan = try applyOverrides(plan, options: options, deadline: deadline)
        // Exact alternative leads of every child, from the proven pairing, within the deadline.
        // They get at most `alternativesSeconds` of what is left: the searches are exact but not yet
        // fast (Guides/Pairing.md), and a plan must not wait for them; what is cut is reported.
        let alternativesDeadline = Deadline(seconds: deadline.limit(options.alternativesSeconds))
        // Under `overrides.csv` only when its pair lines (if any) forbid pairs in both roles or lock
        // leads: the searches do not know the side rows of the other pair lines
        // (`PairingAlternatives.searchable`). Allocation lines leave the pairing as it is.
        let asked = Int(dataset.settings.pairingAlternatives)
        let skipped = !PairingAlternatives.searchable(dataset)
        var alternatives = PairingAlternatives.compute(dataset, plan.pairing, perChild: skipped ? 0 : asked,
                                                       deadline: alternativesDeadline, threads: 2)
        if skipped && asked > 0 {
            alternatives.perChild = asked
            alternatives.skippedForPairOverrides = true
        }
        plan.alternatives = alternatives
        plan.timeBudget = budget
        plan.timings["alternatives"] = alternatives.seconds
        plan.timings["total"] = (clock.now - t0).seconds
        return plan
    }

    /// How the time limit of `options` is shared out for `dataset` (`TimeBudget`), reading counted
    /// from `options.startedAt` to `now`.
    public static func budget(_ dataset: Dataset, options: PlannerOptions, now: ContinuousClock.Instant = .now) -> TimeBudget {
        TimeBudget(limit: options.timeLimit ?? dataset.settings.planTimeLimit, dataset: dataset,
                   readSeconds: options.startedAt.map { (now - $0).seconds } ?? 0)
    }

    /// A part of a plan (pairing or allocation) as solved, with its wall-clock seconds.
    struct TimedPart<T: Sendable>: Sendable {
        var result: Result<T, Error>
        var seconds: Double
    }

    /// The pairing of `dataset` within `deadline`, on the calling thread.
    static func solvePairing(_ dataset: Dataset, options: PlannerOptions, deadline: Deadline) -> TimedPart<PairingSolution> {
        var o = options.pairing
        o.progress = options.progress
        o.deadline = deadline
        let start = ContinuousClock.now
        let r = Result { try PairingSolver.solve(dataset, options: o) }
        return TimedPart(result: r, seconds: (ContinuousClock.now - start).seconds)
    }

    /// The allocation of `dataset` (with its explanations) within `deadline`, on the calling thread.
    static func solveAllocation(_ dataset: Dataset, options: PlannerOptions, deadline: Deadline) -> TimedPart<AllocationSolution> {
        var o = options.allocation
        o.progress = options.progress
        o.deadline = deadline
        let start = ContinuousClock.now
        let r = Result { try AllocationSolver.solve(dataset, options: o) }
        return TimedPart(result: r, seconds: (ContinuousClock.now - start).seconds)
    }

    /// The plan of `dataset` from its two parts (the pairing's error first).
    static func assemble(_ dataset: Dataset, _ pairing: TimedPart<PairingSolution>, _ allocation: TimedPart<AllocationSolution>,
                         total: Double) throws -> PlanResult {
        PlanResult(dataset: dataset, pairing: try pairing.result.get(), allocation: try allocation.result.get(),
                   timings: ["pairing": pairing.seconds, "allocation": allocation.seconds, "total": total])
    }

    /// With `overrides.csv`: the pairing under the overrides (the pairing solved first ignored
    /// them; the allocation honoured them), both optima and the price of each line, within the
    /// deadline (`OverridePlanning`). Without, `plan` unchanged.
    static func applyOverrides(_ plan: PlanResult, options: PlannerOptions, deadline: Deadline) throws -> PlanResult {
        guard !plan.dataset.overrides.isEmpty else { return plan }
        let clock = ContinuousClock(), t1 = clock.now
        var result = try OverridePlanning.apply(plan, pairing: plan.pairing, options: options, deadline: deadline)
        result.timings["overrides"] = (clock.now - t1).seconds
        return result
    }
}

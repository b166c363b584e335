import Foundation

/// A solved plan: the dataset, the pairing and the allocation, ready to be written.
public struct PlanResult: Sendable {
    public var dataset: Dataset
    public var pairing: PairingSolution
    public var allocation: AllocationSolution
    public var timings: [String: Double]
    /// With `overrides.csv`: the optima without it and the price of each line.
    public var overrides: OverrideOutcome? = nil

    public var summary: PlanSummary {
        var s = PlanSummary(dataset: dataset, pairing: pairing, allocation: AllocationSummaryPart(allocation), timings: timings)
        s.overrides = overrides?.summary(pairing: pairing, allocation: allocation)
        return s
    }
}

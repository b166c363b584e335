import Foundation

/// A solved plan: the dataset, the pairing and the allocation, ready to be written.
public struct PlanResult: Sendable {
    public var dataset: Dataset
    public var pairing: PairingSolution
    public var allocation: AllocationSolution
    public var timings: [String: Double]

    public var summary: PlanSummary {
        PlanSummary(dataset: dataset, pairing: pairing, allocation: AllocationSummaryPart(allocation), timings: timings)
    }
}

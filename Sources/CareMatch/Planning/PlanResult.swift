import Foundation

/// A solved plan: the dataset, the pairing and the allocation, ready to be written.
public struct PlanResult: Sendable {
    public var dataset: Dataset
    public var pairing: PairingSolution
    public var allocation: AllocationSolution
    public var timings: [String: Double]
    /// Each child's best alternative leads (`alternatives.csv`); nil when not computed.
    public var alternatives: PairingAlternatives? = nil
    /// With `overrides.csv`: the optima without it and the price of each line.
    public var overrides: OverrideOutcome? = nil
    /// How the time limit was shared out (nil for plans not made by `Planner`).
    public var timeBudget: TimeBudget? = nil

    public var summary: PlanSummary {
        var s = PlanSummary(dataset: dataset, pairing: pairing, allocation: AllocationSummaryPart(allocation), timings: timings)
        s.alternatives = alternatives.map(AlternativesSummaryPart.init)
        s.overrides = overrides?.summary(pairing: pairing, allocation: allocation)
        s.timeBudget = timeBudget
        return s
    }
}

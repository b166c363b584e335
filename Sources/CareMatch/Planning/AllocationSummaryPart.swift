/// The allocation part of `summary.json`.
public struct AllocationSummaryPart: Codable, Sendable {
    /// The plan's score rounded half away from zero to 0.01.
    public var score: Double
    /// The solver's proven upper bound, rounded up to 0.01.
    public var bound: Double
    public var gap: Double
    public var status: String
}

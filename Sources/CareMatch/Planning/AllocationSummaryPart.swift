/// The allocation part of `summary.json`.
public struct AllocationSummaryPart: Codable, Sendable {
    /// The plan's score rounded half away from zero to 0.01.
    public var score: Double
    /// The solver's proven upper bound, rounded up to 0.01.
    public var bound: Double
    public var gap: Double
    public var status: String
    public var kpis: AllocationKPIs
    public var certificate: AllocationCertificate
    public var explanations: AllocationExplanations
    public var statistics: AllocationStatistics
    public var unmetNeeds: Int

    public init(_ a: AllocationSolution) {
        score = Decimals.round(a.score)
        bound = Decimals.roundUp(a.bound)
        gap = a.gap
        status = a.status.rawValue
        kpis = a.kpis
        certificate = a.certificate
        explanations = a.explanations
        statistics = a.statistics
        unmetNeeds = a.unmet.count
    }
}

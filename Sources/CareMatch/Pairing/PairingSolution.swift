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
    /// What one more unit of mom capacity is worth, by county and township.
    public var capacity = CapacityReport(counties: [], townships: [])
}

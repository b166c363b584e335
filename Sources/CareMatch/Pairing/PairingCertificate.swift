/// How the optimum was found and proven.
public struct PairingCertificate: Sendable, Codable, Hashable {
    /// The plan's score and the dual objective, in points (exact sums of integer units).
    public var primal: Double
    public var dual: Double
    /// `primal − dual` in points: 0 proves optimality.
    public var gap: Double
    /// Largest violation of a dual constraint or complementary-slackness condition, in points.
    public var maxComplementarySlacknessViolation: Double
    /// Allowed pairs whose reduced cost pricing computed against the potentials, over all rounds
    /// (the others within reach were excluded by the bounds of `Pricing`).
    public var pairsPriced: Int
    public var proven: Bool
    /// The search stopped at the plan's deadline (`dual` is then a valid bound from the mom
    /// prices reached, `PairingBound.lagrangian`, or `PairingBound.coarse` under locked pairs).
    public var cutShortByDeadline: Bool = false
}

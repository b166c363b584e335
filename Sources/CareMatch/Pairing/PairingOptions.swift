/// Settings of the pairing engine that do not change the optimum, only the way to it.
public struct PairingOptions: Sendable {
    /// Nearest allowed moms per child in the first restricted model.
    public var nearest = 5
    /// Nearest allowed moms sharing an interest per child, beyond the nearest.
    public var sharing = 2
    /// Pairs added per child and pricing round, best reduced cost first.
    public var pricedPerChild = 2
    /// How the whole model's first basis is found.
    public var start = PairingStart.optimalFlow
    /// Pairs added per child and round in the Swift phase of `PairingStart.optimalFlow`.
    public var flowPricedPerChild = 16
    /// Pairs added per mom in the Swift-phase rounds that add many pairs (at least one per 64
    /// nodes), priced from the moms' side after the children's (0: none). A mom at the edge of
    /// a region short of moms then links to the children who want her most, and the region's
    /// prices settle in fewer rounds: 7 heavy rounds instead of 12 at scale 10.
    public var flowPricedPerMom = 12
    /// Swift-phase rounds after the first start from the previous flow and potentials (true)
    /// or afresh (false; measured slower).
    public var flowWarmRounds = true
    /// Warm rounds that add at least half as many pairs as the network has nodes are
    /// re-optimized by cost scaling (true), others by successive shortest paths; false: all by
    /// shortest paths (measured slower on large models).
    public var flowCostScaling = true
    /// If set, the final restricted model (the one whose optimum the certificate proves) is
    /// written there as `pairing.mps` and `pairing.lp`, so an analyst can check it elsewhere.
    public var exportDirectory: String?
    /// Safety stop for the pricing loop (never reached in practice: each round adds pairs).
    public var maxRounds = 500
    /// The plan's deadline: checked between pricing rounds; a pairing stopped there keeps its
    /// feasible flow, is not proven, and states a valid bound (`PairingBound`).
    public var deadline = Deadline.none
    /// Called with short progress lines (rounds, columns) on the solving thread.
    public var progress: (@Sendable (String) -> Void)?
    public init() {}
}

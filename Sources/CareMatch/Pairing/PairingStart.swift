/// How the pricing loop's first basis of the whole model is found. Every choice ends with the
/// same proof (GLPK's optimal basis, priced against every allowed pair); they differ in speed.
public enum PairingStart: String, Sendable, CaseIterable {
    /// An optimal flow found in Swift (successive shortest paths with pricing, `FlowStart`),
    /// handed to GLPK as an optimal spanning-tree basis; GLPK's simplex confirms it.
    case optimalFlow = "flow"
    /// Each county solved apart by GLPK's simplex from a greedy pairing, their optimal bases
    /// joined.
    case countyBases = "counties"
    /// A greedy pairing with a diagonal basis; GLPK's simplex does all the work.
    case greedy
}

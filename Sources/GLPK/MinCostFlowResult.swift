/// The outcome of `FlowNetwork.solveMinCost()`.
///
/// The corresponding C function is `glp_mincost_okalg`.
public struct MinCostFlowResult: Sendable, Equatable {
    /// How the solve ended.
    public enum Status: Sendable, Equatable {
        /// An optimal flow was found.
        case optimal
        /// No flow satisfies the bounds and supplies (`GLP_ENOPFS`).
        case infeasible
        /// The out-of-kilter algorithm overflowed its integer arithmetic (`GLP_ERANGE`), or the
        /// total cost does not fit in `Int`.
        case integerOverflow
    }

    public var status: Status
    /// Flow on each arc, in the order arcs were added (empty unless `.optimal`).
    public var flows: [Int]
    /// Node potentials π (GLPK's Lagrange multipliers of the conservation rows
    /// Σout − Σin = supply), in node order (empty unless `.optimal`). The reduced cost of arc
    /// (u, v) is `cost − π[u] + π[v]`: it is ≥ 0 on arcs at their lower bound, ≤ 0 at their
    /// capacity, and 0 strictly between.
    public var potentials: [Int]
    /// Σ cost × flow (0 unless `.optimal`).
    public var totalCost: Int
}

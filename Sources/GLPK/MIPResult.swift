/// The outcome of `Problem.intopt`.
///
/// The corresponding C functions are `glp_intopt` (termination), `glp_mip_status` (status) and
/// `glp_mip_obj_val` (objective); the bound comes from the shim's branch-and-bound callback
/// (`glp_ios_best_node`, `glp_ios_node_bound`).
public struct MIPResult: Sendable, Equatable {
    /// Why the solver stopped (`timeLimit`, `gapReached`, `noPrimalFeasible`, …).
    public var termination: Termination
    /// `.optimal`, `.feasible`, `.noFeasible` or `.undefined`.
    public var status: SolutionStatus
    /// The objective of the best integer solution, if there is one.
    public var objective: Double?
    /// The best proven bound on the optimum: equal to `objective` when optimal; the last best
    /// node bound seen by the callback when the search stopped early (if the tree was reached).
    public var bound: Double?
    /// Relative gap |objective − bound| / (|objective| + DBL_EPSILON), when both are known.
    public var gap: Double? {
        guard let objective, let bound else { return nil }
        return abs(objective - bound) / (abs(objective) + Double.ulpOfOne)
    }
    /// Branch-and-bound subproblems created (0 if the search never reached the tree).
    public var nodes: Int
    /// Simplex iterations spent by this call (LP relaxation and subproblems).
    public var iterations: Int
    /// Whether `MIPOptions.startingSolution` became the first incumbent (`nil`: none was given,
    /// or the search ended before GLPK asked for heuristic solutions).
    public var startingSolutionAccepted: Bool? = nil
}

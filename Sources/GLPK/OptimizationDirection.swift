import CGLPK

/// The sense of the objective function.
///
/// The corresponding C function is `glp_set_obj_dir` (`GLP_MIN`, `GLP_MAX`).
public enum OptimizationDirection: Sendable, Equatable {
    case minimize
    case maximize

    var glpValue: Int32 { self == .minimize ? GLP_MIN : GLP_MAX }
}

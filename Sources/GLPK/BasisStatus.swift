import CGLPK

/// The status of a row or column in a basis.
///
/// The corresponding C functions are `glp_set_row_stat`, `glp_get_row_stat`, `glp_set_col_stat`
/// and `glp_get_col_stat` (`GLP_BS`, `GLP_NL`, `GLP_NU`, `GLP_NF`, `GLP_NS`). GLPK replaces a
/// non-basic status that does not fit the variable's bounds with the one that does.
public enum BasisStatus: Sendable, Equatable {
    /// Basic.
    case basic
    /// Non-basic at its lower bound.
    case lowerBound
    /// Non-basic at its upper bound.
    case upperBound
    /// Non-basic free (unbounded) variable.
    case free
    /// Non-basic fixed variable.
    case fixed

    var glpValue: Int32 {
        switch self {
        case .basic: return GLP_BS
        case .lowerBound: return GLP_NL
        case .upperBound: return GLP_NU
        case .free: return GLP_NF
        case .fixed: return GLP_NS
        }
    }

    init(glpValue: Int32) {
        switch glpValue {
        case GLP_BS: self = .basic
        case GLP_NL: self = .lowerBound
        case GLP_NU: self = .upperBound
        case GLP_NF: self = .free
        default: self = .fixed
        }
    }
}

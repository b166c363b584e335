import CGLPK

/// The kind of a column.
///
/// Integer columns must have integral bounds (checked when the kind or the bounds are set).
/// `binary` also sets the bounds to [0, 1]. The corresponding C function is `glp_set_col_kind`
/// (`GLP_CV`, `GLP_IV`, `GLP_BV`).
public enum ColumnKind: Sendable, Equatable {
    case continuous
    case integer
    case binary

    var glpValue: Int32 {
        switch self {
        case .continuous: return GLP_CV
        case .integer: return GLP_IV
        case .binary: return GLP_BV
        }
    }
}

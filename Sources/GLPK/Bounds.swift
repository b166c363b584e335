import CGLPK

/// The bounds of a row (auxiliary variable) or a column (structural variable).
///
/// Values must be finite; `range(lo, hi)` needs `lo <= hi`, and `range(v, v)` is the same as
/// `fixed(v)`. The corresponding C functions are `glp_set_row_bnds` and `glp_set_col_bnds`
/// (`GLP_FR`, `GLP_LO`, `GLP_UP`, `GLP_DB`, `GLP_FX`).
public enum Bounds: Equatable, Sendable {
    case free
    case lower(Double)
    case upper(Double)
    case range(Double, Double)
    case fixed(Double)

    /// The GLPK type and the (lb, ub) pair, after validation.
    func validated(_ what: @autoclosure () -> String) throws -> (type: Int32, lb: Double, ub: Double) {
        func finite(_ v: Double) throws -> Double {
            guard v.isFinite else {
                throw GLPKError.invalidArgument("\(what()): bound \(v) is not finite")
            }
            return v
        }
        switch self {
        case .free: return (GLP_FR, 0, 0)
        case .lower(let lo): return (GLP_LO, try finite(lo), 0)
        case .upper(let hi): return (GLP_UP, 0, try finite(hi))
        case .fixed(let v): let v = try finite(v); return (GLP_FX, v, v)
        case .range(let lo, let hi):
            let lo = try finite(lo), hi = try finite(hi)
            guard lo <= hi else {
                throw GLPKError.invalidArgument("\(what()): lower bound \(lo) exceeds upper bound \(hi)")
            }
            return lo == hi ? (GLP_FX, lo, hi) : (GLP_DB, lo, hi)
        }
    }

    /// The lower bound, or `nil` when there is none.
    public var lowerValue: Double? {
        switch self {
        case .lower(let v), .fixed(let v), .range(let v, _): return v
        case .free, .upper: return nil
        }
    }

    /// The upper bound, or `nil` when there is none.
    public var upperValue: Double? {
        switch self {
        case .upper(let v), .fixed(let v), .range(_, let v): return v
        case .free, .lower: return nil
        }
    }

    /// The bounds' finite values (to check integrality).
    var finiteValues: [Double] {
        switch self {
        case .free: return []
        case .lower(let v), .upper(let v), .fixed(let v): return [v]
        case .range(let lo, let hi): return [lo, hi]
        }
    }

    init(glpType: Int32, lb: Double, ub: Double) {
        switch glpType {
        case GLP_LO: self = .lower(lb)
        case GLP_UP: self = .upper(ub)
        case GLP_DB: self = .range(lb, ub)
        case GLP_FX: self = .fixed(lb)
        default: self = .free
        }
    }
}

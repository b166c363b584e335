/// An error reported by the GLPK wrapper.
///
/// Invalid input is rejected in Swift before it reaches GLPK (`invalidArgument`); GLPK's own fatal
/// errors, which would otherwise abort the process, are caught by the C shim (`fatal`).
public enum GLPKError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An index, bound, kind, coefficient or name was rejected before calling GLPK.
    case invalidArgument(String)
    /// GLPK hit a fatal error; the shim caught it and freed the thread's GLPK environment, so every
    /// problem and graph created on this thread before is gone. The text is what GLPK printed.
    case fatal(String)
    /// A GLPK routine returned a failure code that is not a solution status (for example
    /// `glp_write_mps` could not open the file). `code` is GLPK's return value.
    case solverFailed(code: Int, String)
    /// The object's GLPK environment was freed (by `GLPKEnvironment.free()` or after a caught fatal
    /// error); the object can no longer be used.
    case environmentFreed
    /// The operation needs a solution state that is not there (for example sensitivity analysis
    /// without an optimal basic solution).
    case notAvailable(String)

    public var description: String {
        switch self {
        case .invalidArgument(let message): return "GLPK: invalid argument: \(message)"
        case .fatal(let message): return "GLPK fatal error (caught): \(message)"
        case .solverFailed(let code, let message): return "GLPK failed (code \(code)): \(message)"
        case .environmentFreed: return "GLPK: the environment that owned this object was freed"
        case .notAvailable(let message): return "GLPK: not available: \(message)"
        }
    }
}

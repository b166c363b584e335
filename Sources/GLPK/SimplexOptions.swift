import CGLPK

/// Control parameters of the simplex solver.
///
/// The corresponding C type is `glp_smcp` (filled with `glp_init_smcp`).
public struct SimplexOptions {
    /// The simplex method. The corresponding C field is `meth`.
    public enum Method: Sendable { case primal, dual, dualPrimal }
    /// The pricing rule. The corresponding C field is `pricing`.
    public enum Pricing: Sendable { case standard, steepestEdge }

    /// Default: `.primal` (GLPK's default).
    public var method: Method = .primal
    /// Default: `.steepestEdge` (GLPK's default).
    public var pricing: Pricing = .steepestEdge
    /// Use the LP presolver (GLPK's default: off). The presolver ignores the current basis, so a warm
    /// start needs `presolve == false`.
    public var presolve: Bool = false
    /// Time limit in seconds (`nil`: none). Rounded to milliseconds; must be positive.
    public var timeLimit: Double? = nil
    /// Simplex iteration limit (`nil`: none).
    public var iterationLimit: Int? = nil
    /// How much GLPK prints. Default `.off`.
    public var messageLevel: MessageLevel = .off
    /// Where printed lines go when `messageLevel != .off`.
    public var output: TerminalOutput = .logger

    public init(method: Method = .primal, presolve: Bool = false, timeLimit: Double? = nil,
                iterationLimit: Int? = nil, messageLevel: MessageLevel = .off,
                output: TerminalOutput = .logger) {
        self.method = method
        self.presolve = presolve
        self.timeLimit = timeLimit
        self.iterationLimit = iterationLimit
        self.messageLevel = messageLevel
        self.output = output
    }

    func makeParameters() throws -> glp_smcp {
        var parm = glp_smcp()
        glp_init_smcp(&parm)
        parm.msg_lev = messageLevel.glpValue
        switch method {
        case .primal: parm.meth = GLP_PRIMAL
        case .dual: parm.meth = GLP_DUAL
        case .dualPrimal: parm.meth = GLP_DUALP
        }
        parm.pricing = pricing == .standard ? GLP_PT_STD : GLP_PT_PSE
        parm.presolve = presolve ? GLP_ON : GLP_OFF
        if let t = timeLimit { parm.tm_lim = try milliseconds(t, "SimplexOptions.timeLimit") }
        if let n = iterationLimit {
            guard n >= 0, n <= Int(Int32.max) else {
                throw GLPKError.invalidArgument("SimplexOptions.iterationLimit \(n) is outside 0...\(Int32.max)")
            }
            parm.it_lim = Int32(n)
        }
        return parm
    }
}

/// Converts a time limit in seconds to GLPK's milliseconds, checking it.
func milliseconds(_ seconds: Double, _ what: String) throws -> Int32 {
    guard seconds.isFinite, seconds > 0, seconds * 1000 <= Double(Int32.max) else {
        throw GLPKError.invalidArgument("\(what) \(seconds) s must be positive and at most \(Int32.max / 1000) s")
    }
    return Int32(max(1, (seconds * 1000).rounded()))
}

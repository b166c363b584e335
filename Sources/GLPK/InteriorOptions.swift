import CGLPK

/// Control parameters of the interior-point solver.
///
/// The corresponding C type is `glp_iptcp` (filled with `glp_init_iptcp`).
public struct InteriorOptions {
    /// The ordering used before Cholesky factorization. The corresponding C field is `ord_alg`.
    public enum Ordering: Sendable { case none, quotientMinimumDegree, approximateMinimumDegree, symmetricApproximateMinimumDegree }

    /// Default `.approximateMinimumDegree` (GLPK's default).
    public var ordering: Ordering = .approximateMinimumDegree
    /// How much GLPK prints. Default `.off`.
    public var messageLevel: MessageLevel = .off
    /// Where printed lines go when `messageLevel != .off`.
    public var output: TerminalOutput = .logger

    public init(ordering: Ordering = .approximateMinimumDegree, messageLevel: MessageLevel = .off,
                output: TerminalOutput = .logger) {
        self.ordering = ordering
        self.messageLevel = messageLevel
        self.output = output
    }

    func makeParameters() -> glp_iptcp {
        var parm = glp_iptcp()
        glp_init_iptcp(&parm)
        parm.msg_lev = messageLevel.glpValue
        switch ordering {
        case .none: parm.ord_alg = GLP_ORD_NONE
        case .quotientMinimumDegree: parm.ord_alg = GLP_ORD_QMD
        case .approximateMinimumDegree: parm.ord_alg = GLP_ORD_AMD
        case .symmetricApproximateMinimumDegree: parm.ord_alg = GLP_ORD_SYMAMD
        }
        return parm
    }
}

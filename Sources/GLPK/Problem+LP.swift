import CGLPK
import CGLPKShim

extension Problem {
    /// Solves the LP relaxation with the simplex method, starting from the current basis unless
    /// `options.presolve` is on.
    ///
    /// Infeasible or unbounded problems are reported in the returned status, not thrown.
    /// Throws `GLPKError.fatal` if GLPK hit a fatal error (caught by the shim).
    /// The corresponding C function is `glp_simplex`.
    public func simplex(_ options: SimplexOptions = .init()) throws -> LPStatus {
        try check()
        var parm = try options.makeParameters()
        let before = glp_get_it_cnt(prob)
        var ret: Int32 = 0
        let code = withTerminalOutput(level: options.messageLevel, output: options.output) {
            cmglp_guarded_simplex(prob, &parm, &ret)
        }
        guard code == CMGLP_OK else { throw caughtFatalError() }
        lastSolve = .simplex
        let termination = Termination(code: ret)
        var status = SolutionStatus(glpValue: glp_get_status(prob))
        var primal = SolutionStatus(glpValue: glp_get_prim_stat(prob))
        var dual = SolutionStatus(glpValue: glp_get_dual_stat(prob))
        if termination == .noPrimalFeasible { status = .noFeasible; primal = .noFeasible }
        if termination == .noDualFeasible { dual = .noFeasible }
        return LPStatus(termination: termination, status: status, primal: primal, dual: dual,
                        iterations: Int(glp_get_it_cnt(prob) - before))
    }

    /// Solves the LP with the primal-dual interior-point method (no basis is produced).
    ///
    /// The corresponding C function is `glp_interior`.
    public func interior(_ options: InteriorOptions = .init()) throws -> LPStatus {
        try check()
        var parm = options.makeParameters()
        var ret: Int32 = 0
        let code = withTerminalOutput(level: options.messageLevel, output: options.output) {
            cmglp_guarded_interior(prob, &parm, &ret)
        }
        guard code == CMGLP_OK else { throw caughtFatalError() }
        lastSolve = .interior
        let termination = Termination(code: ret)
        var status = SolutionStatus(glpValue: glp_ipt_status(prob))
        if termination == .noFeasible { status = .noFeasible }
        return LPStatus(termination: termination, status: status, primal: status, dual: status, iterations: 0)
    }

    /// Which solution the LP accessors read: the interior-point one after `interior`, the basic one otherwise.
    var usesInteriorSolution: Bool { lastSolve == .interior }

    /// The objective value of the last LP solve (basic or interior-point). The corresponding C
    /// functions are `glp_get_obj_val` and `glp_ipt_obj_val`.
    public var objectiveValue: Double {
        assertUsable()
        return usesInteriorSolution ? glp_ipt_obj_val(prob) : glp_get_obj_val(prob)
    }

    /// Column primal values of the last LP solve. The corresponding C functions are
    /// `glp_get_col_prim` and `glp_ipt_col_prim`.
    public func columnValues() -> [Double] {
        assertUsable()
        let f = usesInteriorSolution ? glp_ipt_col_prim : glp_get_col_prim
        return (0..<columnCount).map { f(prob, Int32($0 + 1)) }
    }

    /// Row activities (Ax) of the last LP solve. The corresponding C functions are
    /// `glp_get_row_prim` and `glp_ipt_row_prim`.
    public func rowValues() -> [Double] {
        assertUsable()
        let f = usesInteriorSolution ? glp_ipt_row_prim : glp_get_row_prim
        return (0..<rowCount).map { f(prob, Int32($0 + 1)) }
    }

    /// Row duals (shadow prices) of the last LP solve. The corresponding C functions are
    /// `glp_get_row_dual` and `glp_ipt_row_dual`.
    public func rowDuals() -> [Double] {
        assertUsable()
        let f = usesInteriorSolution ? glp_ipt_row_dual : glp_get_row_dual
        return (0..<rowCount).map { f(prob, Int32($0 + 1)) }
    }

    /// Column reduced costs of the last LP solve. The corresponding C functions are
    /// `glp_get_col_dual` and `glp_ipt_col_dual`.
    public func reducedCosts() -> [Double] {
        assertUsable()
        let f = usesInteriorSolution ? glp_ipt_col_dual : glp_get_col_dual
        return (0..<columnCount).map { f(prob, Int32($0 + 1)) }
    }

    /// Total simplex iterations spent on this problem so far. The corresponding C function is
    /// `glp_get_it_cnt` (present in GLPK 5.0's header, not yet documented).
    public var simplexIterationCount: Int {
        assertUsable()
        return Int(glp_get_it_cnt(prob))
    }
}

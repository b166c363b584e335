import CGLPK
import CGLPKShim

/// Boxes the progress closure for the shim's branch-and-bound callback.
final class MIPProgressSink {
    let closure: (MIPProgress) -> Bool
    init(_ closure: @escaping (MIPProgress) -> Bool) { self.closure = closure }
}

extension Problem {
    /// Solves the MIP with branch-and-cut.
    ///
    /// With `options.presolve` (the default) GLPK's MIP presolver runs first. Without it, the LP
    /// relaxation must have an optimal basis: if it has none, this method solves it first with
    /// `simplex` (dual simplex); when that LP is not optimal the result says so
    /// (`noFeasible`, or termination `rootLPNotOptimal`) without entering branch-and-cut.
    ///
    /// Integer columns must have integral bounds (checked). The bound in the result comes from the
    /// shim's callback (`glp_ios_best_node`), so a search stopped by the time limit still reports a
    /// proven bound. The corresponding C function is `glp_intopt`.
    public func intopt(_ options: MIPOptions = .init()) throws -> MIPResult {
        try check()
        var parm = try options.makeParameters()
        for j in 0..<columnCount where glp_get_col_kind(prob, Int32(j + 1)) != GLP_CV {
            let c = Int32(j + 1)
            let b = Bounds(glpType: glp_get_col_type(prob, c), lb: glp_get_col_lb(prob, c), ub: glp_get_col_ub(prob, c))
            guard b.finiteValues.allSatisfy({ $0 == $0.rounded() }) else {
                throw GLPKError.invalidArgument("intopt: integer column \(j) has fractional bounds \(b)")
            }
        }
        let before = glp_get_it_cnt(prob)
        if !options.presolve && glp_get_status(prob) != GLP_OPT {
            let lp = try simplex(SimplexOptions(method: .dualPrimal, messageLevel: options.messageLevel, output: options.output))
            if !lp.isOptimal {
                let noFeasible = lp.primal == .noFeasible || lp.status == .noFeasible
                return MIPResult(termination: noFeasible ? .ok : (lp.termination == .ok ? .rootLPNotOptimal : lp.termination),
                                 status: noFeasible ? .noFeasible : .undefined, objective: nil, bound: nil,
                                 nodes: 0, iterations: Int(glp_get_it_cnt(prob) - before))
            }
        }
        var start: [Double]? = nil
        if let x = options.startingSolution {
            guard !options.presolve else {
                throw GLPKError.invalidArgument("intopt: a starting solution needs presolve off (the presolver renumbers columns)")
            }
            guard x.count == columnCount else {
                throw GLPKError.invalidArgument("intopt: starting solution has \(x.count) values for \(columnCount) columns")
            }
            for j in 0..<columnCount where glp_get_col_kind(prob, Int32(j + 1)) != GLP_CV {
                guard x[j].isFinite, x[j] == x[j].rounded() else {
                    throw GLPKError.invalidArgument("intopt: starting solution gives integer column \(j) the value \(x[j])")
                }
            }
            start = [0] + x
        }
        var info = cmglp_mip_info()
        info.report_interval = options.progressInterval
        let sink = options.progress.map(MIPProgressSink.init)
        var ret: Int32 = 0
        let code: Int32 = withExtendedLifetime(sink) {
          (start ?? []).withUnsafeBufferPointer { startBuffer in
            if start != nil { info.heur_x = startBuffer.baseAddress }
            if let sink {
                info.ctx = Unmanaged.passUnretained(sink).toOpaque()
                info.fn = { context, infoPointer in
                    guard let context, let i = infoPointer?.pointee else { return 0 }
                    let progress = MIPProgress(
                        bestBound: i.has_bound != 0 ? i.best_bound : nil,
                        incumbent: i.has_incumbent != 0 ? i.incumbent : nil,
                        gap: i.has_incumbent != 0 && i.gap >= 0 ? i.gap : nil,
                        activeNodes: Int(i.active_nodes), totalNodes: Int(i.total_nodes),
                        isNewIncumbent: i.reason == GLP_IBINGO)
                    return Unmanaged<MIPProgressSink>.fromOpaque(context).takeUnretainedValue().closure(progress) ? 1 : 0
                }
            }
            let code = withTerminalOutput(level: options.messageLevel, output: options.output) {
                cmglp_guarded_intopt(prob, &parm, &info, &ret)
            }
            info.heur_x = nil
            return code
          }
        }
        guard code == CMGLP_OK else { throw caughtFatalError() }
        let termination = Termination(code: ret)
        var status = SolutionStatus(glpValue: glp_mip_status(prob))
        if termination == .noPrimalFeasible { status = .noFeasible }
        let objective: Double? = (status == .optimal || status == .feasible) ? glp_mip_obj_val(prob) : nil
        var bound: Double? = info.has_bound != 0 ? info.best_bound : nil
        if status == .optimal && termination == .ok { bound = objective }
        if let b = bound, let o = objective {
            // A node bound can never be worse than the incumbent it led to.
            bound = direction == .minimize ? min(b, o) : max(b, o)
        }
        return MIPResult(termination: termination, status: status, objective: objective, bound: bound,
                         nodes: Int(info.total_nodes), iterations: Int(glp_get_it_cnt(prob) - before),
                         startingSolutionAccepted: start == nil || info.heur_status == 0 ? nil : info.heur_status == 1)
    }

    /// Column values of the last MIP solution. The corresponding C function is `glp_mip_col_val`.
    public func mipColumnValues() -> [Double] {
        assertUsable()
        return (0..<columnCount).map { glp_mip_col_val(prob, Int32($0 + 1)) }
    }

    /// Row activities of the last MIP solution. The corresponding C function is `glp_mip_row_val`.
    public func mipRowValues() -> [Double] {
        assertUsable()
        return (0..<rowCount).map { glp_mip_row_val(prob, Int32($0 + 1)) }
    }

    /// Objective of the last MIP solution. The corresponding C function is `glp_mip_obj_val`.
    public var mipObjectiveValue: Double {
        assertUsable()
        return glp_mip_obj_val(prob)
    }
}

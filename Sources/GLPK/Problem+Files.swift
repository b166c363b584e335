import CGLPK
import CGLPKShim

extension Problem {
    private func checkPath(_ path: String, _ what: String) throws {
        guard !path.isEmpty, !path.utf8.contains(0) else {
            throw GLPKError.invalidArgument("\(what): invalid path \"\(path)\"")
        }
    }

    /// Writes the problem in free MPS format. MPS has no objective sense: a maximization problem
    /// reads back as minimization (set `direction` after reading). The corresponding C function
    /// is `glp_write_mps` (`GLP_MPS_FILE`).
    public func writeMPS(to path: String) throws {
        try check()
        try checkPath(path, "writeMPS")
        var ret: Int32 = 0
        guard cmglp_guarded_write_mps(prob, GLP_MPS_FILE, path, &ret) == CMGLP_OK else { throw caughtFatalError() }
        guard ret == 0 else { throw GLPKError.solverFailed(code: Int(ret), "could not write MPS file \(path)") }
    }

    /// Writes the problem in CPLEX LP format. The corresponding C function is `glp_write_lp`.
    public func writeCPLEXLP(to path: String) throws {
        try check()
        try checkPath(path, "writeCPLEXLP")
        var ret: Int32 = 0
        guard cmglp_guarded_write_lp(prob, path, &ret) == CMGLP_OK else { throw caughtFatalError() }
        guard ret == 0 else { throw GLPKError.solverFailed(code: Int(ret), "could not write CPLEX LP file \(path)") }
    }

    /// Reads a problem from a free MPS file. The corresponding C function is `glp_read_mps` (`GLP_MPS_FILE`).
    public convenience init(readingMPS path: String) throws {
        self.init()
        try checkPath(path, "Problem(readingMPS:)")
        var ret: Int32 = 0
        guard cmglp_guarded_read_mps(prob, GLP_MPS_FILE, path, &ret) == CMGLP_OK else { throw caughtFatalError() }
        guard ret == 0 else { throw GLPKError.solverFailed(code: Int(ret), "could not read MPS file \(path)") }
    }

    /// Reads a problem from a CPLEX LP file. The corresponding C function is `glp_read_lp`.
    public convenience init(readingCPLEXLP path: String) throws {
        self.init()
        try checkPath(path, "Problem(readingCPLEXLP:)")
        var ret: Int32 = 0
        guard cmglp_guarded_read_lp(prob, path, &ret) == CMGLP_OK else { throw caughtFatalError() }
        guard ret == 0 else { throw GLPKError.solverFailed(code: Int(ret), "could not read CPLEX LP file \(path)") }
    }
}

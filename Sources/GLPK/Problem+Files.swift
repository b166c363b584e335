import CGLPK
import CGLPKShim
import Foundation

extension Problem {
    private func checkPath(_ path: String, _ what: String) throws {
        guard !path.isEmpty, !path.utf8.contains(0) else {
            throw GLPKError.invalidArgument("\(what): invalid path \"\(path)\"")
        }
    }

    /// Writes the problem in free MPS format, with its objective sense: GLPK's writer leaves
    /// the sense out (MPS's default is minimization), so for a maximization an `OBJSENSE` section
    /// with `MAX` is added before `ROWS`, as CPLEX, Gurobi, HiGHS and CBC read it. The
    /// corresponding C function is `glp_write_mps` (`GLP_MPS_FILE`).
    public func writeMPS(to path: String) throws {
        try check()
        try checkPath(path, "writeMPS")
        var ret: Int32 = 0
        guard cmglp_guarded_write_mps(prob, GLP_MPS_FILE, path, &ret) == CMGLP_OK else { throw caughtFatalError() }
        guard ret == 0 else { throw GLPKError.solverFailed(code: Int(ret), "could not write MPS file \(path)") }
        guard direction == .maximize else { return }
        let url = URL(fileURLWithPath: path)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw GLPKError.solverFailed(code: 0, "could not read back MPS file \(path) to add its objective sense")
        }
        var lines = text.components(separatedBy: "\n")
        guard let rows = lines.firstIndex(where: { $0.hasPrefix("ROWS") }) else {
            throw GLPKError.solverFailed(code: 0, "MPS file \(path) has no ROWS section")
        }
        lines.insert(contentsOf: ["OBJSENSE", "    MAX"], at: rows)
        do { try Data(lines.joined(separator: "\n").utf8).write(to: url, options: .atomic) } catch {
            throw GLPKError.solverFailed(code: 0, "could not write MPS file \(path): \(error.localizedDescription)")
        }
    }

    /// Writes the problem in CPLEX LP format. The corresponding C function is `glp_write_lp`.
    public func writeCPLEXLP(to path: String) throws {
        try check()
        try checkPath(path, "writeCPLEXLP")
        var ret: Int32 = 0
        guard cmglp_guarded_write_lp(prob, path, &ret) == CMGLP_OK else { throw caughtFatalError() }
        guard ret == 0 else { throw GLPKError.solverFailed(code: Int(ret), "could not write CPLEX LP file \(path)") }
    }

    /// Reads a problem from a free MPS file, honouring an `OBJSENSE` section (`MAX`/`MAXIMIZE`
    /// or `MIN`/`MINIMIZE`, on the same line or the next), which GLPK's reader rejects: the
    /// section is taken out of a copy of the file before GLPK reads it, and the direction set
    /// after. The corresponding C function is `glp_read_mps` (`GLP_MPS_FILE`).
    public convenience init(readingMPS path: String) throws {
        self.init()
        try checkPath(path, "Problem(readingMPS:)")
        var readPath = path
        var sense: OptimizationDirection?
        var temporary: URL?
        defer { if let t = temporary { try? FileManager.default.removeItem(at: t) } }
        if let text = try? String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8), text.contains("OBJSENSE") {
            var lines = text.components(separatedBy: "\n")
            if let i = lines.firstIndex(where: { $0.hasPrefix("OBJSENSE") }) {
                var words = lines[i].split(separator: " ").dropFirst().map(String.init)
                var remove = 1
                if words.isEmpty, i + 1 < lines.count, lines[i + 1].hasPrefix(" ") || lines[i + 1].hasPrefix("\t") {
                    words = lines[i + 1].split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                    remove = 2
                }
                switch words.first?.uppercased() {
                case "MAX", "MAXIMIZE": sense = .maximize
                case "MIN", "MINIMIZE": sense = .minimize
                default: throw GLPKError.solverFailed(code: 0, "MPS file \(path): OBJSENSE must be MAX or MIN")
                }
                lines.removeSubrange(i..<(i + remove))
                let t = FileManager.default.temporaryDirectory.appendingPathComponent("glpk-read-\(UUID().uuidString).mps")
                try? Data(lines.joined(separator: "\n").utf8).write(to: t)
                temporary = t
                readPath = t.path
            }
        }
        var ret: Int32 = 0
        guard cmglp_guarded_read_mps(prob, GLP_MPS_FILE, readPath, &ret) == CMGLP_OK else { throw caughtFatalError() }
        guard ret == 0 else { throw GLPKError.solverFailed(code: Int(ret), "could not read MPS file \(path)") }
        if let s = sense { direction = s }
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

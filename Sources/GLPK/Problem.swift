import CGLPK
import CGLPKShim

/// A linear or mixed-integer program owned by GLPK.
///
/// Rows and columns are numbered from 0 (GLPK numbers from 1). Every index, bound, kind,
/// coefficient and name is checked in Swift before any GLPK call, because GLPK aborts the process
/// on invalid input; invalid input throws `GLPKError.invalidArgument`.
///
/// A `Problem` is bound to the thread that created it (GLPK keeps one environment per thread):
/// using it from another thread traps. It is not `Sendable`. If the thread's environment is freed
/// (`GLPKEnvironment.free()` or a caught GLPK fatal error), the problem becomes unusable and its
/// `deinit` leaves GLPK alone.
///
/// The corresponding C functions are `glp_create_prob` and `glp_delete_prob`.
public final class Problem {
    let prob: OpaquePointer
    let ownership: ThreadOwnership

    enum LastSolve { case none, simplex, interior }
    var lastSolve = LastSolve.none

    /// Creates an empty problem. `name` must be at most 255 bytes without control characters
    /// (a programmer error otherwise). The corresponding C function is `glp_create_prob`.
    public init(name: String = "", direction: OptimizationDirection = .minimize) {
        precondition((try? validateName(name, "problem")) != nil, "invalid GLPK problem name \"\(name)\"")
        ownership = ThreadOwnership()
        prob = glp_create_prob()
        if !name.isEmpty { glp_set_prob_name(prob, name) }
        glp_set_obj_dir(prob, direction.glpValue)
    }

    deinit {
        precondition(ownership.isOwningThread, "Problem deinitialized on a thread other than the one that created it")
        if ownership.isEnvironmentAlive { glp_delete_prob(prob) }
    }

    /// `false` once the environment that created this problem has been freed.
    public var isUsable: Bool { ownership.isOwningThread && ownership.isEnvironmentAlive }

    func check() throws { try ownership.check("Problem") }
    func assertUsable() { ownership.assertUsable("Problem") }

    // MARK: dimensions

    /// The objective direction. The corresponding C functions are `glp_set_obj_dir` / `glp_get_obj_dir`.
    public var direction: OptimizationDirection {
        get { assertUsable(); return glp_get_obj_dir(prob) == GLP_MAX ? .maximize : .minimize }
        set { assertUsable(); glp_set_obj_dir(prob, newValue.glpValue); lastSolve = .none }
    }

    /// The number of rows. The corresponding C function is `glp_get_num_rows`.
    public var rowCount: Int { assertUsable(); return Int(glp_get_num_rows(prob)) }

    /// The number of columns. The corresponding C function is `glp_get_num_cols`.
    public var columnCount: Int { assertUsable(); return Int(glp_get_num_cols(prob)) }

    /// Adds `n` rows (free, empty) and returns their indices. The corresponding C function is `glp_add_rows`.
    @discardableResult
    public func addRows(_ n: Int) throws -> Range<Int> {
        try check()
        let m = rowCount
        guard n >= 1, n <= Int(Int32.max) - m else {
            throw GLPKError.invalidArgument("addRows: count \(n) must be in 1...\(Int(Int32.max) - m)")
        }
        var first: Int32 = 0
        guard cmglp_guarded_add_rows(prob, Int32(n), &first) == CMGLP_OK else { throw caughtFatalError() }
        lastSolve = .none
        return Int(first) - 1 ..< Int(first) - 1 + n
    }

    /// Adds `n` columns (fixed at 0, continuous, empty) and returns their indices. The corresponding
    /// C function is `glp_add_cols`.
    @discardableResult
    public func addColumns(_ n: Int) throws -> Range<Int> {
        try check()
        let c = columnCount
        guard n >= 1, n <= Int(Int32.max) - c else {
            throw GLPKError.invalidArgument("addColumns: count \(n) must be in 1...\(Int(Int32.max) - c)")
        }
        var first: Int32 = 0
        guard cmglp_guarded_add_cols(prob, Int32(n), &first) == CMGLP_OK else { throw caughtFatalError() }
        lastSolve = .none
        return Int(first) - 1 ..< Int(first) - 1 + n
    }

    func checkRow(_ i: Int, _ what: String) throws -> Int32 {
        let m = rowCount
        guard i >= 0, i < m else { throw GLPKError.invalidArgument("\(what): row index \(i) is outside 0..<\(m)") }
        return Int32(i + 1)
    }

    func checkColumn(_ j: Int, _ what: String) throws -> Int32 {
        let n = columnCount
        guard j >= 0, j < n else { throw GLPKError.invalidArgument("\(what): column index \(j) is outside 0..<\(n)") }
        return Int32(j + 1)
    }

    // MARK: names

    /// Names row `i` (empty erases the name). The corresponding C function is `glp_set_row_name`.
    public func setRowName(_ i: Int, _ name: String) throws {
        try check()
        let r = try checkRow(i, "setRowName")
        try validateName(name, "setRowName(\(i))")
        glp_set_row_name(prob, r, name.isEmpty ? nil : name)
    }

    /// Names column `j` (empty erases the name). The corresponding C function is `glp_set_col_name`.
    public func setColumnName(_ j: Int, _ name: String) throws {
        try check()
        let c = try checkColumn(j, "setColumnName")
        try validateName(name, "setColumnName(\(j))")
        glp_set_col_name(prob, c, name.isEmpty ? nil : name)
    }

    /// The name of row `i` ("" if none). The corresponding C function is `glp_get_row_name`.
    public func rowName(_ i: Int) throws -> String {
        try check()
        let r = try checkRow(i, "rowName")
        return glp_get_row_name(prob, r).map { String(cString: $0) } ?? ""
    }

    /// The name of column `j` ("" if none). The corresponding C function is `glp_get_col_name`.
    public func columnName(_ j: Int) throws -> String {
        try check()
        let c = try checkColumn(j, "columnName")
        return glp_get_col_name(prob, c).map { String(cString: $0) } ?? ""
    }

    // MARK: bounds, objective, kinds

    /// Sets the bounds of row `i`. The corresponding C function is `glp_set_row_bnds`.
    public func setRowBounds(_ i: Int, _ b: Bounds) throws {
        try check()
        let r = try checkRow(i, "setRowBounds")
        let v = try b.validated("setRowBounds(\(i))")
        glp_set_row_bnds(prob, r, v.type, v.lb, v.ub)
    }

    /// Sets the bounds of column `j`; an integer column needs integral bounds. The corresponding C
    /// function is `glp_set_col_bnds`.
    public func setColumnBounds(_ j: Int, _ b: Bounds) throws {
        try check()
        let c = try checkColumn(j, "setColumnBounds")
        let v = try b.validated("setColumnBounds(\(j))")
        if glp_get_col_kind(prob, c) != GLP_CV {
            guard b.finiteValues.allSatisfy({ $0 == $0.rounded() }) else {
                throw GLPKError.invalidArgument("setColumnBounds(\(j)): integer column needs integral bounds, got \(b)")
            }
        }
        glp_set_col_bnds(prob, c, v.type, v.lb, v.ub)
    }

    /// The bounds of row `i`. The corresponding C functions are `glp_get_row_type`, `glp_get_row_lb`, `glp_get_row_ub`.
    public func rowBounds(_ i: Int) throws -> Bounds {
        try check()
        let r = try checkRow(i, "rowBounds")
        return Bounds(glpType: glp_get_row_type(prob, r), lb: glp_get_row_lb(prob, r), ub: glp_get_row_ub(prob, r))
    }

    /// The bounds of column `j`. The corresponding C functions are `glp_get_col_type`, `glp_get_col_lb`, `glp_get_col_ub`.
    public func columnBounds(_ j: Int) throws -> Bounds {
        try check()
        let c = try checkColumn(j, "columnBounds")
        return Bounds(glpType: glp_get_col_type(prob, c), lb: glp_get_col_lb(prob, c), ub: glp_get_col_ub(prob, c))
    }

    /// Sets the objective coefficient of column `j` (finite). The corresponding C function is `glp_set_obj_coef`.
    public func setObjectiveCoefficient(_ j: Int, _ c: Double) throws {
        try check()
        let col = try checkColumn(j, "setObjectiveCoefficient")
        guard c.isFinite else { throw GLPKError.invalidArgument("setObjectiveCoefficient(\(j)): \(c) is not finite") }
        glp_set_obj_coef(prob, col, c)
    }

    /// The objective coefficient of column `j`. The corresponding C function is `glp_get_obj_coef`.
    public func objectiveCoefficient(_ j: Int) throws -> Double {
        try check()
        return glp_get_obj_coef(prob, try checkColumn(j, "objectiveCoefficient"))
    }

    /// The constant term of the objective (must be finite; a programmer error otherwise). The
    /// corresponding C function is `glp_set_obj_coef` with index 0.
    public var objectiveConstant: Double {
        get { assertUsable(); return glp_get_obj_coef(prob, 0) }
        set {
            assertUsable()
            precondition(newValue.isFinite, "objectiveConstant must be finite")
            glp_set_obj_coef(prob, 0, newValue)
        }
    }

    /// Sets the kind of column `j`. Making a column integer requires its current bounds to be
    /// integral; `.binary` sets the bounds to [0, 1]. The corresponding C function is `glp_set_col_kind`.
    public func setColumnKind(_ j: Int, _ k: ColumnKind) throws {
        try check()
        let c = try checkColumn(j, "setColumnKind")
        if k == .integer {
            let b = Bounds(glpType: glp_get_col_type(prob, c), lb: glp_get_col_lb(prob, c), ub: glp_get_col_ub(prob, c))
            guard b.finiteValues.allSatisfy({ $0 == $0.rounded() }) else {
                throw GLPKError.invalidArgument("setColumnKind(\(j)): integer column needs integral bounds, has \(b)")
            }
        }
        glp_set_col_kind(prob, c, k.glpValue)
    }

    /// The kind of column `j`. The corresponding C function is `glp_get_col_kind`.
    public func columnKind(_ j: Int) throws -> ColumnKind {
        try check()
        switch glp_get_col_kind(prob, try checkColumn(j, "columnKind")) {
        case GLP_IV: return .integer
        case GLP_BV: return .binary
        default: return .continuous
        }
    }

    // MARK: matrix

    /// Replaces the whole constraint matrix. Rejects out-of-range indices, non-finite values and
    /// duplicate (row, column) pairs. The corresponding C function is `glp_load_matrix`.
    /// - Complexity: O(count) expected.
    public func loadMatrix(_ m: SparseMatrix) throws {
        try check()
        let nRows = rowCount, nCols = columnCount
        guard m.count <= Int(Int32.max) - 1 else {
            throw GLPKError.invalidArgument("loadMatrix: \(m.count) elements exceed GLPK's limit")
        }
        var seen = Set<Int>(minimumCapacity: m.count)
        var ia = [Int32](repeating: 0, count: m.count + 1)
        var ja = [Int32](repeating: 0, count: m.count + 1)
        var ar = [Double](repeating: 0, count: m.count + 1)
        for k in 0..<m.count {
            let i = m.rows[k], j = m.columns[k], v = m.values[k]
            guard i >= 0, i < nRows else {
                throw GLPKError.invalidArgument("loadMatrix: element \(k) has row \(i) outside 0..<\(nRows)")
            }
            guard j >= 0, j < nCols else {
                throw GLPKError.invalidArgument("loadMatrix: element \(k) has column \(j) outside 0..<\(nCols)")
            }
            guard v.isFinite else {
                throw GLPKError.invalidArgument("loadMatrix: element \(k) (row \(i), column \(j)) is \(v)")
            }
            guard seen.insert(i * nCols + j).inserted else {
                throw GLPKError.invalidArgument("loadMatrix: duplicate element at row \(i), column \(j)")
            }
            ia[k + 1] = Int32(i + 1)
            ja[k + 1] = Int32(j + 1)
            ar[k + 1] = v
        }
        try loadMatrixUnchecked(ia: ia, ja: ja, ar: ar)
    }

    /// Test hook: passes 1-based triplets (slot 0 unused) to the guarded `glp_load_matrix`
    /// without validation, so tests can provoke a GLPK fatal error.
    func loadMatrixUnchecked(ia: [Int32], ja: [Int32], ar: [Double]) throws {
        try check()
        precondition(ia.count == ja.count && ja.count == ar.count && !ia.isEmpty)
        let status = cmglp_guarded_load_matrix(prob, Int32(ia.count - 1), ia, ja, ar)
        guard status == CMGLP_OK else { throw caughtFatalError() }
        lastSolve = .none
    }

    /// The constraint matrix as 0-based triplets, column by column. The corresponding C function is `glp_get_mat_col`.
    public func matrix() -> SparseMatrix {
        assertUsable()
        var result = SparseMatrix()
        let m = rowCount
        var ind = [Int32](repeating: 0, count: m + 1)
        var val = [Double](repeating: 0, count: m + 1)
        for j in 0..<columnCount {
            let len = Int(glp_get_mat_col(prob, Int32(j + 1), &ind, &val))
            for k in stride(from: 1, through: len, by: 1) {
                result.append(row: Int(ind[k]) - 1, column: j, value: val[k])
            }
        }
        return result
    }

    // MARK: basis

    /// Sets the basis status of row `i` (warm start). The corresponding C function is `glp_set_row_stat`.
    public func setRowStatus(_ i: Int, _ s: BasisStatus) throws {
        try check()
        glp_set_row_stat(prob, try checkRow(i, "setRowStatus"), s.glpValue)
    }

    /// Sets the basis status of column `j` (warm start). The corresponding C function is `glp_set_col_stat`.
    public func setColumnStatus(_ j: Int, _ s: BasisStatus) throws {
        try check()
        glp_set_col_stat(prob, try checkColumn(j, "setColumnStatus"), s.glpValue)
    }

    /// The basis status of row `i` (index must be valid: a programmer error otherwise).
    /// The corresponding C function is `glp_get_row_stat`.
    public func rowStatus(_ i: Int) -> BasisStatus {
        assertUsable()
        precondition(i >= 0 && i < rowCount, "rowStatus: row index \(i) out of range")
        return BasisStatus(glpValue: glp_get_row_stat(prob, Int32(i + 1)))
    }

    /// The basis status of column `j` (index must be valid: a programmer error otherwise).
    /// The corresponding C function is `glp_get_col_stat`.
    public func columnStatus(_ j: Int) -> BasisStatus {
        assertUsable()
        precondition(j >= 0 && j < columnCount, "columnStatus: column index \(j) out of range")
        return BasisStatus(glpValue: glp_get_col_stat(prob, Int32(j + 1)))
    }
}

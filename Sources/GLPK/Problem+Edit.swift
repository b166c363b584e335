import CGLPK
import CGLPKShim

extension Problem {
    /// Replaces the coefficients of column `j` by `values` in `rows` (0-based, distinct, finite).
    /// The corresponding C function is `glp_set_mat_col`.
    public func setColumnCoefficients(_ j: Int, rows: [Int], values: [Double]) throws {
        try check()
        let column = try checkColumn(j, "setColumnCoefficients")
        guard rows.count == values.count else {
            throw GLPKError.invalidArgument("setColumnCoefficients: \(rows.count) rows for \(values.count) values")
        }
        let m = rowCount
        var seen = Set<Int>()
        var ind: [Int32] = [0], val: [Double] = [0]
        for (i, v) in zip(rows, values) {
            guard i >= 0, i < m else { throw GLPKError.invalidArgument("setColumnCoefficients: row \(i) is outside 0..<\(m)") }
            guard v.isFinite else { throw GLPKError.invalidArgument("setColumnCoefficients: value \(v) in row \(i)") }
            guard seen.insert(i).inserted else { throw GLPKError.invalidArgument("setColumnCoefficients: row \(i) twice") }
            ind.append(Int32(i + 1)); val.append(v)
        }
        guard cmglp_guarded_set_mat_col(prob, column, Int32(rows.count), ind, val) == CMGLP_OK else { throw caughtFatalError() }
        lastSolve = .none
    }

    /// Deletes the rows in `range` (later rows move down). The corresponding C function is `glp_del_rows`.
    public func deleteRows(_ range: Range<Int>) throws {
        try delete(range, of: rowCount, "deleteRows") { glp_del_rows(prob, $0, $1) }
    }

    /// Deletes the columns in `range` (later columns move down). The corresponding C function is `glp_del_cols`.
    public func deleteColumns(_ range: Range<Int>) throws {
        try delete(range, of: columnCount, "deleteColumns") { glp_del_cols(prob, $0, $1) }
    }

    /// Checks `range` against `count` (GLPK aborts on a bad index), then passes GLPK its 1-based list.
    private func delete(_ range: Range<Int>, of count: Int, _ what: String, _ call: (Int32, [Int32]) -> Void) throws {
        try check()
        guard !range.isEmpty else { return }
        guard range.lowerBound >= 0, range.upperBound <= count else {
            throw GLPKError.invalidArgument("\(what): \(range) is outside 0..<\(count)")
        }
        call(Int32(range.count), [0] + range.map { Int32($0 + 1) })
        lastSolve = .none
    }
}

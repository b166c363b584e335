/// A constraint matrix as (row, column, value) triplets with 0-based indices.
///
/// Validation happens in `Problem.loadMatrix(_:)`: indices in range, finite values, no duplicate
/// (row, column) pair. The corresponding C function is `glp_load_matrix`.
public struct SparseMatrix: Sendable, Equatable {
    public private(set) var rows: [Int] = []
    public private(set) var columns: [Int] = []
    public private(set) var values: [Double] = []

    public init() {}

    /// Appends one element. - Complexity: amortized O(1).
    public mutating func append(row: Int, column: Int, value: Double) {
        rows.append(row)
        columns.append(column)
        values.append(value)
    }

    /// The number of triplets.
    public var count: Int { values.count }

    /// Reserves room for `n` triplets.
    public mutating func reserveCapacity(_ n: Int) {
        rows.reserveCapacity(n)
        columns.reserveCapacity(n)
        values.reserveCapacity(n)
    }
}

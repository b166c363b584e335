import Foundation

/// One table of a plan folder, written both as a CSV file and as a workbook sheet, so the two
/// cannot disagree: the column names of the contract, the kind of number in each column, and
/// typed cells.
public struct PlanTable: Sendable {
    /// What a column holds; decides the CSV number format and the workbook's cell format.
    public enum ColumnKind: Sendable, Hashable {
        case text
        /// Whole numbers (counts, priority).
        case count
        /// Units of a category: at most 6 decimals.
        case units
        /// Yuan: at most 6 decimals in CSV (as `allocations.csv`), two shown in the workbook.
        case yuan
        /// Kilometres: at most 2 decimals.
        case km
        /// Points: at most 2 decimals.
        case points

        /// The most decimals a CSV file writes.
        public var csvDecimals: Int {
            switch self {
            case .text, .count: return 0
            case .units, .yuan: return 6
            case .km, .points: return 2
            }
        }
    }

    /// A cell: text, a number, or empty.
    public enum Cell: Sendable, Hashable {
        case text(String)
        case number(Double)
        case empty
    }

    /// The file name without extension (`deliveries`), also the key of the sheet's title.
    public var name: String
    /// Contract column names (`org_id`), the CSV header.
    public var columns: [String]
    public var kinds: [ColumnKind]
    public var rows: [[Cell]]

    public init(name: String, columns: [(String, ColumnKind)], rows: [[Cell]] = []) {
        self.name = name
        self.columns = columns.map(\.0)
        self.kinds = columns.map(\.1)
        self.rows = rows
    }

    /// The CSV file (contract section 7: RFC 4180, formula-escaped text, CRLF).
    public func csv(byteOrderMark: Bool) -> CSVWriter {
        var w = CSVWriter(header: columns, byteOrderMark: byteOrderMark)
        for r in rows {
            w.appendRow(r.enumerated().map { i, c -> CSVWriter.Cell in
                switch c {
                case .text(let s): return .text(s)
                case .number(let x): return .number(CSVWriter.number(x, decimals: kinds[i].csvDecimals))
                case .empty: return .number("")
                }
            })
        }
        return w
    }
}

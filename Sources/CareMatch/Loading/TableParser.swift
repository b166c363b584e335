import Foundation

/// Reads typed cells from the rows of one CSV file, collecting a diagnostic for every bad cell.
///
/// A bad cell yields `nil` (and a diagnostic naming file, line and column); the caller puts a
/// harmless placeholder in its place so that references to the row still resolve and one bad
/// cell gives one error, not a cascade.
struct TableParser {
    let file: String
    let table: CSVTable
    private(set) var diagnostics: [Diagnostic] = []
    private var index: [String: Int] = [:]

    /// Nil (with an error per missing column, on line 1) when a required column is missing.
    init?(file: String, table: CSVTable, required: [String], optional: [String], diagnostics: inout [Diagnostic]) {
        self.file = file; self.table = table
        var missing = [String]()
        for name in required {
            if let i = table.column(name) { index[name] = i } else { missing.append(name) }
        }
        for name in optional { if let i = table.column(name) { index[name] = i } }
        for dup in table.duplicateColumns where (required + optional).contains(dup) {
            diagnostics.append(.error(file, line: 1, column: dup, "the column appears more than once in the header; keep one"))
        }
        if !missing.isEmpty {
            let present = table.header.map { CSVReader.trim($0) }.filter { !$0.isEmpty }
            for name in missing {
                diagnostics.append(.error(file, line: 1, column: name,
                    "required column '\(name)' is missing from the header (found: \(present.isEmpty ? "no columns" : present.joined(separator: ", "))); the file's rows were not read"))
            }
            return nil
        }
    }

    /// The trimmed text of a cell; `""` when the column is absent.
    func text(_ row: CSVRow, _ column: String) -> String {
        guard let i = index[column] else { return "" }
        return CSVReader.trim(row[i])
    }

    mutating func error(_ row: CSVRow, _ column: String?, _ message: String) {
        diagnostics.append(.error(file, line: row.line, column: column, message))
    }

    /// A non-empty text (ids, counties); nil with an error when empty.
    mutating func required(_ row: CSVRow, _ column: String, _ what: String) -> String? {
        let s = text(row, column)
        if s.isEmpty { error(row, column, "is empty; expected \(what)"); return nil }
        return s
    }

    /// The text, or nil when empty.
    func optionalText(_ row: CSVRow, _ column: String) -> String? {
        let s = text(row, column)
        return s.isEmpty ? nil : s
    }

    /// A number; an empty optional cell gives `.some(nil)`, a bad cell gives nil (with an error).
    mutating func number(_ row: CSVRow, _ column: String, required: Bool) -> Double?? {
        let s = text(row, column)
        if s.isEmpty {
            if required { error(row, column, "is empty; expected a number"); return nil }
            return .some(nil)
        }
        switch CellParser.number(s) {
        case .success(let d): return .some(d)
        case .failure(let e): error(row, column, e.message); return nil
        }
    }

    /// A whole number; conventions as `number`.
    mutating func integer(_ row: CSVRow, _ column: String, required: Bool) -> Int?? {
        let s = text(row, column)
        if s.isEmpty {
            if required { error(row, column, "is empty; expected a whole number"); return nil }
            return .some(nil)
        }
        switch CellParser.integer(s) {
        case .success(let d): return .some(d)
        case .failure(let e): error(row, column, e.message); return nil
        }
    }

    /// A boolean; conventions as `number`.
    mutating func bool(_ row: CSVRow, _ column: String) -> Bool?? {
        let s = text(row, column)
        if s.isEmpty { return .some(nil) }
        switch CellParser.bool(s) {
        case .success(let b): return .some(b)
        case .failure(let e): error(row, column, e.message); return nil
        }
    }

    /// An enum value (required); nil with an error.
    mutating func enumValue<E: RawRepresentable & CaseIterable>(_ row: CSVRow, _ column: String, _ type: E.Type) -> E? where E.RawValue == String {
        switch CellParser.enumValue(text(row, column), type) {
        case .success(let e): return e
        case .failure(let e): error(row, column, e.message); return nil
        }
    }
}

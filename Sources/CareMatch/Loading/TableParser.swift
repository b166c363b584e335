import Foundation

/// Reads typed cells from the rows of one CSV file, collecting a diagnostic for every bad cell.
///
/// A bad cell yields `nil` (and a diagnostic naming file, line and column); the caller puts a
/// harmless placeholder in its place so that references to the row still resolve and one bad
/// cell gives one error, not a cascade.
///
/// The header is checked first: a missing required column is an error, an unknown column a
/// warning (saying which known column it probably meant and what ignoring it does). Then every
/// row must have the header's number of fields (`CSVTable.fieldCountMismatch`): a row that does
/// not is one error, and its cells raise no further errors (they are shifted, so each would
/// only repeat it), while the row is still read so that references to its id resolve.
struct TableParser {
    let file: String
    let table: CSVTable
    private(set) var diagnostics: [Diagnostic] = []
    private var index: [String: Int] = [:]
    /// Lines of rows whose field count differs from the header's.
    private var raggedLines: Set<Int> = []

    /// Nil (with an error per missing column, on line 1) when a required column is missing.
    init?(file: String, table: CSVTable, required: [String], optional: [String], diagnostics: inout [Diagnostic]) {
        self.file = file; self.table = table
        let known = required + optional
        var missing = [String]()
        for name in required {
            if let i = table.column(name) { index[name] = i } else { missing.append(name) }
        }
        for name in optional { if let i = table.column(name) { index[name] = i } }
        for dup in table.duplicateColumns where known.contains(dup) {
            diagnostics.append(.error(file, line: 1, column: dup, "the column appears more than once in the header; keep one"))
        }
        // Unknown columns: kept in the directory, ignored by the solver; said, so a misspelling is seen.
        var unknown = [String]()
        for h in table.header {
            let name = CSVReader.trim(h)
            if name.isEmpty || known.contains(CSVTable.normalize(name)) || unknown.contains(name) { continue }
            unknown.append(name)
        }
        let absent = known.filter { index[$0] == nil }
        for name in unknown {
            if let meant = NameSimilarity.likelyMeant(name, among: absent) {
                let effect = missing.contains(meant)
                    ? "the required column '\(meant)' is missing, so the file's rows were not read"
                    : TableParser.ignoredEffect[meant].map { "so \($0)" } ?? "so its values are not used"
                diagnostics.append(.warning(file, line: 1, column: name,
                    "is not a known column of \(file); did you mean '\(meant)'? It was ignored, \(effect); rename the header to '\(meant)' if that is what it holds"))
            } else {
                diagnostics.append(.warning(file, line: 1, column: name,
                    "is not a known column of \(file) (known: \(known.joined(separator: ", "))); it is kept in the directory but ignored by the plan"))
            }
        }
        if !missing.isEmpty {
            let present = table.header.map { CSVReader.trim($0) }.filter { !$0.isEmpty }
            for name in missing {
                let hint = NameSimilarity.likelyMeant(name, among: unknown).map { " ('\($0)' looks like it: rename that header to '\(name)')" } ?? ""
                diagnostics.append(.error(file, line: 1, column: name,
                    "required column '\(name)' is missing from the header (found: \(present.isEmpty ? "no columns" : present.joined(separator: ", ")))\(hint); the file's rows were not read"))
            }
            return nil
        }
        for row in table.rows {
            guard let found = table.fieldCountMismatch(row) else { continue }
            raggedLines.insert(row.line)
            let n = table.fieldCount
            let advice = found > n
                ? "a cell holding a comma must be quoted (\"Books, Inc.\"), and no cell may stand right of the header's last column"
                : "a row needs a cell (empty if unknown) for every column of the header"
            self.diagnostics.append(.error(file, line: row.line,
                "the row has \(found) field\(found == 1 ? "" : "s"), expected \(n) as in the header (line 1); \(advice). Its cells were not checked further"))
        }
    }

    /// What ignoring an optional column does, said when a header probably misspells it.
    static let ignoredEffect: [String: String] = [
        "township": "every township is empty",
        "age": "no age is read",
        "interests": "no child has interests, and no pair gets the fit bonus",
        "supporters_wanted": "every child wants 0 supporting moms (1 + 0)",
        "paired_mom_id": "no child keeps last quarter's mom through the continuity bonus",
        "skills": "no mom has skills, and no pair gets the fit bonus",
        "max_km": "every mom travels up to pairing.max_km",
        "alliance_member": "no mom is marked as an alliance member",
        "serves": "every offer serves only its own county",
        "eligible_groups": "every offer is open to all groups",
        "priority": "every need has the default priority 3",
    ]

    /// The trimmed text of a cell; `""` when the column is absent.
    func text(_ row: CSVRow, _ column: String) -> String {
        guard let i = index[column] else { return "" }
        return CSVReader.trim(row[i])
    }

    mutating func error(_ row: CSVRow, _ column: String?, _ message: String) {
        if raggedLines.contains(row.line) { return }
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

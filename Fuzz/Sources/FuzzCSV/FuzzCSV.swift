import CareMatch
import Foundation
import FuzzSupport

/// libFuzzer entry point: the input is one CSV file's bytes.
///
/// Checks that `CSVReader.read(data:file:)` either returns a table or throws `CSVReadError` (never
/// traps), that every cell parser (`CellParser.number`, `integer`, `bool`, `enumValue`, `list`) gives
/// a value or a message for every header and data cell, and that a table written back with
/// `CSVWriter` reads back to the same cells (the engine's own files round-trip, formula escapes included).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let table: CSVTable
    do {
        table = try CSVReader.read(data: bytes, file: "fuzz.csv")
    } catch {
        if error.message.isEmpty || error.file != "fuzz.csv" { FuzzSupport.violated("a read error names the file and says what is wrong", "\(error)") }
        return 0
    }
    for (index, row) in table.rows.enumerated() {
        if row.line < 2 { FuzzSupport.violated("data rows start after the header line", "row \(index) on line \(row.line)") }
        if index > 0, row.line <= table.rows[index - 1].line { FuzzSupport.violated("row lines increase", "row \(index) on line \(row.line)") }
    }
    for cell in table.header + table.rows.flatMap(\.cells) { parseEveryWay(cell) }
    checkRoundTrip(table)
    return 0
}

/// Every cell parser on one cell: a value, or a message that is not empty.
func parseEveryWay(_ cell: String) {
    func check<T>(_ r: Result<T, CellError>, _ parser: String) {
        if case .failure(let e) = r, e.message.isEmpty { FuzzSupport.violated("\(parser) explains a refused cell", cell) }
    }
    let number = CellParser.number(cell)
    if case .success(let d) = number, !d.isFinite { FuzzSupport.violated("number() gives finite values", cell) }
    check(number, "number")
    let integer = CellParser.integer(cell)
    if case .success(let i) = integer, case .success(let d) = number, Double(i) != d {
        FuzzSupport.violated("integer() agrees with number()", cell)
    }
    check(integer, "integer")
    check(CellParser.bool(cell), "bool")
    check(CellParser.enumValue(cell, ChildGroup.self), "enumValue(ChildGroup)")
    check(CellParser.enumValue(cell, Resource.self), "enumValue(Resource)")
    check(CellParser.enumValue(cell, OrganizationKind.self), "enumValue(OrganizationKind)")
    check(CellParser.enumValue(cell, PairingRole.self), "enumValue(PairingRole)")
    for entry in CellParser.list(cell) where entry.isEmpty || entry.contains(";") {
        FuzzSupport.violated("list() entries are non-empty and hold no separator", cell)
    }
    _ = CSVReader.trim(cell)
}

/// Writes the table with `CSVWriter` and reads it back: the same header and cells.
///
/// Left out, since the engine never writes such a header: a header whose cells hold a tab (the
/// reader's separator sniffing, tab and no comma on the first physical line, is ambiguous by
/// design), and a first header cell starting with U+FEFF (written first, it is a byte-order mark).
func checkRoundTrip(_ table: CSVTable) {
    if table.header.contains(where: { $0.contains("\t") }) { return }
    if table.header.first?.unicodeScalars.first == "\u{FEFF}" { return }
    var writer = CSVWriter(header: table.header)
    for row in table.rows { writer.appendRow(row.cells) }
    let again: CSVTable
    do { again = try CSVReader.read(data: writer.data, file: "again.csv") } catch {
        FuzzSupport.violated("CSVWriter's output reads back", "\(error)")
    }
    if again.header != table.header {
        FuzzSupport.violated("CSVWriter's output reads back to the same header", "\(table.header) → \(again.header)")
    }
    if again.rows.map(\.cells) != table.rows.map(\.cells) {
        FuzzSupport.violated("CSVWriter's output reads back to the same cells", "\(table.rows.map(\.cells)) → \(again.rows.map(\.cells))")
    }
}

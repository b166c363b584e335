import CXLSXWriter

/// A sheet of an open `Workbook` (libxlsxwriter's `lxw_worksheet`). It keeps its workbook
/// alive; rows and columns are 0-based and checked against Excel's limits before the call.
public struct Worksheet {
    let raw: UnsafeMutablePointer<lxw_worksheet>
    let owner: Workbook

    init(_ raw: UnsafeMutablePointer<lxw_worksheet>, owner: Workbook) { self.raw = raw; self.owner = owner }

    /// Excel's limits: 1,048,576 rows and 16,384 columns.
    public static let maxRows = 1_048_576
    public static let maxColumns = 16_384

    private func checkCell(_ row: Int, _ column: Int, _ function: String) throws {
        guard (0..<Worksheet.maxRows).contains(row), (0..<Worksheet.maxColumns).contains(column) else {
            throw XLSXError(code: -1, function: function, message: "cell (\(row), \(column)) is outside Excel's limits")
        }
    }

    /// Writes text. The corresponding C function is `worksheet_write_string`.
    public func write(_ text: String, row: Int, column: Int, format: CellFormat? = nil) throws {
        try checkCell(row, column, "worksheet_write_string")
        guard !text.utf8.contains(0) else {
            throw XLSXError(code: -1, function: "worksheet_write_string", message: "text with a NUL character")
        }
        try XLSXError.check(worksheet_write_string(raw, lxw_row_t(row), lxw_col_t(column), text, format?.raw), "worksheet_write_string")
    }

    /// Writes a number (finite only). The corresponding C function is `worksheet_write_number`.
    public func write(_ number: Double, row: Int, column: Int, format: CellFormat? = nil) throws {
        try checkCell(row, column, "worksheet_write_number")
        guard number.isFinite else {
            throw XLSXError(code: -1, function: "worksheet_write_number", message: "the number \(number) is not finite")
        }
        try XLSXError.check(worksheet_write_number(raw, lxw_row_t(row), lxw_col_t(column), number, format?.raw), "worksheet_write_number")
    }

    /// Sets the width (in characters) and default format of columns `first...last`.
    /// The corresponding C function is `worksheet_set_column`.
    public func setColumns(_ first: Int, _ last: Int, width: Double, format: CellFormat? = nil) throws {
        try checkCell(0, first, "worksheet_set_column"); try checkCell(0, last, "worksheet_set_column")
        guard first <= last, width >= 0, width <= 255 else {
            throw XLSXError(code: -1, function: "worksheet_set_column", message: "invalid columns \(first)...\(last) or width \(width)")
        }
        try XLSXError.check(worksheet_set_column(raw, lxw_col_t(first), lxw_col_t(last), width, format?.raw), "worksheet_set_column")
    }

    /// Freezes the rows above `row` and the columns left of `column`.
    /// The corresponding C function is `worksheet_freeze_panes`.
    public func freezePanes(row: Int, column: Int) throws {
        try checkCell(row, column, "worksheet_freeze_panes")
        worksheet_freeze_panes(raw, lxw_row_t(row), lxw_col_t(column))
    }

    /// Puts a filter button on each column of the header row of the range.
    /// The corresponding C function is `worksheet_autofilter`.
    public func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws {
        try checkCell(firstRow, firstColumn, "worksheet_autofilter"); try checkCell(lastRow, lastColumn, "worksheet_autofilter")
        try XLSXError.check(worksheet_autofilter(raw, lxw_row_t(firstRow), lxw_col_t(firstColumn), lxw_row_t(lastRow), lxw_col_t(lastColumn)),
                            "worksheet_autofilter")
    }
}

import XCTest
import Foundation
@testable import XLSXWriter

/// The libxlsxwriter wrapper: every failure is a thrown `XLSXError`, never a crash, and a
/// closed workbook is a real xlsx file (a zip archive with the sheet's XML).
final class WorkbookTests: XCTestCase {
    func path(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("xlsxwriter-\(UUID().uuidString)-\(name)").path
    }

    func testClosedWorkbookIsAZipWithTheSheet() throws {
        let p = path("a.xlsx")
        defer { try? FileManager.default.removeItem(atPath: p) }
        let wb = try Workbook(path: p)
        let ws = try wb.addSheet("Sheet one")
        try ws.write("=1+1", row: 0, column: 0)
        try ws.write(12.5, row: 1, column: 0, format: try wb.addFormat(numberFormat: "0.00"))
        try ws.freezePanes(row: 1, column: 0)
        try ws.autofilter(firstRow: 0, firstColumn: 0, lastRow: 1, lastColumn: 0)
        try wb.close()
        let data = try Data(contentsOf: URL(fileURLWithPath: p))
        XCTAssertEqual(Array(data.prefix(2)), [0x50, 0x4B], "a zip archive (PK)")
    }

    func testBadSheetNamesThrow() throws {
        let p = path("b.xlsx")
        let wb = try Workbook(path: p)
        // Closed and removed here: a workbook left open is written when it is released.
        defer { try? wb.close(); try? FileManager.default.removeItem(atPath: p) }
        XCTAssertThrowsError(try wb.addSheet(""))
        XCTAssertThrowsError(try wb.addSheet("a/b"))
        XCTAssertThrowsError(try wb.addSheet(String(repeating: "x", count: 32)))
        _ = try wb.addSheet("Name")
        XCTAssertThrowsError(try wb.addSheet("NAME"), "Excel compares sheet names ignoring case")
    }

    func testCellsOutsideExcelsLimitsAndNonFiniteNumbersThrow() throws {
        let p = path("c.xlsx")
        let wb = try Workbook(path: p)
        defer { try? wb.close(); try? FileManager.default.removeItem(atPath: p) }
        let ws = try wb.addSheet("S")
        XCTAssertThrowsError(try ws.write("x", row: Worksheet.maxRows, column: 0))
        XCTAssertThrowsError(try ws.write(1, row: 0, column: Worksheet.maxColumns))
        XCTAssertThrowsError(try ws.write(-1, row: -1, column: 0))
        XCTAssertThrowsError(try ws.write(Double.nan, row: 0, column: 0))
        XCTAssertThrowsError(try ws.setColumns(2, 1, width: 10))
    }

    func testClosingTwiceAndUsingAClosedWorkbookThrow() throws {
        let p = path("d.xlsx")
        defer { try? FileManager.default.removeItem(atPath: p) }
        let wb = try Workbook(path: p)
        _ = try wb.addSheet("S")
        try wb.close()
        XCTAssertThrowsError(try wb.close())
        XCTAssertThrowsError(try wb.addSheet("T"))
    }

    func testAnUnwritablePathThrowsWithLibxlsxwritersMessage() throws {
        let wb = try Workbook(path: "/nonexistent-dir/x.xlsx")
        _ = try wb.addSheet("S")
        XCTAssertThrowsError(try wb.close()) { e in
            guard let x = e as? XLSXError else { return XCTFail("\(e)") }
            XCTAssertEqual(x.function, "workbook_close")
            XCTAssertFalse(x.message.isEmpty)
        }
    }
}

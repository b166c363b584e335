import CareMatch
import Foundation
import XCTest

/// RFC 4180 rows have the header's number of fields; Excel's empty trailing cells are fine.
final class RaggedRowTests: XCTestCase {
    func testRowWithOneFieldTooManyIsOneErrorWithBothCounts() {
        let ds = TempDataset()
        ds.append("children.csv", "C3,disadvantaged,Kecheng,,28.95,118.88,7,,0,,surplus")
        let e = assertSingleError(ds, file: "children.csv", line: 4, column: nil, contains: "11 fields, expected 10 as in the header")
        XCTAssertTrue(e?.message.contains("quoted") ?? false, e?.message ?? "")
    }

    func testRowWithOneFieldTooFewIsAnErrorNotPadded() {
        let ds = TempDataset()
        ds.append("children.csv", "C3,disadvantaged,Kecheng,,28.95,118.88,7,,0")
        assertSingleError(ds, file: "children.csv", line: 4, column: nil, contains: "9 fields, expected 10 as in the header")
    }

    func testUnquotedCommaShiftingCellsIsOneErrorForTheRowNotACascade() {
        let ds = TempDataset()
        // "Books, Inc." without quotes: kind and county are shifted; the row is one error.
        ds.replace("organizations.csv", "O2,\"Books, Inc.\",enterprise,Qujiang", "O2,Books, Inc.,enterprise,Qujiang")
        let r = ds.read()
        XCTAssertEqual(r.errors.count, 1, r.errors.description)
        assertDiagnostic(r.errors, file: "organizations.csv", line: 3, column: nil, contains: "5 fields, expected 4")
        // The row is still read, so the offer of O2 does not also become an unknown org_id.
        XCTAssertFalse(r.errors.contains { $0.file == "offers.csv" })
    }

    func testPhysicalLineIsNamedAfterAQuotedCellSpanningLines() {
        let ds = TempDataset()
        ds.write("organizations.csv", "org_id,name,kind,county\nO1,\"two\nline name\",public_institution,Kecheng\nO2,B,enterprise,Qujiang,extra\n")
        assertSingleError(ds, file: "organizations.csv", line: 4, column: nil, contains: "5 fields, expected 4")
    }

    func testEmptyTrailingCellsOnEveryLineAreFine() throws {
        let ds = TempDataset()
        // Excel adds ",," to every line, header included, once a cell right of the table was used.
        let text = ds.text("children.csv").split(separator: "\n").map { $0 + ",," }.joined(separator: "\n") + "\n"
        ds.write("children.csv", text)
        let d = try DatasetLoader.load(folder: ds.url)
        XCTAssertEqual(d.children.map(\.id), ["C1", "C2"])
        XCTAssertEqual(d.warnings, [])
    }

    func testEmptyTrailingCellsOnSomeRowsOnlyAreFine() throws {
        let ds = TempDataset()
        ds.replace("organizations.csv", "Kecheng\n", "Kecheng,,,\n")
        XCTAssertEqual(try DatasetLoader.load(folder: ds.url).organizations.count, 2)
    }

    func testFieldCountMismatchCountsCellsAsWritten() {
        let t = CSVTable(header: ["a", "b", " ", ""], rows: [])
        XCTAssertEqual(t.fieldCount, 2)
        XCTAssertNil(t.fieldCountMismatch(CSVRow(line: 2, cells: ["1", "2"])))
        XCTAssertNil(t.fieldCountMismatch(CSVRow(line: 2, cells: ["1", ""])))
        XCTAssertNil(t.fieldCountMismatch(CSVRow(line: 2, cells: ["1", "2", "", " "])))
        XCTAssertEqual(t.fieldCountMismatch(CSVRow(line: 2, cells: ["1"])), 1)
        XCTAssertEqual(t.fieldCountMismatch(CSVRow(line: 2, cells: ["1", "2", "", "x"])), 4)
    }
}

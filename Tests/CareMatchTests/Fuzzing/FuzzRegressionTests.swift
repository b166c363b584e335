import CareMatch
import Foundation
import XCTest

/// Inputs the fuzz campaign (docs/fuzzing.md) found breaking a property, fed to the same code path
/// as the fuzz target that found them. Each input is kept here verbatim (base64 of the artifact).
final class FuzzRegressionTests: XCTestCase {
    /// FuzzCSV's path: read the bytes, write the table back with `CSVWriter`, read that again.
    func roundTrip(_ bytes: Data, file: StaticString = #filePath, line: UInt = #line) throws -> (CSVTable, CSVTable) {
        let table = try CSVReader.read(data: bytes, file: "fuzz.csv")
        var writer = CSVWriter(header: table.header)
        for row in table.rows { writer.appendRow(row.cells) }
        let again = try CSVReader.read(data: writer.data, file: "again.csv")
        XCTAssertEqual(again.header, table.header, "header after CSVWriter and CSVReader", file: file, line: line)
        XCTAssertEqual(again.rows.map(\.cells), table.rows.map(\.cells), "cells after CSVWriter and CSVReader", file: file, line: line)
        return (table, again)
    }

    /// crash-5e2be0737ab9379a950c0f0fbb381c1e34ef8767 (FuzzCSV, first minute of fuzzing): a cell
    /// holding `"` followed by the combining mark U+06EC. `CSVWriter.escape` compared `Character`s,
    /// and `"` + combining mark is one character unequal to `"`, so that quote was not doubled and the
    /// written cell ended early when read back.
    func testQuoteBeforeCombiningMarkSurvivesWriteAndRead() throws {
        let input = try XCTUnwrap(Data(base64Encoded: "IiIiIiIiIiLbrNusMNukLzAiIiIiIiIiIiIiIiIiIiIiIiIiYiIiIiIiIgo="))
        let (table, _) = try roundTrip(input)
        // The reader's own rules, applied by hand: `"` opens, `""` ×3 are three quotes, the 8th `"`
        // closes, and the text after the closing quote is kept as it is (lenient).
        let rest = String(decoding: input.dropFirst(8).dropLast(), as: UTF8.self)
        XCTAssertEqual(table.header, ["\"\"\"" + rest])
        XCTAssertTrue(table.rows.isEmpty)
    }

    /// The same flaw for the separator: `,` followed by a combining mark was not quoted, so the cell
    /// split in two when read back; likewise a quote after a base letter with two marks.
    func testCommaAndQuoteBeforeCombiningMarksAreEscaped() throws {
        for cell in ["a,\u{301}b", "\"\u{301}", "x\"\u{6EC}\u{6EC}y", "ok", "=1,\u{301}"] {
            var writer = CSVWriter(header: ["id", "note"])
            writer.appendRow([cell, "n"])
            let t = try CSVReader.read(data: writer.data, file: "t.csv")
            XCTAssertEqual(t.rows.map(\.cells), [[cell, "n"]], "cell \(cell.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        // Escaped text: the quote count is the scalar count of `"` doubled, plus the two around it.
        let escaped = CSVWriter.escape("\"\u{301}")
        XCTAssertEqual(escaped.unicodeScalars.filter { $0 == "\"" }.count, 4)
    }
}

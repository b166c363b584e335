import CareMatch
import Foundation
import XCTest

final class CSVReaderTests: XCTestCase {
    func read(_ s: String) throws -> CSVTable { try CSVReader.read(data: Data(s.utf8), file: "t.csv") }

    func testBOMAndCRLFAreHandled() throws {
        var d = Data([0xEF, 0xBB, 0xBF])
        d.append(Data("id,name\r\n1,衢州\r\n2,柯城\r\n".utf8))
        let t = try CSVReader.read(data: d, file: "t.csv")
        XCTAssertEqual(t.header, ["id", "name"])
        XCTAssertEqual(t.rows.map(\.cells), [["1", "衢州"], ["2", "柯城"]])
        XCTAssertEqual(t.rows.map(\.line), [2, 3])
        XCTAssertEqual(t.encoding, .utf8)
    }

    func testQuotedCommasQuotesAndNewlinesKeepPhysicalLines() throws {
        let t = try read("id,note\na,\"x, y\"\nb,\"two\nlines\"\nc,\"say \"\"hi\"\"\"\r\nd,\"three\r\nline\r\ncell\"\ne,last\n")
        XCTAssertEqual(t.rows.map(\.cells), [["a", "x, y"], ["b", "two\nlines"], ["c", "say \"hi\""], ["d", "three\r\nline\r\ncell"], ["e", "last"]])
        XCTAssertEqual(t.rows.map(\.line), [2, 3, 5, 6, 9])
    }

    func testHeaderMatchingIsTrimmedAndCaseInsensitive() throws {
        let t = try read(" Child_ID , LAT,extra\n1,2,3\n")
        XCTAssertEqual(t.column("child_id"), 0)
        XCTAssertEqual(t.column("lat"), 1)
        XCTAssertNil(t.column("lon"))
    }

    func testRowsOfBlankCellsAreSkippedButLinesStillCount() throws {
        let t = try read("a,b\n,\n\n  , \n1,2\n")
        XCTAssertEqual(t.rows.count, 1)
        XCTAssertEqual(t.rows[0].line, 5)
    }

    func testShortRowsReadAsEmptyCells() throws {
        let t = try read("a,b,c\n1\n")
        XCTAssertEqual(t.rows[0][0], "1")
        XCTAssertEqual(t.rows[0][2], "")
    }

    func testFormulaEscapeQuoteIsRemovedOnlyBeforeFormulaCharacters() throws {
        var w = CSVWriter(header: ["id"])
        for s in ["=SUM(A1)", "+86", "-3", "@x", "\tt", "'quoted", "plain"] { w.appendRow([s]) }
        let t = try CSVReader.read(data: w.data, file: "t.csv")
        XCTAssertEqual(t.rows.map { $0[0] }, ["=SUM(A1)", "+86", "-3", "@x", "\tt", "'quoted", "plain"])
    }

    func testUnterminatedQuoteIsAnErrorAtItsOpeningLine() {
        XCTAssertThrowsError(try read("a,b\n1,2\n3,\"open\n4,5\n")) { e in
            let e = e as! CSVReadError
            XCTAssertEqual(e.file, "t.csv")
            XCTAssertEqual(e.line, 3)
            XCTAssertTrue(e.message.contains("never closed"))
        }
    }

    func testUTF16WithByteOrderMarkIsDecoded() throws {
        let text = "id,name\r\n1,衢州\r\n"
        var le = Data([0xFF, 0xFE]), be = Data([0xFE, 0xFF])
        for u in text.utf16 { le.append(contentsOf: [UInt8(u & 0xFF), UInt8(u >> 8)]); be.append(contentsOf: [UInt8(u >> 8), UInt8(u & 0xFF)]) }
        let a = try CSVReader.read(data: le, file: "t.csv"), b = try CSVReader.read(data: be, file: "t.csv")
        XCTAssertEqual(a.rows.map(\.cells), [["1", "衢州"]])
        XCTAssertEqual(a.encoding, .utf16LittleEndian)
        XCTAssertEqual(b.rows.map(\.cells), [["1", "衢州"]])
        XCTAssertEqual(b.encoding, .utf16BigEndian)
    }

    func testTabSeparatedUnicodeTextIsRead() throws {
        let t = try read("id\tname\n1\t衢州, 浙江\n")
        XCTAssertEqual(t.separator, "\t")
        XCTAssertEqual(t.rows.map(\.cells), [["1", "衢州, 浙江"]])
    }

    func testGB18030FileIsDecoded() throws {
        // "id,name\n1,衢州市\n" in GB18030 (as Excel/WPS save plain CSV in China).
        let bytes: [UInt8] = Array("id,name\n1,".utf8) + [0xE1, 0xE9, 0xD6, 0xDD, 0xCA, 0xD0] + [0x0A]
        let t = try CSVReader.read(data: Data(bytes), file: "t.csv")
        XCTAssertEqual(t.encoding, .gb18030)
        XCTAssertEqual(t.rows.map(\.cells), [["1", "衢州市"]])
    }

    func testBytesThatAreNeitherUTF8NorGB18030AreRejectedWithResaveAdvice() {
        let bytes: [UInt8] = Array("id,name\n1,ok\n2,".utf8) + [0xFF, 0xFF] + [0x0A]
        XCTAssertThrowsError(try CSVReader.read(data: Data(bytes), file: "t.csv")) { e in
            let e = e as! CSVReadError
            XCTAssertEqual(e.line, 3)
            XCTAssertTrue(e.message.contains("GB18030"))
            XCTAssertTrue(e.message.contains("CSV UTF-8"))
        }
    }

    func testLoneCarriageReturnsEndLines() throws {
        let t = try read("a,b\r1,2\r3,4\r")
        XCTAssertEqual(t.rows.map(\.line), [2, 3])
    }

    func testLastRowWithoutNewlineAndTrailingEmptyCell() throws {
        let t = try read("a,b\n1,")
        XCTAssertEqual(t.rows.map(\.cells), [["1", ""]])
    }

    /// Reads a synthetic file of ~100× Quzhou size; run with `CAREMATCH_BENCH=1 swift test -c release --filter CSVReaderTests/testBenchmark`.
    func testBenchmarkLargeFile() throws {
        guard ProcessInfo.processInfo.environment["CAREMATCH_BENCH"] != nil else { throw XCTSkip("set CAREMATCH_BENCH=1") }
        for (name, rows) in [("children", 240_000), ("moms", 390_000)] {
            var s = name == "children"
                ? "child_id,group,county,township,lat,lon,age,interests,supporters_wanted,paired_mom_id\n"
                : "mom_id,county,township,lat,lon,capacity,skills,max_km,alliance_member\n"
            s.reserveCapacity(rows * 90)
            let counties = ["Kecheng", "Qujiang", "Longyou", "Jiangshan", "Changshan", "Kaihua"]
            var rng = SystemRandomNumberGenerator()
            for i in 0..<rows {
                let lat = 28.5 + Double(Int.random(in: 0..<100_000, using: &rng)) / 100_000
                let lon = 118.0 + Double(Int.random(in: 0..<100_000, using: &rng)) / 100_000
                if name == "children" {
                    s += "C\(i),left_behind,\(counties[i % 6]),\"石室乡, 第\(i % 50)村\",\(lat),\(lon),\(i % 18),reading;sports,1,M\(i)\n"
                } else {
                    s += "M\(i),\(counties[i % 6]),航埠镇,\(lat),\(lon),2,reading;music,,yes\n"
                }
            }
            let data = Data(s.utf8)
            let start = Date()
            let t = try CSVReader.read(data: data, file: "\(name).csv")
            let secs = Date().timeIntervalSince(start)
            XCTAssertEqual(t.rows.count, rows)
            print("BENCH \(name).csv: \(rows) rows, \(data.count) bytes, \(String(format: "%.3f", secs)) s, \(Int(Double(rows) / secs)) rows/s, \(String(format: "%.1f", Double(data.count) / secs / 1e6)) MB/s")
        }
    }
}

final class CellParserTests: XCTestCase {
    func message<T>(_ r: Result<T, CellError>) -> String {
        if case .failure(let e) = r { return e.message }
        return "(no error)"
    }

    func testPlainDecimalsWithSpacesParse() {
        XCTAssertEqual(try CellParser.number(" 12 ").get(), 12)
        XCTAssertEqual(try CellParser.number("0.5").get(), 0.5)
        XCTAssertEqual(try CellParser.number("-3").get(), -3)
        XCTAssertEqual(try CellParser.number(".5").get(), 0.5)
        XCTAssertEqual(try CellParser.integer("3.0").get(), 3)
    }

    func testThousandsSeparatorsSayWhatToWrite() {
        XCTAssertTrue(message(CellParser.number("20,000")).contains("write 20000"))
    }

    func testFullWidthDigitsSayWhatToWrite() {
        XCTAssertTrue(message(CellParser.number("１２．５")).contains("ASCII digits: 12.5"))
    }

    func testNaNInfinityAndOverflowAreErrors() {
        XCTAssertTrue(message(CellParser.number("NaN")).contains("not a number"))
        XCTAssertTrue(message(CellParser.number("inf")).contains("infinite"))
        XCTAssertTrue(message(CellParser.number("-Infinity")).contains("infinite"))
        XCTAssertTrue(message(CellParser.number("1" + String(repeating: "0", count: 400))).contains("too large"))
        XCTAssertTrue(message(CellParser.number("1e5")).contains("plain decimal: 100000"))
        XCTAssertTrue(message(CellParser.number("abc")).contains("plain decimal"))
    }

    func testIntegersMustBeWhole() {
        XCTAssertTrue(message(CellParser.integer("2.5")).contains("whole number"))
    }

    func testBooleansAreTrimmedAndCaseInsensitive() {
        for s in ["TRUE", " Yes ", "1", "true"] { XCTAssertEqual(try CellParser.bool(s).get(), true, s) }
        for s in ["False", "no", "0", "NO"] { XCTAssertEqual(try CellParser.bool(s).get(), false, s) }
        XCTAssertTrue(message(CellParser.bool("maybe")).contains("true or false"))
    }

    func testListsSplitTrimAndDropEmptyEntries() {
        XCTAssertEqual(CellParser.list(" reading ; ;sports;reading；arts;"), ["reading", "sports", "arts"])
        XCTAssertEqual(CellParser.list(""), [])
    }
}

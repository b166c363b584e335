@testable import GLPK
import XCTest

final class FileExportTests: XCTestCase {
    func testFreeMPSRoundTripKeepsTheOptimum() throws {
        let path = temporaryPath("sample.mps")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try makeManualExample().writeMPS(to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.contains("\nOBJSENSE\n    MAX\nROWS"), "a maximization carries its sense before ROWS")
        let q = try Problem(readingMPS: path)
        XCTAssertEqual(q.direction, .maximize, "the sense is read back, not assumed")
        XCTAssertEqual(q.rowCount, 3)
        XCTAssertEqual(q.columnCount, 3)
        XCTAssertTrue(try q.simplex().isOptimal)
        assertManualExampleOptimum(q)
    }

    func testMinimizationMPSHasNoSenseSectionAndReadsBackAsMinimization() throws {
        let path = temporaryPath("min.mps")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let p = try makeManualExample()
        p.direction = .minimize
        try p.writeMPS(to: path)
        XCTAssertFalse(try String(contentsOfFile: path, encoding: .utf8).contains("OBJSENSE"))
        XCTAssertEqual(try Problem(readingMPS: path).direction, .minimize)
    }

    func testCPLEXLPRoundTripKeepsTheOptimumAndSense() throws {
        let path = temporaryPath("sample.lp")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try makeKnapsack().writeCPLEXLP(to: path)
        let q = try Problem(readingCPLEXLP: path)
        XCTAssertEqual(q.direction, .maximize)
        XCTAssertEqual(try q.columnKind(0), .binary)
        XCTAssertEqual(try XCTUnwrap(q.intopt().objective), 21, accuracy: tolerance)
    }

    func testUnwritablePathThrowsSolverFailed() throws {
        XCTAssertThrowsError(try makeManualExample().writeMPS(to: "/nonexistent-dir/x.mps")) { error in
            guard case GLPKError.solverFailed = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try Problem(readingCPLEXLP: "/nonexistent-dir/x.lp"))
    }
}

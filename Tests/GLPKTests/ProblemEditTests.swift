@testable import GLPK
import XCTest

/// Appending a column with its coefficients and deleting rows and columns again leave the model
/// as it was: the manual's example keeps its optimum (2200/3) after a round trip.
final class ProblemEditTests: XCTestCase {
    func testAnAppendedAndDeletedRowAndColumnLeaveTheOptimumUnchanged() throws {
        let p = try makeManualExample()
        let row = try p.addRows(1).lowerBound
        try p.setRowBounds(row, .upper(5))
        let col = try p.addColumns(1).lowerBound
        try p.setColumnBounds(col, .lower(0))
        try p.setObjectiveCoefficient(col, 100)
        try p.setColumnCoefficients(col, rows: [0, row], values: [1, 1])
        XCTAssertTrue(try p.simplex().isOptimal)
        XCTAssertEqual(p.objectiveValue, 2200.0 / 3 + 5 * (100 - 10.0 / 3), accuracy: 1e-6, "the new column takes 5 units of row p")
        try p.deleteColumns(col..<col + 1)
        try p.deleteRows(row..<row + 1)
        XCTAssertEqual(p.rowCount, 3)
        XCTAssertEqual(p.columnCount, 3)
        XCTAssertTrue(try p.simplex().isOptimal)
        XCTAssertEqual(p.objectiveValue, 2200.0 / 3, accuracy: 1e-6)
    }

    func testBadIndicesAreRejectedBeforeGLPK() throws {
        let p = try makeManualExample()
        XCTAssertThrowsError(try p.deleteRows(2..<4))
        XCTAssertThrowsError(try p.deleteColumns(-1..<1))
        XCTAssertThrowsError(try p.setColumnCoefficients(0, rows: [0, 0], values: [1, 2]))
        XCTAssertThrowsError(try p.setColumnCoefficients(0, rows: [3], values: [1]))
        XCTAssertThrowsError(try p.setColumnCoefficients(0, rows: [0], values: [.nan]))
        XCTAssertEqual(p.rowCount, 3)
    }
}

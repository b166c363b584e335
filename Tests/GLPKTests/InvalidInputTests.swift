@testable import GLPK
import XCTest

/// Asserts that `body` throws `GLPKError.invalidArgument`.
func assertInvalidArgument<T>(_ body: @autoclosure () throws -> T, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertThrowsError(try body(), file: file, line: line) { error in
        guard case GLPKError.invalidArgument = error else {
            return XCTFail("expected invalidArgument, got \(error)", file: file, line: line)
        }
    }
}

final class InvalidInputTests: XCTestCase {
    func testBadIndicesThrow() throws {
        let p = try makeManualExample()
        assertInvalidArgument(try p.setRowBounds(3, .upper(1)))
        assertInvalidArgument(try p.setRowBounds(-1, .upper(1)))
        assertInvalidArgument(try p.setColumnBounds(3, .lower(0)))
        assertInvalidArgument(try p.setObjectiveCoefficient(7, 1))
        assertInvalidArgument(try p.setColumnKind(3, .integer))
        assertInvalidArgument(try p.setRowName(5, "x"))
        assertInvalidArgument(try p.setRowStatus(3, .basic))
        assertInvalidArgument(try p.addRows(0))
        assertInvalidArgument(try p.addColumns(-2))
        assertInvalidArgument(try p.analyzeBound(column: 9))
    }

    func testBadBoundsThrow() throws {
        let p = try makeManualExample()
        assertInvalidArgument(try p.setRowBounds(0, .range(5, 1)))
        assertInvalidArgument(try p.setColumnBounds(0, .lower(.nan)))
        assertInvalidArgument(try p.setColumnBounds(0, .upper(.infinity)))
        try p.setColumnBounds(0, .range(2, 2))
        XCTAssertEqual(try p.columnBounds(0), .fixed(2))
    }

    func testBadCoefficientsAndMatricesThrow() throws {
        let p = try makeManualExample()
        assertInvalidArgument(try p.setObjectiveCoefficient(0, .nan))
        var nan = SparseMatrix()
        nan.append(row: 0, column: 0, value: .nan)
        assertInvalidArgument(try p.loadMatrix(nan))
        var outOfRange = SparseMatrix()
        outOfRange.append(row: 3, column: 0, value: 1)
        assertInvalidArgument(try p.loadMatrix(outOfRange))
        var duplicate = SparseMatrix()
        duplicate.append(row: 0, column: 0, value: 1)
        duplicate.append(row: 0, column: 0, value: 2)
        assertInvalidArgument(try p.loadMatrix(duplicate))
        // The problem is untouched and still solves to the known optimum.
        XCTAssertTrue(try p.simplex().isOptimal)
        assertManualExampleOptimum(p)
    }

    func testBadNamesThrow() throws {
        let p = try makeManualExample()
        assertInvalidArgument(try p.setRowName(0, String(repeating: "n", count: 256)))
        assertInvalidArgument(try p.setColumnName(0, "tab\there"))
    }

    func testIntegerColumnsNeedIntegralBounds() throws {
        let p = try makeManualExample()
        try p.setColumnBounds(0, .range(0, 2.5))
        assertInvalidArgument(try p.setColumnKind(0, .integer))
        try p.setColumnKind(1, .integer)
        assertInvalidArgument(try p.setColumnBounds(1, .range(0.5, 3)))
        try p.setColumnBounds(1, .range(0, 3))
    }

    func testBadOptionsThrow() throws {
        let p = try makeManualExample()
        assertInvalidArgument(try p.simplex(SimplexOptions(timeLimit: -1)))
        assertInvalidArgument(try p.simplex(SimplexOptions(iterationLimit: -5)))
        assertInvalidArgument(try p.intopt(MIPOptions(relativeGap: .nan)))
    }

    func testFlowDataBeyondOkalgRangeThrows() throws {
        let net = FlowNetwork()
        let big = Int(Int32.max) + 1
        assertInvalidArgument(try net.addNode(supply: big))
        try net.addNode(supply: Int(Int32.max))
        try net.addNode(supply: -Int(Int32.max))
        try net.addNode(supply: 0)
        assertInvalidArgument(try net.addArc(from: 0, to: 1, capacity: big, cost: 1))
        assertInvalidArgument(try net.addArc(from: 0, to: 1, capacity: 5, cost: -big))
        assertInvalidArgument(try net.addArc(from: 0, to: 1, lower: 6, capacity: 5, cost: 1))
        assertInvalidArgument(try net.addArc(from: 0, to: 1, lower: -1, capacity: 5, cost: 1))
        assertInvalidArgument(try net.addArc(from: 0, to: 0, capacity: 5, cost: 1))
        assertInvalidArgument(try net.addArc(from: 0, to: 3, capacity: 5, cost: 1))
        assertInvalidArgument(try net.setSupply(3, 1))
        try net.setSupply(2, 1)                        // supplies no longer sum to 0 …
        assertInvalidArgument(try net.solveMinCost())  // … which the solve rejects.
    }
}

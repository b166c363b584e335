@testable import GLPK
import XCTest

final class InfeasibleAndUnboundedTests: XCTestCase {
    /// x1 + x2 ≥ 5 and x1 + x2 ≤ 3 with x ≥ 0.
    func makeInfeasible() throws -> Problem {
        let p = Problem()
        try p.addRows(2)
        try p.addColumns(2)
        try p.setRowBounds(0, .lower(5))
        try p.setRowBounds(1, .upper(3))
        var a = SparseMatrix()
        for i in 0..<2 { for j in 0..<2 { a.append(row: i, column: j, value: 1) } }
        for j in 0..<2 { try p.setColumnBounds(j, .lower(0)); try p.setObjectiveCoefficient(j, 1) }
        try p.loadMatrix(a)
        return p
    }

    /// maximize x1 subject to x1 − x2 ≤ 1, x ≥ 0.
    func makeUnbounded() throws -> Problem {
        let p = Problem(direction: .maximize)
        try p.addRows(1)
        try p.addColumns(2)
        try p.setRowBounds(0, .upper(1))
        for j in 0..<2 { try p.setColumnBounds(j, .lower(0)) }
        try p.setObjectiveCoefficient(0, 1)
        var a = SparseMatrix()
        a.append(row: 0, column: 0, value: 1)
        a.append(row: 0, column: 1, value: -1)
        try p.loadMatrix(a)
        return p
    }

    func testInfeasibleLPIsReportedAsNoFeasible() throws {
        let status = try makeInfeasible().simplex()
        XCTAssertEqual(status.termination, .ok)
        XCTAssertEqual(status.status, .noFeasible)
        XCTAssertEqual(status.primal, .noFeasible)
    }

    func testPresolverProvesInfeasibility() throws {
        let status = try makeInfeasible().simplex(SimplexOptions(presolve: true))
        XCTAssertEqual(status.termination, .noPrimalFeasible)
        XCTAssertEqual(status.status, .noFeasible)
        XCTAssertFalse(status.isOptimal)
    }

    func testInteriorPointDoesNotThrowOnInfeasibleLP() throws {
        let status = try makeInfeasible().interior()
        XCTAssertNotEqual(status.status, .optimal)
    }

    func testUnboundedLPIsReportedAsUnbounded() throws {
        let status = try makeUnbounded().simplex()
        XCTAssertEqual(status.termination, .ok)
        XCTAssertEqual(status.status, .unbounded)
    }

    func testDualSimplexReportsNoDualFeasibleSolutionForUnboundedLP() throws {
        let status = try makeUnbounded().simplex(SimplexOptions(presolve: true))
        XCTAssertFalse(status.isOptimal)
        XCTAssertTrue(status.status == .unbounded || status.dual == .noFeasible, "\(status)")
    }
}

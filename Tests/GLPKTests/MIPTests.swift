@testable import GLPK
import XCTest

/// Knapsack: maximize 8x1 + 11x2 + 6x3 + 4x4 s.t. 5x1 + 7x2 + 4x3 + 3x4 ≤ 14, x binary.
/// Integer optimum 21 at (0, 1, 1, 1); LP relaxation 22 at (1, 1, 0.5, 0).
func makeKnapsack() throws -> Problem {
    let p = Problem(name: "knapsack", direction: .maximize)
    try p.addRows(1)
    try p.setRowBounds(0, .upper(14))
    try p.addColumns(4)
    var a = SparseMatrix()
    for (j, (c, w)) in [(8.0, 5.0), (11, 7), (6, 4), (4, 3)].enumerated() {
        try p.setObjectiveCoefficient(j, c)
        try p.setColumnKind(j, .binary)
        a.append(row: 0, column: j, value: w)
    }
    try p.loadMatrix(a)
    return p
}

final class MIPTests: XCTestCase {
    func testIntoptWithPresolveFindsTheKnapsackOptimum() throws {
        let p = try makeKnapsack()
        let result = try p.intopt()
        XCTAssertEqual(result.termination, .ok)
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(try XCTUnwrap(result.objective), 21, accuracy: tolerance)
        XCTAssertEqual(try XCTUnwrap(result.bound), 21, accuracy: tolerance)
        XCTAssertEqual(p.mipObjectiveValue, 21, accuracy: tolerance)
        XCTAssertEqual(p.mipColumnValues().map { $0.rounded() }, [0, 1, 1, 1])
    }

    func testSimplexThenIntoptWithoutPresolveNeverBeatsTheRelaxation() throws {
        let p = try makeKnapsack()
        let lp = try p.simplex()
        XCTAssertTrue(lp.isOptimal)
        XCTAssertEqual(p.objectiveValue, 22, accuracy: tolerance)
        var options = MIPOptions(presolve: false)
        var reports: [MIPProgress] = []
        options.progressInterval = 0
        options.progress = { reports.append($0); return false }
        let result = try p.intopt(options)
        XCTAssertEqual(result.status, .optimal)
        let objective = try XCTUnwrap(result.objective)
        XCTAssertEqual(objective, 21, accuracy: tolerance)
        XCTAssertLessThanOrEqual(objective, p.objectiveValue + tolerance)
        XCTAssertGreaterThan(result.nodes, 0)
        // Every bound reported during the search is a valid bound (maximization: ≥ optimum) and
        // never better than the LP relaxation; every incumbent is ≤ the optimum.
        XCTAssertFalse(reports.isEmpty)
        XCTAssertTrue(reports.contains { $0.isNewIncumbent })
        for r in reports {
            if let b = r.bestBound {
                XCTAssertGreaterThanOrEqual(b, 21 - tolerance)
                XCTAssertLessThanOrEqual(b, 22 + tolerance)
            }
            if let inc = r.incumbent { XCTAssertLessThanOrEqual(inc, 21 + tolerance) }
        }
    }

    func testIntoptWithoutPresolveSolvesTheRelaxationItself() throws {
        let p = try makeKnapsack()
        let result = try p.intopt(MIPOptions(presolve: false))
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(try XCTUnwrap(result.objective), 21, accuracy: tolerance)
    }

    func testProgressCanStopTheSearch() throws {
        let p = try makeKnapsack()
        var options = MIPOptions(presolve: false)
        options.progressInterval = 0
        options.progress = { _ in true }
        let result = try p.intopt(options)
        XCTAssertEqual(result.termination, .stopped)
        if let o = result.objective, let b = result.bound { XCTAssertGreaterThanOrEqual(b, o - tolerance) }
    }

    func testInfeasibleMIPIsAStatus() throws {
        // x integer in [0, 1], 2x = 1: LP feasible, no integer point.
        let p = Problem()
        try p.addRows(1)
        try p.addColumns(1)
        try p.setRowBounds(0, .fixed(1))
        try p.setColumnBounds(0, .range(0, 1))
        try p.setColumnKind(0, .integer)
        var a = SparseMatrix()
        a.append(row: 0, column: 0, value: 2)
        try p.loadMatrix(a)
        for presolve in [true, false] {
            let result = try p.intopt(MIPOptions(presolve: presolve))
            XCTAssertEqual(result.status, .noFeasible, "presolve \(presolve)")
            XCTAssertNil(result.objective)
        }
    }
}

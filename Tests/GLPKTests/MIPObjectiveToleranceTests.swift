@testable import GLPK
import XCTest

/// `MIPOptions.objectiveTolerance` (`tol_obj`): how close to the incumbent a subproblem's bound
/// may be before branch-and-bound discards it.
final class MIPObjectiveToleranceTests: XCTestCase {
    /// max 10,000,000·a + 0.05·(b + c), a binary, b and c integer in [0, 10] with 2b + 2c ≤ 5
    /// and b = c (so that neither rounding one variable alone nor tightening one row's bounds
    /// gives a whole solution: the relaxation has b = c = 1.25). The
    /// optimum (by enumeration: a = 1, b = c = 1) is 10,000,000.1; started from a = 1, b = c = 0.
    private func makeProblem() throws -> Problem {
        let p = Problem(name: "tolerance", direction: .maximize)
        try p.addRows(2)
        try p.setRowBounds(0, .upper(5))
        try p.setRowBounds(1, .fixed(0))
        try p.addColumns(3)
        try p.setObjectiveCoefficient(0, 10_000_000)
        try p.setColumnKind(0, .binary)
        for j in 1...2 {
            try p.setObjectiveCoefficient(j, 0.05)
            try p.setColumnKind(j, .integer)
            try p.setColumnBounds(j, .range(0, 10))
        }
        var m = SparseMatrix()
        m.append(row: 0, column: 1, value: 2)
        m.append(row: 0, column: 2, value: 2)
        m.append(row: 1, column: 1, value: 1)
        m.append(row: 1, column: 2, value: -1)
        try p.loadMatrix(m)
        return p
    }

    private func bruteForce() -> Double {
        var best = -Double.infinity
        for a in 0...1 { for b in 0...10 where 4 * b <= 5 { best = max(best, 10_000_000 * Double(a) + 0.05 * Double(2 * b)) } }
        return best
    }

    /// GLPK's default (1e-7 relative: 1.0 here) discards the better branch and calls the start
    /// optimal: why the allocation sets its own tolerance.
    func testTheDefaultToleranceReportsAStartWithinItAsOptimal() throws {
        let p = try makeProblem()
        XCTAssertTrue(try p.simplex().isOptimal)
        var o = MIPOptions(presolve: false)
        o.startingSolution = [1, 0, 0]
        let r = try p.intopt(o)
        XCTAssertEqual(r.status, .optimal)
        XCTAssertEqual(try XCTUnwrap(r.objective), 10_000_000, accuracy: 1e-6)
        XCTAssertLessThan(try XCTUnwrap(r.objective), bruteForce() - 0.01)
    }

    func testATightToleranceFindsTheOptimum() throws {
        let p = try makeProblem()
        XCTAssertTrue(try p.simplex().isOptimal)
        var o = MIPOptions(presolve: false)
        o.startingSolution = [1, 0, 0]
        o.objectiveTolerance = 1e-4 / (1 + 10_000_000)
        let r = try p.intopt(o)
        XCTAssertEqual(r.status, .optimal)
        XCTAssertEqual(try XCTUnwrap(r.objective), bruteForce(), accuracy: 1e-6)
    }

    func testAToleranceOutsideZeroToOneIsRejectedBeforeGLPK() throws {
        let p = try makeProblem()
        for bad in [0.0, -1e-9, 1, .nan] {
            var o = MIPOptions(presolve: false)
            o.objectiveTolerance = bad
            XCTAssertThrowsError(try p.intopt(o), "\(bad)")
        }
    }
}

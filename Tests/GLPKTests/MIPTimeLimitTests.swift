@testable import GLPK
import XCTest

final class MIPTimeLimitTests: XCTestCase {
    /// A market-split instance (Cornuéjols & Dawande): 4 rows, 36 binaries, minimize the total
    /// deviation Σ(s⁺ + s⁻) from d = ⌊Σa/2⌋. Its LP relaxation is 0 and branch-and-bound cannot
    /// close it in a second, so the search stops on the time limit.
    func makeMarketSplit(seed: UInt64) throws -> Problem {
        var rng = SeededGenerator(seed: seed)
        let m = 4, n = 36
        let p = Problem(name: "market-split")
        try p.addRows(m)
        try p.addColumns(n + 2 * m)
        var a = SparseMatrix()
        for i in 0..<m {
            let coefficients = (0..<n).map { _ in Double(Int.random(in: 0...99, using: &rng)) }
            try p.setRowBounds(i, .fixed((coefficients.reduce(0, +) / 2).rounded(.down)))
            for j in 0..<n where coefficients[j] != 0 { a.append(row: i, column: j, value: coefficients[j]) }
            a.append(row: i, column: n + 2 * i, value: 1)
            a.append(row: i, column: n + 2 * i + 1, value: -1)
        }
        for j in 0..<n { try p.setColumnKind(j, .binary) }
        for k in n..<(n + 2 * m) {
            try p.setColumnBounds(k, .lower(0))
            try p.setObjectiveCoefficient(k, 1)
        }
        try p.loadMatrix(a)
        return p
    }

    func testTimeLimitReportsAProvenBoundNoBetterThanTheIncumbent() throws {
        let p = try makeMarketSplit(seed: 3)
        let lp = try p.simplex()
        XCTAssertTrue(lp.isOptimal)
        let relaxation = p.objectiveValue
        var options = MIPOptions(presolve: false, timeLimit: 1.0)
        var lastReport: MIPProgress?
        options.progressInterval = 0.1
        options.progress = { lastReport = $0; return false }
        let result = try p.intopt(options)
        XCTAssertEqual(result.termination, .timeLimit)
        let bound = try XCTUnwrap(result.bound)
        XCTAssertGreaterThanOrEqual(bound, relaxation - tolerance)
        XCTAssertNotNil(lastReport)
        if let objective = result.objective {
            XCTAssertEqual(result.status, .feasible)
            XCTAssertLessThanOrEqual(bound, objective + tolerance)
            XCTAssertNotNil(result.gap)
        }
    }
}

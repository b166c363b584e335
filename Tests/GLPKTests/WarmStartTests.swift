@testable import GLPK
import XCTest

/// A seeded transportation LP: `sources` supplies (≤), `sinks` demands (≥), random costs.
func makeTransportation(sources: Int, sinks: Int, seed: UInt64) throws -> (Problem, costs: [[Double]]) {
    var rng = SeededGenerator(seed: seed)
    let p = Problem(name: "transport")
    try p.addRows(sources + sinks)
    let supply = (0..<sources).map { _ in Double(Int.random(in: 20...40, using: &rng)) }
    let totalDemand = supply.reduce(0, +) * 0.8
    for i in 0..<sources { try p.setRowBounds(i, .upper(supply[i])) }
    for k in 0..<sinks { try p.setRowBounds(sources + k, .lower((totalDemand / Double(sinks)).rounded(.down))) }
    let costs = (0..<sources).map { _ in (0..<sinks).map { _ in Double(Int.random(in: 1...50, using: &rng)) } }
    try p.addColumns(sources * sinks)
    var a = SparseMatrix()
    for i in 0..<sources {
        for k in 0..<sinks {
            let j = i * sinks + k
            try p.setColumnBounds(j, .lower(0))
            try p.setObjectiveCoefficient(j, costs[i][k])
            a.append(row: i, column: j, value: 1)
            a.append(row: sources + k, column: j, value: 1)
        }
    }
    try p.loadMatrix(a)
    return (p, costs)
}

/// Adds a column linking source `i` and sink `k` with the given cost.
func addLink(_ p: Problem, sources: Int, sinks: Int, source i: Int, sink k: Int, cost: Double) throws {
    let var0 = try p.addColumns(1).lowerBound
    try p.setColumnBounds(var0, .lower(0))
    try p.setObjectiveCoefficient(var0, cost)
    var a = p.matrix()
    a.append(row: i, column: var0, value: 1)
    a.append(row: sources + k, column: var0, value: 1)
    try p.loadMatrix(a)
}

final class WarmStartTests: XCTestCase {
    func testResolveAfterAddingAColumnTakesFewerIterationsThanAColdSolve() throws {
        let (warm, _) = try makeTransportation(sources: 8, sinks: 12, seed: 7)
        XCTAssertTrue(try warm.simplex().isOptimal)
        try addLink(warm, sources: 8, sinks: 12, source: 3, sink: 5, cost: 0.5)
        let warmStatus = try warm.simplex()
        XCTAssertTrue(warmStatus.isOptimal)

        let (cold, _) = try makeTransportation(sources: 8, sinks: 12, seed: 7)
        try addLink(cold, sources: 8, sinks: 12, source: 3, sink: 5, cost: 0.5)
        let coldStatus = try cold.simplex()
        XCTAssertTrue(coldStatus.isOptimal)

        XCTAssertEqual(warm.objectiveValue, cold.objectiveValue, accuracy: 1e-6 * (1 + abs(cold.objectiveValue)))
        XCTAssertLessThan(warmStatus.iterations, coldStatus.iterations)
        let certificate = try LPCertificate.check(warm)
        XCTAssertTrue(certificate.isOptimal(), "\(certificate)")
    }

    func testCopiedOptimalBasisNeedsNoIterations() throws {
        let (solved, _) = try makeTransportation(sources: 5, sinks: 6, seed: 11)
        XCTAssertTrue(try solved.simplex().isOptimal)
        let (fresh, _) = try makeTransportation(sources: 5, sinks: 6, seed: 11)
        for i in 0..<solved.rowCount { try fresh.setRowStatus(i, solved.rowStatus(i)) }
        for j in 0..<solved.columnCount { try fresh.setColumnStatus(j, solved.columnStatus(j)) }
        let status = try fresh.simplex()
        XCTAssertTrue(status.isOptimal)
        XCTAssertEqual(status.iterations, 0)
        XCTAssertEqual(fresh.objectiveValue, solved.objectiveValue, accuracy: 1e-9 * (1 + abs(solved.objectiveValue)))
    }
}

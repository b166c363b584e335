@testable import GLPK
import XCTest

/// LEMON-style optimality certificate for a min-cost flow: feasibility, complementary slackness of
/// the potentials (reduced cost c − π[u] + π[v]), and dual objective = primal cost.
func assertMinCostFlowCertificate(_ net: FlowNetwork, _ r: MinCostFlowResult,
                                  file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(r.status, .optimal, file: file, line: line)
    guard r.status == .optimal else { return }
    var balance = [Int](repeating: 0, count: net.nodeCount)
    var cost = 0
    var dual = 0
    for (k, arc) in net.arcs.enumerated() {
        let x = r.flows[k]
        XCTAssertTrue(arc.lower <= x && x <= arc.capacity, "arc \(k): flow \(x) outside [\(arc.lower), \(arc.capacity)]", file: file, line: line)
        balance[arc.from] += x
        balance[arc.to] -= x
        cost += arc.cost * x
        let rc = arc.cost - r.potentials[arc.from] + r.potentials[arc.to]
        if x > arc.lower { XCTAssertLessThanOrEqual(rc, 0, "arc \(k) above its lower bound with rc \(rc)", file: file, line: line) }
        if x < arc.capacity { XCTAssertGreaterThanOrEqual(rc, 0, "arc \(k) below capacity with rc \(rc)", file: file, line: line) }
        dual += rc > 0 ? rc * arc.lower : rc * arc.capacity
    }
    XCTAssertEqual(balance, net.nodeSupplies, "conservation", file: file, line: line)
    for (v, s) in net.nodeSupplies.enumerated() { dual += s * r.potentials[v] }
    XCTAssertEqual(cost, r.totalCost, file: file, line: line)
    XCTAssertEqual(dual, r.totalCost, "dual objective ≠ primal cost", file: file, line: line)
}

/// The same network as an LP: one fixed row per node (out − in = supply), one column per arc.
func minCostFlowAsLP(_ net: FlowNetwork) throws -> Problem {
    let p = Problem(name: "flow-lp")
    try p.addRows(net.nodeCount)
    for (v, s) in net.nodeSupplies.enumerated() { try p.setRowBounds(v, .fixed(Double(s))) }
    var a = SparseMatrix()
    if net.arcCount > 0 {
        try p.addColumns(net.arcCount)
        for (k, arc) in net.arcs.enumerated() {
            try p.setColumnBounds(k, .range(Double(arc.lower), Double(arc.capacity)))
            try p.setObjectiveCoefficient(k, Double(arc.cost))
            a.append(row: arc.from, column: k, value: 1)
            a.append(row: arc.to, column: k, value: -1)
        }
    }
    try p.loadMatrix(a)
    return p
}

final class MinCostFlowTests: XCTestCase {
    func testTextbookNetworkHasCost24() throws {
        // a supplies 5, d demands 5; a→b (cap 4, cost 3), a→c (10, 6), b→d (9, 1), c→d (5, 2).
        let net = FlowNetwork()
        let a = try net.addNode(supply: 5), b = try net.addNode(), c = try net.addNode(), d = try net.addNode(supply: -5)
        try net.addArc(from: a, to: b, capacity: 4, cost: 3)
        try net.addArc(from: a, to: c, capacity: 10, cost: 6)
        try net.addArc(from: b, to: d, capacity: 9, cost: 1)
        try net.addArc(from: c, to: d, capacity: 5, cost: 2)
        let r = try net.solveMinCost()
        XCTAssertEqual(r.totalCost, 24)
        XCTAssertEqual(r.flows, [4, 1, 4, 1])
        assertMinCostFlowCertificate(net, r)
    }

    func testLowerBoundsAndNegativeCostsKeepTheCertificate() throws {
        let net = FlowNetwork()
        for s in [3, 0, 0, -3] { try net.addNode(supply: s) }
        try net.addArc(from: 0, to: 1, lower: 1, capacity: 3, cost: 2)
        try net.addArc(from: 0, to: 2, capacity: 3, cost: 1)
        try net.addArc(from: 1, to: 3, capacity: 3, cost: -1)
        try net.addArc(from: 2, to: 3, capacity: 3, cost: 4)
        try net.addArc(from: 1, to: 2, capacity: 2, cost: 1)
        try net.addArc(from: 2, to: 1, capacity: 2, cost: -3)
        let r = try net.solveMinCost()
        assertMinCostFlowCertificate(net, r)
    }

    func testInsufficientCapacityIsInfeasibleNotAnError() throws {
        let net = FlowNetwork()
        try net.addNode(supply: 5)
        try net.addNode(supply: -5)
        try net.addArc(from: 0, to: 1, capacity: 3, cost: 1)
        XCTAssertEqual(try net.solveMinCost().status, .infeasible)
    }

    func testRandomNetworksMatchTheLPOptimum() throws {
        var feasibleCount = 0
        for seed in UInt64(1)...40 {
            var rng = SeededGenerator(seed: seed)
            let n = Int.random(in: 3...9, using: &rng)
            let net = FlowNetwork()
            var supplies = [Int](repeating: 0, count: n)
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let u = Int.random(in: 0..<n, using: &rng), v = Int.random(in: 0..<n, using: &rng)
                let q = Int.random(in: 1...6, using: &rng)
                supplies[u] += q
                supplies[v] -= q
            }
            for s in supplies { try net.addNode(supply: s) }
            for _ in 0..<Int.random(in: n...(3 * n), using: &rng) {
                let u = Int.random(in: 0..<n, using: &rng)
                var v = Int.random(in: 0..<(n - 1), using: &rng)
                if v >= u { v += 1 }
                let cap = Int.random(in: 0...8, using: &rng)
                let low = Int.random(in: 0...3, using: &rng) == 0 ? Int.random(in: 0...cap, using: &rng) : 0
                try net.addArc(from: u, to: v, lower: low, capacity: cap, cost: Int.random(in: -4...10, using: &rng))
            }
            let flow = try net.solveMinCost()
            let lp = try minCostFlowAsLP(net)
            let status = try lp.simplex()
            XCTAssertEqual(status.termination, .ok, "seed \(seed)")
            if flow.status == .optimal {
                feasibleCount += 1
                assertMinCostFlowCertificate(net, flow)
                XCTAssertTrue(status.isOptimal, "seed \(seed): flow optimal but LP \(status)")
                XCTAssertEqual(Double(flow.totalCost), lp.objectiveValue, accuracy: 1e-6, "seed \(seed)")
                XCTAssertTrue(try LPCertificate.check(lp).isOptimal(), "seed \(seed)")
            } else {
                XCTAssertEqual(flow.status, .infeasible, "seed \(seed)")
                XCTAssertEqual(status.status, .noFeasible, "seed \(seed): flow infeasible but LP \(status)")
            }
        }
        XCTAssertGreaterThan(feasibleCount, 5, "the generator should produce feasible instances")
    }
}

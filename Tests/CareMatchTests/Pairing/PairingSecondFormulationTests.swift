import CareMatch
import GLPK
import XCTest

/// The engine's optimum (column generation over `glp_simplex`) equals the optimum of a second
/// formulation: the whole pairing network, every allowed pair, solved by GLPK's out-of-kilter
/// min-cost-flow algorithm (`glp_mincost_okalg`).
final class PairingSecondFormulationTests: XCTestCase {
    /// Source → moms (capacity) → children (allowed pairs, cost −v) → sink (lead arc cost −a,
    /// support arc cost −b with capacity N), plus a free bypass from source to sink.
    static func minCostFlowOptimum(_ d: Dataset) throws -> Int64 {
        let inst = PairingInstance(dataset: d)
        let w = PairingWeights(d.settings)
        let total = d.moms.reduce(0) { $0 + max(0, $1.capacity) }
        let net = FlowNetwork()
        let source = try net.addNode(supply: total)
        let sink = try net.addNode(supply: -total)
        let moms = try d.moms.map { _ in try net.addNode() }
        let children = try d.children.map { _ in try net.addNode() }
        try net.addArc(from: source, to: sink, capacity: total, cost: 0)
        for (m, mom) in d.moms.enumerated() where mom.capacity > 0 {
            try net.addArc(from: source, to: moms[m], capacity: mom.capacity, cost: 0)
        }
        for (c, child) in d.children.enumerated() {
            for m in d.moms.indices {
                let f = inst.facts(mom: m, child: c)
                if f.allowed { try net.addArc(from: moms[m], to: children[c], capacity: 1, cost: Int(-f.value)) }
            }
            try net.addArc(from: children[c], to: sink, capacity: 1, cost: Int(-w.leadReward(child.group)))
            if child.supportersWanted > 0 {
                try net.addArc(from: children[c], to: sink, capacity: child.supportersWanted, cost: Int(-w.supportReward(child.group)))
            }
        }
        let r = try net.solveMinCost()
        XCTAssertEqual(r.status, .optimal)
        return Int64(-r.totalCost)
    }

    func testColumnGenerationAndOutOfKilterAgreeOverManySeeds() throws {
        for seed in 300...340 as ClosedRange<UInt64> {
            var r = TestRandom(seed: seed)
            let d = TestInstances.pairing(seed: seed, moms: r.int(5...30), children: r.int(5...40))
            let s = try PairingSolver.solve(d)
            XCTAssertTrue(s.certificate.proven)
            XCTAssertEqual(s.evaluation.scoreUnits, try Self.minCostFlowOptimum(d), "seed \(seed)")
        }
    }
}

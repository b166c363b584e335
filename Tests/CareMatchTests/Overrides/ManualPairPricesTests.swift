@testable import CareMatch
import Foundation
import XCTest

/// `compare --price-manual`: each hand-made pair's price is the plan's pairing score minus the
/// brute-force optimum with that pair locked.
final class ManualPairPricesTests: XCTestCase {
    func testEachManualPairsPriceIsTheDifferenceOfTwoOptima() throws {
        var checked = 0, positive = 0
        for seed in UInt64(200)...230 {
            let d = TestInstances.pairing(seed: seed, moms: 4, children: 4, spreadKm: 10, maxKm: 5)
            let inst = PairingInstance(dataset: d)
            var manual: [PairAssignment] = []
            for c in d.children.indices { for m in d.moms.indices where inst.facts(mom: m, child: c).allowed {
                manual.append(PairAssignment(childID: d.children[c].id, momID: d.moms[m].id, role: manual.count % 3 == 0 ? .support : .lead, line: manual.count + 2))
            } }
            guard (1...12).contains(manual.count) else { continue }
            var opts = PlannerOptions(); opts.allocation.marginals = false
            let plan = try Planner.plan(d, options: opts)
            let prices = ManualPairPrices.compute(plan, manual: manual)
            let scale = PairingWeights(d.settings).scale
            for (p, a) in zip(prices, manual) {
                var locked = d
                locked.overrides = [Override(kind: .lockPair, childID: a.childID, momID: a.momID, role: a.role, line: a.line)]
                guard OverrideChecks.check(locked).isEmpty else { XCTAssertEqual(p.status, "not_computed"); XCTAssertNotNil(p.reason); continue }
                let best = try XCTUnwrap(OverridePairingTests.bruteForce(locked))
                XCTAssertEqual(p.status, "exact", "seed \(seed) \(p.label): \(p.reason ?? "")")
                XCTAssertEqual(try XCTUnwrap(p.points), Decimals.round(plan.pairing.evaluation.score - scale.points(best)), accuracy: 1e-9, "seed \(seed) \(p.label)")
                if (p.points ?? 0) > 0 { positive += 1 }
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 10)
        XCTAssertGreaterThan(positive, 5)
    }
}

import CareMatch
import XCTest

/// The engine's optimum equals the best of all pairings on instances small enough to enumerate.
final class PairingBruteForceTests: XCTestCase {
    /// The best score over every feasible set of allowed pairs, by exhaustive search.
    static func bruteForceBest(_ d: Dataset) -> Int64 {
        let inst = PairingInstance(dataset: d)
        var pairs: [(m: Int, c: Int)] = []
        for c in d.children.indices { for m in d.moms.indices where inst.facts(mom: m, child: c).allowed { pairs.append((m, c)) } }
        let w = PairingWeights(d.settings)
        var load = [Int](repeating: 0, count: d.moms.count)
        var count = [Int](repeating: 0, count: d.children.count)
        var best: Int64 = 0
        func score() -> Int64 {
            var s: Int64 = 0
            for (c, child) in d.children.enumerated() where count[c] > 0 {
                s += w.leadReward(child.group) + w.supportReward(child.group) * Int64(count[c] - 1)
            }
            return s
        }
        func go(_ k: Int, _ values: Int64) {
            if k == pairs.count { best = max(best, score() + values); return }
            go(k + 1, values)
            let (m, c) = pairs[k]
            if load[m] < d.moms[m].capacity && count[c] < 1 + d.children[c].supportersWanted {
                load[m] += 1; count[c] += 1
                go(k + 1, values + inst.facts(mom: m, child: c).value)
                load[m] -= 1; count[c] -= 1
            }
        }
        go(0, 0)
        return best
    }

    func testOptimumEqualsExhaustiveSearchOnTinyInstances() throws {
        var checked = 0
        for seed in 100...160 as ClosedRange<UInt64> {
            var r = TestRandom(seed: seed)
            let d = TestInstances.pairing(seed: seed, moms: r.int(1...5), children: r.int(1...6), spreadKm: 10, maxKm: 6)
            let inst = PairingInstance(dataset: d)
            let allowed = d.children.indices.reduce(0) { acc, c in acc + d.moms.indices.filter { inst.facts(mom: $0, child: c).allowed }.count }
            guard allowed <= 18 else { continue }
            let s = try PairingSolver.solve(d)
            XCTAssertEqual(s.evaluation.scoreUnits, Self.bruteForceBest(d), "seed \(seed)")
            PairingCertificateTests.checkCertificate(d, s)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 30)
    }

    func testNonDefaultWeightsKeepTheOptimumExact() throws {
        for seed in 200...230 as ClosedRange<UInt64> {
            var d = TestInstances.pairing(seed: seed, moms: 4, children: 4, spreadKm: 10, maxKm: 6)
            d.settings.kmCost = 7.5
            d.settings.fitBonus = 12.25
            d.settings.supportReward = 55
            d.settings.groupWeightSpecialNeeds = 3
            let inst = PairingInstance(dataset: d)
            let allowed = d.children.indices.reduce(0) { acc, c in acc + d.moms.indices.filter { inst.facts(mom: $0, child: c).allowed }.count }
            guard allowed <= 16 else { continue }
            let s = try PairingSolver.solve(d)
            XCTAssertEqual(s.evaluation.scoreUnits, Self.bruteForceBest(d), "seed \(seed)")
        }
    }
}

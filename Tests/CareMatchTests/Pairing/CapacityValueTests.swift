@testable import CareMatch
import XCTest

/// Capacity values checked by re-solving: one more unit for each mom at capacity in an area,
/// the best gain among them must lie in the stated interval.
final class CapacityValueTests: XCTestCase {
    func testTheBestGainOfOneMoreUnitInAnAreaLiesInTheStatedInterval() throws {
        var areasChecked = 0, exact = 0
        for seed in UInt64(31)...33 {
            let d = DatasetGenerator(scale: 0.05, seed: seed).generate()
            let base = try PairingSolver.solve(d)
            XCTAssertTrue(base.certificate.proven)
            var load = [Int](repeating: 0, count: d.moms.count)
            for p in base.evaluation.pairs { load[p.mom] += 1 }
            let areas = base.capacity.townships.filter { $0.momsAtCapacity > 0 && $0.momsAtCapacity <= 4 }.prefix(4)
            for area in areas {
                var best = 0.0
                for (m, mom) in d.moms.enumerated() where mom.capacity > 0 && load[m] >= mom.capacity {
                    let key = mom.township.isEmpty ? mom.county : mom.county + "/" + mom.township
                    guard key == area.area else { continue }
                    var more = d
                    more.moms[m].capacity += 1
                    best = max(best, try PairingSolver.solve(more).evaluation.score - base.evaluation.score)
                }
                XCTAssertGreaterThanOrEqual(best, area.points - 0.005, "seed \(seed) \(area.area)")
                XCTAssertLessThanOrEqual(best, area.pointsUpperBound + 0.005, "seed \(seed) \(area.area)")
                XCTAssertEqual(area.status == .exact, area.pointsUpperBound - area.points <= 0.005)
                areasChecked += 1
                if area.status == .exact { exact += 1 }
            }
            for area in base.capacity.counties where area.momsAtCapacity == 0 {
                XCTAssertEqual(area.status, .notNeeded)
                XCTAssertEqual(area.pointsUpperBound, 0)
            }
        }
        XCTAssertGreaterThan(areasChecked, 5)
    }

    /// Each full mom's best single pair and the waiting children by a scan of every (mom, child)
    /// pair, for `CapacityValues.bestSinglePairs`.
    static func bestSinglePairsByScan(_ d: Dataset, _ inst: PairingInstance, _ ev: PairingEvaluation) -> (lower: [Double], waiting: [Int]) {
        var load = [Int](repeating: 0, count: d.moms.count)
        var pairs = [Int](repeating: 0, count: d.children.count)
        var paired = Set<[Int]>()
        for p in ev.pairs { load[p.mom] += 1; pairs[p.child] += 1; paired.insert([p.mom, p.child]) }
        var lower = [Double](repeating: 0, count: d.moms.count)
        var waiting: [Int] = []
        for c in d.children.indices where pairs[c] < Int(inst.childSlots[c]) {
            let reward = pairs[c] == 0 ? inst.leadReward(c) : inst.supportReward(c)
            var inReach = 0, full = 0
            for m in d.moms.indices {
                let f = inst.facts(mom: m, child: c)
                guard f.allowed else { continue }
                inReach += 1
                guard load[m] >= d.moms[m].capacity else { continue }
                full += 1
                if !paired.contains([m, c]) { lower[m] = max(lower[m], inst.weights.scale.points(reward + f.value)) }
            }
            if pairs[c] == 0 && inReach > 0 && full == inReach { waiting.append(c) }
        }
        return (lower, waiting)
    }

    func testBothWaysOfFindingEachFullMomsBestSinglePairAgreeWithAScan() throws {
        var manyShort = 0, someWaiting = 0
        for seed in UInt64(600)...629 {
            var r = TestRandom(seed: seed)
            let dense = seed % 2 == 0
            let d = TestInstances.pairing(seed: seed, moms: dense ? r.int(100...200) : r.int(5...60),
                                          children: dense ? r.int(100...200) : r.int(5...60), spreadKm: dense ? 4 : 20)
            let inst = PairingInstance(dataset: d)
            // The optimum (few children short of moms) and a random feasible pairing (many), as
            // a pairing cut short by the deadline leaves.
            let optimum = try PairingSolver.solve(d).evaluation
            var load = [Int](repeating: 0, count: d.moms.count)
            var taken: [(child: Int, mom: Int)] = []
            for c in d.children.indices.shuffled(using: &r) {
                var count = 0
                for m in d.moms.indices.shuffled(using: &r) where count < Int(inst.childSlots[c]) && load[m] < d.moms[m].capacity {
                    guard inst.facts(mom: m, child: c).allowed, r.bool(0.6) else { continue }
                    taken.append((c, m)); load[m] += 1; count += 1
                }
            }
            let random = PairingEvaluation(dataset: d, instance: inst, pairs: taken)
            XCTAssertTrue(random.isFeasible, "seed \(seed)")
            for (kind, ev) in [("optimum", optimum), ("random", random)] {
                let scan = Self.bestSinglePairsByScan(d, inst, ev)
                for byMom in [false, true] {
                    let got = CapacityValues.bestSinglePairs(d, inst, ev, byMom: byMom)
                    XCTAssertEqual(got.lower, scan.lower, "seed \(seed) \(kind) byMom \(byMom)")
                    XCTAssertEqual(got.waiting.sorted(), scan.waiting.sorted(), "seed \(seed) \(kind) byMom \(byMom)")
                }
                if kind == "random" && scan.lower.contains(where: { $0 > 0 }) { manyShort += 1 }
                if !scan.waiting.isEmpty { someWaiting += 1 }
            }
        }
        XCTAssertGreaterThan(manyShort, 10)
        XCTAssertGreaterThan(someWaiting, 5)
    }
}

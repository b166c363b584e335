@testable import CareMatch
import Foundation
import GLPK
import XCTest

/// The allocation under overrides equals the direct model (one column per (source, need) link)
/// with forbidden links left out and locked links given their lower bound, solved by GLPK.
final class OverrideAllocationTests: XCTestCase {
    /// The direct per-link MIP under `d.overrides`.
    static func directOptimum(_ d: Dataset) throws -> Double {
        let ov = ResolvedOverrides(d)
        var lower: [[Int]: Double] = [:]
        for l in ov.allocationLocks { lower[[l.offer, l.need]] = l.units }
        return try AllocationInstances.directOptimum(d, forbidden: Set(ov.allocationForbids.map { [$0.offer, $0.need] }), lower: lower).objective
    }

    /// Random valid allocation overrides: locks of 1..2 units on compatible links, forbids.
    static func randomOverrides(_ d: Dataset, _ r: inout TestRandom, count: Int) -> [Override] {
        var out: [Override] = []
        for _ in 0..<count {
            guard !d.needs.isEmpty, !d.offers.isEmpty else { break }
            let n = r.pick(d.needs), s = r.pick(d.offers)
            let o: Override
            if r.bool() {
                guard AllocationInstances.compatible(d, offer: s, need: n) else { continue }
                let integral = d.catalog.first { $0.category == n.category }!.integral
                let u = integral ? Double(r.int(1...2)) : Double(r.int(1...150)) / 100
                o = Override(kind: .lockAllocation, sourceID: s.id, needID: n.id, units: u)
            } else if r.bool(0.8) {
                o = Override(kind: .forbidAllocation, sourceID: s.id, needID: n.id)
            } else {
                o = Override(kind: .forbidAllocation, childID: n.childID, sourceID: s.id)
            }
            var trial = d
            trial.overrides = out + [o]
            if OverrideChecks.check(trial).isEmpty { out.append(o) }
        }
        return out
    }

    func testAllocationUnderOverridesEqualsTheDirectModel() throws {
        var checked = 0, locks = 0, forbids = 0
        for seed in UInt64(1)...40 {
            var d = AllocationInstances.random(seed: seed, children: 6, offers: 5)
            var r = TestRandom(seed: seed &* 31)
            d.overrides = Self.randomOverrides(d, &r, count: 5)
            guard !d.overrides.isEmpty else { continue }
            let s = try AllocationSolver.solve(d)
            XCTAssertEqual(s.status, .optimal, "seed \(seed)")
            let direct = try Self.directOptimum(d)
            XCTAssertEqual(s.score, direct, accuracy: 1e-6 * max(1, abs(direct)), "seed \(seed): \(d.overrides.map(\.label))")
            // Every line honoured, on the rows of allocations.csv.
            for o in d.overrides {
                let rows = s.rows.filter { $0.sourceID == o.sourceID! && (o.needID.map { $0 == $0 } ?? true) }
                switch o.kind {
                case .lockAllocation:
                    let got = s.rows.filter { $0.sourceID == o.sourceID! && $0.needID == o.needID! }.reduce(0) { $0 + $1.units }
                    XCTAssertGreaterThanOrEqual(got + 1e-9, o.units!, "seed \(seed) \(o.label)"); locks += 1
                case .forbidAllocation:
                    let hit = rows.contains { row in o.needID.map { row.needID == $0 } ?? (row.childID == o.childID!) }
                    XCTAssertFalse(hit, "seed \(seed) \(o.label)"); forbids += 1
                default: break
                }
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 20)
        XCTAssertGreaterThan(locks, 10)
        XCTAssertGreaterThan(forbids, 10)
    }

    func testWithoutOverridesTheModelIsUnchanged() throws {
        for seed in UInt64(50)...55 {
            let d = AllocationInstances.random(seed: seed, children: 6, offers: 5)
            let inst = AllocationInstance(dataset: d)
            XCTAssertTrue(inst.classes.allSatisfy { $0.key.need == nil })
            XCTAssertTrue(inst.lockedUnits.isEmpty)
        }
    }
}

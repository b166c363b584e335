@testable import CareMatch
import Foundation
import XCTest

/// `alternatives.csv` under `overrides.csv`: pairs forbidden in both roles are left out, a child
/// with a locked lead has none, and every row still equals a re-solve under the overrides with its
/// pair locked as lead; supporting locks and role-specific forbids leave it uncomputed and the
/// plan says so; allocation lines leave the pairing, and its alternatives, as they are.
final class AlternativesUnderOverridesTests: XCTestCase {
    private static var options: PlannerOptions {
        var o = PlannerOptions()
        o.allocation.marginals = false
        return o
    }

    func testPairOverridesLeaveNoAlternativesAndTheTerminalAndTheSummarySaySo() throws {
        var d = TestInstances.pairing(seed: 5, moms: 12, children: 10)
        d.settings.pairingAlternatives = 3
        let free = try Planner.plan(d, options: Self.options)
        let freeAlternatives = try XCTUnwrap(free.alternatives)
        XCTAssertFalse(freeAlternatives.rows.isEmpty, "without the line the same dataset has rows")
        XCTAssertFalse(freeAlternatives.skippedForPairOverrides)

        let pair = try XCTUnwrap(free.pairing.evaluation.pairs.first)
        d.overrides = [Override(kind: .forbidPair, childID: d.children[pair.child].id, momID: d.moms[pair.mom].id, role: pair.role)]
        XCTAssertEqual(OverrideChecks.check(d).count, 0)
        let plan = try Planner.plan(d, options: Self.options)
        let a = try XCTUnwrap(plan.alternatives)
        XCTAssertTrue(a.rows.isEmpty)
        XCTAssertTrue(a.skippedForPairOverrides)
        XCTAssertEqual(a.perChild, 3)
        XCTAssertTrue(AlternativesSummaryPart(a).skippedForPairOverrides)
        XCTAssertEqual(PlanTables.alternatives(d, a).rows.count, 0)
        for lang in ReportLanguage.allCases {
            let text = PlanTerminalSummary.render(plan, folder: "plans/x", texts: Texts(lang))
            XCTAssertTrue(text.contains(Texts(lang)(.termAlternativesOverrides)), "\(lang)")
        }
        XCTAssertFalse(PlanTerminalSummary.render(free, folder: "plans/x", texts: Texts(.en)).contains("NOT computed"))
    }

    func testUnderForbiddenPairsAndLockedLeadsEveryRowEqualsTheReSolveWithItsPairLockedAsLead() throws {
        var checked = 0, instances = 0, forbiddenSeen = 0, lockedChildren = 0
        for seed in UInt64(1)...30 {
            var d = TestInstances.pairing(seed: seed, moms: 6, children: 5, spreadKm: 10, maxKm: 6)
            d.settings.pairingAlternatives = 50
            let inst = PairingInstance(dataset: d)
            var allowed: [(c: Int, m: Int)] = []
            for c in d.children.indices { for m in d.moms.indices where inst.facts(mom: m, child: c).allowed { allowed.append((c, m)) } }
            guard allowed.count >= 4 else { continue }
            var r = TestRandom(seed: seed &* 131)
            var forbidden = Set<[Int]>()
            for _ in 0..<3 { let p = r.pick(allowed); forbidden.insert([p.c, p.m]) }
            d.overrides = forbidden.sorted { $0.lexicographicallyPrecedes($1) }.map {
                Override(kind: .forbidPair, childID: d.children[$0[0]].id, momID: d.moms[$0[1]].id)
            }
            // One or two leads locked, any mom (a lock may be beyond reach), when the file stays valid.
            var locked = Set<Int>()
            for _ in 0..<r.int(1...2) {
                let c = r.int(0...(d.children.count - 1)), m = r.int(0...(d.moms.count - 1))
                guard !forbidden.contains([c, m]), !locked.contains(c) else { continue }
                var trial = d
                trial.overrides.append(Override(kind: .lockPair, childID: d.children[c].id, momID: d.moms[m].id, role: .lead))
                if OverrideChecks.check(trial).isEmpty { d = trial; locked.insert(c) }
            }
            lockedChildren += locked.count
            XCTAssertEqual(OverrideChecks.check(d).count, 0)
            XCTAssertTrue(PairingAlternatives.searchable(d))
            let plan = try Planner.plan(d, options: Self.options)
            let a = try XCTUnwrap(plan.alternatives)
            XCTAssertFalse(a.skippedForPairOverrides)
            XCTAssertTrue(a.exact, "seed \(seed)")
            XCTAssertEqual(a.childrenNotComputed, 0)
            instances += 1
            let base = plan.pairing.evaluation.scoreUnits
            let lead = Dictionary(plan.pairing.evaluation.pairs.filter { $0.role == .lead }.map { ($0.child, $0.mom) }, uniquingKeysWith: { a, _ in a })
            // Every allowed mom that is not forbidden and not her lead is listed (k is above their number).
            for c in d.children.indices {
                let listed = Set(a.rows.filter { $0.child == c }.map(\.mom))
                // A child whose lead is locked has none, and a mom whose places are all locked to
                // others is none's: the file would not be valid with her locked as lead too.
                let expected = locked.contains(c) ? [] : Set(allowed.filter { p in
                    guard p.c == c && !forbidden.contains([c, p.m]) && lead[c] != p.m else { return false }
                    var relocked = d
                    relocked.overrides.append(Override(kind: .lockPair, childID: d.children[c].id, momID: d.moms[p.m].id, role: .lead))
                    return OverrideChecks.check(relocked).isEmpty
                }.map(\.m))
                XCTAssertEqual(listed, expected, "seed \(seed) child \(c)")
                forbiddenSeen += allowed.filter { $0.c == c && forbidden.contains([c, $0.m]) }.count
            }
            // Second formulation: GLPK under the overrides plus the row's pair locked as lead.
            for row in a.rows {
                var relocked = d
                relocked.overrides.append(Override(kind: .lockPair, childID: d.children[row.child].id, momID: d.moms[row.mom].id, role: .lead))
                XCTAssertEqual(OverrideChecks.check(relocked).count, 0)
                let s = try OverridePairing.solve(relocked, ResolvedOverrides(relocked))
                XCTAssertTrue(s.certificate.proven)
                XCTAssertEqual(row.scoreChangeUnits, s.evaluation.scoreUnits - base, "seed \(seed) child \(row.child) mom \(row.mom)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(instances, 15)
        XCTAssertGreaterThan(checked, 100)
        XCTAssertGreaterThan(forbiddenSeen, 20)
        XCTAssertGreaterThan(lockedChildren, 15)
    }

    func testAllocationOverridesKeepThePlainPairingsAlternatives() throws {
        var d = DatasetGenerator(scale: 0.2, seed: 2).generate()
        d.settings.pairingAlternatives = 2
        let before = try Planner.plan(d, options: Self.options)
        var r = TestRandom(seed: 11)
        d.overrides = OverrideAllocationTests.randomOverrides(d, &r, count: 4)
        XCTAssertFalse(d.overrides.isEmpty)
        XCTAssertFalse(d.overrides.contains { $0.kind.isPairing })
        let after = try Planner.plan(d, options: Self.options)
        let a = try XCTUnwrap(after.alternatives), b = try XCTUnwrap(before.alternatives)
        XCTAssertFalse(a.skippedForPairOverrides)
        XCTAssertFalse(a.rows.isEmpty)
        XCTAssertEqual(a.rows.count, b.rows.count)
        XCTAssertTrue(a.rows == b.rows, "the same pairing has the same alternatives")
        XCTAssertEqual(after.pairing.evaluation.scoreUnits, before.pairing.evaluation.scoreUnits)
    }
}

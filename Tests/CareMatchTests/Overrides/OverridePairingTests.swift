@testable import CareMatch
import Foundation
import XCTest

/// The pairing under overrides is the best pairing that honours every line, as found by
/// enumerating every set of pairs on tiny random instances (an independent certificate), and
/// each line's price is the difference of two such optima.
final class OverridePairingTests: XCTestCase {
    /// Random valid overrides for `d` (rows that `OverrideChecks` rejects are dropped one by one).
    static func randomOverrides(_ d: Dataset, _ r: inout TestRandom, count: Int) -> [Override] {
        var out: [Override] = []
        for _ in 0..<count {
            let c = r.pick(d.children), m = r.pick(d.moms)
            let o: Override
            switch r.int(0...3) {
            case 0: o = Override(kind: .lockPair, childID: c.id, momID: m.id, role: .lead)
            case 1: o = Override(kind: .lockPair, childID: c.id, momID: m.id, role: .support)
            case 2: o = Override(kind: .forbidPair, childID: c.id, momID: m.id)
            default: o = Override(kind: .forbidPair, childID: c.id, momID: m.id, role: r.bool() ? .lead : .support)
            }
            var trial = d
            trial.overrides = out + [o]
            if OverrideChecks.check(trial).isEmpty { out.append(o) }
        }
        return out
    }

    /// Whether `ev` honours `d.overrides` (roles by the contract's lead order).
    static func honours(_ d: Dataset, _ ev: PairingEvaluation) -> Bool {
        let role = Dictionary(ev.pairs.map { ("\(d.children[$0.child].id)|\(d.moms[$0.mom].id)", $0.role) }, uniquingKeysWith: { a, _ in a })
        for o in d.overrides {
            let r = role["\(o.childID!)|\(o.momID!)"]
            switch o.kind {
            case .lockPair: if r != o.role { return false }
            case .forbidPair: if let r, o.role == nil || o.role == r { return false }
            default: break
            }
        }
        return true
    }

    /// The best score over every feasible set of pairs honouring the overrides (allowed pairs
    /// and locked ones), or nil when none honours them.
    static func bruteForce(_ d: Dataset) -> Int64? {
        var inst = PairingInstance(dataset: d)
        let index = DatasetIndex(d)
        for o in d.overrides where o.kind == .lockPair {
            inst.lockedPairs.insert(Int64(index.childByID[o.childID!]!) * Int64(d.moms.count) + Int64(index.momByID[o.momID!]!))
        }
        var candidates: [(child: Int, mom: Int)] = []
        for c in d.children.indices { for m in d.moms.indices where inst.facts(mom: m, child: c).allowed { candidates.append((c, m)) } }
        precondition(candidates.count <= 18, "instance too large for brute force")
        var best: Int64? = nil
        for mask in 0..<(1 << candidates.count) {
            let pairs = candidates.indices.filter { mask & (1 << $0) != 0 }.map { candidates[$0] }
            let ev = PairingEvaluation(dataset: d, instance: inst, pairs: pairs)
            guard ev.isFeasible, honours(d, ev) else { continue }
            best = max(best ?? Int64.min, ev.scoreUnits)
        }
        return best
    }

    static func tiny(seed: UInt64) -> Dataset {
        var d = TestInstances.pairing(seed: seed, moms: 4, children: 4, spreadKm: 10, maxKm: 5)
        var r = TestRandom(seed: seed &* 7919)
        d.overrides = randomOverrides(d, &r, count: 4)
        return d
    }

    func testPairingUnderOverridesEqualsBruteForceOnTinyInstances() throws {
        var checked = 0, withSide = 0
        for seed in UInt64(1)...60 {
            let d = Self.tiny(seed: seed)
            var inst = PairingInstance(dataset: d)
            inst.lockedPairs = []
            let allowed = d.children.indices.reduce(0) { a, c in a + d.moms.indices.filter { inst.facts(mom: $0, child: c).allowed }.count }
            guard allowed + d.overrides.count <= 18, !d.overrides.isEmpty else { continue }
            guard let expected = Self.bruteForce(d) else { continue }
            let s = try OverridePairing.solve(d, ResolvedOverrides(d))
            XCTAssertEqual(s.evaluation.scoreUnits, expected, "seed \(seed): \(d.overrides.map(\.label))")
            XCTAssertTrue(s.certificate.proven, "seed \(seed)")
            XCTAssertTrue(Self.honours(d, s.evaluation), "seed \(seed)")
            checked += 1
            if d.overrides.contains(where: { ($0.kind == .lockPair && $0.role == .support) || ($0.kind == .forbidPair && $0.role != nil) }) { withSide += 1 }
        }
        XCTAssertGreaterThan(checked, 20)
        XCTAssertGreaterThan(withSide, 5, "the side rows of the roles must be exercised")
    }

    func testWithoutOverridesTheSolverFindsTheEnginesOptimum() throws {
        for seed in UInt64(100)...110 {
            let d = TestInstances.pairing(seed: seed, moms: 12, children: 14)
            let engine = try PairingSolver.solve(d)
            let mine = try OverridePairing.solve(d, ResolvedOverrides(d))
            XCTAssertEqual(mine.evaluation.scoreUnits, engine.evaluation.scoreUnits, "seed \(seed)")
            XCTAssertTrue(mine.certificate.proven)
        }
    }

    func testALockedPairBeyondReachIsKeptAndNotAViolation() throws {
        var d = TestInstances.pairing(seed: 7, moms: 6, children: 5, spreadKm: 30, maxKm: 3)
        let inst = PairingInstance(dataset: d)
        guard let (c, m) = d.children.indices.lazy.flatMap({ c in d.moms.indices.map { (c, $0) } })
            .first(where: { inst.facts(mom: $0.1, child: $0.0).centikm > 500 && d.moms[$0.1].capacity > 0 }) else { return XCTFail("no far pair") }
        d.overrides = [Override(kind: .lockPair, childID: d.children[c].id, momID: d.moms[m].id, role: .lead, line: 2)]
        XCTAssertEqual(OverrideChecks.check(d), [])
        let s = try OverridePairing.solve(d, ResolvedOverrides(d))
        XCTAssertTrue(s.evaluation.pairs.contains { $0.child == c && $0.mom == m && $0.role == .lead })
        XCTAssertTrue(s.evaluation.isFeasible)
        XCTAssertTrue(s.certificate.proven)
    }

    func testEachOverridesPriceIsTheDifferenceOfTwoBruteForceOptima() throws {
        var checked = 0
        for seed in UInt64(1)...40 {
            let d = Self.tiny(seed: seed)
            guard d.overrides.count >= 2, let all = Self.bruteForce(d) else { continue }
            var opts = PlannerOptions()
            opts.allocation.marginals = false
            let plan = try Planner.plan(d, options: opts)
            let summary = try XCTUnwrap(plan.summary.overrides)
            let scale = PairingWeights(d.settings).scale
            XCTAssertEqual(summary.pairing.withOverrides, Decimals.round(scale.points(all)))
            var free = d; free.overrides = []
            XCTAssertEqual(summary.pairing.withoutOverrides, Decimals.round(scale.points(Self.bruteForce(free)!)))
            for (i, price) in summary.prices.enumerated() {
                var less = d; less.overrides.remove(at: i)
                guard let without = Self.bruteForce(less) else { continue }
                XCTAssertEqual(price.status, "exact")
                XCTAssertEqual(try XCTUnwrap(price.points), Decimals.round(scale.points(without) - scale.points(all)), accuracy: 1e-9,
                               "seed \(seed) \(price.label)")
            }
            checked += 1
            if checked >= 8 { break }
        }
        XCTAssertGreaterThan(checked, 3)
    }

    /// A price's re-solve starts from the plan's optimal LP basis (`OverridePairing.Basis`): the
    /// line's side row made free, its lock released at 1, a locked pair beyond reach fixed at 0.
    /// On instances too large for brute force, each warm re-solve reaches the same proven optimum
    /// as a cold solve of the same overrides, for every kind of line left out or added; so does
    /// the plan's solve started from the tree basis of the pairing without overrides.
    func testAReSolveFromThePlansBasisReachesTheColdSolvesOptimumForEveryKindOfLine() throws {
        var kinds = Set<String>(), beyondReach = 0, checked = 0
        for seed in UInt64(300)...330 {
            var d = TestInstances.pairing(seed: seed, moms: 22, children: 26, spreadKm: 14, maxKm: 4)
            var r = TestRandom(seed: seed &* 104_729)
            d.overrides = Self.randomOverrides(d, &r, count: 8)
            guard d.overrides.count >= 3 else { continue }
            let ov = ResolvedOverrides(d)
            // Random lines can be jointly impossible (a support lock whose higher-ranked moms
            // are all taken by locks): the solver says so, and the seed is skipped.
            guard let plan = try? OverridePairing.solveKeepingColumns(d, ov) else { continue }
            XCTAssertTrue(plan.solution.certificate.proven, "seed \(seed)")
            let inst = PairingInstance(dataset: d)
            // The plan's own solve as `plan` makes it: from the tree basis of the pairing
            // without overrides and its duals (integer units).
            var free = d; free.overrides = []
            let engine = try PairingSolver.solve(free)
            let perPoint = Double(inst.weights.scale.unitsPerPoint)
            let fromTree = try OverridePairing.solveKeepingColumns(
                d, ov, warm: engine.evaluation.pairs.map { ($0.child, $0.mom) },
                freeDuals: (mom: engine.momDual.map { Int64(($0 * perPoint).rounded()) }, child: engine.childDual.map { Int64(($0 * perPoint).rounded()) })).solution
            XCTAssertTrue(fromTree.certificate.proven, "seed \(seed)")
            XCTAssertEqual(fromTree.evaluation.scoreUnits, plan.solution.evaluation.scoreUnits, "seed \(seed): tree start")
            for i in d.overrides.indices {
                let without = ResolvedOverrides(d, excluding: [i])
                let warm = try OverridePairing.solveKeepingColumns(d, without, warm: plan.columns,
                                                                   basis: plan.basis, bestPerChild: 0).solution
                let cold = try OverridePairing.solve(d, without)
                XCTAssertTrue(warm.certificate.proven && cold.certificate.proven, "seed \(seed) line \(i)")
                XCTAssertEqual(warm.evaluation.scoreUnits, cold.evaluation.scoreUnits, "seed \(seed) without \(d.overrides[i].label)")
                var less = d; less.overrides.remove(at: i)
                XCTAssertTrue(Self.honours(less, warm.evaluation), "seed \(seed) line \(i)")
                // And the other way (compare --price-manual): from the basis without the line,
                // with the line added, the plan's optimum.
                let lessPlan = try OverridePairing.solveKeepingColumns(d, without)
                let added = try OverridePairing.solveKeepingColumns(d, ov, warm: lessPlan.columns,
                                                                    basis: lessPlan.basis, bestPerChild: 0).solution
                XCTAssertTrue(added.certificate.proven, "seed \(seed) line \(i)")
                XCTAssertEqual(added.evaluation.scoreUnits, plan.solution.evaluation.scoreUnits, "seed \(seed) with \(d.overrides[i].label) added")
                XCTAssertTrue(Self.honours(d, added.evaluation), "seed \(seed) line \(i)")
                let o = d.overrides[i]
                kinds.insert("\(o.kind.rawValue) \(o.role.map { "\($0)" } ?? "both")")
                if o.kind == .lockPair, let c = d.children.firstIndex(where: { $0.id == o.childID }),
                   let m = d.moms.firstIndex(where: { $0.id == o.momID }), !inst.facts(mom: m, child: c).allowed { beyondReach += 1 }
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 15)
        XCTAssertEqual(kinds.count, 5, "every kind and role of pair line left out: \(kinds.sorted())")
        XCTAssertGreaterThan(beyondReach, 0, "a locked pair beyond reach left out")
    }
}

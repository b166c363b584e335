import XCTest
@testable import CareMatch

/// The facts in the reasons for children short of moms (`unmet.csv`, and `report.html`'s table of
/// unpaired children) against a listing of every mom of the dataset, measured with the contract's
/// haversine written out again (`Workflow.km`). The engine counts whole cells from totals, skips
/// cells by bounds and finds the nearest by ring walks; the listing does none of that.
final class ShortfallReasonsAgainstAListingTests: XCTestCase {
    /// What a reason says, as read back from its sentence.
    struct Facts: Equatable, CustomStringConvertible {
        var code: UnmetReasonCode
        var count: Int?
        var nearest: String?
        var nearestFree: String?
        var closestCall: String?
        var description: String { "\(code) count \(count ?? -1) nearest \(nearest ?? "-") free \(nearestFree ?? "-") closest \(closestCall ?? "-")" }
    }

    /// Random maps: moms and children within `spread` km, reach of 3–12 km (so that many cells
    /// lie wholly within a circle and many are cut by it), moms of capacity 0–2, some with a
    /// shorter reach of their own; a random pairing that fills some or most places, and dual prices on
    /// a coarse grid of values, so that many gaps tie and the ties go to distance, then id.
    func randomCase(seed: UInt64) -> (Dataset, [EvaluatedPair], [Double]) {
        var r = TestRandom(seed: seed)
        let maxKm = Double(r.int(3...12))
        var d = TestInstances.pairing(seed: seed, moms: r.int(40...400), children: r.int(60...500),
                                      spreadKm: Double(r.int(10...40)), maxKm: maxKm)
        d.settings.kmCost = r.pick([0, 0.5, 1, 3])
        d.settings.fitBonus = r.pick([0, 10, 20])
        let inst = PairingInstance(dataset: d)
        var load = [Int](repeating: 0, count: d.moms.count)
        var pairs: [(child: Int, mom: Int)] = []
        let fill = r.pick([0.05, 0.2, 0.5, 0.9])
        for c in d.children.indices.shuffled(using: &r) {
            var wanted = r.int(0...(1 + d.children[c].supportersWanted))
            for m in d.moms.indices.shuffled(using: &r) where wanted > 0 && load[m] < d.moms[m].capacity && r.bool(fill) {
                guard inst.facts(mom: m, child: c).allowed else { continue }
                pairs.append((c, m)); load[m] += 1; wanted -= 1
            }
            // Now and then a pair beyond reach, as `overrides.csv` may lock: it must not be
            // taken off the moms counted within reach.
            if wanted > 0, r.bool(0.1), let m = d.moms.indices.shuffled(using: &r).first(where: {
                load[$0] < d.moms[$0].capacity && !inst.facts(mom: $0, child: c).allowed
            }) {
                pairs.append((c, m)); load[m] += 1
            }
        }
        let ev = PairingEvaluation(dataset: d, instance: inst, pairs: pairs.filter { inst.facts(mom: $0.mom, child: $0.child).allowed })
        XCTAssertTrue(ev.isFeasible)
        var leads = Set<Int>()
        let evaluated = pairs.map { p in
            EvaluatedPair(child: p.child, mom: p.mom, role: leads.insert(p.child).inserted ? .lead : .support,
                          centikm: Distance.centikm(d.children[p.child].location, d.moms[p.mom].location),
                          shared: false, continued: false, value: 0)
        }
        let dual = d.moms.indices.map { _ in Double(r.int(0...24)) * 12.5 }
        return (d, evaluated, dual)
    }

    func centikm(_ a: GeoPoint, _ b: GeoPoint) -> Int { Int((Workflow.km(a.lat, a.lon, b.lat, b.lon) * 100).rounded()) }

    /// The facts of one child, from every mom of the dataset.
    func listing(_ d: Dataset, _ c: Int, supporting: Bool, pairs: [EvaluatedPair], dual: [Double]) -> Facts {
        let s = d.settings, child = d.children[c]
        var load = [Int](repeating: 0, count: d.moms.count)
        for p in pairs { load[p.mom] += 1 }
        let mine = Set(pairs.filter { $0.child == c }.map(\.mom))
        let limit = { (m: Int) in Int((min(d.moms[m].maxKm ?? s.maxKm, s.maxKm) * 100 + 1e-6).rounded(.down)) }
        let others = d.moms.indices.filter { !mine.contains($0) && d.moms[$0].capacity > 0 }
            .map { (m: $0, d: centikm(child.location, d.moms[$0].location)) }
            .sorted { $0.d != $1.d ? $0.d < $1.d : d.moms[$0.m].id.precedesInCodePoints(d.moms[$1.m].id) }
        let inReach = others.filter { $0.d <= limit($0.m) }
        let free = others.filter { load[$0.m] < d.moms[$0.m].capacity }
        let freeInReach = inReach.filter { load[$0.m] < d.moms[$0.m].capacity }
        if let near = freeInReach.first {
            return Facts(code: .notWorthPairing, count: freeInReach.count, nearest: d.moms[near.m].id)
        }
        guard let near = inReach.first else {
            return Facts(code: .noMomInReach, nearestFree: free.first.map { d.moms[$0.m].id })
        }
        // The closest call: the smallest gap between the place's price and the pair's points,
        // in hundredths of a point (the score's unit with these settings), then distance, then id.
        let reward = s.weight(child.group) * (supporting ? s.supportReward : s.leadReward)
        let closest = inReach.min { a, b in
            func key(_ x: (m: Int, d: Int)) -> Int {
                let mom = d.moms[x.m]
                let v = reward + (Set(child.interests).isDisjoint(with: mom.skills) ? 0 : s.fitBonus)
                    + (child.pairedMomID == mom.id ? s.continuityBonus : 0) - s.kmCost * Double(x.d) / 100
                return Int(((dual[x.m] - v) * 100).rounded())
            }
            return (key(a), a.d) < (key(b), b.d) // a stable minimum keeps the smaller id on a full tie
        }!
        return Facts(code: .momsInReachFull, count: inReach.count, nearest: d.moms[near.m].id,
                     nearestFree: free.first.map { d.moms[$0.m].id }, closestCall: d.moms[closest.m].id)
    }

    /// The facts a reason states.
    func read(_ e: UnmetEntry) -> Facts {
        func first(_ pattern: String) -> String? {
            guard let r = e.reason.range(of: pattern, options: .regularExpression) else { return nil }
            return String(e.reason[r])
        }
        func word(after prefix: String, _ pattern: String) -> String? {
            first(NSRegularExpression.escapedPattern(for: prefix) + pattern).map { String($0.dropFirst(prefix.count)) }
        }
        var f = Facts(code: e.code)
        switch e.code {
        case .notWorthPairing:
            f.count = first("^[0-9]+").flatMap { Int($0) }
            f.nearest = word(after: "pairing the nearest, ", "[A-Z0-9]+")
        case .momsInReachFull:
            f.count = word(after: "(", "[0-9]+").flatMap { Int($0) }
            f.nearest = word(after: "all full; nearest ", "[A-Z0-9]+")
            f.nearestFree = first("mom with free capacity is [A-Z0-9]+").map { String($0.split(separator: " ").last!) }
            f.closestCall = word(after: "the closest call is ", "[A-Z0-9]+")
        default:
            f.nearestFree = first("mom with free capacity is [A-Z0-9]+").map { String($0.split(separator: " ").last!) }
        }
        return f
    }

    func testEveryChildsReasonStatesWhatAListingOfEveryMomFinds() {
        var seen = [UnmetReasonCode: Int](), closestByTie = 0
        for seed in UInt64(1)...UInt64(24) {
            let (d, pairs, dual) = randomCase(seed: seed)
            let rows = ChildShortfallReasons.explain(d, pairs: pairs, momDual: dual)
            for e in rows {
                let c = d.children.firstIndex { $0.id == e.childID }!
                let want = listing(d, c, supporting: e.kind == .supporting, pairs: pairs, dual: dual)
                XCTAssertEqual(read(e), want, "seed \(seed), \(e.kind) \(e.childID): \(e.reason)")
                seen[e.code, default: 0] += 1
                if want.closestCall != nil, want.closestCall != want.nearest { closestByTie += 1 }
            }
        }
        // The cases occurred: counts from cells, full moms in reach, and none in reach.
        XCTAssertGreaterThan(seen[.notWorthPairing] ?? 0, 100, "\(seen)")
        XCTAssertGreaterThan(seen[.momsInReachFull] ?? 0, 100, "\(seen)")
        XCTAssertGreaterThan(seen[.noMomInReach] ?? 0, 10, "\(seen)")
        XCTAssertGreaterThan(closestByTie, 20, "the closest call is often not the nearest mom")
    }

    func testTheReportsReasonsForUnpairedChildrenStateWhatAListingFinds() {
        var allFull = 0, notWorth = 0, none = 0
        for seed in UInt64(31)...UInt64(50) {
            let (d, all, _) = randomCase(seed: seed)
            let inst = PairingInstance(dataset: d)
            let pairs = all.filter { inst.facts(mom: $0.mom, child: $0.child).allowed }
            let ev = PairingEvaluation(dataset: d, instance: inst, pairs: pairs.map { ($0.child, $0.mom) })
            var load = [Int](repeating: 0, count: d.moms.count)
            for p in pairs { load[p.mom] += 1 }
            let unpaired = d.children.indices.filter { c in !pairs.contains { $0.child == c } }
            let got = UnmetReasons.explain(inst, ev)
            XCTAssertEqual(got.map(\.child), unpaired.sorted { d.children[$0].id.precedesInCodePoints(d.children[$1].id) })
            for u in got {
                let child = d.children[u.child]
                let inReach = d.moms.indices.filter { d.moms[$0].capacity > 0 }
                    .map { (m: $0, d: centikm(child.location, d.moms[$0].location)) }
                    .filter { $0.d <= Int((min(d.moms[$0.m].maxKm ?? d.settings.maxKm, d.settings.maxKm) * 100 + 1e-9).rounded(.down)) }
                    .sorted { $0.d != $1.d ? $0.d < $1.d : d.moms[$0.m].id.precedesInCodePoints(d.moms[$1.m].id) }
                guard let near = inReach.first else {
                    XCTAssertEqual(u.reason, "no mom within reach"); none += 1; continue
                }
                let km = Decimals.format(Double(near.d) / 100, maxDecimals: 2)
                if inReach.allSatisfy({ load[$0.m] >= d.moms[$0.m].capacity }) {
                    XCTAssertEqual(u.reason, "moms within reach are all at capacity (\(inReach.count) within reach; nearest \(d.moms[near.m].id) at \(km) km)")
                    allFull += 1
                } else {
                    XCTAssertEqual(u.reason, "pairing would cost more points than it earns (nearest mom \(d.moms[near.m].id) at \(km) km)")
                    notWorth += 1
                }
            }
        }
        XCTAssertGreaterThan(allFull, 20); XCTAssertGreaterThan(notWorth, 20); XCTAssertGreaterThan(none, 5)
    }
}

import XCTest
@testable import CareMatch

/// The first restricted model (`InitialCandidates`) against a listing of every mom: for each
/// child, her `nearest` nearest allowed moms and her `sharing` nearest allowed moms sharing an
/// interest (by distance, then position), added in that order, then her current mom. The engine
/// finds them by a ring walk that stops once both lists are full; the listing measures and sorts
/// every mom.
final class InitialCandidatesTests: XCTestCase {
    /// The pairs of a listing, in the order the model must hold them.
    func listing(_ inst: PairingInstance, nearest: Int, sharing: Int) -> [(child: Int, mom: Int)] {
        var out: [(child: Int, mom: Int)] = []
        for c in 0..<inst.childCount {
            let allowed = (0..<inst.momCount).map { (m: $0, f: inst.facts(mom: $0, child: c)) }
                .filter { $0.f.allowed && $0.f.centikm <= Int(inst.momReach[$0.m]) }
                .sorted { ($0.f.centikm, $0.m) < ($1.f.centikm, $1.m) }
            let near = Set(allowed.prefix(max(0, nearest)).map(\.m))
            let shared = Set(allowed.filter(\.f.shared).prefix(max(0, sharing)).map(\.m))
            var seen = Set<Int>()
            for e in allowed where (near.contains(e.m) || shared.contains(e.m)) && seen.insert(e.m).inserted { out.append((c, e.m)) }
            let p = Int(inst.childPairedMom[c])
            if p >= 0, inst.facts(mom: p, child: c).allowed, seen.insert(p).inserted { out.append((c, p)) }
        }
        return out
    }

    func testTheFirstPairsAreEachChildsNearestAndNearestSharingMomsOfAListing() {
        var compared = 0, beyondFirstRing = 0
        for seed in UInt64(1)...UInt64(16) {
            var r = TestRandom(seed: seed)
            // Dense and sparse maps; coordinates on a coarse lattice on some, so that distances tie
            // and the ties go to the smaller position.
            var d = TestInstances.pairing(seed: seed, moms: r.int(20...400), children: r.int(20...200),
                                          spreadKm: Double(r.int(2...40)), maxKm: Double(r.int(2...15)))
            if r.bool(0.4) {
                for i in d.moms.indices {
                    d.moms[i].location = GeoPoint(lat: (d.moms[i].location.lat * 200).rounded() / 200, lon: (d.moms[i].location.lon * 200).rounded() / 200)
                }
            }
            let inst = PairingInstance(dataset: d)
            for (nearest, sharing) in [(5, 2), (0, 2), (3, 0), (0, 0), (1, 6), (12, 4)] {
                let cols = InitialCandidates.build(inst, nearest: nearest, sharing: sharing)
                let want = listing(inst, nearest: nearest, sharing: sharing)
                let got = (0..<cols.count).map { (child: Int(cols.child[$0]), mom: Int(cols.mom[$0])) }
                XCTAssertEqual(got.map(\.child), want.map(\.child), "seed \(seed), \(nearest)/\(sharing)")
                XCTAssertEqual(got.map(\.mom), want.map(\.mom), "seed \(seed), \(nearest)/\(sharing)")
                for j in 0..<cols.count {
                    let f = inst.facts(mom: Int(cols.mom[j]), child: Int(cols.child[j]))
                    XCTAssertEqual(cols.value[j], f.value); XCTAssertEqual(Int(cols.centikm[j]), f.centikm)
                    if f.centikm > 2 * Int(inst.momGrid.cellKm * 100) { beyondFirstRing += 1 }
                }
                compared += want.count
            }
        }
        XCTAssertGreaterThan(compared, 5_000)
        XCTAssertGreaterThan(beyondFirstRing, 100, "the walks never left the first rings of cells")
    }
}

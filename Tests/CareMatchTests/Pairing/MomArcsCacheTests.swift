@testable import CareMatch
import XCTest

/// The moms' sorted lists in flat storage (`MomArcLists`, `MomArcsCache`): the lists handed to
/// every thread, read in place, and a thread's own lists, appended when it builds or extends one.
final class MomArcsCacheTests: XCTestCase {
    /// Every arc of mom x's list at `span`, read through the cache.
    private func read(_ cache: MomArcsCache, _ x: Int) -> [MomArcs.Arc] {
        let span = cache.spans[x]
        return (0..<Int(span.count)).map { cache.arc(span, $0) }
    }

    private func same(_ a: [MomArcs.Arc], _ b: [MomArcs.Arc]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.rc == $1.rc && $0.child == $1.child }
    }

    func testAThreadReadsTheSharedListsAndItsOwnExtensionsWithoutChangingAnotherThreads() throws {
        var extended = 0, shared = 0
        for seed in 1700...1709 as ClosedRange<UInt64> {
            let d = TestInstances.pairing(seed: seed, moms: 30, children: 25, spreadKm: 14, maxKm: 6)
            let net = AlternativesTests.residualNetwork(d, try PairingSolver.solve(d))
            let unit = net.inst.weights.scale.unitsPerPoint
            // Half the moms have a list at 1 point handed over; the others none.
            let first = (0..<net.momCount).map { $0 % 2 == 0 ? MomArcs.build(net, mom: $0, threshold: unit) : nil }
            let lists = MomArcLists(first)
            let (one, other) = (MomArcsCache(lists), MomArcsCache(lists))
            for x in 0..<net.momCount {
                if let list = first[x] {
                    XCTAssertTrue(one.spans[x].built)
                    XCTAssertEqual(one.spans[x].threshold, list.threshold)
                    XCTAssertEqual(one.spans[x].complete, list.complete)
                    XCTAssertTrue(same(read(one, x), list.arcs), "seed \(seed) mom \(x)")
                    shared += list.arcs.count
                } else {
                    XCTAssertFalse(one.spans[x].built)
                }
            }
            // One thread extends every mom's list, twice (the first copy of its own left behind).
            for x in 0..<net.momCount {
                one.store(x, MomArcs.build(net, mom: x, threshold: 4 * unit))
                let wide = MomArcs.build(net, mom: x, threshold: 12 * unit)
                one.store(x, wide)
                XCTAssertTrue(same(read(one, x), wide.arcs), "seed \(seed) mom \(x)")
                XCTAssertEqual(one.spans[x].threshold, wide.threshold)
                extended += wide.arcs.count - (first[x]?.arcs.count ?? 0)
                // The other thread still reads the list it was handed.
                if let list = first[x] { XCTAssertTrue(same(read(other, x), list.arcs)) } else { XCTAssertFalse(other.spans[x].built) }
            }
        }
        XCTAssertGreaterThan(shared, 100)
        XCTAssertGreaterThan(extended, 100)
    }
}

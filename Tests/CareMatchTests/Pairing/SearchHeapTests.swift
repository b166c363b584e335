@testable import CareMatch
import XCTest

/// The alternatives' searches take their entries from `SearchHeap`; its order decides which of
/// several shortest paths is found, so it must be the total order of `SearchEntry`.
final class SearchHeapTests: XCTestCase {
    /// Takes (whose entry stays until the next push takes its place, or the next take)
    /// interleaved with pushes give the entries in the order of sorting them.
    func testTakesEveryEntryInTheOrderOfSortingThemWhilePushesAreInterleaved() {
        var rng = SplitMix64(seed: 7)
        for round in 0..<200 {
            var heap = SearchHeap()
            var model: [SearchEntry] = []
            var popped: [SearchEntry] = []
            var expected: [SearchEntry] = []
            // Few distinct keys, so the ties by node and cursor are exercised.
            let keys = UInt64(1 + round % 7)
            for _ in 0..<Int(rng.next() % 300) {
                if rng.next() % 3 == 0, let least = model.min(by: <) {
                    model.remove(at: model.firstIndex { !($0 < least) && !(least < $0) }!)
                    expected.append(least)
                    // A take leaves its entry in place until the next push or operation.
                    popped.append(heap.take()!)
                } else {
                    let key = Int64(rng.next() % keys), node = Int32(rng.next() % 5), at = Int32(rng.next() % 3)
                    let e = [SearchEntry(key: key, node: node), SearchEntry(key: key, owner: node, cursor: at),
                             SearchEntry(key: key, owner: node, beyond: at)][Int(rng.next() % 3)]
                    model.append(e)
                    heap.push(e)
                }
            }
            while let e = heap.take() { popped.append(e) }
            expected += model.sorted(by: <)
            XCTAssertEqual(popped.map(\.key), expected.map(\.key), "round \(round)")
            XCTAssertEqual(popped.map(\.node), expected.map(\.node), "round \(round)")
            XCTAssertEqual(popped.map(\.cursor), expected.map(\.cursor), "round \(round)")
            XCTAssertNil(heap.first)
        }
    }

    /// A worker's searches share the moms' lists, so an entry for the arcs beyond a list's
    /// threshold must say so itself: by the time it is taken another search may have extended
    /// the list past its position (reading it as that arc gave too short paths, caught by
    /// `AlternativesTests` under two threads).
    func testAnEntryForTheArcsBeyondAListsThresholdIsToldApartFromTheArcAtItsPosition() {
        for position in [Int32(0), 1, 7, 1_000_000] {
            let arc = SearchEntry(key: 5, owner: 3, cursor: position)
            let beyond = SearchEntry(key: 5, owner: 3, beyond: position)
            let node = SearchEntry(key: 5, node: 3)
            XCTAssertTrue(arc.isListEntry && !arc.isBeyond && arc.position == Int(position))
            XCTAssertTrue(beyond.isListEntry && beyond.isBeyond && beyond.position == Int(position))
            XCTAssertFalse(node.isListEntry)
            XCTAssertEqual(MemoryLayout<SearchEntry>.stride, 16)
        }
    }
}

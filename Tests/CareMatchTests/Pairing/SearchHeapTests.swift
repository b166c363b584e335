@testable import CareMatch
import XCTest

/// The alternatives' searches take their entries from `SearchHeap`, a radix heap: every take is
/// an entry of the smallest key held, entries of equal key come out first in, first out, and its
/// order is deterministic (which of several shortest paths is found depends on it).
final class SearchHeapTests: XCTestCase {
    /// A random entry of one of the three kinds.
    static func entry(key: Int64, _ rng: inout SplitMix64) -> SearchEntry {
        let node = Int32(rng.next() % 5), at = Int32(rng.next() % 3)
        return [SearchEntry(key: key, node: node), SearchEntry(key: key, owner: node, cursor: at),
                SearchEntry(key: key, owner: node, beyond: at)][Int(rng.next() % 3)]
    }

    /// Keys near `base` (few distinct ones, so ties are common), or anywhere in 64 bits
    /// (negative ones too), so that every bucket is used.
    static func key(atLeast base: Int64, round: Int, _ rng: inout SplitMix64) -> Int64 {
        // Room above base, so that no key overflows (counted without a sign: base may be negative).
        let room = UInt64(bitPattern: Int64.max) &- UInt64(bitPattern: base)
        let x: UInt64
        switch round % 3 {
        case 0: x = min(rng.next() % UInt64(1 + round % 7), room)
        case 1: x = min(rng.next() % 1_000_000, room)
        default:
            let span = (room == .max ? room : room + 1) >> (rng.next() % 64)
            x = rng.next() % max(1, span)
        }
        return Int64(bitPattern: UInt64(bitPattern: base) &+ x)
    }

    func testTakesTheEarliestPushedEntryOfTheSmallestKeyWhenKeysNeverFallBelowTheLastTaken() {
        var rng = SplitMix64(seed: 7)
        for round in 0..<300 {
            var heap = SearchHeap()
            // The model: entries in push order; a take is the first of the smallest key.
            var model: [SearchEntry] = []
            var last = round % 2 == 0 ? Int64(0) : -Int64(rng.next() % 1_000_000_000)
            for _ in 0..<Int(rng.next() % 400) {
                if rng.next() % 3 == 0, let least = model.map(\.key).min() {
                    let i = model.firstIndex { $0.key == least }!
                    let expected = model.remove(at: i)
                    XCTAssertEqual(heap.first?.key, expected.key, "round \(round)")
                    let got = heap.take()
                    XCTAssertEqual([got?.key, Int64(got?.node ?? -9), Int64(got?.cursor ?? -9)],
                                   [expected.key, Int64(expected.node), Int64(expected.cursor)], "round \(round)")
                    last = least
                } else {
                    let e = Self.entry(key: Self.key(atLeast: last, round: round, &rng), &rng)
                    model.append(e)
                    heap.push(e)
                }
            }
            while let least = model.map(\.key).min() {
                let expected = model.remove(at: model.firstIndex { $0.key == least }!)
                let got = heap.take()
                XCTAssertEqual([got?.key, Int64(got?.node ?? -9), Int64(got?.cursor ?? -9)],
                               [expected.key, Int64(expected.node), Int64(expected.cursor)], "round \(round)")
            }
            XCTAssertNil(heap.first)
            XCTAssertNil(heap.take())
        }
    }

    func testEveryTakeIsAnEntryOfTheSmallestKeyHeldEvenWhenAKeyFallsBelowTheLastTaken() {
        var rng = SplitMix64(seed: 11)
        var below = 0
        for round in 0..<300 {
            var heap = SearchHeap()
            var held: [SearchEntry] = []
            var last = Int64(0)
            func check(_ got: SearchEntry?) {
                guard let got else { return XCTFail("round \(round): empty while holding \(held.count)") }
                XCTAssertEqual(got.key, held.map(\.key).min(), "round \(round)")
                // The entry itself comes out, once.
                guard let i = held.firstIndex(where: { $0.key == got.key && $0.node == got.node && $0.cursor == got.cursor }) else {
                    return XCTFail("round \(round): an entry not held")
                }
                held.remove(at: i)
                last = got.key
            }
            for _ in 0..<Int(rng.next() % 400) {
                if rng.next() % 3 == 0, !held.isEmpty {
                    let peek = heap.first
                    let got = heap.take()
                    XCTAssertEqual(peek?.key, got?.key)
                    check(got)
                } else {
                    // One push in five below the last key taken.
                    let fall = rng.next() % 5 == 0
                    if fall { below += 1 }
                    let key = fall ? last - Int64(rng.next() % 1_000) : Self.key(atLeast: last, round: round, &rng)
                    let e = Self.entry(key: key, &rng)
                    held.append(e)
                    heap.push(e)
                }
            }
            while !held.isEmpty { check(heap.take()) }
            XCTAssertNil(heap.take())
            // Emptied and used again, or cleared while holding entries: it starts afresh.
            heap.push(SearchEntry(key: 5, node: 1))
            heap.push(SearchEntry(key: Int64.max, node: 2))
            heap.removeAll()
            XCTAssertNil(heap.first)
            heap.push(SearchEntry(key: -3, node: 4))
            XCTAssertEqual(heap.take()?.key, -3)
        }
        XCTAssertGreaterThan(below, 5_000)
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

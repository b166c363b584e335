/// A heap entry, 16 bytes: a node at a tentative distance (`cursor` −1); the next arc of a
/// sorted list (`cursor` ≥ 0, its position in the list of `node`: the ground's, a mom's, or in
/// the backward search a child's; the arc's head is read from the list when the entry is taken);
/// or the arcs beyond the threshold of such a list (`cursor` ≤ −2, from position −2 − cursor).
/// The last kind is marked apart: a worker's searches share the lists, so another search may
/// have extended the list past that position by the time the entry is taken.
struct SearchEntry {
    var key: Int64
    var node: Int32
    var cursor: Int32
    /// A node at distance `key`.
    @inline(__always) init(key: Int64, node: Int32) { self.key = key; self.node = node; cursor = -1 }
    /// The arc at `cursor` of `owner`'s sorted list, `key` a lower bound of its head's distance.
    @inline(__always) init(key: Int64, owner: Int32, cursor: Int32) { self.key = key; node = owner; self.cursor = cursor }
    /// The arcs of `owner`'s list beyond its threshold, from `position` on.
    @inline(__always) init(key: Int64, owner: Int32, beyond position: Int32) { self.key = key; node = owner; cursor = -2 - position }
    /// A list's entry (an arc, or the arcs beyond its threshold), not a node.
    @inline(__always) var isListEntry: Bool { cursor != -1 }
    /// The entry stands for the arcs beyond the list's threshold.
    @inline(__always) var isBeyond: Bool { cursor <= -2 }
    /// Its position in the list.
    @inline(__always) var position: Int { cursor >= 0 ? Int(cursor) : Int(-2 - cursor) }
    /// By key, then node, then cursor: a total order up to identical entries (`SearchHeap`
    /// orders the keys below its current one by it).
    @inline(__always) static func < (a: SearchEntry, b: SearchEntry) -> Bool {
        if a.key != b.key { return a.key < b.key }
        if a.node != b.node { return a.node < b.node }
        return a.cursor < b.cursor
    }
}

/// The alternatives' searches' priority queue: a radix heap of `SearchEntry` by key
/// (Ahuja, Mehlhorn, Orlin and Tarjan), for Dijkstra's monotone integer keys.
///
/// Every take returns an entry of the smallest key held. Entries of equal key come out first in,
/// first out, when every key pushed is at least the last key taken (a search's case but for the
/// entries below, which come out by `SearchEntry`'s order). The order is deterministic, but it
/// is not the total order a binary heap gave until stop 35. Shortest distances do not depend on
/// it, so every score is the same; which of several shortest paths a search finds can differ
/// (`displaced_child_id`).
///
/// Buckets by the highest bit in which a key differs from `last`, the key of the last bucket
/// emptied. Bucket 0 holds the keys equal to `last`, in a queue: in a search's plateau of zero
/// reduced cost these are most pushes, two thirds of them on the dense scale-1 shape. Bucket i
/// holds the keys whose highest differing bit is i − 1. A push is an append. When bucket 0 is
/// empty, the lowest non-empty bucket's least key becomes `last` and its entries move to lower
/// buckets (so an entry moves at most 64 times). A key below `last` goes to a small binary heap,
/// taken first: a sorted list's entry is a lower bound that can fall below the key being
/// processed (0.4 % of the pushes on that shape).
struct SearchHeap {
    private var buckets: [[SearchEntry]] = Array(repeating: [], count: 65)
    /// Bit i − 1 set: bucket i (i ≥ 1) holds entries.
    private var occupied: UInt64 = 0
    /// The key of bucket 0, in the order-preserving unsigned form (`ordered`).
    private var last: UInt64 = 0
    /// Keys below `last`, a binary heap by key (then the entries' order).
    private var low: [SearchEntry] = []
    /// Swapped with the bucket being emptied, so that neither allocates.
    private var spare: [SearchEntry] = []
    /// Bucket 0's next entry (first in, first out).
    private var head = 0

    /// Int64 keys as unsigned integers of the same order (the sign bit flipped).
    @inline(__always) private static func ordered(_ key: Int64) -> UInt64 { UInt64(bitPattern: key) ^ (1 << 63) }

    mutating func removeAll() {
        buckets[0].removeAll(keepingCapacity: true)
        head = 0
        while occupied != 0 {
            buckets[occupied.trailingZeroBitCount + 1].removeAll(keepingCapacity: true)
            occupied &= occupied - 1
        }
        low.removeAll(keepingCapacity: true)
        last = 0
    }

    /// An entry of the smallest key, not removed.
    var first: SearchEntry? {
        mutating get {
            guard fillBucketZero() else { return nil }
            return low.first ?? buckets[0][head]
        }
    }

    @inline(__always) mutating func push(_ e: SearchEntry) {
        let u = Self.ordered(e.key)
        if u == last { buckets[0].append(e); return }
        if u < last { pushLow(e); return }
        let i = 64 - (u ^ last).leadingZeroBitCount
        buckets[i].append(e)
        occupied |= 1 << UInt64(i - 1)
    }

    /// Removes and returns an entry of the smallest key.
    @inline(__always) mutating func take() -> SearchEntry? {
        guard fillBucketZero() else { return nil }
        if !low.isEmpty { return popLow() }
        let e = buckets[0][head]
        head += 1
        if head == buckets[0].count { buckets[0].removeAll(keepingCapacity: true); head = 0 }
        return e
    }

    /// Makes bucket 0 non-empty when it is empty and no key below `last` is held; false when
    /// the heap is empty.
    @inline(__always) private mutating func fillBucketZero() -> Bool {
        if !buckets[0].isEmpty || !low.isEmpty { return true }
        guard occupied != 0 else { return false }
        let i = occupied.trailingZeroBitCount + 1
        occupied &= ~(1 << UInt64(i - 1))
        swap(&spare, &buckets[i])
        var least = UInt64.max
        for e in spare { least = min(least, Self.ordered(e.key)) }
        last = least
        // Every entry of bucket i differs from the new `last` below bit i − 1: a lower bucket.
        for e in spare {
            let u = Self.ordered(e.key)
            if u == least { buckets[0].append(e); continue }
            let j = 64 - (u ^ least).leadingZeroBitCount
            buckets[j].append(e)
            occupied |= 1 << UInt64(j - 1)
        }
        spare.removeAll(keepingCapacity: true)
        return true
    }

    private mutating func pushLow(_ e: SearchEntry) {
        var i = low.count
        low.append(e)
        while i > 0 {
            let p = (i - 1) >> 1
            guard e < low[p] else { break }
            low[i] = low[p]
            i = p
        }
        low[i] = e
    }

    private mutating func popLow() -> SearchEntry {
        let top = low[0]
        let e = low.removeLast()
        let n = low.count
        guard n > 0 else { return top }
        var i = 0
        while true {
            let l = 2 * i + 1
            if l >= n { break }
            var s = l
            if l + 1 < n && low[l + 1] < low[l] { s = l + 1 }
            guard low[s] < e else { break }
            low[i] = low[s]
            i = s
        }
        low[i] = e
        return top
    }
}

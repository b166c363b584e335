/// Interest and skill tags as compact sets, so "shares a tag" is a few machine operations.
///
/// Tags are compared exactly as written (after the loader's trimming). Up to 64 distinct tags
/// live in one bit mask; beyond that each set also keeps its sorted tag numbers.
struct TagSets: Sendable {
    private var numberOf: [String: Int32] = [:]
    private(set) var masks: [UInt64] = []
    private var lists: [[Int32]] = []

    /// Registers one set of tags and returns its position.
    @discardableResult
    mutating func append(_ tags: [String]) -> Int {
        var mask: UInt64 = 0
        var list: [Int32] = []
        for t in tags {
            let n: Int32
            if let k = numberOf[t] { n = k } else { n = Int32(numberOf.count); numberOf[t] = n }
            mask |= 1 << UInt64(n & 63)
            list.append(n)
        }
        list.sort()
        masks.append(mask)
        lists.append(list)
        return masks.count - 1
    }

    /// Whether set `a` of `self` and set `b` of `other` share a tag (both built from one
    /// vocabulary: see `TagSets.pair`).
    @inline(__always)
    func shares(_ a: Int, with other: TagSets, _ b: Int) -> Bool {
        if masks[a] & other.masks[b] == 0 { return false }
        if numberOf.count <= 64 { return true }
        var i = 0, j = 0
        let x = lists[a], y = other.lists[b]
        while i < x.count && j < y.count {
            if x[i] == y[j] { return true }
            if x[i] < y[j] { i += 1 } else { j += 1 }
        }
        return false
    }

    /// Builds the children's interests and the moms' skills over one shared vocabulary.
    static func pair(children: [[String]], moms: [[String]]) -> (children: TagSets, moms: TagSets) {
        var all = TagSets()
        for t in children { all.append(t) }
        for t in moms { all.append(t) }
        var c = all, m = all
        c.masks = Array(all.masks[0..<children.count]); c.lists = Array(all.lists[0..<children.count])
        m.masks = Array(all.masks[children.count...]); m.lists = Array(all.lists[children.count...])
        return (c, m)
    }
}

/// The best left-out pairs found so far for one child (or, from the moms' side, one mom) while
/// pricing: at most `limit` of them, by decreasing reduced cost, ties to the smaller position of
/// the other side, so the result does not depend on the order pairs are met in.
struct BestPairs {
    typealias Pair = (rc: Int64, partner: Int, facts: PairingInstance.PairFacts)
    let limit: Int
    private(set) var items: [Pair] = []

    init(limit: Int) {
        self.limit = limit
        items.reserveCapacity(limit + 1)
    }

    /// The reduced cost a pair must at least reach to rank (a tie still ranks by position):
    /// 1 until `limit` pairs are kept. Bounds below it let pricing skip work.
    var floor: Int64 { limit > 0 && items.count == limit ? items[limit - 1].rc : 1 }

    /// Whether a pair of reduced cost `rc` with `partner` would be kept.
    func ranks(_ rc: Int64, _ partner: Int) -> Bool {
        guard rc > 0, limit > 0 else { return false }
        guard items.count == limit, let last = items.last else { return true }
        return (last.rc, -last.partner) < (rc, -partner)
    }

    /// Keeps the pair (which `ranks`), dropping the last one if there are too many.
    mutating func insert(_ rc: Int64, _ partner: Int, _ facts: PairingInstance.PairFacts) {
        var i = items.count
        items.append((rc, partner, facts))
        while i > 0 && (items[i - 1].rc, -items[i - 1].partner) < (rc, -partner) { items[i] = items[i - 1]; i -= 1 }
        items[i] = (rc, partner, facts)
        if items.count > limit { items.removeLast() }
    }

    mutating func removeAll() { items.removeAll(keepingCapacity: true) }
}

/// The pairs currently in the restricted pairing model, one LP column each, in the order added.
struct PairColumns {
    var mom: [Int32] = []
    var child: [Int32] = []
    var value: [Int64] = []
    var centikm: [Int32] = []
    private var keys = Set<Int64>()
    private let momCount: Int64

    init(momCount: Int) { self.momCount = Int64(momCount) }

    var count: Int { mom.count }

    func contains(mom m: Int, child c: Int) -> Bool { keys.contains(Int64(c) * momCount + Int64(m)) }

    /// Adds a pair whose facts are known.
    @discardableResult
    mutating func add(mom m: Int, child c: Int, value: Int64, centikm: Int32) -> Bool {
        guard keys.insert(Int64(c) * momCount + Int64(m)).inserted else { return false }
        mom.append(Int32(m)); child.append(Int32(c)); self.value.append(value); self.centikm.append(centikm)
        return true
    }

    /// The columns `j` with `keep(j)`, in order, and for each the index it had here.
    func keeping(_ keep: (Int) -> Bool) -> (columns: PairColumns, from: [Int32]) {
        var kept = PairColumns(momCount: Int(momCount))
        var from: [Int32] = []
        for j in 0..<count where keep(j) {
            kept.add(mom: Int(mom[j]), child: Int(child[j]), value: value[j], centikm: centikm[j])
            from.append(Int32(j))
        }
        return (kept, from)
    }

    /// Adds the pair unless it is there already; returns whether it was added.
    @discardableResult
    mutating func add(mom m: Int, child c: Int, facts f: PairingInstance.PairFacts) -> Bool {
        guard keys.insert(Int64(c) * momCount + Int64(m)).inserted else { return false }
        mom.append(Int32(m)); child.append(Int32(c)); value.append(f.value); centikm.append(Int32(f.centikm))
        return true
    }
}

/// The first set of pairs: for each child the nearest moms, the nearest moms sharing an
/// interest, and the current mom — found through the grid, never by scanning every mom.
///
/// Each child's moms come from one ring walk of the moms' grid, nearest cells first: it keeps
/// the `nearest` nearest allowed moms and the `sharing` nearest sharing an interest (by distance,
/// then position), and stops at the first ring that lies beyond both lists' last entries once
/// they are full. The pairs are added in (distance, position) order, nearest moms and those
/// sharing an interest interleaved as they come, then the current mom.
///
/// - Complexity: per child, the cells of the rings up to the farthest mom kept (plus one ring),
///   whatever the map's density. The former walk collected and sorted every allowed mom of a
///   circle doubled from 0.5 km, hundreds per child on the towns of a scale-100 map: 17 s of
///   the first round there, one core (Guides/Pairing.md).
enum InitialCandidates {
    static func build(_ inst: PairingInstance, nearest: Int, sharing: Int) -> PairColumns {
        var cols = PairColumns(momCount: inst.momCount)
        var lists = NearestMoms(nearest: nearest, sharing: sharing)
        for c in 0..<inst.childCount {
            lists.find(inst, c)
            // Both lists in (distance, position) order, merged; a mom in both is added once.
            lists.forEachMerged { d, m in cols.add(mom: m, child: c, facts: inst.facts(mom: m, child: c, centikm: d)) }
            let p = Int(inst.childPairedMom[c])
            if p >= 0 {
                let f = inst.facts(mom: p, child: c)
                if f.allowed { cols.add(mom: p, child: c, facts: f) }
            }
        }
        return cols
    }
}

/// A child's `nearest` nearest allowed moms and `sharing` nearest allowed moms sharing an
/// interest with her, in (distance, position) order, found by one ring walk of the moms' grid
/// that stops at the first ring beyond both lists' last entries once they are full.
///
/// With no mom prices, a pair's value only falls with the distance and rises with a shared
/// interest (the fit bonus is not negative) or continuity, so a child's `k` most valuable pairs
/// are among her `k` nearest, her `k` nearest sharing an interest and her current mom:
/// `InitialCandidates` and `PairingBound.atZeroPrices` use that.
struct NearestMoms {
    var nearest: Int, sharing: Int
    /// Kept moms as (centikm, position), sorted, at most `nearest` and `sharing` long.
    private(set) var near: [(d: Int, m: Int)] = [], shared: [(d: Int, m: Int)] = []

    init(nearest: Int, sharing: Int) {
        self.nearest = nearest; self.sharing = sharing
        near.reserveCapacity(max(0, nearest) + 1); shared.reserveCapacity(max(0, sharing) + 1)
    }

    private static func keep(_ list: inout [(d: Int, m: Int)], _ limit: Int, _ e: (d: Int, m: Int)) {
        guard limit > 0 else { return }
        if list.count == limit {
            guard let last = list.last, (e.d, e.m) < (last.d, last.m) else { return }
            list.removeLast()
        }
        var k = list.count
        while k > 0 && (e.d, e.m) < (list[k - 1].d, list[k - 1].m) { k -= 1 }
        list.insert(e, at: k)
    }

    /// Fills both lists for child `c`.
    mutating func find(_ inst: PairingInstance, _ c: Int) {
        near.removeAll(keepingCapacity: true); shared.removeAll(keepingCapacity: true)
        let grid = inst.momGrid
        guard let q = grid.query(withinCentikm: inst.maxReach, of: inst.childLocation[c]) else { return }
        let (nearest, sharing) = (self.nearest, self.sharing)
        // Moms farther than this cannot enter either list (ties go to the smaller position,
        // so a mom at exactly this distance still may); a list of length 0 wants none.
        func bound() -> Int {
            let a = nearest <= 0 ? Int.min : near.count < nearest ? Int.max : near[near.count - 1].d
            let b = sharing <= 0 ? Int.min : shared.count < sharing ? Int.max : shared[shared.count - 1].d
            return max(a, b)
        }
        grid.forEachCellByRings(q, ring: { $0 <= bound() }) { cell, nearestInCell in
            guard nearestInCell <= bound() else { return }
            for k in grid.pointRange(ofCell: cell) {
                let i = grid.point(at: k)
                guard let low = grid.nearestCentikm(q, i), low <= bound() else { continue }
                let m = Int(inst.activeMoms[i])
                let d = Distance.centikm(inst.childLocation[c], inst.momLocation[m])
                guard d <= Int(inst.momReach[m]), d <= inst.maxReach else { continue }
                Self.keep(&near, nearest, (d, m))
                if inst.interests.shares(c, with: inst.skills, m) { Self.keep(&shared, sharing, (d, m)) }
            }
        }
    }

    /// Both lists merged in (distance, position) order, a mom in both once.
    func forEachMerged(_ body: (Int, Int) -> Void) {
        var a = 0, b = 0, last = -1
        while a < near.count || b < shared.count {
            let e: (d: Int, m: Int)
            if b >= shared.count || (a < near.count && (near[a].d, near[a].m) <= (shared[b].d, shared[b].m)) {
                e = near[a]; a += 1
            } else { e = shared[b]; b += 1 }
            // A mom in both lists comes twice in a row (same distance and position).
            if e.m == last { continue }
            last = e.m
            body(e.d, e.m)
        }
    }
}

/// The residual network of an optimal pairing, read-only, with the potentials that prove it
/// optimal: what `AlternativeSearch` explores for each forced lead.
///
/// Nodes: 0 is the ground, `1 + m` mom m, `1 + momCount + c` child c. Arcs of the flow model
/// (`Guides/Pairing.md`): ground → mom (capacity `cap_m`, cost 0), mom → child (allowed pairs,
/// capacity 1, cost `−v(m,c)`), child → ground (the lead arc, capacity 1, cost `−a_c`, and the
/// support arc, capacity `N_c`, cost `−b_c`). Because `a_c ≥ b_c`, a child's two arcs behave as
/// one arc of convex cost in her number of moms `k_c`: the first unit costs `−a_c`, the others
/// `−b_c`, so the state of a child is her `k_c` alone.
///
/// Potentials in integer score units: `π(ground) = 0`, `π(mom) = λ_m`, `π(child) = −λ_c`; the
/// reduced cost of an arc is `cost + π(tail) − π(head)`. The pairing solver's certificate proves
/// these duals feasible for *every* allowed pair and complementary to the flow, which is exactly
/// "every residual arc has a non-negative reduced cost": the searches use Dijkstra on reduced
/// costs and check that sign on every arc they read (`AlternativeSearch.invalid`).
struct ResidualPairing: Sendable {
    let inst: PairingInstance
    /// Potentials of the nodes, integer units.
    let potential: [Int64]
    /// Children of each mom in the optimal pairing, by position, sorted, with the pairs' values.
    /// Flat arrays: a search reads them at every mom or child it expands, and an array per
    /// node was a retain and a release each time (a value's distance, a haversine).
    let momChildren: FlatPairs
    /// Moms of each child in the optimal pairing, by position, sorted, with the pairs' values.
    let childMoms: FlatPairs
    /// Children whose current mom (`paired_mom_id`) is each mom: their pairs carry the continuity
    /// bonus, which the grid bounds leave out, so they are read apart.
    let continuityChildren: [[Int32]]
    /// The ground's residual arcs in the optimal flow, by reduced cost then node: to moms with
    /// capacity left, and back from children with at least one mom.
    let groundArcs: [(rc: Int64, node: Int32)]
    /// The children's grid regrouped by increasing `λ_c` per cell, for a mom's arcs.
    let cells: CellsByPrice
    /// Each mom's position among the moms' ids in code-point order (ties broken by id without
    /// comparing strings).
    let momIDRank: [Int32]
    /// The smallest and largest `λ_c`.
    let lowestChildDual: Int64
    let highestChildDual: Int64
    /// The moms' grid (`PairingInstance.momGrid`) regrouped by increasing `λ_m` per cell, for a
    /// child's arcs in (`ChildInArcs`).
    let momCells: CellsByPrice
    /// The smallest and largest `λ_m`.
    let lowestMomDual: Int64
    let highestMomDual: Int64
    /// Each child's cheapest residual arc out (dropping one of her moms, or taking one more when
    /// she has room; `Int64.max` when she has neither): the second step of `AlternativeSearch.leastExit`.
    let childExit: [Int64]

    var momCount: Int { inst.momCount }
    var childCount: Int { inst.childCount }
    @inline(__always) func momNode(_ m: Int) -> Int { 1 + m }
    @inline(__always) func childNode(_ c: Int) -> Int { 1 + inst.momCount + c }
    @inline(__always) func isMom(_ node: Int) -> Bool { node >= 1 && node <= inst.momCount }
    /// Whether (m, c) is a pair of the optimal pairing (a child has at most `1 + N_c` moms).
    @inline(__always) func isPaired(mom m: Int, child c: Int) -> Bool { childMoms.contains(c, Int32(m)) }
    /// Whether the pair is locked by `overrides.csv` (`PairingInstance.lockedPairs`): its reverse
    /// arc (the child dropping the mom) is not in the network.
    @inline(__always) func isLocked(mom m: Int, child c: Int) -> Bool {
        !inst.lockedPairs.isEmpty && inst.lockedPairs.contains(Int64(c) * Int64(inst.momCount) + Int64(m))
    }

    /// `pairs` as (child, mom) positions; `momDual`/`childDual` in integer units.
    init(_ inst: PairingInstance, pairs list: [(child: Int, mom: Int)], momDual: [Int64], childDual: [Int64]) {
        self.inst = inst
        var pot = [Int64](repeating: 0, count: 1 + inst.momCount + inst.childCount)
        for m in 0..<inst.momCount { pot[1 + m] = momDual[m] }
        for c in 0..<inst.childCount { pot[1 + inst.momCount + c] = -childDual[c] }
        potential = pot
        var mc = [[Int32]](repeating: [], count: inst.momCount)
        var cm = [[Int32]](repeating: [], count: inst.childCount)
        for p in list {
            mc[p.mom].append(Int32(p.child)); cm[p.child].append(Int32(p.mom))
        }
        for m in mc.indices { mc[m].sort() }
        for c in cm.indices { cm[c].sort() }
        momChildren = FlatPairs(mc) { m, c in inst.facts(mom: m, child: c).value }
        childMoms = FlatPairs(cm) { c, m in inst.facts(mom: m, child: c).value }
        var cont = [[Int32]](repeating: [], count: inst.momCount)
        for c in 0..<inst.childCount where inst.childPairedMom[c] >= 0 { cont[Int(inst.childPairedMom[c])].append(Int32(c)) }
        continuityChildren = cont
        var ground: [(rc: Int64, node: Int32)] = []
        for m in 0..<inst.momCount where mc[m].count < Int(inst.momCapacity[m]) {
            ground.append((0 - pot[1 + m], Int32(1 + m)))
        }
        for c in 0..<inst.childCount where !cm[c].isEmpty {
            let reward = cm[c].count == 1 ? inst.leadReward(c) : inst.supportReward(c)
            ground.append((reward - pot[1 + inst.momCount + c], Int32(1 + inst.momCount + c)))
        }
        ground.sort { ($0.rc, $0.node) < ($1.rc, $1.node) }
        groundArcs = ground
        cells = CellsByPrice(inst.childGrid, price: { childDual[$0] }, mask: { inst.interests.masks[$0] })
        var rank = [Int32](repeating: 0, count: inst.momCount)
        for (r, m) in inst.momIDs.indices.sorted(by: { inst.momIDs[$0].precedesInCodePoints(inst.momIDs[$1]) }).enumerated() {
            rank[m] = Int32(r)
        }
        momIDRank = rank
        lowestChildDual = childDual.min() ?? 0
        highestChildDual = childDual.max() ?? 0
        momCells = CellsByPrice(inst.momGrid, price: { momDual[Int(inst.activeMoms[$0])] },
                                mask: { inst.skills.masks[Int(inst.activeMoms[$0])] })
        lowestMomDual = momDual.min() ?? 0
        highestMomDual = momDual.max() ?? 0
        // Her pairs' reverse arcs (values from `childMoms`), and her next slot's arc to the ground.
        let pairs = childMoms
        childExit = (0..<inst.childCount).map { c in
            let pc = pot[1 + inst.momCount + c]
            var exit = Int64.max
            for j in pairs.range(c) { exit = min(exit, pairs.value[j] + pc - pot[1 + Int(pairs.other[j])]) }
            let k = pairs.count(c)
            if k < Int(inst.childSlots[c]) { exit = min(exit, Self.slotCost(inst, child: c, k: k, up: true) + pc) }
            return exit
        }
    }

    /// The cost of moving a child from `k` to `k + 1` moms (`up`) or from `k` to `k − 1`.
    @inline(__always) func slotCost(child c: Int, k: Int, up: Bool) -> Int64 {
        Self.slotCost(inst, child: c, k: k, up: up)
    }

    /// `slotCost` for an instance (before the network is complete).
    @inline(__always) static func slotCost(_ inst: PairingInstance, child c: Int, k: Int, up: Bool) -> Int64 {
        up ? -(k == 0 ? inst.leadReward(c) : inst.supportReward(c))
           : (k == 1 ? inst.leadReward(c) : inst.supportReward(c))
    }

    /// Reduced costs of child c giving up her current moms one slot at a time (the reverse of
    /// her slot arcs, levels k_c, k_c − 1, …, 1), ascending: distinct arcs into her.
    func slotDrops(child c: Int) -> [Int64] {
        let k = childMoms.count(c)
        let pc = potential[childNode(c)]
        return (0..<k).map { slotCost(child: c, k: k - $0, up: false) - pc }.sorted()
    }

    /// Whether mom `a` ranks above mom `b` as child c's lead (contract section 5: higher pair
    /// value, then smaller distance, then smaller `mom_id` in code-point order).
    func ranksAbove(_ a: PairingInstance.PairFacts, _ ma: Int, _ b: PairingInstance.PairFacts, _ mb: Int) -> Bool {
        Self.ranksAbove(a, ma, b, mb, idRank: momIDRank)
    }

    /// `ranksAbove` with the moms' id ranks given (`momIDRank`): for a sort's comparison, whose
    /// closure would otherwise copy the whole network at every call.
    @inline(__always)
    static func ranksAbove(_ a: PairingInstance.PairFacts, _ ma: Int, _ b: PairingInstance.PairFacts, _ mb: Int,
                           idRank: [Int32]) -> Bool {
        if a.value != b.value { return a.value > b.value }
        if a.centikm != b.centikm { return a.centikm < b.centikm }
        return idRank[ma] < idRank[mb]
    }
}

/// One mom's forward arcs (to children she is not paired with) whose reduced cost under the
/// optimal potentials is at most `threshold`, by reduced cost then child: what a search expanding
/// her reads, nearest first, without walking the grid again.
struct MomArcs {
    /// How far (in points of reduced cost) a mom's list is first built (extended by doubling).
    static let firstThresholdPoints: Int64 = 2
    var threshold: Int64
    /// Every arc of the mom is in the list (the threshold is above any reduced cost she has).
    var complete: Bool
    /// The arcs by reduced cost, then child; each arc's two fields side by side (a search reads
    /// both, and one cache line is one miss where two arrays were two).
    var arcs: [Arc]
    /// One arc: its reduced cost under the optimal potentials and the child it pairs the mom with.
    struct Arc { let rc: Int64; let child: Int32 }

    /// Reads the children's grid around mom `x`: rc = −v + λ_x + λ_y ≥ per·d − fit + λ_x + λ_y
    /// (continuity pairs, whose bonus this bound leaves out, are read apart by the search), cells
    /// nearest first, each cell's children by increasing λ_y (`CellsByPrice`).
    static func build(_ net: ResidualPairing, mom x: Int, threshold asked: Int64) -> MomArcs {
        let inst = net.inst
        let px = net.potential[net.momNode(x)]
        let per = inst.weights.perCentikm
        let reach = Int(inst.momReach[x])
        let highest = per * Int64(reach) + px + net.highestChildDual
        let t = min(asked, highest)
        let fitMax = inst.skills.masks[x] == 0 ? Int64(0) : inst.weights.fit
        let lowest = net.lowestChildDual
        var items: [(Int64, Int32)] = []
        let room = t + fitMax - px - lowest
        if room >= 0, inst.momCapacity[x] > 0 {
            let radius = per > 0 ? Int(min(Int64(reach), room / per)) : reach
            let grid = inst.childGrid
            if let q = grid.query(withinCentikm: radius, of: inst.momLocation[x]) {
                let cells = net.cells
                let momMask = inst.skills.masks[x]
                grid.forEachCellByRings(q, ring: { gap in per * Int64(gap) - fitMax + px + lowest <= t }) { cell, nearest in
                    let cellFit = cells.masks[cell] & momMask != 0 ? fitMax : 0
                    let base = per * Int64(nearest) - cellFit + px
                    for idx in Int(cells.first[cell])..<Int(cells.first[cell + 1]) {
                        let y = Int(cells.order[idx])
                        let ly = -net.potential[net.childNode(y)]
                        if base + ly > t { break }
                        let f = inst.interests.shares(y, with: inst.skills, x) ? fitMax : 0
                        guard let near = grid.nearestCentikm(q, y), per * Int64(near) - f + px + ly <= t else { continue }
                        let d = grid.centikm(q, y)
                        guard d <= q.limit, d <= reach else { continue }
                        let facts = inst.facts(mom: x, child: y, centikm: d)
                        let rc = -facts.value + px + ly
                        guard facts.allowed, rc <= t, !net.isPaired(mom: x, child: y) else { continue }
                        items.append((rc, Int32(y)))
                    }
                }
            }
        }
        items.sort { $0 < $1 }
        return MomArcs(threshold: t, complete: t >= highest, arcs: items.map { Arc(rc: $0.0, child: $0.1) })
    }
}

/// Every mom's sorted arc list (`MomArcs`) in one flat array: where each lies, how far it goes.
/// The form in which the lists built before the searches (`AlternativeGroundTree`) are handed
/// to every worker thread.
struct MomArcLists: Sendable {
    /// Where a mom's list lies and how far it goes (`built` false: no list yet).
    struct Span: Sendable {
        /// Its first arc: at `start` in the shared arcs when ≥ 0, at `~start` in a thread's own.
        var start: Int
        var threshold: Int64
        var count: Int32
        var complete: Bool
        var built: Bool
        static let none = Span(start: 0, threshold: 0, count: 0, complete: false, built: false)
    }
    let spans: [Span]
    let arcs: [MomArcs.Arc]

    /// `lists` flattened, in mom order.
    init(_ lists: [MomArcs?]) {
        var spans = [Span](repeating: .none, count: lists.count)
        var arcs: [MomArcs.Arc] = []
        arcs.reserveCapacity(lists.reduce(0) { $0 + ($1?.arcs.count ?? 0) })
        for (x, list) in lists.enumerated() {
            guard let list else { continue }
            spans[x] = Span(start: arcs.count, threshold: list.threshold, count: Int32(list.arcs.count),
                            complete: list.complete, built: true)
            arcs.append(contentsOf: list.arcs)
        }
        (self.spans, self.arcs) = (spans, arcs)
    }
}

/// The moms' sorted arc lists (`MomArcs`), built lazily and extended by the searches of one
/// worker thread, which share them (not thread-safe: one cache per thread).
///
/// Flat: the lists handed to every thread stay in one shared array, and the ones this thread
/// builds or extends are appended to its own (an extended list's old copy is left where it
/// is). Reading an arc is one load from a mom's span and one from the arcs, where an array per
/// mom was a third, its header, and a retain: at scale 10 the header's cache miss was a third
/// of the time spent reading the lists.
final class MomArcsCache {
    private(set) var spans: [MomArcLists.Span]
    /// The lists built before the searches, read-only and shared by the threads.
    private let shared: [MomArcs.Arc]
    /// The lists this thread built or extended.
    private var own: [MomArcs.Arc] = []

    init(momCount: Int) { spans = Array(repeating: .none, count: momCount); shared = [] }
    /// Starts from lists built already (e.g. `AlternativeGroundTree.momArcs`).
    init(_ lists: MomArcLists) { spans = lists.spans; shared = lists.arcs }

    /// The `i`-th arc of the list at `span`.
    @inline(__always) func arc(_ span: MomArcLists.Span, _ i: Int) -> MomArcs.Arc {
        span.start >= 0 ? shared[span.start + i] : own[~span.start + i]
    }

    /// Mom x's list is now `list` (built further than the one it replaces, if any).
    func store(_ x: Int, _ list: MomArcs) {
        let start = own.count
        own.append(contentsOf: list.arcs)
        spans[x] = MomArcLists.Span(start: ~start, threshold: list.threshold, count: Int32(list.arcs.count),
                                    complete: list.complete, built: true)
    }
}

/// Lists of pairs by node in flat arrays (compressed rows), each with the pair's value.
struct FlatPairs: Sendable {
    /// Node i's entries are at `start[i] ..< start[i + 1]`.
    let start: [Int32]
    /// The other end of each pair (a child for a mom's list, a mom for a child's).
    let other: [Int32]
    let value: [Int64]

    /// Node i's entries' positions.
    @inline(__always) func range(_ i: Int) -> Range<Int> { Int(start[i])..<Int(start[i + 1]) }
    /// How many pairs node i has.
    @inline(__always) func count(_ i: Int) -> Int { Int(start[i + 1] - start[i]) }
    /// Whether node i is paired with `o`.
    @inline(__always) func contains(_ i: Int, _ o: Int32) -> Bool {
        for j in range(i) where other[j] == o { return true }
        return false
    }
    /// The other ends of node i's pairs.
    subscript(_ i: Int) -> ArraySlice<Int32> { other[range(i)] }

    /// `lists[i]` flattened; `value(i, other)` is the pair's value.
    init(_ lists: [[Int32]], value: (Int, Int) -> Int64) {
        var start: [Int32] = [0], other: [Int32] = [], values: [Int64] = []
        for (i, list) in lists.enumerated() {
            for o in list { other.append(o); values.append(value(i, Int(o))) }
            start.append(Int32(other.count))
        }
        (self.start, self.other, self.value) = (start, other, values)
    }
}

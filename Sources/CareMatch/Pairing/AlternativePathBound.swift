/// A lower bound of what forcing a candidate lead costs beyond her forced arcs, from distances
/// in the optimal flow's residual network: it prunes the candidates whose forcing takes several
/// units (several successive shortest paths, the expensive computations) before they are forced.
///
/// **Why it is a bound.** Forcing mom m as child c's lead (`AlternativeSearch.force`) ends at a
/// flow y; y − x* is a circulation in x*'s residual network, of cost equal to its reduced cost
/// (a sum of non-negative terms). Take away its forced arcs (c → h for c's moms h ranking above
/// m, the set S, and m → c when m is not hers): what is left, g, sends one unit out of each h ∈ S
/// and brings one unit to m (if m is new) and the rest to c. Split every path of g at each
/// visit of c: the pieces between two visits are cycles (≥ 0), and each h starts a piece that
/// ends at m or at c without passing c. So either (A) one h reaches m and the others reach c, or
/// (B) every h reaches c and one piece leaves c for m. A piece that avoids c is at least the
/// distance in the residual network without c (one fan-out search per mom of c, blocking c,
/// shared by all her candidates); a piece into c ends with an arc into c that g may use: the
/// reverse of her slot arc (she keeps a mom fewer) or a pair with a mom ranking below m who is not
/// hers; a piece out of c starts with an arc out of c that g may use: dropping a mom of hers
/// below m, or taking one more mom when she has room (then from the ground: the ground tree's
/// distance, a lower bound without c's arcs removed). The units into c end with distinct arcs
/// (a pair carries one unit; her slot drops are distinct arcs), so they are assigned to distinct
/// entries at least cost; otherwise the pieces are bounded independently (a relaxation: in truth
/// they may not share arcs). When m is already one of c's moms, every h reaches c.
///
/// Every distance is asked within the budget (`evaluate`), so the searches advance only as far as
/// the k-th best change found so far makes necessary. The pieces attaining the bound are handed
/// back: if they form a flow of the forced network (`AlternativeSearch.realize`), that flow costs
/// the lower bound and is optimal.
final class AlternativePathBound {
    let net: ResidualPairing
    private let ground: AlternativeGroundTree?
    private let arcs: MomArcsCache
    /// One fan-out search per mom of the child (grown as children with more moms come).
    private var searches: [AlternativeSearch] = []
    /// The same searches, unretained (`distance` is asked thousands of times per child).
    private var unretained: [Unmanaged<AlternativeSearch>] = []
    private var started: [Bool] = []
    // The child being answered.
    private var child = -1
    /// Her moms, best-ranked first (the first is her lead).
    private var current: [Int] = []
    /// The moms the searches are asked about (her candidates; the ground is asked too).
    private var targets: [Int] = []
    /// Arcs into her from moms allowed for her who are not hers, by reduced cost, then mom:
    /// those of the moms read so far below `frontier` (every arc from a mom not yet given has
    /// a reduced cost of at least `frontier`, so these are the full list's first ones).
    private var entries: [(rc: Int64, m: Int, f: PairingInstance.PairFacts)] = []
    /// Arcs from moms given but at or above `frontier`, not yet in `entries`.
    private var pending: [(rc: Int64, m: Int, f: PairingInstance.PairFacts)] = []
    /// The reduced cost below which `entries` is complete (`Int64.max`: every allowed mom given;
    /// `Int64.min` before the first `sync`).
    private var frontier: Int64 = .min
    /// How many of the child's allowed moms (`ChildCandidates.allowed`) were given to `sync`.
    private var given = 0
    /// Reduced costs of her reverse slot arcs (she keeps one mom fewer, two fewer, …), ascending.
    private var slotDrops: [Int64] = []
    /// Reduced cost of the child → ground arc when she has room for another mom.
    private var slotUp: Int64? = nil
    /// What mom i's search answered about the tail of entry j, at `j * current.count + i`: its
    /// distance (−1 while unknown), and the largest `within` it was found to exceed (−1 while
    /// never asked); about the ground, at `groundDistance[i]` and `groundBeyond[i]`. Every
    /// candidate asks about the same entries; the answers come from these arrays, read in
    /// order, and the search is asked only what they do not decide (it advances exactly as
    /// without them).
    private var knownDistance: [Int64] = []
    private var knownBeyond: [Int64] = []
    private var groundDistance: [Int64] = []
    private var groundBeyond: [Int64] = []
    /// For each block of `blockSize` consecutive entries and each mom: the least lower bound of
    /// an entry's piece in the block (the exact length where known, else its arc's reduced cost
    /// plus one more than the largest `within` it was found to exceed), at
    /// `b * current.count + i`. A block whose bound exceeds a candidate's limit is passed over
    /// whole: none of its entries could be taken, and none would be asked of the search.
    private var blockLow: [Int64] = []
    /// For each block of entries, the one whose mom ranks lowest: when even she ranks above a
    /// candidate, no entry of the block is allowed for that candidate.
    private var blockLowestRanked: [Int] = []
    private static let blockSize = 32

    init(_ net: ResidualPairing, ground: AlternativeGroundTree?, arcs: MomArcsCache) {
        self.net = net
        self.ground = ground
        self.arcs = arcs
    }

    /// The potentials were found not optimal by one of the searches: no bound holds.
    var invalid: Bool { searches.contains { $0.invalid } }
    /// Nodes settled by the searches (work measure).
    var settledNodes: Int { searches.reduce(0) { $0 + $1.settledNodes } }

    /// Starts on child `c`: `current` her moms, best-ranked first. Her allowed moms (the
    /// candidates and the moms she could refill from) are given by `sync`.
    func begin(child c: Int, current: [Int]) {
        child = c
        self.current = current
        while searches.count < current.count {
            searches.append(AlternativeSearch(net, ground: ground, arcs: arcs))
            unretained.append(Unmanaged.passUnretained(searches[searches.count - 1]))
        }
        started = Array(repeating: false, count: current.count)
        entries.removeAll(keepingCapacity: true)
        pending.removeAll(keepingCapacity: true)
        targets.removeAll(keepingCapacity: true)
        frontier = .min
        given = 0
        let k = current.count
        slotDrops = net.slotDrops(child: c)
        slotUp = k < Int(net.inst.childSlots[c]) ? net.slotCost(child: c, k: k, up: true) + net.potential[net.childNode(c)] : nil
        knownDistance.removeAll(keepingCapacity: true)
        knownBeyond.removeAll(keepingCapacity: true)
        groundDistance = Array(repeating: -1, count: k)
        groundBeyond = groundDistance
        blockLow.removeAll(keepingCapacity: true)
        blockLowestRanked.removeAll(keepingCapacity: true)
    }

    /// Takes the moms of `allowed` (every mom allowed for the child read so far, in the order
    /// read; a prefix of it was given before) and `unread`, a lower bound of the reduced cost
    /// of every arc into her from a mom not read yet (`Int64.max` when all are read): the
    /// entries below it join the list, in order.
    func sync(_ allowed: [(m: Int, f: PairingInstance.PairFacts)], unread: Int64) {
        let pc = net.potential[net.childNode(child)]
        for (m, f) in allowed[given...] where !current.contains(m) {
            pending.append((-f.value + net.potential[net.momNode(m)] - pc, m, f))
        }
        given = allowed.count
        guard unread > frontier else { return }
        frontier = unread
        var batch: [(rc: Int64, m: Int, f: PairingInstance.PairFacts)] = []
        if unread == .max {
            batch = pending
            pending.removeAll()
        } else {
            var kept: [(rc: Int64, m: Int, f: PairingInstance.PairFacts)] = []
            for e in pending { if e.rc < unread { batch.append(e) } else { kept.append(e) } }
            pending = kept
        }
        guard !batch.isEmpty else { return }
        // Sorted on compact keys (mom positions are distinct, so the order is total).
        var keys = batch.indices.map { (rc: batch[$0].rc, m: batch[$0].m, index: $0) }
        keys.sort { ($0.rc, $0.m) < ($1.rc, $1.m) }
        let first = entries.count
        for key in keys {
            entries.append(batch[key.index])
            targets.append(net.momNode(batch[key.index].m))
        }
        let k = current.count
        knownDistance.append(contentsOf: repeatElement(-1, count: k * keys.count))
        knownBeyond.append(contentsOf: repeatElement(-1, count: k * keys.count))
        // The blocks from the one the new entries start in: its lowest-ranked entry, and its
        // bound per mom (what the searches said of its older entries kept).
        for b in (first / Self.blockSize)..<((entries.count + Self.blockSize - 1) / Self.blockSize) {
            let start = b * Self.blockSize, end = min(entries.count, start + Self.blockSize)
            var low = start
            for x in start..<end where net.ranksAbove(entries[low].f, entries[low].m, entries[x].f, entries[x].m) { low = x }
            if b < blockLowestRanked.count { blockLowestRanked[b] = low } else { blockLowestRanked.append(low) }
            if b * k >= blockLow.count { blockLow.append(contentsOf: repeatElement(.max, count: k)) }
            for i in 0..<k { updateBlock(mom: i, entry: start) }
        }
    }

    /// A walk of residual arcs from a node with a unit too many to one with a unit too few.
    typealias Piece = (from: Int, to: Int, arcs: [(u: Int, v: Int)])

    /// What the bound says of one candidate.
    enum Verdict {
        /// Forcing her costs more than the budget beyond her forced arcs.
        case exceeds
        /// The bound's value beyond the forced arcs, at most the budget, and pieces attaining
        /// it (nil where the bound is only a relaxation: the ground's distance past the tree,
        /// or a tree path through the child). If the pieces form a flow
        /// (`AlternativeSearch.realize`), that flow is optimal: its cost equals the bound.
        case within(Int64, pieces: [Piece]?)
        /// The bound may need an arc into the child from a mom not read yet: read more
        /// (`ChildCandidates.readMore`), `sync`, and ask again.
        case unread
    }

    /// Which pieces attain the bound: (A) the child's mom `i` reaches m, (B) every mom reaches
    /// the child and one piece leaves her (over her mom `j`, or the ground when j = −1), or every
    /// mom refills the child (m already hers). `reach`: the search's distance to the end of the
    /// piece's path.
    private enum Shape { case toCandidate(Int, reach: Int64), outOfChild(Int, reach: Int64), refill }

    /// Whether forcing `mom` (facts `f`) as the child's lead is proven to cost more than
    /// `budget` beyond her forced arcs (`AlternativeSearch.lowerBound`); `above` are her moms
    /// ranking above `mom` (a prefix of `current`). False when the bound does not decide it.
    func exceeds(mom m: Int, facts f: PairingInstance.PairFacts, above: ArraySlice<Int>, budget: Int64) -> Bool {
        if case .exceeds = evaluate(mom: m, facts: f, above: above, budget: budget, pieces: false) { return true }
        return false
    }

    /// One way into the child for a unit from one of her moms: the piece's length with the
    /// arc into her, the arc (`entry`: a mom not hers, or −1 − ℓ for her ℓ-th cheapest slot
    /// drop) and the search's distance to the arc's tail (`reach`).
    typealias Entry = (d: Int64, entry: Int, reach: Int64)

    /// The bound for forcing `mom` as the child's lead, within `budget` beyond her forced arcs,
    /// with the pieces attaining it when `pieces` is true.
    ///
    /// The units into the child end with distinct arcs (a pair carries one unit; her slot drops
    /// are distinct arcs, the cheapest first), so they are assigned to distinct entries at least
    /// cost; each mom's best `|S|` entries suffice for that.
    func evaluate(mom m: Int, facts f: PairingInstance.PairFacts, above: ArraySlice<Int>, budget: Int64, pieces wanted: Bool) -> Verdict {
        let s = above.count
        guard budget >= 0 else { return .exceeds }
        var options: [[Entry]] = []
        options.reserveCapacity(s)
        for i in 0..<s {
            guard let found = intoChild(from: i, below: m, f, within: budget, count: s) else { return .unread }
            options.append(found)
        }
        var best = Int64.max
        var shape = Shape.refill
        var into: [Entry?] = Array(repeating: nil, count: s)
        if !current.contains(m) {
            // (A) one h ∈ S reaches m, the others reach c.
            for i in 0..<s {
                guard let rest = assign(options, skipping: i, within: min(budget, best - 1)),
                      let a = distance(from: i, to: net.momNode(m), within: min(budget, best - 1) - rest.total) else { continue }
                best = a + rest.total
                shape = .toCandidate(i, reach: a)
                into = rest.choice
            }
            // (B) every h reaches c, and one piece leaves c for m.
            if let all = assign(options, skipping: -1, within: min(budget, best - 1)),
               let out = outOfChild(to: m, skipping: s, within: min(budget, best - 1) - all.total) {
                best = all.total + out.d
                shape = .outOfChild(out.via, reach: out.reach)
                into = all.choice
            }
        } else if let all = assign(options, skipping: -1, within: budget) {
            best = all.total
            into = all.choice
        }
        guard best <= budget else { return .exceeds }
        guard wanted else { return .within(best, pieces: nil) }
        return .within(best, pieces: self.pieces(shape, m, into))
    }

    /// The least total of one entry per mom of `options` (but `skipping`), no entry twice, if
    /// at most `within`; the choice by mom (nil at `skipping`).
    private func assign(_ options: [[Entry]], skipping: Int, within: Int64) -> (total: Int64, choice: [Entry?])? {
        var choice = [Entry?](repeating: nil, count: options.count)
        var bestChoice: [Entry?]? = nil
        var bestTotal = within + 1
        func walk(_ i: Int, _ total: Int64) {
            if total >= bestTotal { return }
            if i == options.count { bestTotal = total; bestChoice = choice; return }
            if i == skipping { walk(i + 1, total); return }
            for o in options[i] where !choice.contains(where: { $0?.entry == o.entry }) {
                choice[i] = o
                walk(i + 1, total + o.d)
                choice[i] = nil
            }
        }
        walk(0, 0)
        guard let bestChoice else { return nil }
        return (bestTotal, bestChoice)
    }

    /// The pieces of a bound's shape, or nil when one has no path (see `Verdict`).
    private func pieces(_ shape: Shape, _ m: Int, _ into: [Entry?]) -> [Piece]? {
        let cn = net.childNode(child), mn = net.momNode(m)
        var out: [Piece] = []
        for (i, b) in into.enumerated() {
            let hn = net.momNode(current[i])
            if case .toCandidate(i, let reach) = shape {
                guard let arcs = path(from: i, to: mn, distance: reach) else { return nil }
                out.append((hn, mn, arcs))
                continue
            }
            guard let b else { return nil }
            let end = b.entry < 0 ? 0 : net.momNode(b.entry)
            guard let arcs = path(from: i, to: end, distance: b.reach) else { return nil }
            out.append((hn, cn, arcs + [(end, cn)]))
        }
        if case .outOfChild(let j, let reach) = shape {
            if j >= 0 {
                guard let arcs = path(from: j, to: mn, distance: reach) else { return nil }
                out.append((cn, mn, [(cn, net.momNode(current[j]))] + arcs))
            } else {
                guard let g = ground, g.distance[mn] != .max, !g.passesThrough(mn, via: cn) else { return nil }
                var arcs: [(u: Int, v: Int)] = [(cn, 0)]
                var x = mn
                while g.pred[x] >= 0 { arcs.append((Int(g.pred[x]), x)); x = Int(g.pred[x]) }
                out.append((cn, mn, arcs))
            }
        }
        return out
    }

    /// The arcs of search `i`'s shortest path to `node`, whose distance `d` was answered (asked
    /// again: a search that outran the ground tree starts over and must reach it again).
    private func path(from i: Int, to node: Int, distance d: Int64) -> [(u: Int, v: Int)]? {
        guard distance(from: i, to: node, within: d) == d else { return nil }
        return searches[i].fanOutPath(to: node)
    }

    /// The reduced distance from the child's mom `i` to node `node` in the residual network
    /// without the child, or nil when it is more than `within`.
    private func distance(from i: Int, to node: Int, within: Int64) -> Int64? {
        guard within >= 0 else { return nil }
        if !started[i] {
            searches[i].startFanOut(from: net.momNode(current[i]), blocking: net.childNode(child), targets: targets)
            started[i] = true
        }
        // Without retaining the search at every question (`searches` keeps it alive).
        return unretained[i]._withUnsafeGuaranteedRef { $0.fanOutDistance(to: node, within: min(within, Int64.max / 16)) }
    }

    /// The `count` cheapest pieces from the child's mom `i` into the child, at most `within`,
    /// each ending with a distinct arc allowed when mom `m` is forced: one of her slot drops
    /// (she keeps a mom fewer) or a pair with a mom below m who is not hers. Ascending; nil
    /// when an arc from a mom not read yet could be among them.
    private func intoChild(from i: Int, below m: Int, _ f: PairingInstance.PairFacts, within: Int64, count: Int) -> [Entry]? {
        var found: [Entry] = []
        func add(_ e: Entry) {
            let at = found.firstIndex { e.d < $0.d } ?? found.count
            if at < count { found.insert(e, at: at); if found.count > count { found.removeLast() } }
        }
        func limit() -> Int64 { found.count < count ? within : min(within, found[count - 1].d - 1) }
        let k = current.count
        if let first = slotDrops.first, within - first >= 0,
           let d = known(from: i, entry: -1, within: within - first) {
            for (l, drop) in slotDrops.enumerated() where d + drop <= limit() { add((d + drop, -1 - l, d)) }
        }
        var j = 0
        while j < entries.count {
            let e = entries[j]
            let lim = limit()
            if e.rc > lim { return found }
            if j % Self.blockSize == 0 {
                let low = entries[blockLowestRanked[j / Self.blockSize]]
                if blockLow[(j / Self.blockSize) * k + i] > lim || net.ranksAbove(low.f, low.m, f, m) { j += Self.blockSize; continue }
            }
            if e.m != m && !net.ranksAbove(e.f, e.m, f, m),
               let d = known(from: i, entry: j, within: lim - e.rc) { add((d + e.rc, e.m, d)) }
            j += 1
        }
        // Past the entries: the arcs not listed cost at least `frontier`.
        return frontier <= limit() ? nil : found
    }

    /// Recomputes the bound of the block holding entry `j` of mom `i` after what the search
    /// said about one of its entries changed.
    private func updateBlock(mom i: Int, entry j: Int) {
        let b = j / Self.blockSize
        let k = current.count
        var low = Int64.max
        for x in (b * Self.blockSize)..<min(entries.count, (b + 1) * Self.blockSize) {
            let d = knownDistance[x * k + i]
            low = min(low, entries[x].rc + (d >= 0 ? d : knownBeyond[x * k + i] + 1))
        }
        blockLow[b * k + i] = low
    }

    /// `distance(from: i, to:)` the tail of entry j (the ground when j = −1), answered from
    /// what the search said before about it where that decides it.
    @inline(__always) private func known(from i: Int, entry j: Int, within: Int64) -> Int64? {
        let slot = j * current.count + i
        let d = j < 0 ? groundDistance[i] : knownDistance[slot]
        if d >= 0 { return d <= within ? d : nil }
        if within <= (j < 0 ? groundBeyond[i] : knownBeyond[slot]) { return nil }
        let node = j < 0 ? 0 : net.momNode(entries[j].m)
        if let d = distance(from: i, to: node, within: within) {
            if j < 0 { groundDistance[i] = d } else { knownDistance[slot] = d; updateBlock(mom: i, entry: j) }
            return d
        }
        if j < 0 { groundBeyond[i] = within } else { knownBeyond[slot] = within; updateBlock(mom: i, entry: j) }
        return nil
    }

    /// The cheapest piece from the child to mom `m` within `within`: out over a mom of hers
    /// ranking below m (`current[s...]`; via its index), or to the ground when she has room
    /// (via −1; the ground tree's distance, a lower bound, past its cap `cap + 1`).
    private func outOfChild(to m: Int, skipping s: Int, within: Int64) -> (d: Int64, via: Int, reach: Int64)? {
        let c = child
        let pc = net.potential[net.childNode(c)]
        var best = (d: Int64.max, via: -1, reach: Int64.max)
        for j in s..<current.count {
            let h = current[j]
            let rc = net.inst.facts(mom: h, child: c).value + pc - net.potential[net.momNode(h)]
            let limit = min(within, best.d - 1)
            if rc <= limit, let d = distance(from: j, to: net.momNode(m), within: limit - rc) { best = (rc + d, j, d) }
        }
        if let up = slotUp {
            var fromGround: Int64 = 0
            if let g = ground { fromGround = g.distance[net.momNode(m)] == .max ? g.cap + 1 : g.distance[net.momNode(m)] }
            if up + fromGround <= min(within, best.d - 1) { best = (up + fromGround, -1, fromGround) }
        }
        return best.d <= within ? best : nil
    }
}

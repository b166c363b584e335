/// The exact change of the optimal pairing's score when one mom is made one child's lead and
/// everything else re-optimizes: successive shortest paths from the optimal flow, on reduced costs.
///
/// **Forcing.** "Mom m becomes child c's lead" means: the pair (m, c) carries flow and no mom
/// ranking above m for c (contract section 5's lead rule) does. In the flow model
/// (`ResidualPairing`) that is the optimal flow of a modified network: arc m → c fixed at 1, arcs
/// h → c removed for every h ranking above m. Start from the optimal flow x*: drop the flow on
/// h → c for the set S of c's current moms ranking above m (each such h keeps one unit too
/// many, c lacks |S|), and, if m is not already one of c's moms, put one unit on m → c (m lacks
/// one, c has one too many). The result is a pseudo-flow of the modified network.
///
/// **Why Dijkstra on the old potentials is exact.** Every residual arc of the modified network
/// at that pseudo-flow is a residual arc of x* in the original network (the arcs h → c that
/// became free are removed, the reverse of m → c is fixed), so its reduced cost under the
/// optimal potentials π is ≥ 0: the pseudo-flow satisfies the reduced-cost optimality
/// conditions. Successive shortest paths (Dijkstra from the surplus nodes to the nearest deficit
/// node, augment one unit, `π ← π + min(d, D) − D`, which keeps every reduced cost ≥ 0) then end
/// at a minimum-cost flow of the modified network (Ahuja–Magnanti–Orlin, theorem 9.12): its cost
/// minus the cost of x* is the exact score change, with the sign turned. All numbers are integer
/// score units. The network stays feasible: a surplus mom can always send her unit back to the
/// ground (she had flow from it), a child lacking moms can always use one slot fewer, and m can
/// always drop a child or use free capacity; so the search always ends.
///
/// **A lower bound that prunes.** The difference between the final flow and x* is a circulation
/// in x*'s residual network that uses m → c and c → h (h ∈ S); its cost equals its reduced cost
/// under π, a sum of non-negative terms. So `rc(m → c) + Σ_{h∈S} rc(c → h)` (`lowerBound`) plus the
/// first search's distance is a lower bound of the change; the first search stops as soon as that
/// exceeds the caller's budget (the k-th best change found so far).
///
/// The modified state is kept as sparse overlays of the read-only `ResidualPairing`, cleared for
/// each forced pair, so one instance serves every candidate of a worker thread.
final class AlternativeSearch {
    let net: ResidualPairing
    /// An arc with a negative reduced cost was met: the potentials do not prove the pairing
    /// optimal (a pairing cut short), and no result of this search is exact.
    private(set) var invalid = false
    /// Nodes settled over all searches (work measure).
    private(set) var settledNodes = 0

    private var potentialDelta: [Int: Int64] = [:]
    private var loadDelta: [Int: Int] = [:]
    private var countDelta: [Int: Int] = [:]
    private var flowOverride: [Int: Bool] = [:]
    private var addedMoms: [Int: [Int32]] = [:]
    /// Base pairs whose flow an augmentation removed, by mom: their forward arcs are residual now.
    private var droppedChildren: [Int: [Int32]] = [:]
    /// Each mom's forward arcs with base reduced cost up to a threshold, sorted (built lazily,
    /// kept for every later search of this worker: a mom's arcs do not depend on the candidate).
    private var momArcs: [MomArcs?]
    private var excess: [Int: Int] = [:]
    private var touched: Set<Int> = []
    private var touchedSorted: [Int] = []
    private var forcedChild = -1
    private var forcedMom = -1
    private var forcedFacts = PairingInstance.PairFacts(centikm: 0, shared: false, continued: false, value: 0, allowed: false)
    // Dijkstra state.
    private var dist: [Int: Int64] = [:]
    private var pred: [Int: Int] = [:]
    private var settled: [Int] = []
    private var isSettled: Set<Int> = []
    private var heap = SearchHeap()
    private var limit: Int64 = .max

    init(_ net: ResidualPairing) {
        self.net = net
        momArcs = Array(repeating: nil, count: net.momCount)
    }

    /// The result of forcing one lead.
    struct Outcome {
        /// Change of the pairing's cost (minus the score change), integer units, ≥ 0.
        var costUnits: Int64
        /// Children other than the forced one whose set of moms changes, by position, sorted.
        var changedChildren: [Int]
    }

    /// Lower bound of the cost of forcing `mom` as `child`'s lead; `above` are the child's current
    /// moms ranking above `mom`.
    func lowerBound(child c: Int, mom m: Int, facts: PairingInstance.PairFacts, above: [Int]) -> Int64 {
        let cn = net.childNode(c)
        var lb: Int64 = 0
        if !net.pairs.contains(net.pairKey(mom: m, child: c)) {
            lb += -facts.value + net.potential[net.momNode(m)] - net.potential[cn]
        }
        for h in above {
            lb += net.inst.facts(mom: h, child: c).value + net.potential[cn] - net.potential[net.momNode(h)]
        }
        return lb
    }

    /// The exact cost of making `mom` the lead of `child`, or nil when it is larger than
    /// `lowerBound + budget` (then it does not matter exactly). `above`: as for `lowerBound`.
    func force(child c: Int, mom m: Int, facts: PairingInstance.PairFacts, above: [Int], budget: Int64) -> Outcome? {
        reset()
        forcedChild = c; forcedMom = m; forcedFacts = facts
        let cn = net.childNode(c), mn = net.momNode(m)
        var cost: Int64 = 0
        for h in above {
            setFlow(mom: h, child: c, false)
            cost += net.inst.facts(mom: h, child: c).value
            excess[net.momNode(h), default: 0] += 1
            excess[cn, default: 0] -= 1
        }
        if !hasFlow(mom: m, child: c) {
            setFlow(mom: m, child: c, true)
            cost -= facts.value
            excess[mn, default: 0] -= 1
            excess[cn, default: 0] += 1
        }
        var first = true
        while excess.values.contains(where: { $0 > 0 }) {
            guard let path = shortestPath(limit: first ? budget : Int64.max / 4) else {
                if first { return nil }
                invalid = true   // unreachable when π is optimal (see the type's comment)
                return nil
            }
            first = false
            cost += path
            if invalid { return nil }
        }
        var changed = Set<Int>()
        for (key, flow) in flowOverride where flow != net.pairs.contains(key) {
            let y = key % net.childCount
            if y != c { changed.insert(y) }
        }
        return Outcome(costUnits: cost, changedChildren: changed.sorted())
    }

    // MARK: state

    private func reset() {
        potentialDelta.removeAll(keepingCapacity: true)
        loadDelta.removeAll(keepingCapacity: true)
        countDelta.removeAll(keepingCapacity: true)
        flowOverride.removeAll(keepingCapacity: true)
        addedMoms.removeAll(keepingCapacity: true)
        droppedChildren.removeAll(keepingCapacity: true)
        excess.removeAll(keepingCapacity: true)
        touched.removeAll(keepingCapacity: true)
        touchedSorted.removeAll(keepingCapacity: true)
    }

    @inline(__always) private func pot(_ node: Int) -> Int64 { net.potential[node] + (potentialDelta[node] ?? 0) }
    @inline(__always) private func load(_ m: Int) -> Int { net.momChildren[m].count + (loadDelta[m] ?? 0) }
    @inline(__always) private func count(_ c: Int) -> Int { net.childMoms[c].count + (countDelta[c] ?? 0) }
    @inline(__always) private func hasFlow(mom m: Int, child c: Int) -> Bool {
        let key = net.pairKey(mom: m, child: c)
        return flowOverride[key] ?? net.pairs.contains(key)
    }
    private func setFlow(mom m: Int, child c: Int, _ on: Bool) {
        let key = net.pairKey(mom: m, child: c)
        flowOverride[key] = on
        if on { addedMoms[c, default: []].append(Int32(m)) } else if net.pairs.contains(key) { droppedChildren[m, default: []].append(Int32(c)) }
    }
    private func touch(_ node: Int) {
        if touched.insert(node).inserted { touchedSorted.append(node) }
    }

    // MARK: one shortest path

    /// Dijkstra from every surplus node to the nearest deficit node on reduced costs, at most
    /// `limit` away; augments one unit along the path, updates the potentials and returns the
    /// path's real cost, or nil when no deficit node is that near.
    private func shortestPath(limit budget: Int64) -> Int64? {
        dist.removeAll(keepingCapacity: true)
        pred.removeAll(keepingCapacity: true)
        settled.removeAll(keepingCapacity: true)
        isSettled.removeAll(keepingCapacity: true)
        heap.removeAll()
        limit = budget
        for (node, e) in excess.sorted(by: { $0.key < $1.key }) where e > 0 {
            dist[node] = 0
            heap.push(SearchEntry(key: 0, node: Int32(node), cursor: -1, owner: -1))
        }
        var sink = -1
        while let top = heap.pop() {
            if top.key > limit { break }
            if top.cursor >= 0 {
                if top.owner == 0 { advanceGround(top) } else { advanceMom(top) }
                continue
            }
            let u = Int(top.node)
            guard !isSettled.contains(u), top.key == dist[u] else { continue }
            isSettled.insert(u)
            settled.append(u)
            if (excess[u] ?? 0) < 0 { sink = u; break }
            expand(u, top.key)
        }
        settledNodes += settled.count
        guard sink >= 0, !invalid else { return nil }
        let total = dist[sink]!
        // Augment one unit along the path.
        var cost: Int64 = 0
        var v = sink
        while let u = pred[v] {
            cost += apply(from: u, to: v)
            v = u
        }
        excess[v, default: 0] -= 1
        excess[sink, default: 0] += 1
        for u in settled {
            let delta = dist[u]! - total
            if delta != 0 {
                potentialDelta[u, default: 0] += delta
                touch(u)
            }
        }
        return cost
    }

    private func relax(_ u: Int, _ v: Int, _ du: Int64, _ rc: Int64) {
        if rc < 0 { invalid = true; return }
        let d = du + rc
        guard d <= limit, !isSettled.contains(v) else { return }
        if let old = dist[v], old <= d { return }
        dist[v] = d
        pred[v] = u
        heap.push(SearchEntry(key: d, node: Int32(v), cursor: -1, owner: -1))
        if (excess[v] ?? 0) < 0 { limit = min(limit, d) }
    }

    private func expand(_ u: Int, _ du: Int64) {
        let inst = net.inst
        if u == 0 {
            let pg = pot(0)
            for x in touchedSorted where x != 0 {
                if net.isMom(x) {
                    let m = x - 1
                    if load(m) < Int(inst.momCapacity[m]) { relax(0, x, du, pg - pot(x)) }
                } else {
                    let c = x - 1 - net.momCount
                    if count(c) >= 1 { relax(0, x, du, net.slotCost(child: c, k: count(c), up: false) + pg - pot(x)) }
                }
            }
            if !net.groundArcs.isEmpty {
                heap.push(SearchEntry(key: du + net.groundArcs[0].rc + (potentialDelta[0] ?? 0), node: Int32(net.groundArcs[0].node), cursor: 0, owner: 0))
            }
        } else if net.isMom(u) {
            expandMom(u - 1, du)
        } else {
            let c = u - 1 - net.momCount
            let pc = pot(u)
            for z in net.childMoms[c] where hasFlow(mom: Int(z), child: c) {
                reverse(c, Int(z), u, du, pc)
            }
            for z in addedMoms[c] ?? [] where hasFlow(mom: Int(z), child: c) && !net.pairs.contains(net.pairKey(mom: Int(z), child: c)) {
                reverse(c, Int(z), u, du, pc)
            }
            let k = count(c)
            if k < Int(inst.childSlots[c]) { relax(u, 0, du, net.slotCost(child: c, k: k, up: true) + pc - pot(0)) }
        }
    }

    /// The arc child → mom that drops the pair (never the forced one).
    private func reverse(_ c: Int, _ z: Int, _ u: Int, _ du: Int64, _ pc: Int64) {
        if c == forcedChild && z == forcedMom { return }
        let zn = net.momNode(z)
        relax(u, zn, du, net.inst.facts(mom: z, child: c).value + pc - pot(zn))
    }

    /// The next arc of the ground's sorted list (lazily, so a search reads only the arcs it needs).
    private func advanceGround(_ e: SearchEntry) {
        let i = Int(e.cursor)
        let x = Int(e.node)
        if !touched.contains(x) { relax(0, x, dist[0]!, e.key - dist[0]!) }
        if i + 1 < net.groundArcs.count {
            let next = net.groundArcs[i + 1]
            heap.push(SearchEntry(key: dist[0]! + next.rc + (potentialDelta[0] ?? 0), node: Int32(next.node), cursor: Int32(i + 1), owner: 0))
        }
    }

    private func expandMom(_ x: Int, _ dx: Int64) {
        let inst = net.inst
        let xn = net.momNode(x)
        let px = pot(xn)
        if load(x) >= 1 { relax(xn, 0, dx, px - pot(0)) }
        for y in net.continuityChildren[x] {
            forward(x, Int(y), inst.facts(mom: x, child: Int(y)), dx, px)
        }
        for y in droppedChildren[x] ?? [] {
            forward(x, Int(y), inst.facts(mom: x, child: Int(y)), dx, px)
        }
        // Every other pair, lazily from the mom's sorted list: an entry's key is a lower bound
        // (base reduced cost plus the mom's own potential change; a child's potential only falls).
        if momArcs[x] == nil { momArcs[x] = MomArcs.build(net, mom: x, threshold: 10 * net.inst.weights.scale.unitsPerPoint) }
        pushMomArc(x, 0, dx)
    }

    /// Pushes the entry of the `i`-th arc of mom x's list, or a continuation entry at the list's
    /// threshold when the list ends before its arcs are complete.
    private func pushMomArc(_ x: Int, _ i: Int, _ dx: Int64) {
        let list = momArcs[x]!
        let shift = potentialDelta[net.momNode(x)] ?? 0
        let owner = Int32(net.momNode(x))
        if i < list.rc.count {
            heap.push(SearchEntry(key: dx + list.rc[i] + shift, node: list.child[i], cursor: Int32(i), owner: owner))
        } else if !list.complete {
            heap.push(SearchEntry(key: dx + list.threshold + 1 + shift, node: -1, cursor: Int32(i), owner: owner))
        }
    }

    private func advanceMom(_ e: SearchEntry) {
        let xn = Int(e.owner), x = xn - 1, i = Int(e.cursor)
        let dx = dist[xn]!
        if e.node < 0 {
            // The list ended at its threshold: extend it (the old list is a prefix of the new one).
            let old = momArcs[x]!
            momArcs[x] = MomArcs.build(net, mom: x, threshold: max(2 * old.threshold, e.key - dx - (potentialDelta[xn] ?? 0)))
            pushMomArc(x, i, dx)
            return
        }
        let y = Int(e.node)
        forward(x, y, net.inst.facts(mom: x, child: y), dx, pot(xn))
        pushMomArc(x, i + 1, dx)
    }

    /// The arc mom → child that adds the pair, unless it has flow or the forced lead rule removes it.
    private func forward(_ x: Int, _ y: Int, _ f: PairingInstance.PairFacts, _ dx: Int64, _ px: Int64) {
        guard f.allowed, !hasFlow(mom: x, child: y) else { return }
        if y == forcedChild {
            if x == forcedMom || net.ranksAbove(f, x, forcedFacts, forcedMom) { return }
        }
        let yn = net.childNode(y)
        relax(net.momNode(x), yn, dx, -f.value + px - pot(yn))
    }

    /// Applies one unit on the residual arc u → v; returns its real cost.
    private func apply(from u: Int, to v: Int) -> Int64 {
        if u == 0 {
            if net.isMom(v) { loadDelta[v - 1, default: 0] += 1; touch(v); return 0 }
            let c = v - 1 - net.momCount
            let cost = net.slotCost(child: c, k: count(c), up: false)
            countDelta[c, default: 0] -= 1; touch(v)
            return cost
        }
        if v == 0 {
            if net.isMom(u) { loadDelta[u - 1, default: 0] -= 1; touch(u); return 0 }
            let c = u - 1 - net.momCount
            let cost = net.slotCost(child: c, k: count(c), up: true)
            countDelta[c, default: 0] += 1; touch(u)
            return cost
        }
        if net.isMom(u) {
            let m = u - 1, c = v - 1 - net.momCount
            setFlow(mom: m, child: c, true)
            return -net.inst.facts(mom: m, child: c).value
        }
        let c = u - 1 - net.momCount, m = v - 1
        setFlow(mom: m, child: c, false)
        return net.inst.facts(mom: m, child: c).value
    }
}

/// A heap entry: a node at a tentative distance, or (cursor ≥ 0) the ground's next sorted arc.
struct SearchEntry {
    var key: Int64
    var node: Int32
    var cursor: Int32
    /// Whose sorted list the cursor walks: 0 the ground, a mom's node, −1 none.
    var owner: Int32
    @inline(__always) static func < (a: SearchEntry, b: SearchEntry) -> Bool {
        if a.key != b.key { return a.key < b.key }
        if a.node != b.node { return a.node < b.node }
        if a.owner != b.owner { return a.owner < b.owner }
        return a.cursor < b.cursor
    }
}

/// A binary min-heap of `SearchEntry`, ties by node then cursor (so searches are deterministic).
struct SearchHeap {
    private var items: [SearchEntry] = []
    mutating func removeAll() { items.removeAll(keepingCapacity: true) }
    mutating func push(_ e: SearchEntry) {
        items.append(e)
        var i = items.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            guard items[i] < items[p] else { break }
            items.swapAt(i, p); i = p
        }
    }
    mutating func pop() -> SearchEntry? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var s = i
                if l < items.count && items[l] < items[s] { s = l }
                if r < items.count && items[r] < items[s] { s = r }
                if s == i { break }
                items.swapAt(i, s); i = s
            }
        }
        return top
    }
}

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
/// **Searching less.** Every search is bounded by the budget the k-th best leaves (see `force`);
/// a deficit node relaxed at the distance being settled ends the search at once (no key left is
/// smaller), and the ground relaxes its arcs to the deficit nodes first, so a path across the
/// network's plateau of zero reduced cost (moms with room, tight pairs) ends as soon as it
/// reaches its target. A forced lead's only path, and the fan-out of `PairingAlternatives`, stop
/// at the ground and take their targets' distances beyond it from the shared
/// `AlternativeGroundTree` where that is exact (the tree path avoids the child, and lies within
/// the tree's cap), instead of settling the plateau again for every candidate.
///
/// The modified state is kept as overlays of the read-only `ResidualPairing` in flat arrays,
/// cleared through the list of nodes written, so one instance serves every candidate of a worker
/// thread at the cost of what each computation touched.
final class AlternativeSearch {
    let net: ResidualPairing
    /// An arc with a negative reduced cost was met: the potentials do not prove the pairing
    /// optimal (a pairing cut short), and no result of this search is exact.
    private(set) var invalid = false
    /// Nodes settled over all searches (work measure).
    private(set) var settledNodes = 0
    /// Answers taken through the ground tree (work measure).
    private(set) var throughGroundTree = 0
    /// Arcs read from a sorted list that this computation's earlier paths had put a unit on
    /// (skipped: their forward arc is not residual any more).
    private(set) var listedArcsWithOwnFlow = 0
    /// Paths that met the backward search at the ground (work measure).
    private(set) var metAtGround = 0
    /// First paths of several whose potentials were labelled through the ground tree (work measure).
    private(set) var labelledThroughTree = 0
    /// The first and last paths of a forced computation of several units meet a backward search
    /// at the ground instead of expanding it (`AlternativeLastPath.swift`, `setLabels`); off
    /// only to test them against the plain search.
    var meetsAtGround = true
    /// The backward search's state, made on first use.
    private(set) lazy var backward = BackwardSearchState(nodes: 1 + net.momCount + net.childCount, children: net.childCount)

    // The forced computation's overlay of the read-only optimal flow: flat buffers by node (not
    // arrays: a class's array property pays a dynamic exclusivity check at every access), cleared
    // through `dirty` (the nodes written since the last reset), so a reset costs what
    // the computation touched, not the network's size.
    private let potentialDelta: InterleavedColumn
    /// A mom's load change, or a child's change in her number of moms.
    private let stateDelta: UnsafeMutableBufferPointer<Int32>
    private let excess: UnsafeMutableBufferPointer<Int32>
    /// The node has an entry in `overrides`.
    let hasOverride: UnsafeMutableBufferPointer<Bool>
    private let isDirty: UnsafeMutableBufferPointer<Bool>
    private var dirty: [Int32] = []
    /// Nodes whose state or potential changed: the ground's sorted list does not describe their
    /// arcs any more, so they are relaxed apart.
    private let isTouched: UnsafeMutableBufferPointer<Bool>
    private(set) var touched: [Int32] = []
    /// The node's potential change is `potentialDelta` (set explicitly), not the ground tree's
    /// lazy label (`lazyTree`).
    private let hasLabel: UnsafeMutableBufferPointer<Bool>
    /// After a first path met at the ground: every node without an explicit label has the
    /// potential change `min(0, dg + tree distance − D)` (`delta`), dg where that path's search
    /// settled the ground and D its length.
    private var lazyTree: (dg: Int64, d: Int64)? = nil
    /// Nodes that were given an excess (some may be balanced again).
    private var excessNodes: [Int32] = []
    /// Pair flows set by the computation, latest last.
    private(set) var overrides: [(mom: Int32, child: Int32, on: Bool)] = []
    /// Each mom's forward arcs with base reduced cost up to a threshold, sorted (built lazily,
    /// kept for every later search of this worker: a mom's arcs do not depend on the candidate),
    /// shared by the worker's searches.
    private let momArcs: MomArcsCache
    private(set) var forcedChild = -1
    private(set) var forcedMom = -1
    private(set) var forcedFacts = PairingInstance.PairFacts(centikm: 0, shared: false, continued: false, value: 0, allowed: false)
    // Dijkstra state, cleared through `reached`.
    private let dist: InterleavedColumn
    /// `dist` and `potentialDelta` side by side per node: an arc read asks both of its head.
    private let distAndDelta: UnsafeMutableBufferPointer<Int64>
    let pred: UnsafeMutableBufferPointer<Int32>
    private let isSettled: UnsafeMutableBufferPointer<Bool>
    private var reached: [Int32] = []
    private var settled: [Int32] = []
    private var heap = SearchHeap()
    private var limit: Int64 = .max
    /// The key being processed: a deficit node relaxed at this distance is final.
    private var currentKey: Int64 = 0
    private var found = -1
    /// A node the fan-out never enters (the child whose alternatives are sought).
    private var blockedNode = -1
    /// The fan-out's target nodes: relaxed straight from the ground when it is settled, so that
    /// a plateau of equal distances beyond the ground need not be settled to reach them.
    private var fanTargets: [Int] = []

    /// Distances from the ground in the optimal flow's residual network (`AlternativeGroundTree`):
    /// a search that reaches the ground takes its targets' distances from there instead of
    /// expanding it, where that is exact.
    let ground: AlternativeGroundTree?
    /// The fan-out stops at the ground (`ground` answers beyond it).
    private var fanPortal = false
    private var fanSource = -1
    /// Where the fan-out settled the ground (nil: not yet, or expanded as usual).
    private var groundReachedAt: Int64? = nil

    /// `arcs`: the moms' sorted lists, shared with the other searches of the same thread (a
    /// new cache when nil).
    init(_ net: ResidualPairing, ground: AlternativeGroundTree? = nil, arcs: MomArcsCache? = nil) {
        self.net = net
        self.ground = ground
        let n = 1 + net.momCount + net.childCount
        momArcs = arcs ?? MomArcsCache(momCount: net.momCount)
        distAndDelta = .allocate(capacity: 2 * n)
        for v in 0..<n { distAndDelta[2 * v] = .max; distAndDelta[2 * v + 1] = 0 }
        dist = InterleavedColumn(distAndDelta, field: 0, of: 2)
        potentialDelta = InterleavedColumn(distAndDelta, field: 1, of: 2)
        stateDelta = .filled(0, count: n)
        excess = .filled(0, count: n)
        hasOverride = .filled(false, count: n)
        isDirty = .filled(false, count: n)
        isTouched = .filled(false, count: n)
        hasLabel = .filled(false, count: n)
        pred = .filled(-1, count: n)
        isSettled = .filled(false, count: n)
    }

    deinit {
        distAndDelta.deallocate(); stateDelta.deallocate(); excess.deallocate()
        hasOverride.deallocate(); isDirty.deallocate(); isTouched.deallocate(); hasLabel.deallocate()
        pred.deallocate(); isSettled.deallocate()
    }

    /// The result of forcing one lead.
    struct Outcome {
        /// Change of the pairing's cost (minus the score change), integer units, ≥ 0.
        var costUnits: Int64
        /// Children other than the forced one whose set of moms changes, by position, sorted.
        var changedChildren: [Int]
    }

    /// Lower bound of the cost of forcing `mom` as `child`'s lead; `above` are the child's current
    /// moms ranking above `mom`, with their pairs' facts. This is the definition: the scan over a
    /// child's candidates (`PairingAlternatives.candidates(of:)`) computes the same sum for all of
    /// them at once from prefix sums over her moms, and `AlternativesTests` holds the two equal.
    func lowerBound(child c: Int, mom m: Int, facts: PairingInstance.PairFacts,
                    above: ArraySlice<(m: Int, f: PairingInstance.PairFacts)>) -> Int64 {
        let cn = net.childNode(c)
        var lb: Int64 = 0
        if !net.isPaired(mom: m, child: c) {
            lb += -facts.value + net.potential[net.momNode(m)] - net.potential[cn]
        }
        for h in above {
            lb += h.f.value + net.potential[cn] - net.potential[net.momNode(h.m)]
        }
        return lb
    }

    /// A lower bound of the reduced distance from mom `h` to the nearest node other than her that
    /// is a mom or the ground, in the optimal flow's residual network without child `c`: exact
    /// when at most `cap` (her sorted list is extended that far at most), else more than `cap`.
    ///
    /// Dropping h from c leaves her a unit to place, and every way of placing it starts with such
    /// a path: to the ground (she keeps a place empty, `λ_h`) or to a child y she is not paired
    /// with and from y on to one of y's moms or to the ground (y's cheapest arc out,
    /// `ResidualPairing.childExit`). So when forcing a candidate frees h, the change costs at
    /// least this beyond the forced arcs (`PairingAlternatives.candidates(of:)`). It is large for
    /// a mom whose pair with c is worth more to her than anything else she could do, typically
    /// c's continuity mom (`λ_h` then holds the bonus).
    func leastExit(from h: Int, blocking c: Int, upTo cap: Int64) -> Int64 {
        let ph = net.potential[net.momNode(h)]
        @inline(__always) func through(_ y: Int, _ rc: Int64) -> Int64 {
            if rc < 0 { invalid = true }
            let exit = net.childExit[y]
            return y == c || exit == .max ? .max : rc + exit
        }
        // To the ground (she has c, so a load of at least one).
        var best = ph
        for y in net.continuityChildren[h] where !net.isPaired(mom: h, child: Int(y)) {
            let f = net.inst.facts(mom: h, child: Int(y))
            if f.allowed { best = min(best, through(Int(y), -f.value + ph - net.potential[net.childNode(Int(y))])) }
        }
        if !momArcs.spans[h].built {
            momArcs.store(h, MomArcs.build(net, mom: h, threshold: MomArcs.firstThresholdPoints * net.inst.weights.scale.unitsPerPoint))
        }
        var i = 0
        while true {
            let list = momArcs.spans[h]
            while i < Int(list.count) {
                let arc = momArcs.arc(list, i)
                if arc.rc >= best { return best }
                best = min(best, through(Int(arc.child), arc.rc))
                i += 1
            }
            // The arcs not listed have reduced costs above the threshold.
            if list.complete || list.threshold + 1 >= best { return best }
            if list.threshold >= cap { return list.threshold + 1 }
            momArcs.store(h, MomArcs.build(net, mom: h, threshold: 2 * list.threshold))
        }
    }

    /// The exact cost of making `mom` the lead of `child`, or nil when it is larger than
    /// `lowerBound + budget` (then it does not matter exactly). `above`: as for `lowerBound`.
    ///
    /// Every search is bounded by the budget left: at any point of the successive shortest
    /// paths, with pseudo-flow x, cost C so far and potentials π keeping every reduced cost
    /// ≥ 0, the rest of the computation costs at least `−Σ_v π(v)·e(v)` (e the excesses: the
    /// cost of a flow y that balances them is `Σ rc·y − Σ_v π(v)·e(v)`), so `C − Σ_v π(v)·e(v)`
    /// (`bound`) is a lower bound of the final cost; it starts at `lowerBound` and each path of
    /// reduced length d raises it by at least d. A path longer than the budget left proves the
    /// candidate cannot rank.
    func force(child c: Int, mom m: Int, facts: PairingInstance.PairFacts, above: ArraySlice<Int>, budget: Int64) -> Outcome? {
        var cost = startForcing(child: c, mom: m, facts: facts, above: above)
        let unbounded = budget >= Int64.max / 8
        let cap = unbounded ? Int64.max / 4 : bound(cost) + budget
        var first = true
        while excessNodes.contains(where: { excess[Int($0)] > 0 }) {
            let left = unbounded ? Int64.max / 4 : cap - bound(cost)
            if left < 0 { return nil }
            // The ground tree describes the network only before the first augmentation: a
            // single path takes its target's distance from it; the first of several meets a
            // backward search at the ground and takes the potentials of the nodes behind the
            // ground from it, lazily; the last meets a backward search at the ground.
            let last = excessNodes.reduce(0) { $0 + max(0, Int(excess[Int($1)])) } == 1
            let single = first && last
            let labels = first && !last && meetsAtGround && ground?.cutShort == false
            first = false
            guard let path = shortestPath(limit: left, portal: single, meet: (last && !single && meetsAtGround) || labels,
                                          labels: labels) else {
                // Unreachable when π is optimal (see the type's comment): the network stays feasible.
                if unbounded { invalid = true }
                return nil
            }
            cost += path
            if invalid { return nil }
        }
        return Outcome(costUnits: cost, changedChildren: changedChildren(except: c))
    }

    /// The children other than `c` whose set of moms the computation changed, sorted.
    private func changedChildren(except c: Int) -> [Int] {
        var changed = Set<Int>()
        for o in overrides where Int(o.child) != c {
            let (x, y) = (Int(o.mom), Int(o.child))
            if hasFlow(mom: x, child: y) != net.isPaired(mom: x, child: y) { changed.insert(y) }
        }
        return changed.sorted()
    }

    /// Forcing `mom` as `child`'s lead (as `force`) by given pieces instead of searches: each
    /// piece a walk of residual arcs (tail first or in any order) from a node with a unit too
    /// many to one with a unit too few (`AlternativePathBound`). Applies the forced arcs and
    /// every arc of every piece, each checked to be a residual arc of the modified network at
    /// that moment (capacities, the forced lead rule), and returns the outcome when the result
    /// is a balanced flow; nil when it is not (then the pieces do not form a flow: force it).
    /// The result is a feasible flow of the modified network, so its cost is an upper bound of
    /// the exact change; it is exact when it equals a lower bound.
    func realize(child c: Int, mom m: Int, facts: PairingInstance.PairFacts, above: ArraySlice<Int>,
                 pieces: [(from: Int, to: Int, arcs: [(u: Int, v: Int)])]) -> Outcome? {
        var cost = startForcing(child: c, mom: m, facts: facts, above: above)
        for piece in pieces {
            for (u, v) in piece.arcs {
                guard isResidual(from: u, to: v) else { return nil }
                cost += apply(from: u, to: v)
            }
            addExcess(piece.from, -1)
            addExcess(piece.to, 1)
        }
        guard excessNodes.allSatisfy({ excess[Int($0)] == 0 }) else { return nil }
        return Outcome(costUnits: cost, changedChildren: changedChildren(except: c))
    }

    /// Whether u → v is an arc of the modified network's residual network at the current state.
    private func isResidual(from u: Int, to v: Int) -> Bool {
        let inst = net.inst
        if u == 0 || v == 0 {
            let x = u == 0 ? v : u
            if x == 0 { return false }
            if net.isMom(x) {
                let m = x - 1
                return u == 0 ? load(m) < Int(inst.momCapacity[m]) : load(m) >= 1
            }
            let c = x - 1 - net.momCount
            return u == 0 ? count(c) >= 1 : count(c) < Int(inst.childSlots[c])
        }
        if net.isMom(u) {
            guard !net.isMom(v) else { return false }
            let m = u - 1, c = v - 1 - net.momCount
            return hasPairArc(m, c, inst.facts(mom: m, child: c))
        }
        guard net.isMom(v) else { return false }
        let c = u - 1 - net.momCount, m = v - 1
        return hasFlow(mom: m, child: c) && !(c == forcedChild && m == forcedMom) && !net.isLocked(mom: m, child: c)
    }

    /// Clears the overlay and applies the forced arcs: the flow off h → c for h in `above`, on
    /// m → c unless m is already hers, with their excesses. Returns their real cost.
    private func startForcing(child c: Int, mom m: Int, facts: PairingInstance.PairFacts, above: ArraySlice<Int>) -> Int64 {
        reset()
        blockedNode = -1
        fanTargets.removeAll(keepingCapacity: true)
        forcedChild = c; forcedMom = m; forcedFacts = facts
        let cn = net.childNode(c), mn = net.momNode(m)
        var cost: Int64 = 0
        for h in above {
            setFlow(mom: h, child: c, false)
            cost += net.inst.facts(mom: h, child: c).value
            addExcess(net.momNode(h), 1)
            addExcess(cn, -1)
        }
        if !hasFlow(mom: m, child: c) {
            setFlow(mom: m, child: c, true)
            cost -= facts.value
            addExcess(mn, -1)
            addExcess(cn, 1)
        }
        return cost
    }

    /// `cost − Σ_v π(v)·e(v)`: a lower bound of the final cost (see `force`).
    private func bound(_ cost: Int64) -> Int64 {
        var b = cost
        for v in excessNodes where excess[Int(v)] != 0 { b -= pot(Int(v)) * Int64(excess[Int(v)]) }
        return b
    }

    // MARK: fan-out: one search for many candidates

    /// Starts a Dijkstra from node `source` on the optimal flow's own residual network (no
    /// forced change, so no overlay), never entering node `blocked`; `fanOutDistance` advances it
    /// as far as each question needs, so one search answers every candidate of a child that
    /// `PairingAlternatives` proves to be a single path in that network.
    func startFanOut(from source: Int, blocking blocked: Int, targets: [Int], portal: Bool = true) {
        reset()
        fanTargets = targets
        fanSource = source
        forcedChild = -1; forcedMom = -1
        blockedNode = blocked
        groundReachedAt = nil
        // The ground tree answers for a target whose tree path avoids the blocked child (the
        // one node whose arcs differ); for another, its distance is a lower bound of the way
        // through the ground, and the fan-out starts again without the tree only if that way
        // might be the shorter (`fanOutDistance`).
        fanPortal = portal && ground != nil && blocked >= 0
        clearSearch()
        limit = Int64.max / 4
        found = -1
        dist[source] = 0
        reached.append(Int32(source))
        heap.push(SearchEntry(key: 0, node: Int32(source)))
    }

    /// The last `fanOutDistance` was through the ground tree.
    private var lastViaGround = false

    /// The reduced distance from the fan-out's source to `node`, or nil when it is larger than
    /// `within` (or the potentials are not optimal: `invalid`). With the ground tree, the
    /// distance is the smaller of the search's own (which never expands the ground) and the
    /// ground's distance plus the tree's; where the tree ends before `within` can be decided,
    /// the fan-out starts again without it.
    func fanOutDistance(to node: Int, within: Int64) -> Int64? {
        while !invalid {
            var viaGround = Int64.max
            // The tree's path passes the blocked child: its distance only bounds the way through
            // the ground from below.
            var viaGroundBound = false
            if let dg = groundReachedAt, let g = ground {
                if g.distance[node] != .max {
                    viaGround = dg + g.distance[node]
                    viaGroundBound = g.passesThrough(node, via: blockedNode)
                } else if dg + g.cap < within {
                    startFanOut(from: fanSource, blocking: blockedNode, targets: fanTargets, portal: false)
                    continue
                }
            }
            let top = heap.first?.key ?? .max
            let own = dist[node]
            if viaGroundBound {
                if isSettled[node] || own <= top {
                    // The search's own distance is final; the way through the ground is at least
                    // `viaGround`.
                    if own <= viaGround { lastViaGround = false; return own <= within ? own : nil }
                    if viaGround > within { return nil }
                    startFanOut(from: fanSource, blocking: blockedNode, targets: fanTargets, portal: false)
                    continue
                }
                if top > within {
                    if viaGround > within { return nil }
                    startFanOut(from: fanSource, blocking: blockedNode, targets: fanTargets, portal: false)
                    continue
                }
                fanStep()
                continue
            }
            // No key in the heap is smaller: the smaller of the two is final.
            if isSettled[node] || min(own, viaGround) <= top {
                lastViaGround = viaGround < own
                if lastViaGround { throughGroundTree += 1 }
                let d = min(own, viaGround)
                return d <= within ? d : nil
            }
            if heap.first == nil {
                // Nothing left to settle and no path: unreachable when π is optimal (the network
                // stays feasible, see the type's comment), so the potentials do not prove it.
                if within >= Int64.max / 8 { invalid = true }
                return nil
            }
            if top > within { return nil }
            fanStep()
        }
        return nil
    }

    /// Pops one entry of the fan-out's heap: advances a sorted list, or settles a node and
    /// expands it (not the ground when the tree answers beyond it).
    private func fanStep() {
        let e = heap.take()!
        currentKey = e.key
        if e.isListEntry {
            if e.node == 0 { advanceGround(e) } else { advanceMom(e) }
            return
        }
        let u = Int(e.node)
        guard !isSettled[u], e.key == dist[u] else { return }
        isSettled[u] = true
        settled.append(Int32(u))
        settledNodes += 1
        if u == 0 && fanPortal { groundReachedAt = e.key; return }
        expand(u, e.key)
    }

    /// Distances and tree from the ground on the optimal flow's residual network, up to `cap`
    /// (`AlternativeGroundTree`).
    /// Nil when `deadline` passed first.
    func groundTree(upTo cap: Int64, deadline: Deadline = .none) -> (distance: [Int64], pred: [Int32])? {
        startFanOut(from: 0, blocking: -1, targets: [], portal: false)
        var steps = 0
        while let top = heap.first, top.key <= cap, !invalid {
            fanStep()
            steps += 1
            if steps & 4095 == 0 && deadline.hasPassed { return nil }
        }
        var d = [Int64](repeating: .max, count: dist.count)
        var p = [Int32](repeating: -1, count: dist.count)
        for v in settled {
            d[Int(v)] = dist[Int(v)]
            p[Int(v)] = pred[Int(v)]
        }
        return (d, p)
    }

    /// The arcs of a path ending at `node`: the search's `pred` chain, or (`viaGround`) the
    /// chain to the ground and the ground tree's path from there, cut where the two meet.
    private func pathArcs(to node: Int, viaGround: Bool) -> [(u: Int, v: Int)] {
        var arcs: [(u: Int, v: Int)] = []
        var x = node
        if viaGround, let g = ground {
            var chain: [Int] = []
            var v = 0
            while true { chain.append(v); if pred[v] < 0 { break }; v = Int(pred[v]) }
            while !chain.contains(x) {
                let p = Int(g.pred[x])
                arcs.append((p, x))
                x = p
            }
        }
        while pred[x] >= 0 {
            let u = Int(pred[x])
            arcs.append((u, x))
            x = u
        }
        return arcs
    }

    /// The arcs of the fan-out's shortest path to `node`, whose distance `fanOutDistance` has
    /// just answered (final: a settled chain, or the chain to the ground and the tree's path).
    func fanOutPath(to node: Int) -> [(u: Int, v: Int)] {
        var viaGround = false
        if let dg = groundReachedAt, let g = ground, g.distance[node] != .max {
            viaGround = dg + g.distance[node] < dist[node]
        }
        return pathArcs(to: node, viaGround: viaGround)
    }

    /// The children other than `except` whose set of moms the last fan-out answer's path (to
    /// `node`) changes: each pair arc of a simple path adds or drops one pair. By position, sorted.
    func fanOutChangedChildren(to node: Int, except c: Int) -> [Int] {
        var changed = Set<Int>()
        for (u, v) in pathArcs(to: node, viaGround: lastViaGround) where u != 0 && v != 0 {
            let y = net.isMom(u) ? v - 1 - net.momCount : u - 1 - net.momCount
            if y != c { changed.insert(y) }
        }
        return changed.sorted()
    }

    // MARK: state

    private func reset() {
        for v in dirty {
            let i = Int(v)
            potentialDelta[i] = 0; stateDelta[i] = 0; excess[i] = 0
            hasOverride[i] = false; isTouched[i] = false; isDirty[i] = false; hasLabel[i] = false
        }
        lazyTree = nil
        dirty.removeAll(keepingCapacity: true)
        touched.removeAll(keepingCapacity: true)
        excessNodes.removeAll(keepingCapacity: true)
        overrides.removeAll(keepingCapacity: true)
    }

    @inline(__always) func pot(_ node: Int) -> Int64 { net.potential[node] + delta(node) }
    /// The node's potential change in this computation (≤ 0): its explicit one, or the ground
    /// tree's lazy label after a first path met at the ground.
    @inline(__always) func delta(_ node: Int) -> Int64 {
        guard let l = lazyTree, !hasLabel[node] else { return potentialDelta[node] }
        let t = ground!.distance[node]
        return t == .max ? 0 : min(0, l.dg + t - l.d)
    }
    /// The largest fall of a potential in this computation (≥ 0).
    var largestFall: Int64 {
        var fall: Int64 = 0
        for t in touched { fall = max(fall, -delta(Int(t))) }
        if let l = lazyTree { fall = max(fall, l.d - l.dg) }
        return fall
    }
    @inline(__always) func load(_ m: Int) -> Int { net.momChildren.count(m) + Int(stateDelta[net.momNode(m)]) }
    @inline(__always) func count(_ c: Int) -> Int { net.childMoms.count(c) + Int(stateDelta[net.childNode(c)]) }
    /// The flow this computation last set on the pair, nil when it did not touch it.
    @inline(__always) private func ownFlow(mom m: Int, child c: Int) -> Bool? {
        guard hasOverride[net.momNode(m)] else { return nil }
        for o in overrides.reversed() where Int(o.mom) == m && Int(o.child) == c { return o.on }
        return nil
    }
    @inline(__always) func hasFlow(mom m: Int, child c: Int) -> Bool {
        ownFlow(mom: m, child: c) ?? net.isPaired(mom: m, child: c)
    }
    /// `hasFlow` for a pair of the optimal pairing (read from `ResidualPairing`'s lists of
    /// them): it has flow unless this computation took it off.
    @inline(__always) func hasFlowPaired(mom m: Int, child c: Int) -> Bool {
        assert(net.isPaired(mom: m, child: c), "a pair of the optimal pairing")
        return ownFlow(mom: m, child: c) ?? true
    }
    /// `hasFlow` for an arc read from a mom's or a child's sorted list (`MomArcs`,
    /// `ChildInArcs`): the lists leave out the optimal pairing's pairs, so only this
    /// computation's own changes can have put a unit on it.
    /// Asking the pairing instead reads the child's moms, a cache miss per arc read (half of
    /// `advanceMom`'s time at scale 10).
    @inline(__always) func hasFlowListed(mom m: Int, child c: Int) -> Bool {
        assert(!net.isPaired(mom: m, child: c), "a sorted list holds a pair of the optimal pairing")
        let on = ownFlow(mom: m, child: c) ?? false
        if on { listedArcsWithOwnFlow += 1 }
        return on
    }
    private func setFlow(mom m: Int, child c: Int, _ on: Bool) {
        overrides.append((Int32(m), Int32(c), on))
        let mn = net.momNode(m), cn = net.childNode(c)
        markDirty(mn); hasOverride[mn] = true
        markDirty(cn); hasOverride[cn] = true
    }
    @inline(__always) private func markDirty(_ node: Int) {
        if !isDirty[node] { isDirty[node] = true; dirty.append(Int32(node)) }
    }
    private func touch(_ node: Int) {
        markDirty(node)
        if !isTouched[node] { isTouched[node] = true; touched.append(Int32(node)) }
    }
    private func addExcess(_ node: Int, _ delta: Int32) {
        markDirty(node)
        if !excessNodes.contains(Int32(node)) { excessNodes.append(Int32(node)) }
        excess[node] += delta
    }

    // MARK: one shortest path

    /// Dijkstra from every surplus node to the nearest deficit node on reduced costs, at most
    /// `limit` away; augments one unit along the path, updates the potentials and returns the
    /// path's real cost, or nil when no deficit node is that near. A deficit node relaxed at the
    /// distance being settled is final (no key in the heap is smaller), so the search ends there
    /// instead of settling the rest of a plateau of equal distances.
    ///
    /// `meet`: the ground is not expanded; its way to the deficit nodes is the backward search's
    /// (`distanceFromGround`), and the search ends when its smallest key reaches the way through
    /// the ground. Without `labels` the path must be the computation's last (no potentials are
    /// updated behind the ground); with `labels` (the first path) they are, lazily through the
    /// ground tree (`setLabels`).
    private func shortestPath(limit budget: Int64, portal: Bool = false, meet: Bool = false, labels: Bool = false) -> Int64? {
        clearSearch()
        limit = budget
        found = -1
        // Through the ground tree: the best deficit reached that way, if any.
        let usePortal = portal && ground != nil && forcedChild >= 0
        var portalTarget = -1
        // Meeting at the ground: the deficit nodes, where the ground was settled, and the way
        // through the ground once known.
        let meetTargets = meet ? excessNodes.filter { excess[Int($0)] < 0 }.map { Int($0) }.sorted() : []
        var groundAt = Int64.max
        var throughGround = Int64.max
        for v in excessNodes.sorted() where excess[Int(v)] > 0 {
            dist[Int(v)] = 0
            reached.append(v)
            heap.push(SearchEntry(key: 0, node: v))
        }
        var sink = -1
        while let top = heap.take() {
            if top.key > limit || top.key >= throughGround { break }
            currentKey = top.key
            if top.isListEntry {
                if top.node == 0 { advanceGround(top) } else { advanceMom(top) }
                if found >= 0 { sink = found; break }
                continue
            }
            let u = Int(top.node)
            guard !isSettled[u], top.key == dist[u] else { continue }
            isSettled[u] = true
            settled.append(Int32(u))
            if excess[u] < 0 { sink = u; break }
            if u == 0 && usePortal, let t = portalDeficit(at: top.key) {
                if t.node >= 0 { portalTarget = t.node; limit = min(limit, t.distance) }
                continue
            }
            if u == 0 && meet {
                groundAt = top.key
                let before = backward.settledCount
                if let dg = distanceFromGround(to: meetTargets, within: limit - top.key) {
                    throughGround = top.key + dg
                    limit = min(limit, throughGround)
                }
                settledNodes += backward.settledCount - before
                if invalid { break }
                continue
            }
            expand(u, top.key)
            if found >= 0 { sink = found; break }
        }
        settledNodes += settled.count
        if sink < 0 && portalTarget >= 0 && !invalid {
            throughGroundTree += 1
            return augmentThroughGround(to: portalTarget)
        }
        let viaGround = meet && sink < 0 && throughGround != .max
        guard viaGround || sink >= 0, !invalid else { return nil }
        let total = viaGround ? throughGround : dist[sink]
        if labels && !setLabels(total: total, groundAt: groundAt, viaGround: viaGround) {
            // The tree does not reach far enough behind the ground to label it: plainly.
            return shortestPath(limit: budget)
        }
        if viaGround {
            metAtGround += 1
            var cost: Int64 = 0
            let (arcs, t) = pathThroughGround()
            for (u, v) in arcs { cost += apply(from: u, to: v) }
            addExcess(arcs[0].u, -1)
            addExcess(t, 1)
            return cost
        }
        // Augment one unit along the path.
        var cost: Int64 = 0
        var v = sink
        while pred[v] >= 0 {
            let u = Int(pred[v])
            cost += apply(from: u, to: v)
            v = u
        }
        addExcess(v, -1)
        addExcess(sink, 1)
        if labels { return cost }
        for s in settled {
            let u = Int(s)
            let change = dist[u] - total
            if change != 0 {
                if lazyTree != nil {
                    potentialDelta[u] = delta(u)
                    hasLabel[u] = true
                }
                potentialDelta[u] += change
                touch(u)
            }
        }
        return cost
    }

    /// The potentials after the first path of a computation, found with the ground not
    /// expanded (`meet`), of length D: `π ← π + ℓ − D` with
    /// `ℓ = min(D, max(f, g))`, where f is the search's own distance for a node it settled (at
    /// most `dg + tree distance`, dg where it settled the ground) and `dg + tree distance`
    /// otherwise, and g is `D − b` for a node the backward search settled at b (when the path
    /// passes the ground; no constraint otherwise).
    ///
    /// Why it keeps every reduced cost ≥ 0 and the path's arcs at 0: the network is a part of
    /// the optimal flow's residual network (the first path), so the tree's distances are a
    /// feasible labeling of it and at most the true distances through the ground; f is then a
    /// feasible labeling (the search's own distances are exact for paths that do not pass the
    /// ground, and it settled everything nearer than D). For an arc u → w with w settled by
    /// the backward search: if u was too, `b(u) ≤ rc + b(w)`; if not, either f(u) is the exact
    /// distance of u and `f(u) + rc + b(w) ≥ D` (no shorter path), or `f(u) ≥ dg` and
    /// `b(u) ≥ b(ground)` (u was not settled first) with `b(u) ≤ rc + b(w)`. Along the path, f
    /// (before the ground) and g (after it) are its distances, and neither exceeds them.
    ///
    /// Nodes the searches settled get their ℓ explicitly; every other node's is `min(D, dg +
    /// tree distance)` (`delta`, lazily), exact beyond the tree's cap only when `D − dg` is
    /// within it. When the search settled the ground before D but the path does not pass it,
    /// the tree's labels can be below the path's own distances and would not keep its arcs at
    /// 0. False in those two cases (nothing changed; the caller searches plainly).
    private func setLabels(total d: Int64, groundAt dg: Int64, viaGround: Bool) -> Bool {
        guard let g = ground else { return false }
        let lazy = dg < d
        // A path that does not pass the ground, while the ground is nearer: the tree's labels
        // are lower than the path's own distances, so they would not keep its arcs at 0.
        if lazy && (!viaGround || d - dg > g.cap) { return false }
        @inline(__always) func behindGround(_ v: Int) -> Int64 {
            lazy && g.distance[v] != .max ? min(d, dg + g.distance[v]) : d
        }
        let b = backward
        for s in settled {
            let u = Int(s)
            var l = min(dist[u], behindGround(u))
            if viaGround && b.isSettled[u] { l = max(l, d - b.dist[u]) }
            label(u, min(d, l) - d)
        }
        if viaGround {
            for r in b.reached where b.isSettled[Int(r)] && !isSettled[Int(r)] {
                let v = Int(r)
                label(v, min(d, max(behindGround(v), d - b.dist[v])) - d)
            }
        }
        if lazy { lazyTree = (dg, d) }
        labelledThroughTree += 1
        return true
    }

    /// Sets a node's potential change explicitly (the first path: every change was 0).
    private func label(_ v: Int, _ change: Int64) {
        markDirty(v)
        hasLabel[v] = true
        potentialDelta[v] = change
        if change != 0 { touch(v) }
    }

    /// At the ground, settled at `dg` by a forced search's only path: the deficit node nearest
    /// through the ground tree (node −1 when none is within the limit), or nil when the tree
    /// cannot say (a deficit is c, its tree path passes c, or it lies beyond the tree's cap
    /// within the limit): then the ground is expanded as usual.
    private func portalDeficit(at dg: Int64) -> (node: Int, distance: Int64)? {
        guard let g = ground else { return nil }
        let c = net.childNode(forcedChild)
        var best = (node: -1, distance: Int64.max)
        for x in excessNodes.sorted() where excess[Int(x)] < 0 {
            let t = Int(x)
            if t == c || g.passesThrough(t, via: c) { return nil }
            let gt = g.distance[t]
            if gt == .max {
                if dg + g.cap < limit { return nil }
                continue
            }
            if dg + gt <= limit && dg + gt < best.distance { best = (t, dg + gt) }
        }
        return best
    }

    /// The path of the search to the ground (its `pred` chain), then the tree path to `target`:
    /// augments one unit along it and returns its real cost. Where the tree path meets the
    /// chain, the walk is cut there (a shortest walk's cycle has length 0), so the path is simple.
    /// Potentials are not updated: this is the computation's last path.
    private func augmentThroughGround(to target: Int) -> Int64 {
        var cost: Int64 = 0
        var source = target
        for (u, v) in pathArcs(to: target, viaGround: true) {
            cost += apply(from: u, to: v)
            source = u
        }
        addExcess(source, -1)
        addExcess(target, 1)
        return cost
    }

    /// Whether the modified network has the arc mom x → child y (the pair added): allowed, not
    /// carrying flow, and within the forced lead rule for the forced child.
    @inline(__always) func hasPairArc(_ x: Int, _ y: Int, _ f: PairingInstance.PairFacts) -> Bool {
        guard f.allowed, !hasFlow(mom: x, child: y) else { return false }
        if y == forcedChild && (x == forcedMom || net.ranksAbove(f, x, forcedFacts, forcedMom)) { return false }
        return true
    }

    /// An arc with a negative reduced cost was read: no result of this search is exact.
    func markInvalid() { invalid = true }

    private func clearSearch() {
        for v in reached {
            let i = Int(v)
            dist[i] = .max; pred[i] = -1; isSettled[i] = false
        }
        reached.removeAll(keepingCapacity: true)
        settled.removeAll(keepingCapacity: true)
        heap.removeAll()
    }

    private func relax(_ u: Int, _ v: Int, _ du: Int64, _ rc: Int64) {
        if v == blockedNode { return }
        if rc < 0 { invalid = true; return }
        let d = du + rc
        guard d <= limit, !isSettled[v] else { return }
        let old = dist[v]
        if old <= d { return }
        if old == .max { reached.append(Int32(v)) }
        dist[v] = d
        pred[v] = Int32(u)
        heap.push(SearchEntry(key: d, node: Int32(v)))
        if excess[v] < 0 {
            limit = min(limit, d)
            if d <= currentKey && found < 0 { found = v }
        }
    }

    /// The arc ground → x in the modified network (a mom with room, or a child giving up a mom).
    private func relaxFromGround(_ x: Int, _ du: Int64, _ pg: Int64) {
        if net.isMom(x) {
            let m = x - 1
            if load(m) < Int(net.inst.momCapacity[m]) { relax(0, x, du, pg - pot(x)) }
        } else {
            let c = x - 1 - net.momCount
            let k = count(c)
            if k >= 1 { relax(0, x, du, net.slotCost(child: c, k: k, up: false) + pg - pot(x)) }
        }
    }

    private func expand(_ u: Int, _ du: Int64) {
        let inst = net.inst
        if u == 0 {
            let pg = pot(0)
            for x in touched where x != 0 { relaxFromGround(Int(x), du, pg) }
            // The deficit nodes first: a plateau of equal distances ends as soon as one is reached.
            for x in excessNodes where x != 0 && excess[Int(x)] < 0 && !isTouched[Int(x)] { relaxFromGround(Int(x), du, pg) }
            for x in fanTargets { relaxFromGround(x, du, pg) }
            if found >= 0 { return }
            if !net.groundArcs.isEmpty {
                heap.push(SearchEntry(key: du + net.groundArcs[0].rc + delta(0), owner: 0, cursor: 0))
            }
        } else if net.isMom(u) {
            expandMom(u - 1, du)
        } else {
            let c = u - 1 - net.momCount
            let pc = pot(u)
            for j in net.childMoms.range(c) {
                let z = Int(net.childMoms.other[j])
                if hasFlowPaired(mom: z, child: c) { reverse(c, z, net.childMoms.value[j], u, du, pc) }
            }
            if hasOverride[u] {
                for o in overrides where Int(o.child) == c && o.on {
                    let z = Int(o.mom)
                    if hasFlow(mom: z, child: c) && !net.isPaired(mom: z, child: c) {
                        reverse(c, z, net.inst.facts(mom: z, child: c).value, u, du, pc)
                    }
                }
            }
            let k = count(c)
            if k < Int(inst.childSlots[c]) { relax(u, 0, du, net.slotCost(child: c, k: k, up: true) + pc - pot(0)) }
        }
    }

    /// The arc child → mom that drops the pair of value `value` (never the forced one).
    private func reverse(_ c: Int, _ z: Int, _ value: Int64, _ u: Int, _ du: Int64, _ pc: Int64) {
        if (c == forcedChild && z == forcedMom) || net.isLocked(mom: z, child: c) { return }
        let zn = net.momNode(z)
        relax(u, zn, du, value + pc - pot(zn))
    }

    /// The next arc of the ground's sorted list (lazily, so a search reads only the arcs it needs).
    private func advanceGround(_ e: SearchEntry) {
        let d0 = dist[0]
        let shift = delta(0)
        // The arcs of the same key are read now, one after the other (as `readMomArcs` does).
        var i = Int(e.cursor)
        while true {
            let x = Int(net.groundArcs[i].node)
            if !isTouched[x] { relax(0, x, d0, e.key - d0 - delta(x)) }
            i += 1
            guard found < 0, i < net.groundArcs.count, d0 + net.groundArcs[i].rc + shift <= e.key else { break }
        }
        if i < net.groundArcs.count {
            heap.push(SearchEntry(key: d0 + net.groundArcs[i].rc + shift, owner: 0, cursor: Int32(i)))
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
        if hasOverride[xn] {
            // Base pairs an augmentation removed: their forward arcs are residual now.
            for o in overrides where Int(o.mom) == x && !o.on && net.isPaired(mom: x, child: Int(o.child)) {
                forward(x, Int(o.child), inst.facts(mom: x, child: Int(o.child)), dx, px)
            }
        }
        // Every other pair, lazily from the mom's sorted list: an entry's key is a lower bound
        // (base reduced cost plus the mom's own potential change; a child's potential only falls).
        if !momArcs.spans[x].built {
            momArcs.store(x, MomArcs.build(net, mom: x, threshold: MomArcs.firstThresholdPoints * net.inst.weights.scale.unitsPerPoint))
        }
        // Through the heap, not read at once: reading the first arcs here was no faster (scale
        // 10: 203 and 193 children a second against 217 and 246, alternated).
        pushMomArc(x, 0, dx)
    }

    /// Pushes the entry of the `i`-th arc of mom x's list, or a continuation entry at the list's
    /// threshold when the list ends before its arcs are complete.
    private func pushMomArc(_ x: Int, _ i: Int, _ dx: Int64) {
        let list = momArcs.spans[x]
        let shift = delta(net.momNode(x))
        let owner = Int32(net.momNode(x))
        if i < Int(list.count) {
            heap.push(SearchEntry(key: dx + momArcs.arc(list, i).rc + shift, owner: owner, cursor: Int32(i)))
        } else if !list.complete {
            heap.push(SearchEntry(key: dx + list.threshold + 1 + shift, owner: owner, beyond: Int32(i)))
        }
    }

    private func advanceMom(_ e: SearchEntry) {
        let xn = Int(e.node), x = xn - 1, i = e.position
        let dx = dist[xn]
        if e.isBeyond {
            // The list ended at its threshold: extend it (the old list is a prefix of the new one).
            let old = momArcs.spans[x]
            momArcs.store(x, MomArcs.build(net, mom: x, threshold: max(2 * old.threshold, e.key - dx - delta(xn))))
            pushMomArc(x, i, dx)
            return
        }
        readMomArcs(x, from: i, dx)
    }

    /// Reads mom x's listed arcs from the `i`-th on while their key is at most the one being
    /// taken (a key below it is a lower bound the heap would hand out next anyway), then pushes
    /// the entry of the next. Any entry of the smallest key may be taken first, so the distances
    /// are the same as through the heap; but the plateau of zero reduced cost no
    /// longer sends each arc through the heap, and the list's line out of the cache, before it
    /// is read (at scale 10, 1.6 times the children a second).
    private func readMomArcs(_ x: Int, from i: Int, _ dx: Int64) {
        let xn = net.momNode(x)
        let list = momArcs.spans[x]
        let shift = delta(xn)
        var j = i
        while j < Int(list.count) && found < 0 {
            let arc = momArcs.arc(list, j)
            let key = dx + arc.rc + shift
            guard key <= currentKey else { break }
            let y = Int(arc.child)
            if y == forcedChild {
                forward(x, y, net.inst.facts(mom: x, child: y), dx, pot(xn))
            } else {
                // A listed arc is allowed, and its length is its base reduced cost rc = −v + π_x − π_y
                // with both ends' potential changes, rc + δ_x − δ_y, where the entry's key is
                // d(x) + rc + δ_x: no distance measured again (the haversine's trigonometry was a
                // sixth of an alternatives run's samples).
                let yn = net.childNode(y)
                if !hasFlowListed(mom: x, child: y) { relax(xn, yn, dx, key - dx - delta(yn)) }
            }
            j += 1
        }
        pushMomArc(x, j, dx)
    }

    /// The arc mom → child that adds the pair, unless it has flow or the forced lead rule removes it.
    private func forward(_ x: Int, _ y: Int, _ f: PairingInstance.PairFacts, _ dx: Int64, _ px: Int64) {
        guard hasPairArc(x, y, f) else { return }
        let yn = net.childNode(y)
        relax(net.momNode(x), yn, dx, -f.value + px - pot(yn))
    }

    /// Applies one unit on the residual arc u → v; returns its real cost.
    private func apply(from u: Int, to v: Int) -> Int64 {
        if u == 0 {
            if net.isMom(v) { stateDelta[v] += 1; touch(v); return 0 }
            let c = v - 1 - net.momCount
            let cost = net.slotCost(child: c, k: count(c), up: false)
            stateDelta[v] -= 1; touch(v)
            return cost
        }
        if v == 0 {
            if net.isMom(u) { stateDelta[u] -= 1; touch(u); return 0 }
            let c = u - 1 - net.momCount
            let cost = net.slotCost(child: c, k: count(c), up: true)
            stateDelta[u] += 1; touch(u)
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

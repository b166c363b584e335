/// A forced computation's path found without settling the plateau behind the ground: the last
/// path, and the first of several (whose potentials `AlternativeSearch.setLabels` updates).
///
/// **The problem.** After the first augmentations of a forced lead with supporting moms (|S| ≥ 2),
/// one mom has a unit too many and one node (usually the child) one too few. A Dijkstra from
/// the surplus reaches the ground and then settles every node at the same reduced distance
/// behind it: every mom with room and every tight pair, a quarter of the network at scale 10,
/// before it reads the arc that ends the path (`Guides/Pairing.md`, "Stop 31").
///
/// **Meeting at the ground.** A shortest simple path from the surplus s to the deficit t either
/// avoids the ground or passes it once. So:
/// - the forward search (`AlternativeSearch.shortestPath`) never expands the ground: its
///   distances are exact for paths that do not pass it, and the ground's own distance `d(s, g)`
///   is exact (a path to the ground does not pass it);
/// - `distanceFromGround` is a Dijkstra on the reversed arcs from t that never expands the ground
///   either, and ends when it settles it: `d(g, t)` is exact (a path from the ground does not
///   come back to it);
/// - the path is the shorter of the forward search's own way to t and `d(s, g) + d(g, t)`; the
///   forward search stops as soon as its smallest key reaches that sum. (For the first path,
///   t stands for every deficit node: the backward search starts from all of them.)
///
/// The backward search settles only the nodes nearer to t than the ground is, which are few: t's
/// cheapest arcs in come from moms near her, and a mom with room is one arc from the ground. After
/// the last path no potentials are needed; after the first, `setLabels` gives them.
///
/// **Arcs into a node** (the modified network at the current state): into a mom, from the ground
/// when she has room and from each child she is paired with (dropping the pair, never the forced
/// one); into a child, from the ground when she has a mom (one slot fewer) and from every allowed
/// mom she is not paired with (within the forced lead rule for the forced child), read lazily from
/// her list sorted by base reduced cost (`ChildInArcs`). The computation only lowers potentials,
/// so a list entry's base reduced cost minus the largest fall is a lower bound of the arc's
/// reduced cost: the entry's key, the exact one computed when it is read. Base pairs the
/// computation dropped are not in the lists and are relaxed apart.
extension AlternativeSearch {
    /// Distance from the ground to the nearest of `targets` (deficit nodes) in the modified
    /// network, at most `cap`, by a Dijkstra on reversed arcs that never expands the ground; nil
    /// when the ground is farther. `backward.succ` then holds the path from the ground.
    func distanceFromGround(to targets: [Int], within cap: Int64) -> Int64? {
        let b = backward
        b.clear()
        b.limit = cap
        // The computation lowered some potentials (never raised one): a list's base reduced
        // cost minus the largest fall is a lower bound of any arc's reduced cost.
        b.fall = largestFall
        for target in targets {
            b.dist[target] = 0
            b.reached.append(Int32(target))
            b.heap.push(SearchEntry(key: 0, node: Int32(target)))
        }
        while let top = b.heap.take() {
            if top.key > cap || invalid { break }
            if top.isListEntry { advanceChildIn(top); continue }
            let v = Int(top.node)
            guard !b.isSettled[v], top.key == b.dist[v] else { continue }
            b.isSettled[v] = true
            b.settledCount += 1
            if v == 0 { return top.key }
            expandBackward(v, top.key)
        }
        return nil
    }

    /// The path through the ground and its target: the forward search's chain from its source
    /// to the ground, then the backward search's chain from the ground to a target, cut where
    /// the two meet (a shortest walk's cycle has length 0, so the cut path is as short and simple).
    func pathThroughGround() -> (arcs: [(u: Int, v: Int)], target: Int) {
        let b = backward
        var tail: [Int] = [0]
        var v = 0
        while b.succ[v] >= 0 { v = Int(b.succ[v]); tail.append(v) }
        let target = v
        // The forward chain's nodes (from the ground back to the source).
        var chain = Set<Int>()
        v = 0
        while true { chain.insert(v); if pred[v] < 0 { break }; v = Int(pred[v]) }
        var j = tail.count - 1
        while !chain.contains(tail[j]) { j -= 1 }
        var arcs: [(u: Int, v: Int)] = []
        var x = tail[j]
        while pred[x] >= 0 { arcs.append((Int(pred[x]), x)); x = Int(pred[x]) }
        arcs.reverse()
        for i in j..<(tail.count - 1) { arcs.append((tail[i], tail[i + 1])) }
        return (arcs, target)
    }

    /// Relaxes the arc `u → v` backwards (v settled at `dv`).
    @inline(__always) private func backRelax(_ u: Int, _ v: Int, _ dv: Int64, _ rc: Int64) {
        if rc < 0 { markInvalid(); return }
        let b = backward
        let d = dv + rc
        guard d <= b.limit, !b.isSettled[u] else { return }
        let old = b.dist[u]
        if old <= d { return }
        if old == .max { b.reached.append(Int32(u)) }
        b.dist[u] = d
        b.succ[u] = Int32(v)
        b.heap.push(SearchEntry(key: d, node: Int32(u)))
    }

    private func expandBackward(_ v: Int, _ dv: Int64) {
        let inst = net.inst
        let pv = pot(v)
        if net.isMom(v) {
            let x = v - 1
            if load(x) < Int(inst.momCapacity[x]) { backRelax(0, v, dv, pot(0) - pv) }
            for j in net.momChildren.range(x) {
                let y = Int(net.momChildren.other[j])
                if hasFlowPaired(mom: x, child: y) { dropArc(y, x, net.momChildren.value[j], v, dv, pv) }
            }
            if hasOverride[v] {
                for o in overrides where Int(o.mom) == x && o.on && !net.isPaired(mom: x, child: Int(o.child)) {
                    let y = Int(o.child)
                    if hasFlow(mom: x, child: y) { dropArc(y, x, inst.facts(mom: x, child: y).value, v, dv, pv) }
                }
            }
            return
        }
        let y = v - 1 - net.momCount
        let k = count(y)
        if k >= 1 { backRelax(0, v, dv, net.slotCost(child: y, k: k, up: false) + pot(0) - pv) }
        // Base pairs the computation dropped (not in her list): apart.
        if hasOverride[v] {
            for o in overrides where Int(o.child) == y && !o.on && net.isPaired(mom: Int(o.mom), child: y) {
                let x = Int(o.mom), xn = net.momNode(x)
                let f = inst.facts(mom: x, child: y)
                if hasPairArc(x, y, f) { backRelax(xn, v, dv, -f.value + pot(xn) - pv) }
            }
        }
        let lists = backward.childArcs
        if lists.lists[y] == nil {
            lists.lists[y] = ChildInArcs.build(net, child: y, threshold: ChildInArcs.firstThresholdPoints * inst.weights.scale.unitsPerPoint)
        }
        pushChildArc(y, 0, dv)
    }

    /// The arc child y → mom x that drops the pair of value `value` (never the forced one),
    /// relaxed backwards.
    @inline(__always) private func dropArc(_ y: Int, _ x: Int, _ value: Int64, _ xn: Int, _ dx: Int64, _ px: Int64) {
        if (y == forcedChild && x == forcedMom) || net.isLocked(mom: x, child: y) { return }
        let yn = net.childNode(y)
        backRelax(yn, xn, dx, value + pot(yn) - px)
    }

    /// Pushes the entry of the `i`-th arc of child y's list, or a continuation entry at the
    /// list's threshold. Key: her distance plus the arc's base reduced cost with her potential's
    /// change, minus the largest fall of a mom's potential: a lower bound of the mom's distance
    /// through the arc (exact for a mom whose potential is unchanged, up to that fall).
    private func pushChildArc(_ y: Int, _ i: Int, _ dy: Int64) {
        let list = backward.childArcs.lists[y]!
        let yn = net.childNode(y)
        let shift = -delta(yn) - backward.fall
        if i < list.rc.count {
            backward.heap.push(SearchEntry(key: dy + list.rc[i] + shift, owner: Int32(yn), cursor: Int32(i)))
        } else if !list.complete {
            backward.heap.push(SearchEntry(key: dy + list.threshold + 1 + shift, owner: Int32(yn), beyond: Int32(i)))
        }
    }

    private func advanceChildIn(_ e: SearchEntry) {
        let b = backward
        let yn = Int(e.node), y = yn - 1 - net.momCount, i = e.position
        let dy = b.dist[yn]
        // The base reduced cost the entry stands for.
        let base = e.key - dy + delta(yn) + b.fall
        let old = b.childArcs.lists[y]!
        if e.isBeyond {
            b.childArcs.lists[y] = ChildInArcs.build(net, child: y, threshold: max(2 * old.threshold, base))
            pushChildArc(y, i, dy)
            return
        }
        // The arcs of the same key are read now, one after the other (as `readMomArcs` does).
        let shift = -delta(yn) - b.fall
        var j = i
        while true {
            let x = Int(old.mom[j]), xn = net.momNode(x)
            // A listed arc leaves out the optimal pairing's pairs (`hasFlowListed`).
            if !hasFlowListed(mom: x, child: y) {
                let rc = base + delta(xn) - delta(yn)
                if y == forcedChild {
                    let f = net.inst.facts(mom: x, child: y)
                    if hasPairArc(x, y, f) { backRelax(xn, yn, dy, rc) }
                } else {
                    backRelax(xn, yn, dy, rc)
                }
            }
            j += 1
            guard j < old.rc.count, dy + old.rc[j] + shift <= e.key else { break }
        }
        pushChildArc(y, j, dy)
    }
}

/// The backward search's state (`AlternativeSearch.distanceFromGround`): flat buffers by node,
/// cleared through the nodes reached, and the children's lists of arcs in.
final class BackwardSearchState {
    let dist: UnsafeMutableBufferPointer<Int64>
    /// The next node on the way to the target.
    let succ: UnsafeMutableBufferPointer<Int32>
    let isSettled: UnsafeMutableBufferPointer<Bool>
    var reached: [Int32] = []
    var heap = SearchHeap()
    var limit: Int64 = .max
    /// The largest fall of a node's potential in the current computation (≥ 0).
    var fall: Int64 = 0
    /// Nodes settled over all backward searches (work measure, added to the search's `settledNodes`).
    var settledCount = 0
    let childArcs: ChildInArcsCache

    init(nodes n: Int, children: Int) {
        dist = .filled(.max, count: n)
        succ = .filled(-1, count: n)
        isSettled = .filled(false, count: n)
        childArcs = ChildInArcsCache(childCount: children)
    }

    deinit { dist.deallocate(); succ.deallocate(); isSettled.deallocate() }

    func clear() {
        for v in reached {
            let i = Int(v)
            dist[i] = .max; succ[i] = -1; isSettled[i] = false
        }
        reached.removeAll(keepingCapacity: true)
        heap.removeAll()
    }
}

/// One child's arcs in from moms she is not paired with in the optimal pairing, whose reduced
/// cost under the optimal potentials is at most `threshold`, by reduced cost then mom: what a
/// backward search expanding her reads, cheapest first.
struct ChildInArcs {
    /// How far (in points of reduced cost) a child's list is first built (extended by doubling).
    static let firstThresholdPoints: Int64 = 2
    var threshold: Int64
    /// Every arc in is in the list.
    var complete: Bool
    var rc: [Int64]
    var mom: [Int32]

    /// Reads the moms' grid around child y: rc = −v + λ_x + λ_y ≥ per·d − fit + λ_x + λ_y
    /// (her continuity mom, whose bonus this bound leaves out, is read apart), cells nearest
    /// first, each cell's moms by increasing λ_x (`ResidualPairing.momCells`), up to `threshold`.
    static func build(_ net: ResidualPairing, child y: Int, threshold asked: Int64) -> ChildInArcs {
        let inst = net.inst
        let ly = -net.potential[net.childNode(y)]
        let per = inst.weights.perCentikm
        let highest = per * Int64(inst.maxReach) + net.highestMomDual + ly
        let t = min(asked, highest)
        let childMask = inst.interests.masks[y]
        let fitMax = childMask == 0 ? Int64(0) : inst.weights.fit
        let lowest = net.lowestMomDual
        var items: [(Int64, Int32)] = []
        func consider(_ x: Int, _ d: Int) {
            guard d <= Int(inst.momReach[x]), !net.isPaired(mom: x, child: y) else { return }
            let f = inst.facts(mom: x, child: y, centikm: d)
            let rc = -f.value + net.potential[net.momNode(x)] + ly
            if f.allowed && rc <= t { items.append((rc, Int32(x))) }
        }
        let room = t + fitMax - lowest - ly
        if room >= 0 {
            let radius = per > 0 ? Int(min(Int64(inst.maxReach), room / per)) : inst.maxReach
            let grid = inst.momGrid
            let cells = net.momCells
            let continuity = Int(inst.childPairedMom[y])
            if let q = grid.query(withinCentikm: radius, of: inst.childLocation[y]) {
                grid.forEachCellByRings(q, ring: { gap in per * Int64(gap) - fitMax + lowest + ly <= t }) { cell, nearest in
                    let cellFit = cells.masks[cell] & childMask != 0 ? fitMax : 0
                    let base = per * Int64(nearest) - cellFit + ly
                    for idx in Int(cells.first[cell])..<Int(cells.first[cell + 1]) {
                        let point = Int(cells.order[idx]), x = Int(inst.activeMoms[point])
                        let lx = net.potential[net.momNode(x)]
                        if base + lx > t { break }
                        if x == continuity { continue }
                        let f = inst.interests.shares(y, with: inst.skills, x) ? fitMax : 0
                        guard let near = grid.nearestCentikm(q, point), per * Int64(near) - f + lx + ly <= t else { continue }
                        let d = grid.centikm(q, point)
                        guard d <= q.limit else { continue }
                        consider(x, d)
                    }
                }
            }
            if continuity >= 0 { consider(continuity, Distance.centikm(inst.momLocation[continuity], inst.childLocation[y])) }
        }
        items.sort { $0 < $1 }
        return ChildInArcs(threshold: t, complete: t >= highest, rc: items.map(\.0), mom: items.map(\.1))
    }
}

/// The children's lists of arcs in (`ChildInArcs`), built lazily by one worker's searches (not
/// thread-safe: one per search).
final class ChildInArcsCache {
    var lists: [ChildInArcs?]
    init(childCount: Int) { lists = Array(repeating: nil, count: childCount) }
}

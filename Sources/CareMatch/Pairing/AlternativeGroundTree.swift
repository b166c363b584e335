/// Shortest reduced-cost distances from the ground in the optimal flow's own residual network,
/// with their tree: what lets an alternative search stop at the ground instead of settling the
/// network's plateau of zero reduced cost behind it (every mom with room is at distance 0 from
/// the ground, and so are the children and moms tied to them by tight pairs).
///
/// **Why a search may use it.** A search for child c (a fan-out, or the only path of a forced
/// lead) runs in a network that differs from the optimal flow's residual network only by arcs
/// incident to c, all of them removed (`AlternativeSearch`). A shortest path from the search's
/// sources to a target t either avoids the ground (the search finds it without expanding the
/// ground) or passes it once: then its length is `d(ground) + dist(ground ⇝ t)`, and
/// `dist(ground ⇝ t)` in the modified network is at least `distance[t]` (fewer arcs) and equals
/// it when t's tree path avoids c (`passesThrough`), since that path is in the modified network.
/// Where a tree path does pass c, or t lies beyond `cap`, the search expands the ground as
/// before: the tree is a shortcut, never an approximation.
struct AlternativeGroundTree: Sendable {
    /// Reduced distance from the ground, `Int64.max` beyond `cap`.
    let distance: [Int64]
    /// Tree predecessor (−1 for the ground and nodes beyond `cap`).
    let pred: [Int32]
    /// Distances are known up to `cap` (inclusive): a node without one is farther.
    let cap: Int64
    /// Preorder interval of each node in the tree (`enter == -1`: not in the tree).
    private let enter: [Int32]
    private let leave: [Int32]
    /// Nodes settled to build it (work measure).
    let settledNodes: Int
    /// The potentials were found not optimal while building it (then no search is exact).
    let invalid: Bool

    /// Every mom's sorted arcs up to `cap` (`MomArcs`), built on `threads` threads for the tree
    /// and handed to the searches, which extend them where they go farther.
    let momArcs: MomArcLists

    /// The deadline passed while the tree was built: it is empty, and no search may use it.
    let cutShort: Bool

    /// Builds the tree by one Dijkstra from the ground, up to `cap`; the moms' arc lists first,
    /// in parallel on `threads` threads. Stops early, empty and `cutShort`, when `deadline` passes.
    init(_ net: ResidualPairing, cap: Int64, threads: Int = 1, deadline: Deadline = .none) {
        let queue = WorkQueue(count: net.momCount)
        let lists = ResultSlots<MomArcs>(count: net.momCount)
        WorkerThreads.run(max(1, threads)) { _ in
            while !deadline.hasPassed, let m = queue.next() { lists.store(m, MomArcs.build(net, mom: m, threshold: cap)) }
        }
        momArcs = MomArcLists(lists.values)
        let search = AlternativeSearch(net, arcs: MomArcsCache(momArcs))
        let built = queue.left == 0 ? search.groundTree(upTo: cap, deadline: deadline) : nil
        cutShort = built == nil
        let nodes = 1 + net.momCount + net.childCount
        let tree = built ?? (distance: [Int64](repeating: .max, count: nodes), pred: [Int32](repeating: -1, count: nodes))
        distance = tree.distance
        pred = tree.pred
        self.cap = cap
        settledNodes = search.settledNodes
        invalid = search.invalid
        let n = distance.count
        // Children lists of the tree, then an iterative depth-first walk for the intervals.
        var first = [Int32](repeating: 0, count: n + 1)
        for v in 0..<n where pred[v] >= 0 { first[Int(pred[v]) + 1] += 1 }
        for v in 0..<n { first[v + 1] += first[v] }
        var fill = Array(first[0..<n])
        var kids = [Int32](repeating: 0, count: Int(first[n]))
        for v in 0..<n where pred[v] >= 0 {
            let p = Int(pred[v])
            kids[Int(fill[p])] = Int32(v)
            fill[p] += 1
        }
        var enter = [Int32](repeating: -1, count: n)
        var leave = [Int32](repeating: -1, count: n)
        var clock: Int32 = 0
        var stack: [(node: Int32, next: Int32)] = [(0, first[0])]
        enter[0] = 0
        clock = 1
        while let top = stack.last {
            let v = Int(top.node)
            if top.next < first[v + 1] {
                stack[stack.count - 1].next += 1
                let w = kids[Int(top.next)]
                enter[Int(w)] = clock
                clock += 1
                stack.append((w, first[Int(w)]))
            } else {
                leave[v] = clock
                stack.removeLast()
            }
        }
        self.enter = enter
        self.leave = leave
    }

    /// Whether the tree path from the ground to `node` passes through `via` (or `node == via`).
    @inline(__always) func passesThrough(_ node: Int, via: Int) -> Bool {
        let e = enter[via]
        guard e >= 0 else { return false }
        let t = enter[node]
        return t >= e && t < leave[via]
    }
}

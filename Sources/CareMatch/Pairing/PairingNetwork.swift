/// The restricted pairing model as a residual network with exact integer node potentials.
///
/// It is optimized in Swift by successive shortest paths, so that GLPK receives an optimal
/// spanning-tree basis (`PairingTreeBasis`) and only has to confirm it; see `Guides/Pairing.md`.
///
/// Nodes: 0 is the ground (the LP has no row for it: it supplies and absorbs any amount), mom m
/// is node `1 + m`, child c is node `1 + momCount + c`. Arcs come in pairs, `2k` forward and
/// `2k + 1` its reverse:
/// - ground → mom: capacity `cap_m`, cost 0 (its flow is the mom row's activity);
/// - mom → child: capacity 1, cost `−v(m,c)` (a pair column);
/// - child → ground: the lead slot (capacity 1, cost `−a_c`) and the support slots (capacity
///   `N_c`, cost `−b_c`).
///
/// Costs are minimized, i.e. values maximized. At all times the potentials `π` satisfy
/// reduced-cost optimality: `cost + π(tail) − π(head) ≥ 0` on every arc with residual capacity.
/// Nodes may carry an imbalance (`excess`), which `repair` routes to the nearest node of opposite
/// sign or to the ground along shortest paths of reduced cost, keeping the invariant; once every
/// node is balanced the flow is optimal for the arcs in the network. The LP duals of
/// `PairingDuals` are `λ_m = π(mom)` and `λ_c = −π(child)` (the child row is written with its
/// inflow positive).
struct PairingNetwork {
    let momCount: Int
    let childCount: Int
    var nodeCount: Int { first.count }

    private(set) var head: [Int32] = []
    private(set) var residual: [Int32] = []
    private(set) var cost: [Int64] = []
    private var next: [Int32] = []
    private var first: [Int32]
    private(set) var excess: [Int64]
    private(set) var potential: [Int64]
    /// Forward arc ground → mom per mom (-1 when her capacity is 0).
    private(set) var momArc: [Int32]
    /// Forward arcs child → ground per child: the lead slot and the support slots (-1 if none).
    private(set) var leadArc: [Int32]
    private(set) var supportArc: [Int32]
    /// Forward arc mom → child of each pair column, in the order of `PairColumns`.
    private(set) var pairArc: [Int32] = []

    // Search scratch, reused by every shortest-path search.
    private var distance: [Int64]
    private var pred: [Int32]
    private var settled: [Bool]
    private var touched: [Int32] = []
    private var settledList: [Int32] = []
    private var heap = NodeHeap()

    /// Shortest-path searches run and nodes they settled, over the network's life.
    private(set) var searches = 0
    private(set) var settledNodes = 0

    init(_ inst: PairingInstance) {
        momCount = inst.momCount
        childCount = inst.childCount
        let n = 1 + inst.momCount + inst.childCount
        first = [Int32](repeating: -1, count: n)
        excess = [Int64](repeating: 0, count: n)
        potential = [Int64](repeating: 0, count: n)
        distance = [Int64](repeating: .max, count: n)
        pred = [Int32](repeating: -1, count: n)
        settled = [Bool](repeating: false, count: n)
        momArc = [Int32](repeating: -1, count: inst.momCount)
        leadArc = [Int32](repeating: -1, count: inst.childCount)
        supportArc = [Int32](repeating: -1, count: inst.childCount)
        for m in 0..<inst.momCount where inst.momCapacity[m] > 0 {
            momArc[m] = addArc(from: 0, to: momNode(m), capacity: inst.momCapacity[m], cost: 0)
        }
    }

    @inline(__always) func momNode(_ m: Int) -> Int { 1 + m }
    @inline(__always) func childNode(_ c: Int) -> Int { 1 + momCount + c }
    /// Flow on a forward arc.
    @inline(__always) func flow(_ a: Int32) -> Int32 { residual[Int(a) ^ 1] }
    @inline(__always) func reducedCost(_ a: Int) -> Int64 {
        cost[a] + potential[Int(head[a ^ 1])] - potential[Int(head[a])]
    }

    private mutating func addArc(from u: Int, to v: Int, capacity: Int32, cost c: Int64) -> Int32 {
        let a = Int32(head.count)
        head.append(Int32(v)); residual.append(capacity); cost.append(c); next.append(first[u]); first[u] = a
        head.append(Int32(u)); residual.append(0); cost.append(-c); next.append(first[v]); first[v] = a + 1
        return a
    }

    /// Moves `delta` units along forward-or-reverse arc `a`.
    @inline(__always) private mutating func push(_ a: Int, _ delta: Int32) {
        residual[a] -= delta
        residual[a ^ 1] += delta
        excess[Int(head[a ^ 1])] -= Int64(delta)
        excess[Int(head[a])] += Int64(delta)
    }

    /// Adds the pair columns `cols[from...]`. A child new to the network takes her best set of
    /// moms at the current mom potentials (balanced, with a child potential in the interval its
    /// dual constraints leave); a pair added to a child already there is saturated when its
    /// reduced cost is negative. Moms left with more pairs than capacity carry a deficit.
    mutating func addPairs(_ inst: PairingInstance, _ cols: PairColumns, from start: Int) {
        var newChildren: [Int] = []
        for j in start..<cols.count {
            let m = Int(cols.mom[j]), c = Int(cols.child[j])
            if leadArc[c] == -1 {
                newChildren.append(c)
                let node = childNode(c)
                leadArc[c] = addArc(from: node, to: 0, capacity: 1, cost: -inst.leadReward(c))
                if inst.childSlots[c] > 1 {
                    supportArc[c] = addArc(from: node, to: 0, capacity: inst.childSlots[c] - 1, cost: -inst.supportReward(c))
                }
            }
            pairArc.append(addArc(from: momNode(m), to: childNode(c), capacity: 1, cost: -cols.value[j]))
        }
        var isNew = [Bool](repeating: false, count: childCount)
        for c in newChildren { isNew[c] = true }
        for j in start..<cols.count where !isNew[Int(cols.child[j])] {
            let a = Int(pairArc[j])
            if reducedCost(a) < 0 { push(a, 1) }
        }
        for c in newChildren { settleNewChild(inst, c) }
        // Mom rows take as much of their new load from the ground as capacity allows, where
        // that keeps the ground → mom arc optimal (potential 0).
        for m in 0..<momCount where momArc[m] >= 0 && excess[momNode(m)] < 0 && potential[momNode(m)] == 0 {
            let a = Int(momArc[m])
            let take = Int32(min(Int64(residual[a]), -excess[momNode(m)]))
            if take > 0 { push(a, take) }
        }
    }

    /// A new child's best response: her pairs sorted by `v − λ_m`, the lead taken when
    /// `a_c + gain > 0`, supporting moms while `b_c + gain > 0`; `λ_c` is set to the upper end of
    /// the interval the dual constraints of her arcs allow (see `PairingDuals`).
    private mutating func settleNewChild(_ inst: PairingInstance, _ c: Int) {
        let node = childNode(c)
        var arcs: [(gain: Int64, arc: Int32)] = []
        var b = first[node]
        while b != -1 {
            let a = Int(b) ^ 1
            if b & 1 == 1 && residual[a] > 0 {  // reverse of a mom → child arc at flow 0
                arcs.append((-cost[a] - potential[Int(head[Int(b)])], Int32(a)))
            }
            b = next[Int(b)]
        }
        arcs.sort { $0.gain != $1.gain ? $0.gain > $1.gain : $0.arc < $1.arc }
        let lead = inst.leadReward(c), support = inst.supportReward(c)
        let slots = Int(inst.childSlots[c])
        var k = 0
        if let g = arcs.first?.gain, lead + g > 0 { k = 1 }
        while k >= 1 && k < slots && k < arcs.count && support + arcs[k].gain > 0 { k += 1 }
        for i in 0..<k { push(Int(arcs[i].arc), 1) }
        if k >= 1 { push(Int(leadArc[c]), 1) }
        if k >= 2 { push(Int(supportArc[c]), Int32(k - 1)) }
        // λ_c: the smallest upper bound of its dual constraints.
        var upper = Int64.max
        if k >= 1 { upper = min(upper, arcs[k - 1].gain) } else { upper = min(upper, -lead) }
        if slots > 1 && k - 1 < slots - 1 { upper = min(upper, -support) }
        potential[node] = -upper
    }

    /// Routes every imbalance away: excesses forward to the nearest deficit or the ground,
    /// then remaining deficits backward from the ground, each along a shortest path of reduced
    /// cost, updating potentials so that optimality holds throughout.
    mutating func repair() throws {
        for v in 1..<nodeCount { while excess[v] > 0 { try search(from: v, forward: true) } }
        for v in 1..<nodeCount { while excess[v] < 0 { try search(from: v, forward: false) } }
    }

    /// One Dijkstra search from imbalanced node `s` (forward from an excess, backward from a
    /// deficit) that stops at the first node of opposite sign or the ground, then shifts the
    /// potentials of the nodes settled before it and augments along the path.
    private mutating func search(from s: Int, forward: Bool) throws {
        searches += 1
        distance[s] = 0
        touched.append(Int32(s))
        heap.push(0, Int32(s))
        var target = -1
        var reach: Int64 = 0
        while let (d, u32) = heap.pop() {
            let u = Int(u32)
            if settled[u] || d > distance[u] { continue }
            if u != s && (u == 0 || (forward ? excess[u] < 0 : excess[u] > 0)) {
                target = u; reach = d
                break
            }
            settled[u] = true
            settledList.append(u32)
            let pu = potential[u]
            var b = first[u]
            while b != -1 {
                let bi = Int(b)
                // Forward: arc b leaves u. Backward: its reverse leaves the neighbour into u.
                let a = forward ? bi : bi ^ 1
                if residual[a] > 0 {
                    let w = Int(head[bi])
                    let rc = forward ? cost[a] + pu - potential[w] : cost[a] + potential[w] - pu
                    let nd = d + rc
                    if nd < distance[w] {
                        if distance[w] == .max { touched.append(Int32(w)) }
                        distance[w] = nd
                        pred[w] = Int32(a)
                        heap.push(nd, Int32(w))
                    }
                }
                b = next[bi]
            }
            settledNodes += 1
        }
        defer {
            for v in touched { distance[Int(v)] = .max; settled[Int(v)] = false }
            touched.removeAll(keepingCapacity: true)
            settledList.removeAll(keepingCapacity: true)
            heap.removeAll()
        }
        guard target >= 0 else {
            throw PairingError.solverFailed("the pairing network has an imbalance at node \(s) with no path to balance it")
        }
        for v32 in settledList {
            let v = Int(v32)
            potential[v] += forward ? distance[v] - reach : reach - distance[v]
        }
        // The path: forward, from the target back along pred to s; backward, from the target
        // (an excess or the ground) along pred to s.
        var delta: Int64 = forward ? excess[s] : -excess[s]
        if target != 0 { delta = min(delta, forward ? -excess[target] : excess[target]) }
        var v = target
        while v != s {
            let a = Int(pred[v])
            delta = min(delta, Int64(residual[a]))
            v = Int(head[forward ? a ^ 1 : a])
        }
        v = target
        while v != s {
            let a = Int(pred[v])
            push(a, Int32(delta))
            v = Int(head[forward ? a ^ 1 : a])
        }
        excess[0] = 0
    }

    /// Moms with no pairs may have a negative potential; raising it to 0 (their LP price, as
    /// their row is not binding) keeps every reduced cost non-negative, since all their pair
    /// arcs are at flow 0.
    mutating func normalizeUnusedMoms() {
        for m in 0..<momCount where momArc[m] >= 0 && flow(momArc[m]) == 0 && potential[momNode(m)] < 0 {
            potential[momNode(m)] = 0
        }
    }

    /// The potentials as the LP duals of `PairingDuals` (λ_m = π, λ_c = −π), in units.
    func duals(_ inst: PairingInstance) -> PairingDuals {
        var d = PairingDuals(mom: (0..<momCount).map { potential[momNode($0)] },
                             child: (0..<childCount).map { -potential[childNode($0)] })
        for c in 0..<childCount where leadArc[c] == -1 { d.child[c] = -inst.leadReward(c) }
        return d
    }

    /// The most negative reduced cost of an arc with residual capacity, and the total imbalance
    /// of the nodes other than the ground: both 0 exactly when the flow is optimal for the
    /// arcs in the network with these potentials.
    func optimalityDefect() -> (reducedCost: Int64, imbalance: Int64) {
        var worst: Int64 = 0
        for a in 0..<head.count where residual[a] > 0 { worst = min(worst, reducedCost(a)) }
        var imbalance: Int64 = 0
        for v in 1..<nodeCount { imbalance += abs(excess[v]) }
        return (worst, imbalance)
    }

    /// Whether each pair column carries flow.
    func chosen() -> [Bool] { pairArc.map { flow($0) > 0 } }

    /// Recomputes the potentials as shortest distances of reduced cost from the ground over
    /// every node, so that the tight arcs form a spanning tree (used by `PairingTreeBasis`);
    /// returns the tree: per node, the arc that reaches it (-1 for the ground and unreached nodes).
    mutating func shortestPathTree() -> [Int32] {
        distance[0] = 0
        touched.append(0)
        heap.push(0, 0)
        var tree = [Int32](repeating: -1, count: nodeCount)
        while let (d, u32) = heap.pop() {
            let u = Int(u32)
            if settled[u] || d > distance[u] { continue }
            settled[u] = true
            tree[u] = u == 0 ? -1 : pred[u]
            let pu = potential[u]
            var b = first[u]
            while b != -1 {
                let a = Int(b)
                if residual[a] > 0 {
                    let w = Int(head[a])
                    let nd = d + cost[a] + pu - potential[w]
                    if nd < distance[w] {
                        if distance[w] == .max { touched.append(Int32(w)) }
                        distance[w] = nd
                        pred[w] = Int32(a)
                        heap.push(nd, Int32(w))
                    }
                }
                b = next[a]
            }
        }
        for v32 in touched {
            let v = Int(v32)
            if settled[v] { potential[v] += distance[v] }
            distance[v] = .max; settled[v] = false
        }
        touched.removeAll(keepingCapacity: true)
        heap.removeAll()
        return tree
    }
}

/// A binary min-heap of (key, node) with lazy deletion, for the Dijkstra searches.
struct NodeHeap {
    private var keys: [Int64] = []
    private var nodes: [Int32] = []

    mutating func removeAll() { keys.removeAll(keepingCapacity: true); nodes.removeAll(keepingCapacity: true) }

    mutating func push(_ key: Int64, _ node: Int32) {
        var i = keys.count
        keys.append(key); nodes.append(node)
        while i > 0 {
            let p = (i - 1) / 2
            if keys[p] < key || (keys[p] == key && nodes[p] <= node) { break }
            keys[i] = keys[p]; nodes[i] = nodes[p]
            i = p
        }
        keys[i] = key; nodes[i] = node
    }

    mutating func pop() -> (Int64, Int32)? {
        guard let topKey = keys.first else { return nil }
        let topNode = nodes[0]
        let lastKey = keys.removeLast(), lastNode = nodes.removeLast()
        let n = keys.count
        if n > 0 {
            var i = 0
            while true {
                var c = 2 * i + 1
                if c >= n { break }
                if c + 1 < n && (keys[c + 1] < keys[c] || (keys[c + 1] == keys[c] && nodes[c + 1] < nodes[c])) { c += 1 }
                if lastKey < keys[c] || (lastKey == keys[c] && lastNode <= nodes[c]) { break }
                keys[i] = keys[c]; nodes[i] = nodes[c]
                i = c
            }
            keys[i] = lastKey; nodes[i] = lastNode
        }
        return (topKey, topNode)
    }
}

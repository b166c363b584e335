/// The restricted pairing model as a residual network with exact integer node potentials.
///
/// It is optimized in Swift by successive shortest paths, so that GLPK receives an optimal
/// spanning-tree basis (`PairingTreeBasis`) and only has to confirm it; see `Guides/Pairing.md`.
///
/// Nodes: 0 is the ground (the LP has no row for it: it supplies and absorbs any amount), mom m
/// is node `1 + m`, child c is node `1 + momCount + c`. Every arc has a reverse arc (`reverse`):
/// - ground → mom: capacity `cap_m`, cost 0 (its flow is the mom row's activity);
/// - mom → child: capacity 1, cost `−v(m,c)` (a pair column);
/// - child → ground: the lead slot (capacity 1, cost `−a_c`) and the support slots (capacity
///   `N_c`, cost `−b_c`).
///
/// Arcs are stored by tail node (compressed rows), so a node's arcs are read contiguously.
/// Costs are minimized, i.e. values maximized. At all times the potentials `π` satisfy
/// reduced-cost optimality: `cost + π(tail) − π(head) ≥ 0` on every arc with residual capacity.
/// Nodes may carry an imbalance (`excess`), which `repair` routes to the nearest node of opposite
/// sign or to the ground along shortest paths of reduced cost, keeping the invariant; once every
/// node is balanced the flow is optimal for the arcs in the network. The LP duals of
/// `PairingDuals` are `λ_m = π(mom)` and `λ_c = −π(child)` (the child row is written with its
/// inflow positive).
final class PairingNetwork {
    let momCount: Int
    let childCount: Int
    let nodeCount: Int
    let arcCount: Int
    /// Settings whose arc costs could overflow `Int64` sums on this network (see
    /// `PairingWeights.magnitudeProblem`); `repair` and `costScale` refuse to run then.
    private let magnitudeProblem: (key: String, message: String)?

    /// Arcs of node v: `start[v]..<start[v+1]`.
    private let start: UnsafeMutableBufferPointer<Int32>
    let head: UnsafeMutableBufferPointer<Int32>
    let reverse: UnsafeMutableBufferPointer<Int32>
    let residual: UnsafeMutableBufferPointer<Int32>
    private let cost: UnsafeMutableBufferPointer<Int64>
    private let excess: UnsafeMutableBufferPointer<Int64>
    private let potential: UnsafeMutableBufferPointer<Int64>
    /// Arc ground → mom per mom (-1 when her capacity is 0).
    private(set) var momArc: [Int32]
    /// Arcs child → ground per child: the lead slot and the support slots (-1 if none).
    private(set) var leadArc: [Int32]
    private(set) var supportArc: [Int32]
    /// Arc mom → child of each pair column, in the order of `PairColumns`.
    private(set) var pairArc: [Int32]

    // Search scratch, reused by every shortest-path search.
    private let distance: UnsafeMutableBufferPointer<Int64>
    private let pred: UnsafeMutableBufferPointer<Int32>
    private let settled: UnsafeMutableBufferPointer<Bool>
    private var touched: [Int32] = []
    private var settledList: [Int32] = []
    private var heap = NodeHeap()

    /// The largest reduced-cost violation of a new pair saturated by the warm start.
    private var warmViolation: Int64 = 0
    /// Shortest-path searches run and nodes they settled.
    private(set) var searches = 0
    private(set) var settledNodes = 0

    /// Builds the network of the pairs `cols` and its starting point: every mom at potential 0
    /// (λ_m = 0), every child taking her best set of moms at those potentials (sorted by value,
    /// the lead taken when `a_c + v > 0`, supporting moms while `b_c + v > 0`) with a child
    /// potential in the interval her dual constraints leave. Children are then balanced and
    /// every reduced cost is non-negative; moms with more pairs than capacity carry a deficit
    /// that `repair` removes.
    ///
    /// With `previous` (the state of the optimized network of the first `previous.pairFlow.count`
    /// columns), its flow and potentials are taken over instead, and each new pair of a child already
    /// there is saturated when its reduced cost is negative (a warm start).
    init(_ inst: PairingInstance, _ cols: PairColumns, previous: WarmStart? = nil) {
        momCount = inst.momCount
        childCount = inst.childCount
        nodeCount = 1 + inst.momCount + inst.childCount
        magnitudeProblem = inst.magnitudeProblem
        let n = nodeCount
        let childNode = { (c: Int) in 1 + inst.momCount + c }
        var inModel = [Bool](repeating: false, count: inst.childCount)
        for j in 0..<cols.count { inModel[Int(cols.child[j])] = true }
        // Arc pairs: (tail, head, capacity, cost).
        var degree = [Int32](repeating: 0, count: n + 1)
        var pairs = 0
        for m in 0..<inst.momCount where inst.momCapacity[m] > 0 { degree[0] += 1; degree[1 + m] += 1; pairs += 1 }
        for j in 0..<cols.count { degree[1 + Int(cols.mom[j])] += 1; degree[childNode(Int(cols.child[j]))] += 1; pairs += 1 }
        for c in 0..<inst.childCount where inModel[c] {
            let slots = inst.childSlots[c] > 1 ? 2 : 1
            degree[childNode(c)] += Int32(slots); degree[0] += Int32(slots); pairs += slots
        }
        arcCount = 2 * pairs
        start = .allocate(capacity: n + 1)
        var s: Int32 = 0
        for v in 0..<n { start[v] = s; s += degree[v] }
        start[n] = s
        head = .allocate(capacity: arcCount); reverse = .allocate(capacity: arcCount)
        residual = .allocate(capacity: arcCount); cost = .allocate(capacity: arcCount)
        excess = .filled(0, count: n)
        potential = .filled(0, count: n)
        distance = .filled(.max, count: n)
        pred = .filled(-1, count: n)
        settled = .filled(false, count: n)
        var fill = Array(start[0..<n])
        func add(_ u: Int, _ v: Int, _ capacity: Int32, _ c: Int64) -> Int32 {
            let a = Int(fill[u]), b = Int(fill[v])
            fill[u] += 1; fill[v] += 1
            head[a] = Int32(v); reverse[a] = Int32(b); residual[a] = capacity; cost[a] = c
            head[b] = Int32(u); reverse[b] = Int32(a); residual[b] = 0; cost[b] = -c
            return Int32(a)
        }
        pairArc = [Int32](repeating: -1, count: cols.count)
        momArc = [Int32](repeating: -1, count: inst.momCount)
        leadArc = [Int32](repeating: -1, count: inst.childCount)
        supportArc = [Int32](repeating: -1, count: inst.childCount)
        for m in 0..<inst.momCount where inst.momCapacity[m] > 0 {
            momArc[m] = add(0, 1 + m, inst.momCapacity[m], 0)
        }
        for j in 0..<cols.count {
            pairArc[j] = add(1 + Int(cols.mom[j]), childNode(Int(cols.child[j])), 1, -cols.value[j])
        }
        for c in 0..<inst.childCount where inModel[c] {
            leadArc[c] = add(childNode(c), 0, 1, -inst.leadReward(c))
            if inst.childSlots[c] > 1 {
                supportArc[c] = add(childNode(c), 0, inst.childSlots[c] - 1, -inst.supportReward(c))
            }
        }
        var isNew = inModel
        if let old = previous {
            for v in 0..<n { potential[v] = old.potential[v] }
            for m in 0..<inst.momCount where momArc[m] >= 0 && old.momFlow[m] > 0 { push(Int(momArc[m]), old.momFlow[m]) }
            for c in 0..<inst.childCount where old.inModel[c] {
                isNew[c] = false
                if old.leadFlow[c] > 0 { push(Int(leadArc[c]), 1) }
                if supportArc[c] >= 0 && old.supportFlow[c] > 0 { push(Int(supportArc[c]), old.supportFlow[c]) }
            }
            for j in 0..<old.pairFlow.count where old.pairFlow[j] { push(Int(pairArc[j]), 1) }
            for j in old.pairFlow.count..<cols.count where !isNew[Int(cols.child[j])] {
                let a = Int(pairArc[j])
                let rc = reducedCost(a)
                if rc < 0 { push(a, 1); warmViolation = max(warmViolation, -rc) }
            }
        }
        for c in 0..<inst.childCount where isNew[c] { settleChild(inst, c) }
        // Mom rows take their load from the ground up to capacity (potential 0 keeps both
        // directions of that arc optimal); the rest is a deficit.
        for m in 0..<inst.momCount where momArc[m] >= 0 && excess[1 + m] < 0 {
            let a = Int(momArc[m])
            let take = Int32(min(Int64(residual[a]), -excess[1 + m]))
            if take > 0 { push(a, take) }
        }
    }

    /// The flow and potentials of an optimized network, all a warm start needs: taken before the
    /// next round's network is built, so that the two networks never coexist (at scale 100 the
    /// networks hold tens of millions of arcs).
    struct WarmStart {
        let potential: [Int64]
        let momFlow: [Int32]
        let inModel: [Bool]
        let leadFlow: [Int32]
        let supportFlow: [Int32]
        let pairFlow: [Bool]
    }

    /// This network's `WarmStart`.
    func warmStart() -> WarmStart {
        WarmStart(potential: Array(potential),
                  momFlow: momArc.map { $0 >= 0 ? flow($0) : 0 },
                  inModel: leadArc.map { $0 >= 0 },
                  leadFlow: leadArc.map { $0 >= 0 ? flow($0) : 0 },
                  supportFlow: supportArc.map { $0 >= 0 ? flow($0) : 0 },
                  pairFlow: pairArc.map { flow($0) > 0 })
    }

    deinit {
        start.deallocate(); head.deallocate(); reverse.deallocate(); residual.deallocate(); cost.deallocate()
        excess.deallocate(); potential.deallocate(); distance.deallocate(); pred.deallocate(); settled.deallocate()
    }

    @inline(__always) func momNode(_ m: Int) -> Int { 1 + m }
    @inline(__always) func childNode(_ c: Int) -> Int { 1 + momCount + c }
    @inline(__always) func tail(_ a: Int) -> Int { Int(head[Int(reverse[a])]) }
    /// Flow on a forward arc.
    @inline(__always) func flow(_ a: Int32) -> Int32 { residual[Int(reverse[Int(a)])] }
    @inline(__always) func reducedCost(_ a: Int) -> Int64 { cost[a] + potential[tail(a)] - potential[Int(head[a])] }

    /// Moves `delta` units along arc `a`, whose tail `v` the caller knows (saves two loads).
    @inline(__always) private func push(_ a: Int, from v: Int, _ delta: Int32) {
        residual[a] -= delta
        residual[Int(reverse[a])] += delta
        excess[v] -= Int64(delta)
        excess[Int(head[a])] += Int64(delta)
    }

    /// Moves `delta` units along arc `a`.
    @inline(__always) private func push(_ a: Int, _ delta: Int32) {
        residual[a] -= delta
        residual[Int(reverse[a])] += delta
        excess[tail(a)] -= Int64(delta)
        excess[Int(head[a])] += Int64(delta)
    }

    /// A child's best response to the mom potentials; `λ_c` is set to the upper end of the
    /// interval the dual constraints of her arcs allow (see `PairingDuals`).
    private func settleChild(_ inst: PairingInstance, _ c: Int) {
        let node = childNode(c)
        var arcs: [(gain: Int64, arc: Int32)] = []
        for b in Int(start[node])..<Int(start[node + 1]) where head[b] != 0 {
            let a = Int(reverse[b])  // the mom → child arc, at flow 0
            arcs.append((-cost[a] - potential[Int(head[b])], Int32(a)))
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
        var upper = k >= 1 ? arcs[k - 1].gain : -lead
        if slots > 1 && k - 1 < slots - 1 { upper = min(upper, -support) }
        potential[node] = -upper
    }

    /// Routes every imbalance away: excesses forward to the nearest deficit or the ground,
    /// then remaining deficits backward from the ground, each along a shortest path of reduced
    /// cost, updating potentials so that optimality holds throughout.
    /// Throws the settings error (exit status 1, like any invalid input) when the arc costs are
    /// too large for exact `Int64` arithmetic: overflow is a status, never a trap.
    private func refuseOverflow() throws {
        if let p = magnitudeProblem {
            throw InvalidInput([.error(DatasetFile.settings, column: p.key, p.message)])
        }
    }

    /// Returns false, leaving the network unbalanced, when `deadline` passed first (checked
    /// every 256 searches).
    @discardableResult
    func repair(until deadline: Deadline = .none) throws -> Bool {
        try refuseOverflow()
        for forward in [true, false] {
            for v in 1..<nodeCount {
                while forward ? excess[v] > 0 : excess[v] < 0 {
                    if searches & 255 == 0 && deadline.hasPassed { return false }
                    try search(from: v, forward: forward)
                }
            }
        }
        return true
    }

    /// One Dijkstra search from imbalanced node `s` (forward from an excess, backward from a
    /// deficit) that stops at the first node of opposite sign or the ground, then shifts the
    /// potentials of the nodes settled before it and augments along the path.
    private func search(from s: Int, forward: Bool) throws {
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
            for b in Int(start[u])..<Int(start[u + 1]) {
                // Forward: arc b leaves u. Backward: its reverse enters u from the neighbour.
                let a = forward ? b : Int(reverse[b])
                guard residual[a] > 0 else { continue }
                let w = Int(head[b])
                let nd = d + (forward ? cost[a] + pu - potential[w] : cost[a] + potential[w] - pu)
                if nd < distance[w] {
                    if distance[w] == .max { touched.append(Int32(w)) }
                    distance[w] = nd
                    pred[w] = Int32(a)
                    heap.push(nd, Int32(w))
                }
            }
        }
        settledNodes += settledList.count
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
        // Forward, the path runs from s to the target; backward, from the target (an excess or
        // the ground) to s. Either way pred leads from the target back to s.
        var delta: Int64 = forward ? excess[s] : -excess[s]
        if target != 0 { delta = min(delta, forward ? -excess[target] : excess[target]) }
        var v = target
        while v != s {
            let a = Int(pred[v])
            delta = min(delta, Int64(residual[a]))
            v = forward ? tail(a) : Int(head[a])
        }
        v = target
        while v != s {
            let a = Int(pred[v])
            push(a, Int32(delta))
            v = forward ? tail(a) : Int(head[a])
        }
    }

    /// Moms with no pairs may have a negative potential; raising it to 0 (their LP price, as
    /// their row is not binding) keeps every reduced cost non-negative, since all their pair
    /// arcs are at flow 0.
    func normalizeUnusedMoms() {
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

    /// Whether pair column `j` carries flow or has reduced cost 0 (every tree arc does).
    func isTightOrUsed(_ j: Int) -> Bool {
        let a = pairArc[j]
        return flow(a) > 0 || reducedCost(Int(a)) == 0
    }

    /// Recomputes the potentials as shortest distances of reduced cost from the ground over
    /// every node, so that the tight arcs form a spanning tree (used by `PairingTreeBasis`);
    /// returns the tree: per node, the arc that reaches it (-1 for the ground and unreached nodes).
    func shortestPathTree() -> [Int32] {
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
            for a in Int(start[u])..<Int(start[u + 1]) where residual[a] > 0 {
                let w = Int(head[a])
                let nd = d + cost[a] + pu - potential[w]
                if nd < distance[w] {
                    if distance[w] == .max { touched.append(Int32(w)) }
                    distance[w] = nd
                    pred[w] = Int32(a)
                    heap.push(nd, Int32(w))
                }
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

extension PairingNetwork {
    /// Removes every imbalance by cost scaling (push–relabel with ε-scaling, Goldberg's method)
    /// instead of shortest paths, for a warm network whose new pairs break optimality in many
    /// places at once. Costs are multiplied by `n + 1`, so ε = 1 at the end means the flow is
    /// optimal; exact integer potentials are then recovered by rounding down and correcting
    /// along residual arcs (label correcting), which keeps every reduced cost non-negative.
    /// Once ε is below one unit, each refine is followed by that recovery with a work budget:
    /// when it succeeds the flow is proven optimal and the remaining refines are skipped
    /// (measured: it succeeds after 3–5 of the log₂ n refines below one unit).
    /// Returns false, leaving neither flow nor potentials usable, when `deadline` passed first
    /// (checked at each refine and every 4,096 nodes taken off its queue).
    @discardableResult
    func costScale(until deadline: Deadline = .none) throws -> Bool {
        try refuseOverflow()
        let n = nodeCount
        let scale = Int64(n + 1)
        // Saturate the arcs that violate optimality now, and find the largest violation.
        var worst = warmViolation
        for a in 0..<arcCount where residual[a] > 0 {
            let rc = reducedCost(a)
            if rc < 0 { worst = max(worst, -rc); push(a, residual[a]) }
        }
        var imbalanced = false
        for v in 0..<n where excess[v] != 0 { imbalanced = true; break }
        guard imbalanced else { return true }
        for v in 0..<n { potential[v] *= scale }
        // α = 2 measured fewest relabels on warm rounds (30.7 M at α = 4, 46.7 M at α = 8, scale 3).
        let alpha: Int64 = 2
        var epsilon = max(1, worst * scale / alpha)
        let current = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
        let queued = UnsafeMutableBufferPointer<Bool>.allocate(capacity: n)
        // Costs in the scaled units, once per call rather than at every arc scanned (the
        // multiplication with its overflow check was a tenth of the refines' time).
        let scaled = UnsafeMutableBufferPointer<Int64>.allocate(capacity: arcCount)
        defer { current.deallocate(); queued.deallocate(); scaled.deallocate() }
        for a in 0..<arcCount { scaled[a] = cost[a] * scale }
        var queue: [Int32] = []
        while true {
            // Refine: make the pseudoflow 0-optimal, then push–relabel to ε-optimal and balanced.
            if deadline.hasPassed { return false }
            for u in 0..<n {
                let pu = potential[u]
                for a in Int(start[u])..<Int(start[u + 1]) where residual[a] > 0 && scaled[a] + pu - potential[Int(head[a])] < 0 {
                    push(a, from: u, residual[a])
                }
            }
            queue.removeAll(keepingCapacity: true)
            for v in 0..<n {
                current[v] = start[v]
                queued[v] = excess[v] > 0
                if excess[v] > 0 { queue.append(Int32(v)) }
            }
            var qi = 0
            while qi < queue.count {
                let v = Int(queue[qi]); qi += 1
                if qi & 4095 == 0 && deadline.hasPassed { return false }
                queued[v] = false
                let end = Int(start[v + 1])
                while excess[v] > 0 {
                    var a = Int(current[v])
                    let pv = potential[v]
                    while a < end {
                        if residual[a] > 0 {
                            let w = Int(head[a])
                            if scaled[a] + pv - potential[w] < 0 {
                                let delta = Int32(min(Int64(residual[a]), excess[v]))
                                push(a, from: v, delta)
                                if excess[w] > 0 && !queued[w] { queued[w] = true; queue.append(Int32(w)) }
                                if excess[v] == 0 { break }
                            }
                        }
                        a += 1
                    }
                    current[v] = Int32(a)
                    if excess[v] > 0 {
                        // Relabel: the smallest drop that makes an arc admissible while every
                        // residual arc stays ε-optimal.
                        var best = Int64.min
                        for b in Int(start[v])..<end where residual[b] > 0 {
                            best = max(best, potential[Int(head[b])] - scaled[b])
                        }
                        guard best != .min else {
                            throw PairingError.solverFailed("the pairing network has an excess at node \(v) with no residual arc")
                        }
                        potential[v] = best - epsilon
                        current[v] = start[v]
                    }
                }
                if qi > 4096 && qi * 2 > queue.count { queue.removeFirst(qi); qi = 0 }
            }
            if epsilon == 1 { break }
            // Below one unit the balanced flow is often optimal already: try to prove it.
            if epsilon <= scale && exactPotentials(scale: scale, budget: 4 * n, queue: &queue, queued: queued) { return true }
            epsilon = max(1, epsilon / alpha)
        }
        _ = exactPotentials(scale: scale, budget: nil, queue: &queue, queued: queued)
        return true
    }

    /// Exact potentials for the balanced flow: the scaled potentials rounded down to units,
    /// then heads of arcs still violated lowered until none is (label correcting), and the
    /// ground brought back to 0. With ε = 1 the flow is optimal, no negative cycle exists and
    /// this ends; with a larger ε it may not, so after more than `budget` nodes taken off the
    /// queue the scaled potentials are restored and false is returned.
    private func exactPotentials(scale: Int64, budget: Int?, queue: inout [Int32], queued: UnsafeMutableBufferPointer<Bool>) -> Bool {
        let n = nodeCount
        let saved = budget == nil ? nil : Array(potential)
        for v in 0..<n { potential[v] = potential[v] >= 0 ? potential[v] / scale : -((-potential[v] + scale - 1) / scale) }
        queue.removeAll(keepingCapacity: true)
        for v in 0..<n { queued[v] = true; queue.append(Int32(v)) }
        var qi = 0, popped = 0
        while qi < queue.count {
            let u = Int(queue[qi]); qi += 1
            popped += 1
            if let limit = budget, let saved, popped > limit {
                for v in 0..<n { potential[v] = saved[v]; queued[v] = false }
                return false
            }
            queued[u] = false
            let pu = potential[u]
            for a in Int(start[u])..<Int(start[u + 1]) where residual[a] > 0 {
                let w = Int(head[a])
                if cost[a] + pu - potential[w] < 0 {
                    potential[w] = cost[a] + pu
                    if !queued[w] { queued[w] = true; queue.append(Int32(w)) }
                }
            }
            if qi > 4096 && qi * 2 > queue.count { queue.removeFirst(qi); qi = 0 }
        }
        let ground = potential[0]
        if ground != 0 { for v in 0..<n { potential[v] -= ground } }
        return true
    }
}

/// A binary min-heap of (key, node) with lazy deletion, for the Dijkstra searches. Ties go to
/// the smaller node, so searches are deterministic.
struct NodeHeap {
    private var keys: [Int64] = []
    private var nodes: [Int32] = []

    mutating func removeAll() { keys.removeAll(keepingCapacity: true); nodes.removeAll(keepingCapacity: true) }

    mutating func push(_ key: Int64, _ node: Int32) {
        var i = keys.count
        keys.append(key); nodes.append(node)
        keys.withUnsafeMutableBufferPointer { k in
            nodes.withUnsafeMutableBufferPointer { n in
                while i > 0 {
                    let p = (i - 1) / 2
                    if k[p] < key || (k[p] == key && n[p] <= node) { break }
                    k[i] = k[p]; n[i] = n[p]
                    i = p
                }
                k[i] = key; n[i] = node
            }
        }
    }

    mutating func pop() -> (Int64, Int32)? {
        guard let topKey = keys.first else { return nil }
        let topNode = nodes[0]
        let lastKey = keys.removeLast(), lastNode = nodes.removeLast()
        let count = keys.count
        guard count > 0 else { return (topKey, topNode) }
        keys.withUnsafeMutableBufferPointer { k in
            nodes.withUnsafeMutableBufferPointer { n in
                var i = 0
                while true {
                    var c = 2 * i + 1
                    if c >= count { break }
                    if c + 1 < count && (k[c + 1] < k[c] || (k[c + 1] == k[c] && n[c + 1] < n[c])) { c += 1 }
                    if lastKey < k[c] || (lastKey == k[c] && lastNode <= n[c]) { break }
                    k[i] = k[c]; n[i] = n[c]
                    i = c
                }
                k[i] = lastKey; n[i] = lastNode
            }
        }
        return (topKey, topNode)
    }
}

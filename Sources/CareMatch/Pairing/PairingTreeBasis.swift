import GLPK

/// An optimal basis of the restricted pairing LP, built from the network's optimal flow.
///
/// Every basis of a network LP is a spanning tree (ground included), and a tree basis is optimal
/// when its arcs have reduced cost 0 and every arc outside it sits at a bound with a reduced
/// cost of the right sign. `PairingNetwork.shortestPathTree` recomputes the potentials as
/// shortest distances from the ground, so that the shortest-path tree consists of arcs with
/// reduced cost 0 while every residual reduced cost stays non-negative. Arcs strictly inside
/// their bounds must be basic (a mom row with capacity left, a child with some but not all
/// supporting moms); they join the tree first, then the shortest-path tree's arcs complete it
/// by union–find. Child rows are equations, so their slacks stay non-basic (fixed).
struct PairingTreeBasis {
    private var basicArc: [Bool]
    /// Children the tree did not reach (none in a correct run): their row slack is made basic
    /// so the basis stays valid, and GLPK's simplex repairs optimality.
    private var childSlackBasic: [Bool]
    /// LP nodes the shortest-path tree did not reach (0 in a correct run).
    private(set) var unreached = 0

    /// Builds the basis from an optimal network and its `shortestPathTree()`.
    init(_ net: PairingNetwork, tree: [Int32], _ inst: PairingInstance, _ lp: PairingLP) {
        basicArc = [Bool](repeating: false, count: net.arcCount)
        childSlackBasic = [Bool](repeating: false, count: inst.childCount)
        var parent = Array(Int32(0)..<Int32(net.nodeCount))
        func find(_ v: Int) -> Int {
            var r = v
            while Int(parent[r]) != r { r = Int(parent[r]) }
            var x = v
            while Int(parent[x]) != r { let nx = Int(parent[x]); parent[x] = Int32(r); x = nx }
            return r
        }
        func join(_ a: Int) {
            let u = find(net.tail(a)), v = find(Int(net.head[a]))
            guard u != v else { return }
            parent[u] = Int32(v)
            basicArc[min(a, Int(net.reverse[a]))] = true
        }
        for m in 0..<inst.momCount where lp.momRow[m] >= 0 {
            let a = net.momArc[m]
            if net.flow(a) < inst.momCapacity[m] { join(Int(a)) }
        }
        for c in 0..<inst.childCount where lp.childRow[c] >= 0 && net.supportArc[c] >= 0 {
            let a = net.supportArc[c], f = net.flow(a)
            if f > 0 && f < inst.childSlots[c] - 1 { join(Int(a)) }
        }
        for m in 0..<inst.momCount where lp.momRow[m] >= 0 {
            let v = net.momNode(m)
            if tree[v] >= 0 { join(Int(tree[v])) } else { join(Int(net.momArc[m])); unreached += 1 }
        }
        for c in 0..<inst.childCount where lp.childRow[c] >= 0 {
            let v = net.childNode(c)
            if tree[v] >= 0 { join(Int(tree[v])) } else { childSlackBasic[c] = true; unreached += 1 }
        }
    }

    /// Whether arc `a` of `net` (or its reverse) is basic.
    func isBasic(_ a: Int32, _ net: PairingNetwork) -> Bool { basicArc[min(Int(a), Int(net.reverse[Int(a)]))] }

    /// Sets the statuses of every row and column of `lp`, whose pair column `j` is the
    /// network's pair column `columns[j]`. Every network pair left out of `lp` must be at flow 0
    /// and outside the tree.
    func apply(to lp: PairingLP, _ net: PairingNetwork, _ inst: PairingInstance, columns: [Int32]) throws {
        let p = lp.problem
        for m in 0..<inst.momCount where lp.momRow[m] >= 0 {
            try p.setRowStatus(Int(lp.momRow[m]), isBasic(net.momArc[m], net) ? .basic : .upperBound)
        }
        for c in 0..<inst.childCount where lp.childRow[c] >= 0 {
            let lead = net.leadArc[c]
            try p.setColumnStatus(Int(lp.leadColumn[c]), isBasic(lead, net) ? .basic : net.flow(lead) > 0 ? .upperBound : .lowerBound)
            let sup = net.supportArc[c]
            if sup < 0 {
                try p.setColumnStatus(Int(lp.supportColumn[c]), .fixed)
            } else {
                let f = net.flow(sup)
                try p.setColumnStatus(Int(lp.supportColumn[c]), isBasic(sup, net) ? .basic : f > 0 ? .upperBound : .lowerBound)
            }
            try p.setRowStatus(Int(lp.childRow[c]), childSlackBasic[c] ? .basic : .fixed)
        }
        for j in 0..<lp.pairColumn.count {
            let a = net.pairArc[Int(columns[j])]
            try p.setColumnStatus(Int(lp.pairColumn[j]), isBasic(a, net) ? .basic : net.flow(a) > 0 ? .upperBound : .lowerBound)
        }
    }
}

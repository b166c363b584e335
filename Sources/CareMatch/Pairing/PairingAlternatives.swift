/// One row of `alternatives.csv`: a mom who could be a child's lead instead, and the exact change
/// of the whole pairing score if she were (everything else re-optimized).
public struct PairingAlternative: Sendable, Hashable {
    /// Dataset positions.
    public var child: Int
    public var mom: Int
    /// 1 = the best alternative of the child.
    public var rank: Int
    public var centikm: Int
    /// Score change in integer units of the pairing's `ScoreScale` (≤ 0: the plan is optimal).
    public var scoreChangeUnits: Int64
    /// Other children whose set of moms changes in that re-optimized pairing (positions, sorted
    /// by child id): the child who loses `mom` if she was full, and whoever the chain moves.
    public var changedChildren: [Int]
}

/// The best `k` alternative leads of every child (issue 15, item 3), exact.
public struct PairingAlternatives: Sendable {
    /// Rows by child id, then rank.
    public var rows: [PairingAlternative]
    /// Alternatives asked per child (`pairing.alternatives`).
    public var perChild: Int
    /// Children whose alternatives the plan's deadline left uncomputed.
    public var childrenNotComputed: Int
    /// False when the pairing was not proven optimal (e.g. cut short): no exact change exists then
    /// and no rows are given.
    public var exact: Bool
    /// Forced leads evaluated exactly, and nodes settled by their searches (work measures).
    public var forcedEvaluated: Int
    public var settledNodes: Int
    public var seconds: Double

    /// Computes the alternatives of every child of `dataset` from its proven pairing `solution`.
    ///
    /// For child c, every allowed mom m other than her lead is a candidate; `S(m)` is the set of
    /// c's current moms ranking above m. Candidates are taken by increasing lower bound
    /// (`AlternativeSearch.lowerBound`) and each is forced exactly (`AlternativeSearch.force`)
    /// within the budget left by the k-th best so far; the scan stops when the next lower bound
    /// exceeds the k-th best, so no better mom is missed. Ties: larger score change first, then
    /// smaller `mom_id`. Children are shared between two worker threads; each child's result
    /// depends only on the child, so the output does not depend on the threads.
    public static func compute(_ dataset: Dataset, _ solution: PairingSolution, perChild k: Int,
                               deadline: Deadline = .none, threads: Int = 2) -> PairingAlternatives {
        let clock = ContinuousClock()
        let start = clock.now
        let inst = PairingInstance(dataset: dataset)
        guard k > 0, solution.certificate.proven, dataset.children.count > 0 else {
            return PairingAlternatives(rows: [], perChild: k, childrenNotComputed: 0,
                                       exact: k == 0 || solution.certificate.proven || dataset.children.isEmpty,
                                       forcedEvaluated: 0, settledNodes: 0, seconds: 0)
        }
        let scale = inst.weights.scale
        let net = ResidualPairing(inst, pairs: solution.evaluation.pairs.map { ($0.child, $0.mom) },
                                  momDual: solution.momDual.map { scale.units($0) },
                                  childDual: solution.childDual.map { scale.units($0) })
        // Children by id, so rows come out in the file's order.
        let order = dataset.children.indices.sorted { dataset.children[$0].id.precedesInCodePoints(dataset.children[$1].id) }
        let queue = WorkQueue(count: order.count)
        let results = ResultSlots<[PairingAlternative]>(count: order.count)
        let stats = ResultSlots<(forced: Int, settled: Int, invalid: Bool)>(count: max(1, threads))
        WorkerThreads.run(max(1, threads)) { w in
            let search = AlternativeSearch(net)
            var forced = 0
            while !deadline.hasPassed, let i = queue.next() {
                let (rows, n) = alternatives(of: order[i], net, search, k: k, deadline: deadline)
                forced += n
                if let rows { results.store(i, rows) }
            }
            stats.store(w, (forced, search.settledNodes, search.invalid))
        }
        var rows: [PairingAlternative] = []
        var missing = 0
        for r in results.values {
            if let r { rows += r } else { missing += 1 }
        }
        let s = stats.values.compactMap { $0 }
        let invalid = s.contains { $0.invalid }
        return PairingAlternatives(rows: invalid ? [] : rows, perChild: k, childrenNotComputed: invalid ? order.count : missing,
                                   exact: !invalid, forcedEvaluated: s.reduce(0) { $0 + $1.forced },
                                   settledNodes: s.reduce(0) { $0 + $1.settled }, seconds: (clock.now - start).seconds)
    }

    /// The best `k` alternatives of child `c` (nil when the deadline passed before they were
    /// complete), and how many leads were forced exactly.
    static func alternatives(of c: Int, _ net: ResidualPairing, _ search: AlternativeSearch, k: Int,
                             deadline: Deadline = .none) -> ([PairingAlternative]?, Int) {
        let inst = net.inst
        var allowed: [(m: Int, f: PairingInstance.PairFacts)] = []
        inst.forEachAllowedMom(of: c, within: inst.maxReach) { m, f in allowed.append((m, f)) }
        // The child's current moms, best-ranked first; the first is her lead.
        var current = net.childMoms[c].map { Int($0) }.map { (m: $0, f: inst.facts(mom: $0, child: c)) }
        current.sort { net.ranksAbove($0.f, $0.m, $1.f, $1.m) }
        let lead = current.first?.m
        var candidates: [(lb: Int64, m: Int, f: PairingInstance.PairFacts, above: [Int])] = []
        candidates.reserveCapacity(allowed.count)
        for (m, f) in allowed where m != lead {
            let above = current.filter { $0.m != m && net.ranksAbove($0.f, $0.m, f, m) }.map(\.m)
            candidates.append((search.lowerBound(child: c, mom: m, facts: f, above: above), m, f, above))
        }
        let ids = inst.momIDs
        candidates.sort { $0.lb != $1.lb ? $0.lb < $1.lb : ids[$0.m].precedesInCodePoints(ids[$1.m]) }
        // Best so far: by cost, then mom id.
        var best: [(cost: Int64, m: Int, f: PairingInstance.PairFacts, changed: [Int])] = []
        var forced = 0
        for cand in candidates {
            if deadline.hasPassed { return (nil, forced) }
            let kth = best.count == k ? best[k - 1].cost : Int64.max
            if cand.lb > kth { break }
            let budget = kth == Int64.max ? Int64.max / 4 : kth - cand.lb
            forced += 1
            guard let out = search.force(child: c, mom: cand.m, facts: cand.f, above: cand.above, budget: budget) else {
                if search.invalid { return ([], forced) }
                continue
            }
            guard out.costUnits <= kth else { continue }
            let item = (cost: out.costUnits, m: cand.m, f: cand.f, changed: out.changedChildren)
            let at = best.firstIndex { item.cost < $0.cost || (item.cost == $0.cost && ids[item.m].precedesInCodePoints(ids[$0.m])) } ?? best.count
            best.insert(item, at: at)
            if best.count > k { best.removeLast() }
        }
        let childIDs = inst.childIDs
        let rows = best.enumerated().map { r, b in
            PairingAlternative(child: c, mom: b.m, rank: r + 1, centikm: b.f.centikm, scoreChangeUnits: -b.cost,
                               changedChildren: b.changed.sorted { childIDs[$0].precedesInCodePoints(childIDs[$1]) })
        }
        return (rows, forced)
    }
}

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
    /// Forced leads evaluated one by one, candidates answered by a child's fan-out search, and
    /// nodes settled by all searches (work measures).
    public var forcedEvaluated: Int
    public var fannedOut: Int
    /// Candidates whose exact change a flow attaining the distances' bound gave without a search,
    /// and candidates that bound ruled out (`AlternativePathBound`; work measures).
    public var answeredByBound = 0
    public var prunedByBound = 0
    /// Searches (forced paths and fan-out answers) that took their distance through the ground
    /// tree (`AlternativeGroundTree`) instead of expanding the ground.
    var throughGroundTree = 0
    /// Last paths of forced computations that met a backward search at the ground
    /// (`AlternativeLastPath.swift`) instead of expanding it.
    var metAtGround = 0
    public var settledNodes: Int
    public var seconds: Double
    /// True when `pairing.alternatives` asked for rows but `overrides.csv` locks a supporting mom
    /// or forbids a pair in a single role (`searchable` is false): the searches do not know those
    /// side rows, so none are computed, and the terminal and `summary.json` say so. Pairs
    /// forbidden in both roles and locked leads are searched; lines on the allocation leave the
    /// pairing as it is.
    public var skippedForPairOverrides = false

    /// Computes the alternatives of every child of `dataset` from its proven pairing `solution`.
    ///
    /// For child c, every allowed mom m other than her lead is a candidate; `S(m)` is the set of
    /// c's current moms ranking above m. Candidates are taken by increasing lower bound
    /// (`AlternativeSearch.lowerBound`) and each is evaluated exactly, by the child's one fan-out
    /// search where that is a single path (see `alternatives(of:)`), else forced
    /// (`AlternativeSearch.force`), within the budget left by the k-th best so far; the scan stops when the next lower bound
    /// exceeds the k-th best, so no better mom is missed. Ties: larger score change first, then
    /// smaller `mom_id`. Children are shared between two worker threads; each child's result
    /// depends only on the child, so the output does not depend on the threads.
    public static func compute(_ dataset: Dataset, _ solution: PairingSolution, perChild k: Int,
                               deadline: Deadline = .none, threads: Int = 2) -> PairingAlternatives {
        compute(dataset, solution, perChild: k, deadline: deadline, threads: threads, fanOut: true)
    }

    /// How far from the ground (in points) the shared ground tree is built.
    static let groundTreeCapPoints: Int64 = 2
    /// How far (in points) the distances' bound looks for a candidate before the k-th best is
    /// known (a candidate it cannot place within that is forced).
    static let firstBoundPoints: Int64 = 30

    /// Whether the searches can work under `dataset.overrides`: its pair lines are `forbid_pair`
    /// without a role (the pair is absent) or `lock_pair … lead` (the pair is fixed and the moms
    /// ranking above her are absent), which leave the pairing a network. A locked supporting mom
    /// and role-specific forbids add side rows the searches do not know.
    public static func searchable(_ dataset: Dataset) -> Bool {
        dataset.overrides.allSatisfy {
            !$0.kind.isPairing || ($0.kind == .forbidPair && $0.role == nil) || ($0.kind == .lockPair && ($0.role ?? .lead) == .lead)
        }
    }

    /// The pairs (`child · momCount + mom`) out of the network under `ov`'s searchable lines:
    /// those forbidden in both roles; for each locked lead, every other mom allowed for her child
    /// who ranks above her (`LeadRank`: she could not be the lead then); and every pair of a mom
    /// whose places are all taken by locked pairs, but those (she can take no other child, since
    /// she can drop none: no flow can use such an arc, and without it no forced lead is asked
    /// of her, which no plan could honour).
    static func forbiddenPairs(_ ov: ResolvedOverrides, _ inst: PairingInstance) -> Set<Int64> {
        let key = { (c: Int, m: Int) in Int64(c) * Int64(inst.momCount) + Int64(m) }
        var out = Set(ov.pairForbids.filter { $0.role == nil }.map { key($0.child, $0.mom) })
        let leads = ov.pairLocks.filter { $0.role == .lead }
        var lockedPlaces = [Int](repeating: 0, count: inst.momCount)
        for l in leads { lockedPlaces[l.mom] += 1 }
        for h in 0..<inst.momCount where lockedPlaces[h] > 0 && lockedPlaces[h] >= Int(inst.momCapacity[h]) {
            for c in 0..<inst.childCount where !inst.lockedPairs.contains(key(c, h)) { out.insert(key(c, h)) }
        }
        for l in leads {
            let fh = inst.facts(mom: l.mom, child: l.child)
            inst.forEachAllowedMom(of: l.child, within: inst.maxReach) { m, f in
                if m != l.mom && LeadRank.above(f, m, fh, l.mom, inst) { out.insert(key(l.child, m)) }
            }
        }
        return out
    }

    /// `compute`, with the fan-out searches turned off when `fanOut` is false (every candidate
    /// forced one by one: what the tests compare the fan-out with).
    static func compute(_ dataset: Dataset, _ solution: PairingSolution, perChild k: Int,
                        deadline: Deadline, threads: Int, fanOut: Bool) -> PairingAlternatives {
        let clock = ContinuousClock()
        let start = clock.now
        var inst = PairingInstance(dataset: dataset)
        guard k > 0, solution.certificate.proven, dataset.children.count > 0 else {
            return PairingAlternatives(rows: [], perChild: k, childrenNotComputed: 0,
                                       exact: k == 0 || solution.certificate.proven || dataset.children.isEmpty,
                                       forcedEvaluated: 0, fannedOut: 0, settledNodes: 0, seconds: 0)
        }
        // Under `overrides.csv` (the solution is then `OverridePairing`'s, proven under it): pairs
        // forbidden in both roles, and the moms ranking above a locked lead, are not in the
        // network; a locked pair's reverse arc is not either (`ResidualPairing.isLocked`), and a
        // child with a locked lead has no alternative. Other pair lines are not searched
        // (`searchable`).
        let ov = dataset.overrides.contains { $0.kind.isPairing } ? ResolvedOverrides(dataset) : nil
        let leads = ov?.pairLocks.filter { $0.role == .lead } ?? []
        let leadLocked = Set(leads.map(\.child))
        if let ov {
            inst.lockedPairs = Set(leads.map { Int64($0.child) * Int64(inst.momCount) + Int64($0.mom) })
            inst.forbiddenPairs = forbiddenPairs(ov, inst)
        }
        let scale = inst.weights.scale
        let net = ResidualPairing(inst, pairs: solution.evaluation.pairs.map { ($0.child, $0.mom) },
                                  momDual: solution.momDual.map { scale.units($0) },
                                  childDual: solution.childDual.map { scale.units($0) })
        // Children by id, so rows come out in the file's order.
        let order = dataset.children.indices.sorted { dataset.children[$0].id.precedesInCodePoints(dataset.children[$1].id) }
        let queue = WorkQueue(count: order.count)
        let results = ResultSlots<[PairingAlternative]>(count: order.count)
        let stats = ResultSlots<(forced: Int, fanned: Int, settled: Int, invalid: Bool, tree: Int, realized: Int, pruned: Int, met: Int)>(count: max(1, threads))
        // Distances from the ground, shared by every search (`AlternativeGroundTree`), up to a
        // cap: a search needing more expands the ground itself.
        let tree = fanOut ? AlternativeGroundTree(net, cap: groundTreeCapPoints * scale.unitsPerPoint, threads: threads, deadline: deadline) : nil
        if tree?.cutShort == true {
            // The deadline passed while the tree was built: no child was reached.
            return PairingAlternatives(rows: [], perChild: k, childrenNotComputed: order.count, exact: true,
                                       forcedEvaluated: 0, fannedOut: 0, settledNodes: tree?.settledNodes ?? 0,
                                       seconds: (clock.now - start).seconds)
        }
        WorkerThreads.run(max(1, threads)) { w in
            let arcs = tree.map { MomArcsCache($0.momArcs) } ?? MomArcsCache(momCount: net.momCount)
            let search = AlternativeSearch(net, ground: tree, arcs: arcs)
            // Without the fast paths, every forced path is a plain Dijkstra (what the tests compare with).
            search.meetsAtGround = fanOut
            let fan = fanOut ? AlternativeSearch(net, ground: tree, arcs: arcs) : nil
            let paths = fanOut ? AlternativePathBound(net, ground: tree, arcs: arcs) : nil
            var forced = 0, fanned = 0, realized = 0, pruned = 0
            while !deadline.hasPassed, let i = queue.next() {
                // Her lead is locked: no other mom may lead her.
                if leadLocked.contains(order[i]) { results.store(i, []); continue }
                let r = alternatives(of: order[i], net, search, fan, paths: paths, k: k, deadline: deadline)
                forced += r.forced
                fanned += r.fannedOut
                realized += r.realized
                pruned += r.pruned
                if let rows = r.rows { results.store(i, rows) }
            }
            stats.store(w, (forced, fanned, search.settledNodes + (fan?.settledNodes ?? 0) + (paths?.settledNodes ?? 0),
                            search.invalid || fan?.invalid == true || paths?.invalid == true,
                            search.throughGroundTree + (fan?.throughGroundTree ?? 0), realized, pruned, search.metAtGround))
        }
        var rows: [PairingAlternative] = []
        var missing = 0
        for r in results.values {
            if let r { rows += r } else { missing += 1 }
        }
        let s = stats.values.compactMap { $0 }
        let invalid = s.contains { $0.invalid } || tree?.invalid == true
        var out = PairingAlternatives(rows: invalid ? [] : rows, perChild: k, childrenNotComputed: invalid ? order.count : missing,
                                   exact: !invalid, forcedEvaluated: s.reduce(0) { $0 + $1.forced },
                                   fannedOut: s.reduce(0) { $0 + $1.fanned },
                                   settledNodes: s.reduce(tree?.settledNodes ?? 0) { $0 + $1.settled }, seconds: (clock.now - start).seconds)
        out.throughGroundTree = s.reduce(0) { $0 + $1.tree }
        out.metAtGround = s.reduce(0) { $0 + $1.met }
        out.answeredByBound = s.reduce(0) { $0 + $1.realized }
        out.prunedByBound = s.reduce(0) { $0 + $1.pruned }
        return out
    }

    /// One candidate lead of a child: `lb` orders and prunes (forced arcs plus `RefillBound`),
    /// `arcs` is `AlternativeSearch.lowerBound` (where the searches' budgets count from), `above`
    /// the child's moms ranking above m, `fan` whether the child's fan-out answers it, `index`
    /// her position in `ChildCandidates.allowed`.
    typealias Candidate = (lb: Int64, m: Int, f: PairingInstance.PairFacts, above: ArraySlice<Int>, fan: Bool, arcs: Int64, index: Int)

    /// The best `k` alternatives of child `c` (nil when the deadline passed before they were
    /// complete), how many leads were forced one by one, how many were answered by the
    /// child's fan-out search and how many by the distances' bound.
    ///
    /// **One search for many candidates.** Two kinds of candidate are a single path in the
    /// optimal flow's own residual network, so one Dijkstra from one source gives all of them
    /// (`AlternativeSearch.startFanOut`), each with the exact change `lowerBound + distance`:
    /// - *m ranks above every mom of c* (or c has none): forcing m adds m → c and removes only
    ///   arcs into c (the moms ranking above m, none of them c's). c has one unit too many, m one
    ///   too few; a shortest path from c never re-enters c, so the removed arcs and the fixed
    ///   m → c do not matter, and every other arc is as in the optimal flow.
    /// - *c has one mom h, wants no supporting mom (`1 + N_c = 1`), and m ranks below h*: h
    ///   loses c (one unit too many), m gains her (one too few), c keeps one mom. In the
    ///   modified network c has no arc out: her slot is full, her only mom m is fixed and the arc
    ///   from h is removed. So no path passes through c, and the network without c is the
    ///   optimal flow's residual network without c, the same for every such m: one search from h
    ///   that never enters c.
    /// Every other candidate (a child with supporting moms or room for them, and m below her lead)
    /// is first bounded from distances (`AlternativePathBound`, searches from each of c's moms
    /// shared by all her candidates): ruled out when the bound exceeds the budget, exact when
    /// the bound's pieces form a flow of the modified network (`AlternativeSearch.realize`: a
    /// feasible flow costing the lower bound is optimal), else forced one by one
    /// (`AlternativeSearch.force`). All kinds share the child's ranking and bounds, so the scan
    /// is the same as with forcing alone. A child with candidates of the last kind first takes
    /// her `k` nearest fanned candidates (`ChildCandidates.firstFanned`), so that her k-th best
    /// is usually known before her first forced lead is searched. A candidate whose distances'
    /// bound neither decides nor prunes her goes back into the scan at that bound
    /// (`ChildCandidates.putBack`), and is forced only when she is the nearest again.
    static func alternatives(of c: Int, _ net: ResidualPairing, _ search: AlternativeSearch, _ fan: AlternativeSearch?,
                             paths: AlternativePathBound? = nil,
                             k: Int, deadline: Deadline = .none) -> (rows: [PairingAlternative]?, forced: Int, fannedOut: Int, realized: Int, pruned: Int) {
        let inst = net.inst
        // What each mom of hers costs to place once freed, bounded within `firstBoundPoints`.
        let exitCap = firstBoundPoints * inst.weights.scale.unitsPerPoint
        var candidates = Self.candidates(of: c, net, fanOut: fan != nil,
                                         exit: fan == nil ? nil : { search.leastExit(from: $0, blocking: c, upTo: exitCap) })
        if search.invalid { return ([], 0, 0, 0, 0) }
        let (fanSource, current) = (candidates.fanSource, candidates.current)
        var pathsBegun = false
        let rank = net.momIDRank
        // Best so far: by cost, then mom id.
        var best: [(cost: Int64, m: Int, f: PairingInstance.PairFacts, changed: [Int])] = []
        var forced = 0, fannedOut = 0, realized = 0, pruned = 0
        var fanStarted = false
        func insert(_ item: (cost: Int64, m: Int, f: PairingInstance.PairFacts, changed: [Int])) {
            let at = best.firstIndex { item.cost < $0.cost || (item.cost == $0.cost && rank[item.m] < rank[$0.m]) } ?? best.count
            best.insert(item, at: at)
            if best.count > k { best.removeLast() }
        }
        // A fanned candidate's exact change, through the child's one fan-out search (started at
        // the first), if within `budget` beyond her forced arcs (an unreachable m voids the
        // computation: `invalid`).
        func fanned(_ cand: Candidate, _ fan: AlternativeSearch, within budget: Int64) -> (cost: Int64, m: Int, f: PairingInstance.PairFacts, changed: [Int])? {
            if !fanStarted {
                fan.startFanOut(from: fanSource, blocking: net.childNode(c),
                                targets: candidates.fanMoms.map { net.momNode($0) })
                fanStarted = true
            }
            fannedOut += 1
            guard let d = fan.fanOutDistance(to: net.momNode(cand.m), within: budget) else { return nil }
            return (cand.arcs + d, cand.m, cand.f, fan.fanOutChangedChildren(to: net.momNode(cand.m), except: c))
        }
        // A child whose scan would search without a budget (forced leads, the distances' bound
        // asked far) first takes her `k` nearest fanned candidates, within `firstBoundPoints`: one
        // search that often gives the k-th best before any forced lead is searched. Each is exact,
        // so the scan below only skips them.
        var early = Set<Int>()
        if let fan, candidates.hasOthers() {
            let limit = firstBoundPoints * inst.weights.scale.unitsPerPoint
            for cand in candidates.firstFanned(k, upTo: limit) {
                guard let item = fanned(cand, fan, within: limit - cand.arcs) else {
                    if fan.invalid { return ([], forced, fannedOut, realized, pruned) }
                    continue
                }
                early.insert(cand.m)
                insert(item)
            }
        }
        while let lb = candidates.nextBound() {
            if deadline.hasPassed { return (nil, forced, fannedOut, realized, pruned) }
            let kth = best.count == k ? best[k - 1].cost : Int64.max
            if lb > kth { break }
            guard let cand = candidates.next() else { break }
            if early.contains(cand.m) { continue }
            // The searches count from the forced arcs' bound (`AlternativeSearch.force`).
            let budget = kth == Int64.max ? Int64.max / 4 : kth - cand.arcs
            let item: (cost: Int64, m: Int, f: PairingInstance.PairFacts, changed: [Int])
            if cand.fan, let fan {
                guard let out = fanned(cand, fan, within: budget) else {
                    if fan.invalid { return ([], forced, fannedOut, realized, pruned) }
                    continue
                }
                item = out
            } else {
                // The distances' bound (`AlternativePathBound`): a candidate whose paths alone
                // exceed the budget is not forced, and one whose bound is attained by a flow is
                // exact without a search. Before the k-th best is known, asked within
                // `firstBoundPoints` (a candidate beyond that is forced).
                if let paths {
                    if !pathsBegun { paths.begin(child: c, current: current); pathsBegun = true }
                    let asked = kth == Int64.max ? firstBoundPoints * inst.weights.scale.unitsPerPoint : budget
                    // With the moms read so far, and more while it could need an arc from an unread one.
                    var verdict = AlternativePathBound.Verdict.unread
                    while case .unread = verdict, !paths.invalid {
                        paths.sync(candidates.allowed, unread: candidates.unreadArcBound)
                        verdict = paths.evaluate(mom: cand.m, facts: cand.f, above: cand.above, budget: asked, pieces: true)
                        if case .unread = verdict { candidates.readMore() }
                    }
                    if paths.invalid { return ([], forced, fannedOut, realized, pruned) }
                    switch verdict {
                    case .unread:
                        break
                    case .exceeds:
                        if kth != Int64.max { pruned += 1; continue }
                        if candidates.putBack(cand, key: max(cand.lb, cand.arcs + asked + 1)) { continue }
                    case .within(let value, let pieces):
                        if let pieces, let out = search.realize(child: c, mom: cand.m, facts: cand.f, above: cand.above, pieces: pieces),
                           out.costUnits == cand.arcs + value {
                            realized += 1
                            if out.costUnits <= kth { insert((out.costUnits, cand.m, cand.f, out.changedChildren)) }
                            continue
                        }
                        if candidates.putBack(cand, key: max(cand.lb, cand.arcs + value)) { continue }
                    }
                }
                forced += 1
                guard let out = search.force(child: c, mom: cand.m, facts: cand.f, above: cand.above, budget: budget) else {
                    if search.invalid { return ([], forced, fannedOut, realized, pruned) }
                    continue
                }
                item = (out.costUnits, cand.m, cand.f, out.changedChildren)
            }
            guard item.cost <= kth else { continue }
            insert(item)
        }
        let childIDs = inst.childIDs
        let rows = best.enumerated().map { r, b in
            PairingAlternative(child: c, mom: b.m, rank: r + 1, centikm: b.f.centikm, scoreChangeUnits: -b.cost,
                               changedChildren: b.changed.sorted { childIDs[$0].precedesInCodePoints(childIDs[$1]) })
        }
        return (rows, forced, fannedOut, realized, pruned)
    }
}

/// A lower bound of what child c's lost moms cost to make up, when a candidate's forcing takes
/// more moms from her than it gives.
///
/// The final flow minus the optimal one is a circulation on the optimal flow's residual arcs,
/// and its cost is its reduced cost, a sum of non-negative terms. At c it holds the forced
/// arcs (m → c unless m is already hers, and c → h for the moms h ranking above m), so it must
/// bring c `need = |S| − [m not hers]` more units over her other residual arcs into her: the
/// reverse of her slot arcs (she keeps fewer moms: levels k_c, k_c − 1, …) or pairs with moms
/// ranking below m that are not hers. Each is a distinct arc of reduced cost ≥ 0, so the sum of
/// the `need` smallest is a lower bound, added to `AlternativeSearch.lowerBound`; it orders and
/// prunes the candidates whose forcing takes several units (several successive shortest paths,
/// the expensive ones) before they are searched.
struct RefillBound {
    /// Reduced costs of c giving up her moms one slot at a time, ascending.
    private let slotDrops: [Int64]
    /// For the candidate at position i of `allowed`: the smallest reduced costs (up to `width`)
    /// of pairs of c with moms ranking below that candidate and not hers, ascending, at
    /// `below[i * width ..< (i + 1) * width]`, padded with `Int64.max` (one flat array: an array
    /// per candidate was an allocation each).
    private let below: [Int64]
    private let width: Int

    init(_ c: Int, _ net: ResidualPairing, allowed: [(m: Int, f: PairingInstance.PairFacts)], current: [Int]) {
        let pc = net.potential[net.childNode(c)]
        slotDrops = net.slotDrops(child: c)
        let width = current.count
        self.width = width
        guard width > 0 else { below = []; return }
        // Walk the candidates from the lowest-ranked up, keeping the smallest reduced costs seen.
        let rank = net.momIDRank
        // The lowest-ranked first (`ResidualPairing.ranksAbove` turned around: smaller value,
        // then farther, then larger id), sorted on compact keys.
        var keys = allowed.indices.map { (value: allowed[$0].f.value, far: -allowed[$0].f.centikm, id: -rank[allowed[$0].m], index: $0) }
        keys.sort { ($0.value, $0.far, $0.id) < ($1.value, $1.far, $1.id) }
        let order = keys.map(\.index)
        var out = [Int64](repeating: .max, count: allowed.count * width)
        var smallest = [Int64](repeating: .max, count: width)
        for i in order {
            for k in 0..<width { out[i * width + k] = smallest[k] }
            let (m, f) = allowed[i]
            guard !current.contains(m) else { continue }
            let rc = -f.value + net.potential[net.momNode(m)] - pc
            // Insert rc into the ascending `smallest`, dropping its largest.
            if rc < smallest[width - 1] {
                var k = width - 1
                while k > 0 && smallest[k - 1] > rc { smallest[k] = smallest[k - 1]; k -= 1 }
                smallest[k] = rc
            }
        }
        below = out
    }

    /// The sum of the `units` smallest reduced costs among the slot drops and the pairs below
    /// the candidate at position `i`; 0 when `units ≤ 0`.
    func cost(units: Int, below i: Int) -> Int64 {
        guard units > 0 else { return 0 }
        let a = slotDrops
        let start = i * width, end = start + width
        var sum: Int64 = 0
        var (x, y) = (0, start)
        for _ in 0..<units {
            let hasB = y < end && below[y] != .max
            if x < a.count, !hasB || a[x] <= below[y] { sum += a[x]; x += 1 }
            else if hasB { sum += below[y]; y += 1 }
            else { break }
        }
        return sum
    }
}

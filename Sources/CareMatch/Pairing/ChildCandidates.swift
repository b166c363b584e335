extension PairingAlternatives {
    /// A child's candidate leads (every allowed mom but her lead), taken by increasing `lb`,
    /// then mom id. The order is a binary heap of 16-byte keys and each `Candidate` is made only
    /// when the scan takes it: a child has hundreds of allowed moms (thousands at scale 10), and
    /// the scan usually stops after a few dozen.
    ///
    /// **Read lazily where nothing needs them all.** A child with no mom, or with a lone lead and
    /// no supporting mom wanted, has no refill bound, and the distances' bound never takes a piece
    /// into her for her candidates (each one it is asked about ranks above her lead, so it frees
    /// no mom of hers). Her moms are then read ring by ring of the moms' grid around her, only as
    /// far as the scan asks (`CandidateRings`): every mom not read yet is at least the next
    /// ring's distance away, which bounds her key from below, and a candidate is handed out only
    /// when no unread mom could come before her. The scan's order, its stopping rule and every
    /// answer are those of the full list; the fan-out's targets (`fanMoms`) are the moms read
    /// when it starts, which can change only which of several shortest paths it finds.
    struct ChildCandidates {
        /// The moms allowed for the child read so far (every one once `rings` is nil), with the
        /// pair's facts.
        private(set) var allowed: [(m: Int, f: PairingInstance.PairFacts)] = []
        /// The child's current moms, best-ranked first; the first is her lead.
        let current: [Int]
        /// The node her fan-out starts from (her lone lead, or herself).
        let fanSource: Int
        /// Her moms are read as the scan goes, not all at once.
        let readsLazily: Bool
        /// (lb, mom id rank, position in `allowed`) of the candidates not yet taken, a min-heap.
        private var heap: [(lb: Int64, rank: Int32, index: Int32)] = []
        /// By position in `allowed`: the forced arcs' bound, how many of her moms rank above,
        /// whether the fan-out answers it, the mom's id rank.
        private var arcs: [Int64] = []
        private var aboveCount: [UInt8] = []
        private var fan: [Bool] = []
        private var rankOf: [Int32] = []
        private let net: ResidualPairing
        private let child: Int
        /// Her moms with their pairs' facts, best-ranked first.
        private let ranked: [(m: Int, f: PairingInstance.PairFacts)]
        /// Her lead when it is her only mom and she wants no supporting mom (the fan-out's source).
        private let loneLead: Int?
        /// `freed[n]`: the reduced costs of her arcs to her `n` best-ranked moms, summed.
        private let freed: [Int64]
        /// `placing[n]`: what her `n` best-ranked moms cost to place once freed, summed.
        private let placing: [Int64]
        private let fanOut: Bool
        /// The moms not read yet (nil when every allowed mom is read).
        private var rings: CandidateRings?

        /// Child c's candidates (see `PairingAlternatives.candidates(of:)`); every allowed mom is
        /// read at once unless `lazily` and the child is of the kind described above, and
        /// distances cost something (otherwise nothing bounds the unread moms).
        init(child c: Int, _ net: ResidualPairing, fanOut: Bool, exit: ((Int) -> Int64)?, lazily: Bool) {
            let inst = net.inst
            self.net = net
            child = c
            self.fanOut = fanOut
            var ranked = net.childMoms[c].map { Int($0) }.map { (m: $0, f: inst.facts(mom: $0, child: c)) }
            ranked.sort { net.ranksAbove($0.f, $0.m, $1.f, $1.m) }
            self.ranked = ranked
            current = ranked.map(\.m)
            // The fan-out's source, if any: h for a lone lead with no support wanted, else c.
            loneLead = ranked.count == 1 && inst.childSlots[c] == 1 ? ranked[0].m : nil
            fanSource = loneLead.map { net.momNode($0) } ?? net.childNode(c)
            // The forced arcs' bound (`AlternativeSearch.lowerBound`): the arc m → c when m is not
            // hers, and c → h for each of her moms h ranking above m (a prefix of `ranked`).
            let pc = net.potential[net.childNode(c)]
            var freed: [Int64] = [0]
            for h in ranked { freed.append(freed[freed.count - 1] + h.f.value + pc - net.potential[net.momNode(h.m)]) }
            self.freed = freed
            // What the freed moms cost to place, summed over the prefix a candidate frees.
            var placing: [Int64] = [0]
            for h in ranked { placing.append(placing[placing.count - 1] + (exit?(h.m) ?? 0)) }
            self.placing = placing
            readsLazily = lazily && fanOut && inst.weights.perCentikm > 0 && (ranked.isEmpty || loneLead != nil)
            if readsLazily {
                // Her continuity mom first, if she is allowed (her bonus would otherwise weaken
                // the unread moms' bound by 30 points at the default weights): the rings skip her.
                let cm = Int(inst.childPairedMom[c])
                var apart = -1
                if cm >= 0 && inst.momCapacity[cm] > 0 {
                    let d = Distance.centikm(inst.childLocation[c], inst.momLocation[cm])
                    if d <= inst.maxReach && d <= Int(inst.momReach[cm]) {
                        apart = cm
                        add(cm, inst.facts(mom: cm, child: c, centikm: d), refill: nil, sift: true)
                    }
                }
                // Nil (nothing to read) when no mom is within her reach.
                rings = CandidateRings(child: c, net, readApart: apart)
                if rings?.done == true { rings = nil }
                return
            }
            var all: [(m: Int, f: PairingInstance.PairFacts)] = []
            inst.forEachAllowedMom(of: c, within: inst.maxReach) { m, f in all.append((m, f)) }
            // Only a child with two moms or more has candidates that take more than they give.
            let refill = current.count >= 2 ? RefillBound(c, net, allowed: all, current: current) : nil
            heap.reserveCapacity(all.count)
            for (m, f) in all { add(m, f, refill: refill, sift: false) }
            for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(i) }
        }

        /// Appends an allowed mom (at the next position of `allowed`) and, unless she is the
        /// child's lead, her key to the heap (sifted up, unless the heap is made at the end).
        private mutating func add(_ m: Int, _ f: PairingInstance.PairFacts, refill: RefillBound?, sift: Bool) {
            let i = allowed.count
            allowed.append((m, f))
            // Her moms ranking above m: a prefix of `ranked` (best-ranked first), m excluded.
            var n = 0
            while n < ranked.count && ranked[n].m != m && net.ranksAbove(ranked[n].f, ranked[n].m, f, m) { n += 1 }
            let isCurrent = current.contains(m)
            let single = !isCurrent && (loneLead != nil ? n == 1 && current[0] == loneLead! : n == 0)
            let a = (isCurrent ? 0 : -f.value + net.potential[net.momNode(m)] - net.potential[net.childNode(child)]) + freed[n]
            arcs.append(a)
            aboveCount.append(UInt8(n))
            fan.append(single && fanOut)
            let rank = net.momIDRank[m]
            rankOf.append(rank)
            guard m != current.first else { return }
            let need = n - (isCurrent ? 0 : 1)
            heap.append((a + (refill?.cost(units: need, below: i) ?? 0) + placing[n], rank, Int32(i)))
            if sift { siftUp(heap.count - 1) }
        }

        /// Reads the next ring of unread moms.
        private mutating func readRing() {
            guard var r = rings else { return }
            let inst = net.inst
            let grid = inst.momGrid
            let c = child
            var read: [(m: Int, f: PairingInstance.PairFacts)] = []
            grid.forEachCell(inRing: r.next, of: r.rings, r.query) { cell, _ in
                for k in grid.pointRange(ofCell: cell) {
                    let i = grid.point(at: k)
                    guard grid.nearestCentikm(r.query, i) != nil else { continue }
                    let d = grid.centikm(r.query, i)
                    let m = Int(inst.activeMoms[i])
                    guard d <= r.query.limit, d <= Int(inst.momReach[m]), m != r.readApart else { continue }
                    read.append((m, inst.facts(mom: m, child: c, centikm: d)))
                }
            }
            r.passed(grid)
            rings = r.done ? nil : r
            for (m, f) in read { add(m, f, refill: nil, sift: true) }
        }

        /// A lower bound of the key of every mom not read yet (`Int64.max` when all are read).
        /// An unread mom ranking below a lone lead frees her, so her key holds the lead's freed
        /// arc and exit too, once no unread mom can rank above the lead.
        private var unreadBound: Int64 {
            guard let r = rings else { return .max }
            if let lead = ranked.first, !r.mayRankAbove(lead.f.value) { return r.bound + freed[1] + placing[1] }
            return r.bound
        }

        /// Reads rings until no unread mom can come before the heap's first candidate.
        private mutating func readBeforeFirst() {
            while rings != nil && (heap.isEmpty || heap[0].lb >= unreadBound) { readRing() }
        }

        @inline(__always) private static func precedes(_ a: (lb: Int64, rank: Int32, index: Int32), _ b: (lb: Int64, rank: Int32, index: Int32)) -> Bool {
            a.lb != b.lb ? a.lb < b.lb : a.rank < b.rank
        }

        private mutating func siftUp(_ start: Int) {
            var i = start
            let e = heap[i]
            while i > 0 {
                let p = (i - 1) / 2
                guard Self.precedes(e, heap[p]) else { break }
                heap[i] = heap[p]
                i = p
            }
            heap[i] = e
        }

        private mutating func siftDown(_ start: Int) {
            let n = heap.count
            var i = start
            let e = heap[i]
            while true {
                var c = 2 * i + 1
                if c >= n { break }
                if c + 1 < n && Self.precedes(heap[c + 1], heap[c]) { c += 1 }
                guard Self.precedes(heap[c], e) else { break }
                heap[i] = heap[c]
                i = c
            }
            heap[i] = e
        }

        /// Puts a taken candidate back with `key`, a lower bound of her cost above her `lb`, if
        /// some candidate not yet taken comes before it; false (nothing done) otherwise.
        mutating func putBack(_ cand: Candidate, key: Int64) -> Bool {
            let entry = (lb: key, rank: rankOf[cand.index], index: Int32(cand.index))
            while true {
                if let top = heap.first, Self.precedes(top, entry) {
                    heap.append(entry)
                    siftUp(heap.count - 1)
                    return true
                }
                // Unless an unread mom may come before her.
                guard rings != nil, unreadBound <= key else { return false }
                readRing()
            }
        }

        /// The `lb` of the next candidate, nil when all are taken.
        mutating func nextBound() -> Int64? {
            readBeforeFirst()
            return heap.first?.lb
        }

        /// Takes the next candidate (mom ids are distinct, so the order is total: the same as
        /// a stable sort's).
        mutating func next() -> Candidate? {
            readBeforeFirst()
            guard let top = heap.first else { return nil }
            let last = heap.removeLast()
            if !heap.isEmpty { heap[0] = last; siftDown(0) }
            let i = Int(top.index)
            return (top.lb, allowed[i].m, allowed[i].f, current[0..<Int(aboveCount[i])], fan[i], arcs[i], i)
        }

        /// The moms answered by the fan-out among those read, in `allowed`'s order.
        var fanMoms: [Int] { allowed.indices.filter { fan[$0] }.map { allowed[$0].m } }

        /// Whether some candidate not yet taken is not answered by the fan-out. An unread mom is
        /// answered by it unless she ranks above a lone lead; rings are read until none can.
        mutating func hasOthers() -> Bool {
            while true {
                if heap.contains(where: { !fan[Int($0.index)] }) { return true }
                guard let r = rings, let lead = ranked.first, r.mayRankAbove(lead.f.value) else { return false }
                readRing()
            }
        }

        /// The `n` candidates not yet taken that the fan-out answers, of smallest `lb` (then mom
        /// id) and `lb ≤ limit`, in that order; they stay in the scan.
        mutating func firstFanned(_ n: Int, upTo limit: Int64) -> [Candidate] {
            var first: [(lb: Int64, rank: Int32, index: Int32)] = []
            while true {
                first.removeAll(keepingCapacity: true)
                for e in heap where e.lb <= limit && fan[Int(e.index)] {
                    guard first.count < n || Self.precedes(e, first[first.count - 1]) else { continue }
                    let at = first.firstIndex { Self.precedes(e, $0) } ?? first.count
                    first.insert(e, at: at)
                    if first.count > n { first.removeLast() }
                }
                // Done when no unread mom could be among them.
                let bound = unreadBound
                if rings == nil || bound > limit || (first.count == n && first[n - 1].lb < bound) { break }
                readRing()
            }
            return first.map { e in
                let i = Int(e.index)
                return (e.lb, allowed[i].m, allowed[i].f, current[0..<Int(aboveCount[i])], true, arcs[i], i)
            }
        }

        /// Every candidate, in scan order (the tests walk them all).
        var list: [Candidate] {
            var copy = self
            var out: [Candidate] = []
            while let c = copy.next() { out.append(c) }
            return out
        }
    }

    /// Child c's candidates (every allowed mom but her lead) by increasing `lb`, then mom id, and
    /// the node her fan-out starts from; read lazily where that gives the same scan
    /// (`ChildCandidates`).
    ///
    /// `exit(h)`, when given, is a lower bound of what placing mom h's unit costs once she is
    /// freed from the child (`AlternativeSearch.leastExit`): every candidate that frees h pays it
    /// beyond her forced arcs and her refill, each freed mom her own (the pieces of
    /// `AlternativePathBound` start one at each, and each reaches a mom or the ground before it
    /// ends), so it is added to her `lb`.
    static func candidates(of c: Int, _ net: ResidualPairing, fanOut: Bool, exit: ((Int) -> Int64)? = nil,
                           lazily: Bool = true) -> ChildCandidates {
        ChildCandidates(child: c, net, fanOut: fanOut, exit: exit, lazily: lazily)
    }
}

/// The moms of a child not read yet by her `ChildCandidates`: the rings of the moms' grid around
/// her from `next` on, with a lower bound of their keys.
///
/// A mom m at least `gap` away, not the child's and not her continuity mom (read apart), has the
/// key `−v(m, c) + λ_m + λ_c + freed + placing ≥ per·gap − fit + min λ + λ_c` (freed and placing
/// ≥ 0: reduced costs and distances).
struct CandidateRings {
    let query: SpatialGrid.Query
    let rings: SpatialGrid.CellRings
    /// The mom read before the rings (her continuity mom), skipped by them; −1 if none.
    let readApart: Int
    /// The next ring to read.
    private(set) var next = 0
    /// Every ring is read, or the next lies beyond reach.
    private(set) var done = false
    /// The bound of the keys of the moms beyond the next ring.
    private(set) var bound: Int64 = .max
    /// The distance (centikm) below which no unread mom lies.
    private(set) var gap = 0
    private let per: Int64
    private let fitMax: Int64
    /// `min λ_m + λ_c`.
    private let duals: Int64

    /// Nil when no cell of the moms' grid is within reach of the child.
    init?(child c: Int, _ net: ResidualPairing, readApart: Int) {
        let inst = net.inst
        let w = inst.weights
        per = w.perCentikm
        fitMax = inst.interests.masks[c] == 0 ? 0 : max(0, w.fit)
        duals = net.lowestMomDual - net.potential[net.childNode(c)]
        self.readApart = readApart
        guard let q = inst.momGrid.query(withinCentikm: inst.maxReach, of: inst.childLocation[c]),
              let r = inst.momGrid.cellRings(q) else { return nil }
        query = q
        rings = r
        update(inst.momGrid)
    }

    /// Ring `next` was read.
    mutating func passed(_ grid: SpatialGrid) {
        next += 1
        update(grid)
    }

    private mutating func update(_ grid: SpatialGrid) {
        gap = next < rings.count ? grid.lowerBound(ofRing: next, query) : Int.max
        if gap > query.limit { done = true; bound = .max; return }
        bound = per * Int64(gap) - fitMax + duals
    }

    /// Whether an unread mom may rank above a lead of pair value `value` (a smaller value ranks
    /// below: contract section 5).
    func mayRankAbove(_ value: Int64) -> Bool {
        !done && fitMax - per * Int64(gap) >= value
    }
}

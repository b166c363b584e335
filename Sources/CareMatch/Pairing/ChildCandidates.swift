extension PairingAlternatives {
    /// A child's candidate leads (every allowed mom but her lead), taken by increasing `lb`,
    /// then mom id. The order is a binary heap of 16-byte keys and each `Candidate` is made only
    /// when the scan takes it: a child has hundreds of allowed moms (thousands at scale 10), and
    /// the scan usually stops after a few dozen.
    ///
    /// **Read lazily.** When distances cost something, her moms are read ring by ring of the
    /// moms' grid around her, only as far as the scan asks (`CandidateRings`): every mom not
    /// read yet is at least the next ring's distance away, which bounds her key from below, and
    /// a candidate is handed out only when no unread mom could come before her. A child with
    /// two moms or more has a refill term in each key (`RefillBound`: the cheapest arcs into
    /// her from moms ranking below the candidate); while moms are unread it is first bounded
    /// from what is read (`refillFloor`) and made exact (`exactRefill`, reading further if an
    /// unread mom could still be among the cheapest) when the candidate reaches the front. The
    /// distances' bound takes its arcs into her from the moms read, and asks for the next ring
    /// when it could need one not read yet (`AlternativePathBound.sync`). The scan's order, its
    /// stopping rule and every answer are those of the full list; the fan-out's targets
    /// (`fanMoms`) are the moms read when it starts, which can change only which of several
    /// shortest paths it finds.
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
        /// By position in `allowed`: whether the key in the heap is a lower bound of it (its
        /// refill bounded from the moms read so far), to be made exact before she is handed out.
        private var tentative: [Bool] = []
        /// The moms read who are not hers, by the reduced cost of their arc into her, ascending
        /// (kept only when she has two moms or more and reads lazily: her refill's arcs), with
        /// what ranks them (a walk reads them in order, not `allowed` at random).
        private var readRc: [RefillArc] = []
        /// Her reverse slot arcs' reduced costs, ascending (`ResidualPairing.slotDrops`).
        private let slotDrops: [Int64]
        /// Her refill is computed from the moms read so far (`readsLazily`, two moms or more).
        private let refillsLazily: Bool
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
        /// read at once unless `lazily` (with the fan-out on) and distances cost something
        /// (otherwise nothing bounds the unread moms).
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
            readsLazily = lazily && fanOut && inst.weights.perCentikm > 0
            refillsLazily = readsLazily && current.count >= 2
            slotDrops = refillsLazily ? net.slotDrops(child: c) : []
            if readsLazily {
                // Her continuity mom first, if she is allowed (her bonus would otherwise weaken
                // the unread moms' bound by 30 points at the default weights): the rings skip her.
                let cm = Int(inst.childPairedMom[c])
                var apart = -1
                if cm >= 0 && inst.momCapacity[cm] > 0 {
                    let d = Distance.centikm(inst.childLocation[c], inst.momLocation[cm])
                    if d <= inst.maxReach && d <= Int(inst.momReach[cm]) {
                        apart = cm
                        let f = inst.facts(mom: cm, child: c, centikm: d)
                        if f.allowed {
                            noteRefillArcs([(cm, f)])
                            add(cm, f, refill: nil, sift: true)
                        }
                    }
                }
                // Nil (nothing to read) when no mom is within her reach.
                rings = CandidateRings(child: c, net, readApart: apart)
                if rings?.done == true { rings = nil }
                return
            }
            var all: [(m: Int, f: PairingInstance.PairFacts)] = []
            // `allowed` also leaves out the pairs `overrides.csv` forbids (`PairingInstance.forbiddenPairs`).
            inst.forEachAllowedMom(of: c, within: inst.maxReach) { m, f in if f.allowed { all.append((m, f)) } }
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
            tentative.append(false)
            guard m != current.first else { return }
            let need = n - (isCurrent ? 0 : 1)
            // Read lazily, her refill is first bounded from the moms read (`settleFront`).
            let floor = refillsLazily && need > 0
            tentative[i] = floor
            let part = floor ? refillFloor(need) : refill?.cost(units: need, below: i) ?? 0
            heap.append((a + part + placing[n], rank, Int32(i)))
            if sift { siftUp(heap.count - 1) }
        }

        /// Notes the arcs into her of moms about to be read (at the next positions of `allowed`)
        /// among her refill's arcs, before their keys are made: each key's refill floor counts on
        /// every mom read being in `readRc`.
        private mutating func noteRefillArcs(_ moms: [(m: Int, f: PairingInstance.PairFacts)]) {
            guard refillsLazily else { return }
            let pc = net.potential[net.childNode(child)]
            var batch: [RefillArc] = []
            for (m, f) in moms where !current.contains(m) {
                batch.append(RefillArc(rc: -f.value + net.potential[net.momNode(m)] - pc, value: f.value,
                                       centikm: Int32(f.centikm), idRank: net.momIDRank[m]))
            }
            guard !batch.isEmpty else { return }
            batch.sort { ($0.rc, $0.idRank) < ($1.rc, $1.idRank) }
            // Merge the sorted batch in.
            var merged: [RefillArc] = []
            merged.reserveCapacity(readRc.count + batch.count)
            var (x, y) = (0, 0)
            while x < readRc.count || y < batch.count {
                if y == batch.count || (x < readRc.count && (readRc[x].rc, readRc[x].idRank) < (batch[y].rc, batch[y].idRank)) {
                    merged.append(readRc[x]); x += 1
                } else {
                    merged.append(batch[y]); y += 1
                }
            }
            readRc = merged
        }

        /// A lower bound of any candidate's refill of `units` arcs while moms are unread: the
        /// `units` cheapest of her slot drops and her arcs from the moms read (a superset of
        /// those below any candidate), each at most the unread moms' bound (an unread mom may
        /// give a cheaper arc), fewer terms when these run out (as `RefillBound.cost` does).
        private func refillFloor(_ units: Int) -> Int64 {
            let unread = rings?.bound ?? .max
            var sum: Int64 = 0
            var (x, y) = (0, 0)
            for _ in 0..<units {
                let a = x < slotDrops.count ? slotDrops[x] : .max
                let b = y < readRc.count ? readRc[y].rc : .max
                if a == .max && b == .max { break }
                if a <= b { sum += min(a, unread); x += 1 } else { sum += min(b, unread); y += 1 }
            }
            return sum
        }

        /// The candidate at position i's refill as `RefillBound` gives it from every allowed
        /// mom, or nil when an unread mom could still be among its cheapest arcs.
        private func exactRefill(_ i: Int) -> Int64? {
            let (m, f) = allowed[i]
            let need = Int(aboveCount[i]) - (current.contains(m) ? 0 : 1)
            let (value, centikm, idRank) = (f.value, Int32(f.centikm), rankOf[i])
            var sum: Int64 = 0
            var (x, y, taken) = (0, 0, 0)
            var last = Int64.min
            while taken < need {
                let a = x < slotDrops.count ? slotDrops[x] : .max
                // The next arc cheaper than `a` from a mom ranking below the candidate (she
                // herself does not rank below herself).
                while y < readRc.count && readRc[y].rc < a {
                    let e = readRc[y]
                    if value != e.value ? value > e.value : centikm != e.centikm ? centikm < e.centikm : idRank < e.idRank { break }
                    y += 1
                }
                if y < readRc.count && readRc[y].rc < a {
                    last = readRc[y].rc; y += 1
                } else if a != .max {
                    last = a; x += 1
                } else {
                    break
                }
                sum += last
                taken += 1
            }
            if let r = rings, taken < need || last > r.bound { return nil }
            return sum
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
                    let f = inst.facts(mom: m, child: c, centikm: d)
                    if f.allowed { read.append((m, f)) }
                }
            }
            r.passed(grid)
            rings = r.done ? nil : r
            noteRefillArcs(read)
            for (m, f) in read { add(m, f, refill: nil, sift: true) }
        }

        /// The reduced cost below which every arc into her from a mom not read yet lies
        /// (`Int64.max` once all are read): what `AlternativePathBound.sync` reads up to.
        var unreadArcBound: Int64 { rings?.bound ?? .max }

        /// Reads the next ring of moms (for the distances' bound, which needs arcs into her up
        /// to a reduced cost the moms read do not cover).
        mutating func readMore() { readRing() }

        /// A lower bound of the key of every mom not read yet (`Int64.max` when all are read).
        /// An unread mom ranking below some of her moms frees them, so her key holds their
        /// freed arcs, exits and refill too, for the best-ranked of her moms no unread mom can
        /// rank above.
        private var unreadBound: Int64 {
            guard let r = rings else { return .max }
            var n = 0
            while n < ranked.count && !r.mayRankAbove(ranked[n].f.value) { n += 1 }
            return r.bound + freed[n] + placing[n] + (refillsLazily && n >= 2 ? refillFloor(n - 1) : 0)
        }

        /// Reads rings and makes keys exact until the heap's first candidate is the scan's next:
        /// her key exact, and no unread mom able to come before her.
        private mutating func settleFront() {
            while true {
                while rings != nil && (heap.isEmpty || heap[0].lb >= unreadBound) { readRing() }
                guard let top = heap.first, tentative[Int(top.index)] else { return }
                let i = Int(top.index)
                removeFirst()
                var refill = exactRefill(i)
                while refill == nil { readRing(); refill = exactRefill(i) }
                tentative[i] = false
                heap.append((arcs[i] + refill! + placing[Int(aboveCount[i])], top.rank, top.index))
                siftUp(heap.count - 1)
            }
        }

        private mutating func removeFirst() {
            let last = heap.removeLast()
            if !heap.isEmpty { heap[0] = last; siftDown(0) }
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
            // The front, once settled, is the first of every candidate not taken, read or not.
            settleFront()
            guard let top = heap.first, Self.precedes(top, entry) else { return false }
            heap.append(entry)
            siftUp(heap.count - 1)
            return true
        }

        /// The `lb` of the next candidate, nil when all are taken.
        mutating func nextBound() -> Int64? {
            settleFront()
            return heap.first?.lb
        }

        /// Takes the next candidate (mom ids are distinct, so the order is total: the same as
        /// a stable sort's).
        mutating func next() -> Candidate? {
            settleFront()
            guard let top = heap.first else { return nil }
            removeFirst()
            let i = Int(top.index)
            return (top.lb, allowed[i].m, allowed[i].f, current[0..<Int(aboveCount[i])], fan[i], arcs[i], i)
        }

        /// The moms answered by the fan-out among those read, in `allowed`'s order.
        var fanMoms: [Int] { allowed.indices.filter { fan[$0] }.map { allowed[$0].m } }

        /// Whether an unread mom may be answered by the fan-out: every one when she has no mom
        /// or a lone lead (below her), else only one ranking above all her moms.
        private var unreadMayBeFanned: Bool {
            guard fanOut, let r = rings else { return false }
            return ranked.isEmpty || loneLead != nil || r.mayRankAbove(ranked[0].f.value)
        }

        /// Whether some candidate not yet taken is not answered by the fan-out. An unread mom is
        /// answered by it when she has no mom, or a lone lead the mom ranks below; rings are read
        /// until that decides it.
        mutating func hasOthers() -> Bool {
            while true {
                if heap.contains(where: { !fan[Int($0.index)] }) { return true }
                guard let r = rings else { return false }
                if ranked.isEmpty { return false }
                if loneLead != nil && !r.mayRankAbove(ranked[0].f.value) { return false }
                readRing()
            }
        }

        /// The `n` candidates not yet taken that the fan-out answers, of smallest `lb` (then mom
        /// id) and `lb ≤ limit`, in that order; they stay in the scan. (Their keys are exact:
        /// a fanned candidate frees at most a lone lead and needs no refill.)
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
                if !unreadMayBeFanned || bound > limit || (first.count == n && first[n - 1].lb < bound) { break }
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

/// An arc into a child from a mom read for her (`ChildCandidates`' refill): its reduced cost and
/// what ranks the mom as the child's lead (pair value, distance, id rank).
struct RefillArc {
    let rc: Int64
    let value: Int64
    let centikm: Int32
    let idRank: Int32
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

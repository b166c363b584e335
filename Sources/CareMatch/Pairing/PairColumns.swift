/// The pairs currently in the restricted pairing model, one LP column each, in the order added.
struct PairColumns {
    var mom: [Int32] = []
    var child: [Int32] = []
    var value: [Int64] = []
    var centikm: [Int32] = []
    private var keys = Set<Int64>()
    private let momCount: Int64

    init(momCount: Int) { self.momCount = Int64(momCount) }

    var count: Int { mom.count }

    func contains(mom m: Int, child c: Int) -> Bool { keys.contains(Int64(c) * momCount + Int64(m)) }

    /// Adds a pair whose facts are known.
    @discardableResult
    mutating func add(mom m: Int, child c: Int, value: Int64, centikm: Int32) -> Bool {
        guard keys.insert(Int64(c) * momCount + Int64(m)).inserted else { return false }
        mom.append(Int32(m)); child.append(Int32(c)); self.value.append(value); self.centikm.append(centikm)
        return true
    }

    /// The columns `j` with `keep(j)`, in order, and for each the index it had here.
    func keeping(_ keep: (Int) -> Bool) -> (columns: PairColumns, from: [Int32]) {
        var kept = PairColumns(momCount: Int(momCount))
        var from: [Int32] = []
        for j in 0..<count where keep(j) {
            kept.add(mom: Int(mom[j]), child: Int(child[j]), value: value[j], centikm: centikm[j])
            from.append(Int32(j))
        }
        return (kept, from)
    }

    /// Adds the pair unless it is there already; returns whether it was added.
    @discardableResult
    mutating func add(mom m: Int, child c: Int, facts f: PairingInstance.PairFacts) -> Bool {
        guard keys.insert(Int64(c) * momCount + Int64(m)).inserted else { return false }
        mom.append(Int32(m)); child.append(Int32(c)); value.append(f.value); centikm.append(Int32(f.centikm))
        return true
    }
}

/// The first set of pairs: for each child the nearest moms, the nearest moms sharing an
/// interest, and the current mom — found through the grid, never by scanning every mom.
enum InitialCandidates {
    static func build(_ inst: PairingInstance, nearest: Int, sharing: Int) -> PairColumns {
        var cols = PairColumns(momCount: inst.momCount)
        var found: [(m: Int, f: PairingInstance.PairFacts)] = []
        for c in 0..<inst.childCount {
            // Start small and double: on a dense map (scale 100) a fixed 3 km circle holds
            // over a thousand moms per child.
            var radius = 50
            while true {
                found.removeAll(keepingCapacity: true)
                inst.forEachAllowedMom(of: c, within: radius) { m, f in found.append((m, f)) }
                let sharingCount = found.reduce(0) { $0 + ($1.f.shared ? 1 : 0) }
                if (found.count >= nearest && sharingCount >= sharing) || radius >= inst.maxReach { break }
                radius = min(inst.maxReach, radius * 2)
            }
            found.sort { ($0.f.centikm, $0.m) < ($1.f.centikm, $1.m) }
            var taken = 0, shared = 0
            for (m, f) in found {
                if taken < nearest { cols.add(mom: m, child: c, facts: f); taken += 1 }
                else if f.shared && shared < sharing { cols.add(mom: m, child: c, facts: f) }
                if f.shared { shared += 1 }
                if taken >= nearest && shared >= sharing { break }
            }
            let p = Int(inst.childPairedMom[c])
            if p >= 0 {
                let f = inst.facts(mom: p, child: c)
                if f.allowed { cols.add(mom: p, child: c, facts: f) }
            }
        }
        return cols
    }
}

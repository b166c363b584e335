import Dispatch

/// Explains, in coordinators' words, why a child has no lead mom.
///
/// Not yet merged with `ChildShortfallReasons` (the codes and reasons of `unmet.csv`), though
/// both answer the same question: these strings are shown in `report.html`'s table of unpaired
/// children, so replacing them changes that page's text (not only `summary.json`, which keeps
/// only the count), and `ChildShortfallReasons` needs the pairing's mom duals, which exist only
/// after the solve returns. The merge belongs where the plan is assembled (issue 16).
enum UnmetReasons {
    static func explain(_ inst: PairingInstance, _ ev: PairingEvaluation) -> [UnmetChild] {
        var hasLead = [Bool](repeating: false, count: inst.childCount)
        for p in ev.pairs where p.role == .lead { hasLead[p.child] = true }
        var counted = [Int32](repeating: 0, count: inst.momCount)
        for p in ev.pairs { counted[p.mom] += 1 }
        let load = counted
        let order = (0..<inst.childCount).sorted { inst.childIDs[$0].precedesInCodePoints(inst.childIDs[$1]) }
        let unpaired = order.filter { !hasLead[$0] }
        // In parallel chunks, put back in id order.
        let chunkCount = unpaired.count < 64 ? 1 : 16
        let chunks = ChunkResults<[UnmetChild]>(count: chunkCount, empty: [])
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var out: [UnmetChild] = []
            for c in unpaired[unpaired.count * chunk / chunkCount..<unpaired.count * (chunk + 1) / chunkCount] {
                out.append(explain(inst, c, load: load))
            }
            chunks.buffer[chunk] = out
        }
        return chunks.buffer.flatMap { $0 }
    }

    /// Why child `c` has no lead mom.
    private static func explain(_ inst: PairingInstance, _ c: Int, load: [Int32]) -> UnmetChild {
        // One pass: the nearest (ties by id), how many, and whether all are full (a plan cut
        // short leaves many children without a lead, each with thousands of moms in reach).
        var nearest: (m: Int, d: Int)?
        var count = 0, allFull = true
        inst.forEachAllowedMom(of: c, within: inst.maxReach) { m, f in
            count += 1
            if load[m] < inst.momCapacity[m] { allFull = false }
            if let n = nearest, n.d < f.centikm || (n.d == f.centikm && inst.momIDs[n.m].precedesInCodePoints(inst.momIDs[m])) { return }
            nearest = (m, f.centikm)
        }
        guard let nearest else { return UnmetChild(child: c, reason: "no mom within reach") }
        let km = Decimals.format(Double(nearest.d) / 100, maxDecimals: 2)
        if allFull {
            return UnmetChild(child: c, reason: "moms within reach are all at capacity (\(count) within reach; nearest \(inst.momIDs[nearest.m]) at \(km) km)")
        }
        return UnmetChild(child: c, reason: "pairing would cost more points than it earns (nearest mom \(inst.momIDs[nearest.m]) at \(km) km)")
    }
}

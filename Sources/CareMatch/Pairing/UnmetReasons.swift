import Dispatch

/// Explains, in coordinators' words, why a child has no lead mom.
///
/// Not yet merged with `ChildShortfallReasons` (the codes and reasons of `unmet.csv`), though
/// both answer the same question: these strings are shown in `report.html`'s table of unpaired
/// children, so replacing them changes that page's text (not only `summary.json`, which keeps
/// only the count), and `ChildShortfallReasons` needs the pairing's mom duals, which exist only
/// after the solve returns. The merge belongs where the plan is assembled (issue 16). Both read
/// the moms within reach from `MomsInReach` (counts from cell totals, nearest by ring walks).
enum UnmetReasons {
    static func explain(_ inst: PairingInstance, _ ev: PairingEvaluation) -> [UnmetChild] {
        var hasLead = [Bool](repeating: false, count: inst.childCount)
        for p in ev.pairs where p.role == .lead { hasLead[p.child] = true }
        let unpaired = (0..<inst.childCount).filter { !hasLead[$0] }
            .sorted { inst.childIDs[$0].precedesInCodePoints(inst.childIDs[$1]) }
        guard !unpaired.isEmpty else { return [] }
        var load = [Int](repeating: 0, count: inst.momCount)
        for p in ev.pairs { load[p.mom] += 1 }
        let maxCentikm = inst.weights.maxCentikm
        let moms = MomsInReach(ids: inst.momIDs, locations: inst.momLocation, capacity: inst.momCapacity.map { Int($0) },
                               reach: inst.momReach.map { min(Int($0), maxCentikm) }, settingLimit: maxCentikm,
                               settingKm: Double(maxCentikm) / 100, load: load, dual: nil, unitsPerPoint: 1)
        // In parallel chunks, put back in id order.
        let chunkCount = unpaired.count < 64 ? 1 : 16
        let chunks = ChunkResults<[UnmetChild]>(count: chunkCount, empty: [])
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var out: [UnmetChild] = []
            var free = LivePoints(moms.grid), any = LivePoints(moms.grid)
            for c in unpaired[unpaired.count * chunk / chunkCount..<unpaired.count * (chunk + 1) / chunkCount] {
                out.append(explain(inst, c, moms: moms, free: &free, any: &any))
            }
            chunks.buffer[chunk] = out
        }
        return chunks.buffer.flatMap { $0 }
    }

    /// Why child `c`, who has no mom at all, has no lead mom: the moms within reach with capacity
    /// (how many, the nearest, ties by id) and whether any of them has a place left.
    private static func explain(_ inst: PairingInstance, _ c: Int, moms: MomsInReach,
                                free: inout LivePoints, any: inout LivePoints) -> UnmetChild {
        let p = inst.childLocation[c]
        guard let (count, nearest) = moms.withCapacityInReach(p, any: &any, paired: []) else {
            return UnmetChild(child: c, reason: "no mom within reach")
        }
        let allFull = free.nearest(to: p, withinCentikm: moms.settingLimit, isLive: { moms.isFree[$0] },
                                   accept: { i, dist in dist <= Int(moms.reach[i]) }) == nil
        let km = Decimals.format(Double(nearest.d) / 100, maxDecimals: 2)
        if allFull {
            return UnmetChild(child: c, reason: "moms within reach are all at capacity (\(count) within reach; nearest \(inst.momIDs[nearest.m]) at \(km) km)")
        }
        return UnmetChild(child: c, reason: "pairing would cost more points than it earns (nearest mom \(inst.momIDs[nearest.m]) at \(km) km)")
    }
}

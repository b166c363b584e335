import Dispatch

/// Pricing of the allowed pairs left out of the restricted model.
///
/// A left-out pair can improve the plan only if its reduced cost `v(m,c) − λ_m − λ_c` is
/// positive. Since `λ_m ≥ 0` and `v(m,c) ≤ fit_c − km_cost·d(m,c)` (the continuity pair is
/// always in the model), no pair farther than `(fit_c − λ_c) / km_cost` from child c can: the
/// search around each child stops there, and children with `λ_c ≥ fit_c` need no search.
/// Within the circle two bounds skip work without changing the result: a grid cell is skipped
/// when `fit·[a mom of the cell shares an interest] − km_cost·(nearest distance to the cell) −
/// min λ_m over the cell − λ_c ≤ 0`, and a mom is skipped before her exact distance is computed
/// when `fit·[shared] − km_cost·(lower bound on her distance from the plane) − λ_m − λ_c ≤ 0`.
enum Pricing {
    /// Adds, per child, the (at most `perChild`) left-out pairs of highest positive reduced cost,
    /// ties by mom position; returns how many allowed pairs had their reduced cost computed.
    /// Adding a few per child and round converges in a few more rounds, with far smaller models.
    static func addImproving(_ inst: PairingInstance, _ duals: PairingDuals, _ cols: inout PairColumns, perChild: Int, block: (Blocks, Int)? = nil) -> Int {
        let grid = inst.momGrid
        let masks = inst.skills.masks
        var cellMinDual = [Int64](repeating: .max, count: grid.cellCount)
        var cellSkills = [UInt64](repeating: 0, count: grid.cellCount)
        for k in 0..<inst.activeMoms.count {
            let m = Int(inst.activeMoms[k])
            if let (b, i) = block, b.mom[m] != i { continue }
            let cell = grid.cell(ofPoint: k)
            cellMinDual[cell] = min(cellMinDual[cell], duals.mom[m])
            cellSkills[cell] |= masks[m]
        }
        let per = inst.weights.perCentikm
        let existing = cols
        let (minDual, skillsOfCell) = (cellMinDual, cellSkills)
        // Children are priced in parallel chunks; their pairs are added in child order, so the
        // result does not depend on the threads.
        typealias Found = (child: Int32, mom: Int32, facts: PairingInstance.PairFacts)
        let chunkCount = inst.childCount < 2_000 ? 1 : 16
        let results = ChunkResults<(found: [Found], priced: Int)>(count: chunkCount, empty: ([], 0))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var found: [Found] = []
            var priced = 0
            var best: [(rc: Int64, m: Int, f: PairingInstance.PairFacts)] = []
            let lower = inst.childCount * chunk / chunkCount, upper = inst.childCount * (chunk + 1) / chunkCount
            for c in lower..<upper {
                if let (b, k) = block, b.child[c] != k { continue }
                let childMask = inst.interests.masks[c]
                let fit = childMask == 0 ? 0 : inst.weights.fit
                let lc = duals.child[c]
                let room = fit - lc
                guard room > 0 else { continue }
                let radius = per > 0 ? Int(min(Int64(inst.maxReach), (room - 1) / per)) : inst.maxReach
                best.removeAll(keepingCapacity: true)
                grid.forEach(withinCentikm: radius, of: inst.childLocation[c], visitCell: { cell, nearest in
                    let f = skillsOfCell[cell] & childMask != 0 ? fit : 0
                    return minDual[cell] != .max && f - per * Int64(nearest) - minDual[cell] - lc > 0
                }, accept: { k, nearest in
                    let m = Int(inst.activeMoms[k])
                    if let (b, i) = block, b.mom[m] != i { return false }
                    let f = inst.interests.shares(c, with: inst.skills, m) ? fit : 0
                    return f - per * Int64(nearest) - duals.mom[m] - lc > 0
                }) { k, d in
                    let m = Int(inst.activeMoms[k])
                    guard d <= Int(inst.momReach[m]) else { return }
                    priced += 1
                    let f = inst.facts(mom: m, child: c, centikm: d)
                    let rc = f.value - duals.mom[m] - lc
                    guard rc > 0 else { return }
                    if best.count == perChild, let last = best.last, (last.rc, -last.m) >= (rc, -m) { return }
                    guard !existing.contains(mom: m, child: c) else { return }
                    var i = best.count
                    best.append((rc, m, f))
                    while i > 0 && (best[i - 1].rc, -best[i - 1].m) < (rc, -m) { best[i] = best[i - 1]; i -= 1 }
                    best[i] = (rc, m, f)
                    if best.count > perChild { best.removeLast() }
                }
                for p in best { found.append((Int32(c), Int32(p.m), p.f)) }
            }
            results.buffer[chunk] = (found, priced)
        }
        var priced = 0
        for r in results.buffer {
            priced += r.priced
            for p in r.found { cols.add(mom: Int(p.mom), child: Int(p.child), facts: p.facts) }
        }
        return priced
    }
}

/// One slot per parallel chunk, each written by exactly one thread and read after all finish.
final class ChunkResults<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(count: Int, empty: T) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: empty)
    }
    deinit { buffer.deinitialize(); buffer.deallocate() }
}

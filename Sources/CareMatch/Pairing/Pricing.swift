/// Pricing of the allowed pairs left out of the restricted model.
///
/// A left-out pair can improve the plan only if its reduced cost `v(m,c) − λ_m − λ_c` is
/// positive. Since `λ_m ≥ 0` and `v(m,c) ≤ fit_c − km_cost·d(m,c)` (the continuity pair is
/// always in the model), no pair farther than `(fit_c − λ_c) / km_cost` from child c can: the
/// search around each child stops there, and children with `λ_c ≥ fit_c` need no search.
/// Within the circle two bounds skip work without changing the result: a grid cell is skipped
/// when `fit·[a mom of the cell shares an interest] − km_cost·(nearest distance to the cell) −
/// min λ_m over the cell − λ_c ≤ 0`, and a mom is skipped before her distance is computed when
/// `fit·[shared] − λ_m − λ_c ≤ 0`.
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
        var priced = 0
        let per = inst.weights.perCentikm
        var best: [(rc: Int64, m: Int, f: PairingInstance.PairFacts)] = []
        for c in 0..<inst.childCount {
            if let (b, k) = block, b.child[c] != k { continue }
            let childMask = inst.interests.masks[c]
            let fit = childMask == 0 ? 0 : inst.weights.fit
            let lc = duals.child[c]
            let room = fit - lc
            guard room > 0 else { continue }
            let radius = per > 0 ? Int(min(Int64(inst.maxReach), (room - 1) / per)) : inst.maxReach
            best.removeAll(keepingCapacity: true)
            grid.forEach(withinCentikm: radius, of: inst.childLocation[c], visitCell: { cell, nearest in
                let f = cellSkills[cell] & childMask != 0 ? fit : 0
                return cellMinDual[cell] != .max && f - per * Int64(nearest) - cellMinDual[cell] - lc > 0
            }, accept: { k in
                let m = Int(inst.activeMoms[k])
                if let (b, i) = block, b.mom[m] != i { return false }
                let f = inst.interests.shares(c, with: inst.skills, m) ? fit : 0
                return f - duals.mom[m] - lc > 0
            }) { k, d in
                let m = Int(inst.activeMoms[k])
                guard d <= Int(inst.momReach[m]) else { return }
                priced += 1
                let f = inst.facts(mom: m, child: c, centikm: d)
                let rc = f.value - duals.mom[m] - lc
                guard rc > 0 else { return }
                if best.count == perChild, let last = best.last, (last.rc, -last.m) >= (rc, -m) { return }
                guard !cols.contains(mom: m, child: c) else { return }
                var i = best.count
                best.append((rc, m, f))
                while i > 0 && (best[i - 1].rc, -best[i - 1].m) < (rc, -m) { best[i] = best[i - 1]; i -= 1 }
                best[i] = (rc, m, f)
                if best.count > perChild { best.removeLast() }
            }
            for p in best { cols.add(mom: p.m, child: c, facts: p.f) }
        }
        return priced
    }
}

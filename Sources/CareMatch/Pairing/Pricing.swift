/// Pricing of the allowed pairs left out of the restricted model.
///
/// A left-out pair can improve the plan only if its reduced cost `v(m,c) − λ_m − λ_c` is
/// positive. Since `λ_m ≥ 0` and `v(m,c) ≤ fit_c − km_cost·d(m,c)` (the continuity pair is
/// always in the model), no pair farther than `(fit_c − λ_c) / km_cost` from child c can: the
/// search around each child stops there, and children with `λ_c ≥ fit_c` need no search.
enum Pricing {
    /// Adds every left-out pair with a positive reduced cost; returns how many allowed pairs
    /// were priced.
    /// At most `perChild` pairs per child are added in one round, those of highest reduced
    /// cost: column generation converges in a few more rounds, with far smaller models.
    static func addImproving(_ inst: PairingInstance, _ duals: PairingDuals, _ cols: inout PairColumns, perChild: Int, block: (Blocks, Int)? = nil) -> Int {
        var priced = 0
        let per = inst.weights.perCentikm
        for c in 0..<inst.childCount {
            if let (b, k) = block, b.child[c] != k { continue }
            let fit = inst.interests.isEmpty(c) ? 0 : inst.weights.fit
            let room = fit - duals.child[c]
            guard room > 0 else { continue }
            let radius = per > 0 ? Int(min(Int64(inst.maxReach), (room - 1) / per)) : inst.maxReach
            let lc = duals.child[c]
            var found: [(m: Int, f: PairingInstance.PairFacts, rc: Int64)] = []
            inst.forEachAllowedMom(of: c, within: radius) { m, f in
                if let (b, k) = block, b.mom[m] != k { return }
                priced += 1
                let rc = f.value - duals.mom[m] - lc
                if rc > 0 && !cols.contains(mom: m, child: c) { found.append((m, f, rc)) }
            }
            found.sort { $0.rc != $1.rc ? $0.rc > $1.rc : $0.m < $1.m }
            for p in found.prefix(perChild) { cols.add(mom: p.m, child: c, facts: p.f) }
        }
        return priced
    }
}

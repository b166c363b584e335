/// Pricing of the allowed pairs left out of the restricted model.
///
/// A left-out pair can improve the plan only if its reduced cost `v(m,c) − λ_m − λ_c` is
/// positive. Since `λ_m ≥ 0` and `v(m,c) ≤ fit_c − km_cost·d(m,c)` (the continuity pair is
/// always in the model), no pair farther than `(fit_c − λ_c) / km_cost` from child c can: the
/// search around each child stops there, and children with `λ_c ≥ fit_c` need no search.
enum Pricing {
    /// Adds every left-out pair with a positive reduced cost; returns how many allowed pairs
    /// were priced.
    static func addImproving(_ inst: PairingInstance, _ duals: PairingDuals, _ cols: inout PairColumns) -> Int {
        var priced = 0
        let per = inst.weights.perCentikm
        for c in 0..<inst.childCount {
            let fit = inst.interests.isEmpty(c) ? 0 : inst.weights.fit
            let room = fit - duals.child[c]
            guard room > 0 else { continue }
            let radius = per > 0 ? Int(min(Int64(inst.maxReach), (room - 1) / per)) : inst.maxReach
            let lc = duals.child[c]
            var found: [(Int, PairingInstance.PairFacts)] = []
            inst.forEachAllowedMom(of: c, within: radius) { m, f in
                priced += 1
                if f.value - duals.mom[m] - lc > 0 && !cols.contains(mom: m, child: c) { found.append((m, f)) }
            }
            found.sort { $0.0 < $1.0 }
            for (m, f) in found { cols.add(mom: m, child: c, facts: f) }
        }
        return priced
    }
}

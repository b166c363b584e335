/// The children whose pricing can have changed since the last full pricing, for the rounds
/// after a local repair (successive shortest paths), which move few potentials.
///
/// A left-out pair (m, c) that did not price out last time, and was not left out only because
/// child c already had her quota of pairs, can price out now only if `λ_c` or `λ_m` fell. So the
/// children to price again are those whose `λ_c` fell, those who filled their quota, and those
/// within reach of a mom whose `λ_m` fell (children's grid, the distance bound of `Pricing`).
/// This only saves work: the loop still ends with a full pricing (`FlowStart`).
struct RepricedChildren {
    private(set) var duals: PairingDuals
    private var quotaFilled: [Bool]

    /// After a full pricing with `duals` that added `added` (the columns from `first` on).
    init(_ inst: PairingInstance, duals: PairingDuals, _ cols: PairColumns, addedFrom first: Int, perChild: Int) {
        self.duals = duals
        var count = [Int32](repeating: 0, count: inst.childCount)
        for j in first..<cols.count { count[Int(cols.child[j])] += 1 }
        quotaFilled = count.map { Int($0) >= perChild }
    }

    /// The children to price at `now`, or nil when so many moms' prices fell that a full
    /// pricing is as cheap.
    func children(_ inst: PairingInstance, at now: PairingDuals) -> [Bool]? {
        var marked = quotaFilled
        for c in 0..<inst.childCount where now.child[c] < duals.child[c] { marked[c] = true }
        var fallen: [Int] = []
        for m in 0..<inst.momCount where now.mom[m] < duals.mom[m] {
            fallen.append(m)
            if fallen.count * 64 > inst.momCount { return nil }
        }
        guard let lowest = now.child.min() else { return marked }
        let per = inst.weights.perCentikm
        for m in fallen {
            let fit = inst.skills.masks[m] == 0 ? 0 : inst.weights.fit
            let room = fit - now.mom[m] - lowest
            guard room > 0 else { continue }
            let radius = per > 0 ? Int(min(Int64(inst.momReach[m]), (room - 1) / per)) : Int(inst.momReach[m])
            inst.childGrid.forEach(withinCentikm: radius, of: inst.momLocation[m]) { c, _ in marked[c] = true }
        }
        return marked
    }
}

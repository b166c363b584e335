/// Valid upper bounds on the pairing score that need no solve, for a pairing cut short.
enum PairingBound {
    /// Each child at her best with no mom's capacity binding and no distance: `w·(lead + support·N)`
    /// plus the fit bonus on each of her 1 + N pairs and the continuity bonus once if she has a
    /// current mom. Every term of the score is at most that (distances only subtract), so the
    /// sum bounds every pairing. Loose, but it needs no pricing: it is what a pairing stopped by
    /// the deadline can state at once.
    static func coarse(_ inst: PairingInstance) -> Double {
        let w = inst.weights
        var total: Int64 = 0
        for c in 0..<inst.childCount {
            let slots = Int64(inst.childSlots[c])
            var best = inst.leadReward(c) + (slots - 1) * inst.supportReward(c) + slots * max(0, w.fit)
            if inst.childPairedMom[c] >= 0 { best += w.continuity }
            total += max(0, best)
        }
        return w.scale.points(total)
    }
}

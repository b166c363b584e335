/// Node potentials of the pairing model in exact integer units, and the optimality proof.
///
/// With `x` integral and every variable at a bound (or `y_sup` strictly inside), the dual
/// constraints of the restricted model are simple inequalities between a mom's potential `λ_m`
/// (≥ 0, and 0 when she has capacity left) and a child's `λ_c`:
///
///   chosen pair:      v(m,c) − λ_m − λ_c ≥ 0          pair left out:  v(m,c) − λ_m − λ_c ≤ 0
///   y_lead = 1:       a_c + λ_c ≥ 0                   y_lead = 0:     a_c + λ_c ≤ 0
///   y_sup = N > 0:    b_c + λ_c ≥ 0                   y_sup = 0 < N:  b_c + λ_c ≤ 0   (inside: = 0)
///
/// GLPK's duals satisfy them; `tighten` then raises every `λ_c` and then every `λ_m` as far as
/// they allow, which keeps them satisfied and makes the pricing search around each child as
/// small as the restricted model permits.
struct PairingDuals {
    var mom: [Int64]
    var child: [Int64]

    /// The number of supporting moms (y_sup) and whether a lead (y_lead) each child has.
    static func slotUse(_ inst: PairingInstance, _ cols: PairColumns, _ chosen: [Bool]) -> (count: [Int32], load: [Int32]) {
        var count = [Int32](repeating: 0, count: inst.childCount)
        var load = [Int32](repeating: 0, count: inst.momCount)
        for j in 0..<cols.count where chosen[j] {
            count[Int(cols.child[j])] += 1
            load[Int(cols.mom[j])] += 1
        }
        return (count, load)
    }

    /// Raises child potentials, then mom potentials, to the largest values the restricted
    /// model's dual constraints allow; `maxViolation` then checks the result exactly.
    mutating func tighten(_ inst: PairingInstance, _ cols: PairColumns, _ chosen: [Bool], inModel: [Bool]) {
        let (count, load) = PairingDuals.slotUse(inst, cols, chosen)
        for m in 0..<inst.momCount where load[m] < inst.momCapacity[m] { mom[m] = 0 }
        for m in 0..<inst.momCount where mom[m] < 0 { mom[m] = 0 }
        // Children: the smallest upper bound.
        var upper = [Int64](repeating: .max, count: inst.childCount)
        for c in 0..<inst.childCount {
            let k = Int(count[c]), n = Int(inst.childSlots[c]) - 1
            if !inModel[c] { upper[c] = -inst.leadReward(c); continue }
            if k == 0 { upper[c] = min(upper[c], -inst.leadReward(c)) }
            if n > 0 && k <= 1 { upper[c] = min(upper[c], -inst.supportReward(c)) }
            if n > 0 && k - 1 > 0 && k - 1 < n { upper[c] = min(upper[c], -inst.supportReward(c)) }
        }
        for j in 0..<cols.count where chosen[j] {
            let c = Int(cols.child[j])
            upper[c] = min(upper[c], cols.value[j] - mom[Int(cols.mom[j])])
        }
        for c in 0..<inst.childCount where upper[c] != .max { child[c] = upper[c] }
        // Moms at capacity: the smallest upper bound from their chosen pairs.
        var momUpper = [Int64](repeating: .max, count: inst.momCount)
        for j in 0..<cols.count where chosen[j] {
            let m = Int(cols.mom[j])
            momUpper[m] = min(momUpper[m], cols.value[j] - child[Int(cols.child[j])])
        }
        for m in 0..<inst.momCount where load[m] >= inst.momCapacity[m] && load[m] > 0 && momUpper[m] != .max {
            mom[m] = max(0, momUpper[m])
        }
    }

    /// The largest violation of the restricted model's dual constraints (0 when feasible), in units.
    func maxViolation(_ inst: PairingInstance, _ cols: PairColumns, _ chosen: [Bool], inModel: [Bool]) -> Int64 {
        let (count, load) = PairingDuals.slotUse(inst, cols, chosen)
        var worst: Int64 = 0
        for m in 0..<inst.momCount {
            worst = max(worst, -mom[m])
            if load[m] < inst.momCapacity[m] { worst = max(worst, abs(mom[m])) }
        }
        for j in 0..<cols.count {
            let rc = cols.value[j] - mom[Int(cols.mom[j])] - child[Int(cols.child[j])]
            worst = max(worst, chosen[j] ? -rc : rc)
        }
        for c in 0..<inst.childCount where inModel[c] {
            let k = Int(count[c]), n = Int(inst.childSlots[c]) - 1
            let a = inst.leadReward(c) + child[c], b = inst.supportReward(c) + child[c]
            worst = max(worst, k >= 1 ? -a : a)
            if n > 0 {
                if k - 1 >= n { worst = max(worst, -b) } else if k <= 1 { worst = max(worst, b) } else { worst = max(worst, abs(b)) }
            }
        }
        return worst
    }

    /// The dual objective: an upper bound on every pairing once no left-out pair has a positive
    /// reduced cost, `Σ cap·λ_m + Σ_pairs max(0, rc) + Σ_c (max(0, a_c+λ_c) + N_c·max(0, b_c+λ_c))`.
    func objective(_ inst: PairingInstance, _ cols: PairColumns, inModel: [Bool]) -> Int64 {
        var total: Int64 = 0
        for m in 0..<inst.momCount { total += Int64(inst.momCapacity[m]) * mom[m] }
        for j in 0..<cols.count {
            total += max(0, cols.value[j] - mom[Int(cols.mom[j])] - child[Int(cols.child[j])])
        }
        for c in 0..<inst.childCount where inModel[c] {
            total += max(0, inst.leadReward(c) + child[c])
            total += Int64(inst.childSlots[c] - 1) * max(0, inst.supportReward(c) + child[c])
        }
        return total
    }
}

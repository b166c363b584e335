/// A fast feasible pairing over the candidate pairs, the primal starting point of the LP.
///
/// Children go by decreasing lead reward (ties by position); each takes the candidate of highest
/// value among moms with capacity left, as lead if that gains points, then supporting moms in
/// the same way. No optimality is claimed: the simplex method improves it.
enum GreedyPairing {
    /// Returns, per column of `cols`, whether the pair is chosen.
    static func choose(_ inst: PairingInstance, _ cols: PairColumns) -> [Bool] {
        var byChild = [[Int32]](repeating: [], count: inst.childCount)
        for j in 0..<cols.count { byChild[Int(cols.child[j])].append(Int32(j)) }
        var left = inst.momCapacity
        var chosen = [Bool](repeating: false, count: cols.count)
        let order = (0..<inst.childCount).sorted { (inst.leadReward($0), -$0) > (inst.leadReward($1), -$1) }
        for c in order where !byChild[c].isEmpty {
            let list = byChild[c].sorted { (cols.value[Int($0)], -$0) > (cols.value[Int($1)], -$1) }
            var k = 0
            for j32 in list {
                let j = Int(j32)
                let m = Int(cols.mom[j])
                guard left[m] > 0, k < Int(inst.childSlots[c]) else { continue }
                let reward = k == 0 ? inst.leadReward(c) : inst.supportReward(c)
                guard reward + cols.value[j] > 0 else { break }
                chosen[j] = true; left[m] -= 1; k += 1
            }
        }
        return chosen
    }
}

import Dispatch

/// Valid upper bounds on the pairing score, for a pairing cut short.
enum PairingBound {
    /// Each child at her best with no mom's capacity binding and no distance: `w·(lead + support·N)`
    /// plus the fit bonus on each of her 1 + N pairs and the continuity bonus once if she has a
    /// current mom. Every term of the score is at most that (distances only subtract), so the
    /// sum bounds every pairing. Loose, but it needs no pricing.
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

    /// The Lagrangian bound of the mom prices `momPrice` (score units, by mom position; a
    /// negative price counts as 0), in score units: `Σ_m cap_m·λ_m + Σ_c best_c(λ)`, where
    /// `best_c(λ)` is what child c would take with the moms' capacities priced instead of
    /// enforced: her allowed moms by decreasing `v(m,c) − λ_m`, the first as lead if
    /// `a_c + v − λ_m > 0`, then supporting moms while `b_c + v − λ_m > 0` (at most `N_c`).
    ///
    /// Why it bounds every pairing: for a pairing x and any `λ ≥ 0`, its score is at most
    /// `score(x) + Σ_m λ_m·(cap_m − load_m)` (each term ≥ 0), which is
    /// `Σ_m cap_m·λ_m + Σ_c [reward of c's moms + Σ_{m of c} (v(m,c) − λ_m)]`, and each child's
    /// bracket is at most `best_c(λ)` (weak duality). At the LP's optimal mom prices it equals the
    /// optimum (strong duality; the LP's optimum is the best pairing), so prices near optimal —
    /// those of a restricted model cut short by the deadline — give a bound near the score.
    ///
    /// Each child's best moms are found through the moms' grid as in `Pricing` (cells nearest
    /// first, each cell's moms by increasing price, bounds `fit − km_cost·distance − λ_m` that
    /// skip what cannot rank among her best `1 + N_c`); her current mom, whose value holds the
    /// continuity bonus those bounds leave out, is taken apart. Pairs locked by `overrides.csv`
    /// beyond reach are not searched: with locks, use `coarse`.
    static func lagrangian(_ inst: PairingInstance, momPrice: [Int64]) -> Int64 {
        lagrangian(inst, momPrice: momPrice, times: 1)
    }

    /// The smallest `lagrangian` bound at the prices `t·momPrice` for `t` in [0, 1], found by
    /// golden-section search within `evaluations` passes (each one pass like a pricing round),
    /// `t = 1` and `t = 0` first.
    ///
    /// Prices of a restricted model stopped early are too high where its few pairs crowd the
    /// same moms, so a smaller multiple bounds better; stopped late they are nearly the optimal
    /// ones and `t = 1` is best. The bound is convex in the prices, hence in t, so the search
    /// closes in on the best t; every value it evaluates is a valid bound, and it returns the
    /// smallest. On `generate --scale 10 --seed 1` (optimum 4,410,710.71, coarse bound
    /// 4,598,046) a model stopped after its first round stated 4,485,066 (at t = 1: 4,656,479),
    /// one stopped near the end 4,410,737.81; about 0.1 s per pass there (Guides/Pairing.md).
    ///
    /// The passes come after the deadline, so they have a budget, `budgetSeconds` for all of
    /// them. `t = 0` comes first and always: it is cheap (`atZeroPrices`: each child's walk stops
    /// at her nearest best moms) and never above the coarse bound, and a plan stopped after its
    /// first rounds has its best bound there. `t = 1` comes next, within the budget: a pass is
    /// like a pricing round (at scale 100 about 6 s on two cores), and one the budget cuts short
    /// is dropped (its partial sum bounds nothing). The search between them runs only if the
    /// budget left affords its passes at the measured cost of `t = 1`.
    static func lagrangianAlong(_ inst: PairingInstance, momPrice: [Int64], evaluations: Int = 8,
                                budgetSeconds: Double = .infinity) -> Int64 {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = budgetSeconds.isFinite ? Deadline(end: start.advanced(by: .seconds(max(0, budgetSeconds)))) : Deadline.none
        var memo: [Double: Int64] = [0: atZeroPrices(inst)]
        func at(_ t: Double) -> Int64 {
            if let v = memo[t] { return v }
            let v = lagrangian(inst, momPrice: momPrice, times: t)
            memo[t] = v
            return v
        }
        let passStart = clock.now
        guard let one = lagrangian(inst, momPrice: momPrice, times: 1, until: deadline) else { return memo[0]! }
        memo[1] = one
        let pass = (clock.now - passStart).seconds
        let affordable = 2 + (budgetSeconds - (clock.now - start).seconds) / max(pass, 1e-9)
        let evaluations = affordable >= Double(evaluations) ? evaluations : max(2, Int(affordable))
        guard evaluations > 2 else { return memo.values.min()! }
        let ratio = (5.0.squareRoot() - 1) / 2
        var (lo, hi) = (0.0, 1.0)
        var x1 = hi - ratio * (hi - lo), x2 = lo + ratio * (hi - lo)
        for _ in 0..<max(0, evaluations - 2) where memo.count < evaluations {
            if at(x1) <= at(x2) { hi = x2; x2 = x1; x1 = hi - ratio * (hi - lo) }
            else { lo = x1; x1 = x2; x2 = lo + ratio * (hi - lo) }
        }
        return memo.values.min()!
    }

    /// `lagrangian` at the prices `t·momPrice`, rounded down to whole units.
    private static func lagrangian(_ inst: PairingInstance, momPrice: [Int64], times t: Double) -> Int64 {
        lagrangian(inst, momPrice: momPrice, times: t, until: .none)!
    }

    /// The same, nil when `deadline` passed before every child was counted.
    private static func lagrangian(_ inst: PairingInstance, momPrice: [Int64], times t: Double, until deadline: Deadline) -> Int64? {
        if t == 0 { return atZeroPrices(inst) }
        let price: [Int64] = t == 1 ? momPrice.map { max(0, $0) } : momPrice.map { max(0, Int64((Double($0) * t).rounded(.down))) }
        return lagrangianAtPrices(inst, price, until: deadline)
    }

    /// `lagrangian` with every price 0: each child with her best moms, capacities ignored. With no
    /// prices her `1 + N_c` most valuable pairs are among her `1 + N_c` nearest allowed moms, her
    /// `1 + N_c` nearest sharing an interest and her current mom (`NearestMoms`), so one short
    /// ring walk per child replaces a pricing pass (whose circle is as wide as the fit bonus
    /// buys in distance): at scale 30 the pass took 1.2 s. Equal to `lagrangianAtPrices` at
    /// zero prices (`PairingBoundTests`).
    static func atZeroPrices(_ inst: PairingInstance) -> Int64 {
        let chunkCount = inst.childCount < 2_000 ? 1 : 16
        let sums = ChunkResults<Int64>(count: chunkCount, empty: 0)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var sum: Int64 = 0
            var lists = NearestMoms(nearest: 1, sharing: 1)
            var gains: [Int64] = []
            let lower = inst.childCount * chunk / chunkCount, upper = inst.childCount * (chunk + 1) / chunkCount
            for c in lower..<upper {
                let slots = Int(inst.childSlots[c])
                lists.nearest = slots; lists.sharing = inst.interests.masks[c] == 0 ? 0 : slots
                lists.find(inst, c)
                gains.removeAll(keepingCapacity: true)
                let current = Int(inst.childPairedMom[c])
                lists.forEachMerged { d, m in
                    if m != current { gains.append(inst.facts(mom: m, child: c, centikm: d).value) }
                }
                if current >= 0 {
                    let f = inst.facts(mom: current, child: c)
                    if f.allowed { gains.append(f.value) }
                }
                gains.sort(by: >)
                // The lead if `a_c + v > 0`, then supporting moms while `b_c + v > 0`.
                guard let top = gains.first, inst.leadReward(c) + top > 0 else { continue }
                sum += inst.leadReward(c) + top
                for v in gains.dropFirst().prefix(slots - 1) {
                    guard inst.supportReward(c) + v > 0 else { break }
                    sum += inst.supportReward(c) + v
                }
            }
            sums.buffer[chunk] = sum
        }
        return sums.buffer.reduce(0, +)
    }

    /// One pass of `lagrangian`, at prices already made non-negative; nil when `deadline`
    /// passed first (checked every 128 children).
    private static func lagrangianAtPrices(_ inst: PairingInstance, _ price: [Int64], until deadline: Deadline = .none) -> Int64? {
        var total: Int64 = 0
        for m in 0..<inst.momCount where inst.momCapacity[m] > 0 { total += Int64(inst.momCapacity[m]) * price[m] }
        let grid = inst.momGrid
        let masks = inst.skills.masks
        let cells = CellsByPrice(grid, price: { price[Int(inst.activeMoms[$0])] }, mask: { masks[Int(inst.activeMoms[$0])] })
        let (cheapest, skillsOfBlock) = cells.blocks(grid, price: { price[Int(inst.activeMoms[$0])] })
        let per = inst.weights.perCentikm
        let fitMax = max(0, inst.weights.fit)
        let (order, first, skillsOfCell) = (cells.order, cells.first, cells.masks)
        let chunkCount = inst.childCount < 2_000 ? 1 : 16
        let sums = ChunkResults<Int64>(count: chunkCount, empty: 0)
        let stopped = ChunkResults<Bool>(count: chunkCount, empty: false)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var sum: Int64 = 0
            let lower = inst.childCount * chunk / chunkCount, upper = inst.childCount * (chunk + 1) / chunkCount
            for c in lower..<upper {
                if (c - lower) & 127 == 0 && deadline.hasPassed { stopped.buffer[chunk] = true; break }
                let lead = inst.leadReward(c), support = inst.supportReward(c)
                // Ranked by `a_c + v − λ_m`: positive exactly when the mom is worth taking as lead.
                var best = BestPairs(limit: Int(inst.childSlots[c]))
                let current = Int(inst.childPairedMom[c])
                if current >= 0 {
                    let f = inst.facts(mom: current, child: c)
                    let rc = lead + f.value - price[current]
                    if f.allowed && best.ranks(rc, current) { best.insert(rc, current, f) }
                }
                let childMask = inst.interests.masks[c]
                let fit = childMask == 0 ? 0 : fitMax
                let room = fit + lead
                if room > 0, let q = grid.query(withinCentikm: per > 0 ? Int(min(Int64(inst.maxReach), (room - 1) / per)) : inst.maxReach,
                                                 of: inst.childLocation[c]) {
                    grid.forEachCellByBlockRings(q, ring: { gap in
                        fit - per * Int64(gap) + lead >= best.floor
                    }, block: { b, near in
                        guard cheapest[b] != .max else { return false }
                        let blockFit = skillsOfBlock[b] & childMask != 0 ? fit : 0
                        return blockFit - per * Int64(near) - cheapest[b] + lead >= best.floor
                    }) { cell, nearest32 in
                        guard first[cell] < first[cell + 1] else { return }
                        let cellRoom = (skillsOfCell[cell] & childMask != 0 ? fit : 0) - per * Int64(nearest32) + lead
                        for idx in Int(first[cell])..<Int(first[cell + 1]) {
                            let point = Int(order[idx]), m = Int(inst.activeMoms[point])
                            let lm = price[m]
                            if cellRoom - lm < best.floor { break }
                            guard m != current else { continue }
                            let f = inst.interests.shares(c, with: inst.skills, m) ? fitMax : 0
                            guard let near = grid.nearestCentikm(q, point), f - per * Int64(near) - lm + lead >= best.floor else { continue }
                            let d = grid.centikm(q, point)
                            guard d <= q.limit, d <= Int(inst.momReach[m]) else { continue }
                            let facts = inst.facts(mom: m, child: c, centikm: d)
                            let rc = lead + facts.value - lm
                            if best.ranks(rc, m) { best.insert(rc, m, facts) }
                        }
                    }
                }
                // The lead (first, rc > 0 by `ranks`), then supporting moms while `b_c + v − λ_m > 0`.
                for (i, p) in best.items.enumerated() {
                    if i == 0 { sum += p.rc; continue }
                    let gain = p.rc - lead + support
                    guard gain > 0 else { break }
                    sum += gain
                }
            }
            sums.buffer[chunk] = sum
        }
        guard !stopped.buffer.contains(true) else { return nil }
        for s in sums.buffer { total += s }
        return total
    }
}

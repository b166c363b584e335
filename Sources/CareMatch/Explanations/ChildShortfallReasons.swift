import Dispatch
import Foundation

/// Why a child has no lead mom, or fewer supporting moms than wanted, computed from the dataset
/// and the plan's pairs alone (so it does not depend on how the pairing was solved).
///
/// For each such child: the moms within reach (distance ≤ min(her `max_km`, `pairing.max_km`))
/// not already paired with the child; if none, the nearest mom with free capacity anywhere and
/// her limit; if all are full, how many and the nearest free mom beyond reach; if one is free,
/// what the pair would add to the score (≤ 0, or the plan would have made it).
///
/// - Complexity: per child short of moms, a ring walk to the nearest free mom within reach and a
///   count of the free ones from per-cell totals (mom by mom only in the cells her circle cuts);
///   when none is free, one query listing the moms within reach and a ring walk outward to the
///   nearest free mom (`LivePoints`, the full moms dropped as met); never children × moms.
public enum ChildShortfallReasons {
    /// The `child` rows (by child id), then the `supporting` rows (by child id).
    ///
    /// With `momDual` (the pairing's dual prices of the moms' capacity, in points, by dataset
    /// position), a child whose moms within reach are all full is also told which of them
    /// comes closest: the points a place with her is worth to the children she has, against
    /// what this child's pair would bring (at the optimum the place is worth at least that).
    public static func explain(_ d: Dataset, pairs: [EvaluatedPair], momDual: [Double]? = nil) -> [UnmetEntry] {
        var load = [Int](repeating: 0, count: d.moms.count)
        var momsOf = [[Int]](repeating: [], count: d.children.count)
        var childrenOf = [[Int]](repeating: [], count: d.moms.count)
        var hasLead = [Bool](repeating: false, count: d.children.count)
        for p in pairs {
            load[p.mom] += 1
            momsOf[p.child].append(p.mom)
            childrenOf[p.mom].append(p.child)
            if p.role == .lead { hasLead[p.child] = true }
        }
        let nearby = MomsByID(d, load: load)
        let order = d.children.indices.sorted { d.children[$0].id.precedesInCodePoints(d.children[$1].id) }
        // The children short of moms, in id order; explained in parallel chunks (each child's
        // reason depends only on the plan), put back in that order.
        var short: [(c: Int, kind: UnmetEntry.Kind, missing: Int)] = []
        for c in order {
            let wanted = max(0, d.children[c].supportersWanted)
            if !hasLead[c] {
                short.append((c, .child, 1 + wanted))
            } else if momsOf[c].count - 1 < wanted {
                short.append((c, .supporting, wanted - (momsOf[c].count - 1)))
            }
        }
        let dual = momDual?.count == d.moms.count ? momDual : nil
        let (moms, children, shortOnes) = (momsOf, childrenOf, short)
        let chunkCount = shortOnes.count < 256 ? 1 : 16
        let chunks = ChunkResults<[UnmetEntry]>(count: chunkCount, empty: [])
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var rows: [UnmetEntry] = []
            // Each chunk drops the full moms (and those without capacity) from its own copies.
            var free = LivePoints(nearby.grid), any = LivePoints(nearby.grid)
            let lower = shortOnes.count * chunk / chunkCount, upper = shortOnes.count * (chunk + 1) / chunkCount
            for (c, kind, missing) in shortOnes[lower..<upper] {
                let child = d.children[c]
                let (code, reason) = explainChild(d, c, kind: kind, moms: nearby, free: &free, any: &any,
                                                  paired: Set(moms[c]), childrenOf: children, momDual: dual)
                rows.append(UnmetEntry(kind: kind, id: child.id, childID: child.id, group: child.group, county: child.county,
                                       township: child.township, priority: nil, missing: Double(missing), code: code, reason: reason))
            }
            chunks.buffer[chunk] = rows
        }
        let rows = chunks.buffer.flatMap { $0 }
        let leads: [UnmetEntry] = rows.filter { $0.kind == UnmetEntry.Kind.child }
        return leads + rows.filter { $0.kind == UnmetEntry.Kind.supporting }
    }

    /// The distance limit of a pair with mom `m`, in hundredths of a km.
    static func limitCentikm(_ d: Dataset, _ m: Int) -> Int {
        let km = min(d.moms[m].maxKm ?? d.settings.maxKm, d.settings.maxKm)
        return Int((km * 100 + 1e-6).rounded(.down))
    }

    static func km(_ centikm: Int) -> String { Decimals.format(Double(centikm) / 100, maxDecimals: 2) }

    /// The points a pair of `c` with `m` at `centikm` would add: the reward (lead or support)
    /// times the group weight, plus the pair value v(m,c) of contract section 5.
    static func pairPoints(_ d: Dataset, _ c: Int, _ m: Int, centikm: Int, kind: UnmetEntry.Kind) -> Double {
        let s = d.settings, child = d.children[c], mom = d.moms[m]
        let shared = !Set(child.interests).isDisjoint(with: mom.skills)
        let continued = child.pairedMomID == mom.id
        let reward = kind == .child ? s.leadReward : s.supportReward
        return s.weight(child.group) * reward + (shared ? s.fitBonus : 0) + (continued ? s.continuityBonus : 0)
            - s.kmCost * Double(centikm) / 100
    }

    static func points(_ x: Double) -> String { Decimals.format(Decimals.round(x), maxDecimals: 2) }

    static func explainChild(_ d: Dataset, _ c: Int, kind: UnmetEntry.Kind, moms: MomsByID, free: inout LivePoints,
                             any: inout LivePoints, paired: Set<Int>, childrenOf: [[Int]], momDual: [Double]?) -> (UnmetReasonCode, String) {
        let s = d.settings
        let child = d.children[c]
        let settingLimit = Decimals.format(s.maxKm, maxDecimals: 2)
        let other = kind == .supporting ? "other " : ""
        // With a free mom within reach: how many, and what pairing the nearest would bring.
        if let (freeCount, best) = moms.freeInReach(child.location, free: &free, paired: paired) {
            let value = pairPoints(d, c, best.m, centikm: best.d, kind: kind)
            return (.notWorthPairing,
                    "\(freeCount) \(other)mom(s) within reach have free capacity, but pairing the nearest, \(d.moms[best.m].id) at \(km(best.d)) km, would change the score by \(points(value)) points")
        }
        // Otherwise every mom within reach of this child, not already paired with her, is full.
        var inReach: [(m: Int, d: Int)] = []
        moms.grid.forEach(within: s.maxKm, of: child.location) { i, dist in
            let m = Int(moms.mom[i])
            guard !paired.contains(m), d.moms[m].capacity > 0, dist <= limitCentikm(d, m) else { return }
            inReach.append((m, dist))
        }
        let nearer = { (a: (m: Int, d: Int), b: (m: Int, d: Int)) in a.d != b.d ? a.d < b.d : d.moms[a.m].id.precedesInCodePoints(d.moms[b.m].id) }
        inReach.sort(by: nearer)
        let nearestFree = nearestFreeMom(d, child.location, moms: moms, free: &free, paired: paired)
        var beyond: String
        if let (m, dist) = nearestFree {
            beyond = "the nearest \(other)mom with free capacity is \(d.moms[m].id) at \(km(dist)) km, beyond the \(km(limitCentikm(d, m))) km limit that applies"
        } else if inReach.isEmpty, let (m, dist) = nearestMom(d, child.location, moms: moms, any: &any, paired: paired) {
            beyond = "no \(other)mom has free capacity anywhere (the nearest \(other)mom, \(d.moms[m].id), is \(km(dist)) km away against her \(km(limitCentikm(d, m))) km limit, and full)"
        } else {
            beyond = "no \(other)mom has free capacity anywhere"
        }
        if inReach.isEmpty {
            // The nearest mom of all, when she is not the nearest free one: just past the limit
            // and full is a different fact from far away.
            if let (f, _) = nearestFree, let (m, dist) = nearestMom(d, child.location, moms: moms, any: &any, paired: paired), m != f {
                beyond += "; the nearest mom, \(d.moms[m].id), is \(km(dist)) km away against her \(km(limitCentikm(d, m))) km limit, and full"
            }
            return (.noMomInReach, "no \(other)mom within reach (pairing.max_km \(settingLimit) km, or the mom's own max_km); \(beyond)")
        }
        let nearest = inReach[0]
        var held = ""
        if let dual = momDual {
            // The full mom whose place comes closest to being worth this child's pair.
            var best: (m: Int, gap: Double, value: Double)?
            for (m, dist) in inReach {
                let v = pairPoints(d, c, m, centikm: dist, kind: kind)
                let gap = dual[m] - v
                if best == nil || gap < best!.gap - 1e-9 { best = (m, gap, v) }
            }
            if let b = best {
                let theirs = childrenOf[b.m].map { d.children[$0].id }.sorted { $0.precedesInCodePoints($1) }
                let list = theirs.count > 3 ? theirs.prefix(3).joined(separator: ", ") + ", …" : theirs.joined(separator: ", ")
                held = "; the closest call is \(d.moms[b.m].id): a place with her is worth \(points(dual[b.m])) points to the children she has (\(list)), this pair would bring \(points(b.value))"
            }
        }
        return (.momsInReachFull,
                "moms within reach are all at capacity (\(inReach.count) \(other)mom(s) within reach, all full; nearest \(d.moms[nearest.m].id) at \(km(nearest.d)) km)\(held); \(beyond)")
    }

    /// The moms for the searches around a child: a grid over them in id order (so that the
    /// grid's ties, smaller index, are ties by id), their dataset positions, and per cell the
    /// counts that let a cell lying wholly within reach be counted without visiting its moms.
    struct MomsByID: Sendable {
        let grid: SpatialGrid
        /// Dataset position of the grid's point `i`, and the grid point of each mom.
        let mom: [Int32], point: [Int32]
        /// Moms with free capacity, and moms with any capacity, in the plan.
        let freeCount: Int, withCapacityCount: Int
        /// `pairing.max_km` in hundredths of a km: the reach of a mom without a shorter limit.
        let settingLimit: Int
        /// Per cell: moms with free capacity and the setting's reach; moms with capacity and a
        /// shorter reach of their own (a cell holding any is counted mom by mom).
        let freeInCell: [Int32], shorterReachInCell: [Int32]
        /// Per grid point: whether the mom has free capacity, and her reach in centikm (read in
        /// the hot loops instead of the dataset's moms).
        let isFree: [Bool], reach: [Int32]

        init(_ d: Dataset, load: [Int]) {
            let byID = d.moms.indices.sorted { d.moms[$0].id.precedesInCodePoints(d.moms[$1].id) }
            // Finer cells on dense maps: the cells a circle cuts are visited mom by mom.
            let points = byID.map { d.moms[$0].location }, settingKm = max(1, d.settings.maxKm)
            grid = SpatialGrid(points: points, cellKm: SpatialGrid.cellKm(for: points, perCell: 16, minKm: settingKm / 32, maxKm: settingKm / 4))
            mom = byID.map { Int32($0) }
            var point = [Int32](repeating: 0, count: d.moms.count)
            for (i, m) in byID.enumerated() { point[m] = Int32(i) }
            self.point = point
            settingLimit = Int((d.settings.maxKm * 100 + 1e-6).rounded(.down))
            var free = [Int32](repeating: 0, count: grid.cellCount), shorter = free
            for (i, m) in byID.enumerated() where d.moms[m].capacity > 0 {
                let cell = grid.cell(ofPoint: i)
                if limitCentikm(d, m) < settingLimit { shorter[cell] += 1 } else if load[m] < d.moms[m].capacity { free[cell] += 1 }
            }
            freeInCell = free
            shorterReachInCell = shorter
            isFree = byID.map { load[$0] < d.moms[$0].capacity }
            reach = byID.map { Int32(limitCentikm(d, $0)) }
            freeCount = isFree.lazy.filter { $0 }.count
            withCapacityCount = d.moms.lazy.filter { $0.capacity > 0 }.count
        }

        /// The moms within reach of a child at `p` (contract distance at most their limit, the
        /// smaller of `pairing.max_km` and their own) with free capacity, not in `paired`: how
        /// many, and the nearest (ties: smaller id), found by a ring walk of `free`. Cells
        /// wholly within reach are counted from their totals, the others mom by mom.
        func freeInReach(_ p: GeoPoint, free: inout LivePoints, paired: Set<Int>) -> (count: Int, nearest: (m: Int, d: Int))? {
            guard let q = grid.query(withinCentikm: settingLimit, of: p),
                  let near = free.nearest(to: p, withinCentikm: settingLimit, isLive: { isFree[$0] },
                                          accept: { i, dist in dist <= Int(reach[i]) && !paired.contains(Int(mom[i])) })
            else { return nil }
            var count = 0
            grid.forEachCell(q) { cell, _ in
                if shorterReachInCell[cell] == 0 && grid.cellLiesWithin(q, cell) {
                    count += Int(freeInCell[cell])
                    for m in paired where grid.cell(ofPoint: Int(point[m])) == cell && isFree[Int(point[m])] { count -= 1 }
                    return
                }
                for k in grid.pointRange(ofCell: cell) {
                    let i = grid.point(at: k)
                    guard isFree[i], grid.nearestCentikm(q, i) != nil, !paired.contains(Int(mom[i])) else { continue }
                    if Distance.centikm(p, grid.points[i]) <= Int(reach[i]) { count += 1 }
                }
            }
            return (count, (Int(mom[near.index]), near.centikm))
        }
    }

    /// Farther than any two points on Earth, in hundredths of a km.
    static let anywhereCentikm = Int((Double.pi * Distance.earthRadiusKm * 100).rounded(.up)) + 1

    /// The nearest mom with free capacity not paired with the child, at any distance (ties:
    /// smaller id), with her distance in centikm: a ring walk of `free`, the live points being
    /// the moms with free capacity, that stops at the first ring beyond the best found.
    static func nearestFreeMom(_ d: Dataset, _ p: GeoPoint, moms: MomsByID, free: inout LivePoints, paired: Set<Int>) -> (Int, Int)? {
        guard moms.freeCount > paired.filter({ moms.isFree[Int(moms.point[$0])] }).count else { return nil }
        return free.nearest(to: p, withinCentikm: anywhereCentikm,
                            isLive: { moms.isFree[$0] },
                            accept: { i, _ in !paired.contains(Int(moms.mom[i])) })
            .map { (Int(moms.mom[$0.index]), $0.centikm) }
    }

    /// The nearest mom not paired with the child, whatever her load (ties: smaller id).
    static func nearestMom(_ d: Dataset, _ p: GeoPoint, moms: MomsByID, any: inout LivePoints, paired: Set<Int>) -> (Int, Int)? {
        guard moms.withCapacityCount > paired.filter({ d.moms[$0].capacity > 0 }).count else { return nil }
        return any.nearest(to: p, withinCentikm: anywhereCentikm,
                           isLive: { i in d.moms[Int(moms.mom[i])].capacity > 0 },
                           accept: { i, _ in !paired.contains(Int(moms.mom[i])) })
            .map { (Int(moms.mom[$0.index]), $0.centikm) }
    }
}

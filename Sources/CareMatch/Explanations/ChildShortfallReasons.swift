import Dispatch
import Foundation

/// Why a child has no lead mom, or fewer supporting moms than wanted, computed from the dataset
/// and the plan's pairs alone (so it does not depend on how the pairing was solved).
///
/// For each such child: the moms within reach (distance ≤ min(her `max_km`, `pairing.max_km`))
/// not already paired with the child; if none, the nearest mom with free capacity anywhere and
/// her limit; if all are full, how many and the nearest free mom beyond reach; if one is free,
/// what the pair would add to the score. In an optimal plan that is at most 0 for every free
/// mom within reach (`not_worth_pairing`: a free pair can always be added); in a plan stopped
/// before its optimum (a time limit) some pair may add points, and then the best of them is
/// named instead (`moms_left_unused`), so that a reason never calls a gain a loss. Pairs that
/// `overrides.csv` forbids are left out of that search.
///
/// - Complexity: per child short of moms, ring walks to the nearest mom within reach (free, or
///   with any capacity) and counts from per-cell totals (`MomsInReach`); when all within reach
///   are full, the closest call walks the cells nearest first and stops where the cheapest place
///   left cannot come closer; never children × moms.
public enum ChildShortfallReasons {
    /// The `child` rows (by child id), then the `supporting` rows (by child id).
    ///
    /// With `momDual` (the pairing's dual prices of the moms' capacity, in points, by dataset
    /// position), a child whose moms within reach are all full is also told which of them
    /// comes closest: the points a place with her is worth to the children she has, against
    /// what this child's pair would bring (at the optimum the place is worth at least that).
    ///
    /// With `leadsOnly`, only the `child` rows of the first `leadsOnly` children without a lead
    /// (by id): the rows `report.html` lists, the same sentences as `unmet.csv`'s.
    public static func explain(_ d: Dataset, pairs: [EvaluatedPair], momDual: [Double]? = nil, leadsOnly: Int? = nil) -> [UnmetEntry] {
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
        let dual = momDual?.count == d.moms.count ? momDual : nil
        let nearby = MomsInReach(d, load: load, dual: dual)
        let tags = TagSets.pair(children: d.children.map(\.interests), moms: d.moms.map(\.skills))
        let forbidden = forbiddenPairs(d)
        let order = d.children.indices.sorted { d.children[$0].id.precedesInCodePoints(d.children[$1].id) }
        // The children short of moms, in id order; explained in parallel chunks (each child's
        // reason depends only on the plan), put back in that order.
        var short: [(c: Int, kind: UnmetEntry.Kind, missing: Int)] = []
        for c in order {
            let wanted = max(0, d.children[c].supportersWanted)
            if !hasLead[c] {
                if let k = leadsOnly, short.count >= k { break }
                short.append((c, .child, 1 + wanted))
            } else if leadsOnly == nil, momsOf[c].count - 1 < wanted {
                short.append((c, .supporting, wanted - (momsOf[c].count - 1)))
            }
        }
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
                let barred = forbidden[c].filter { $0.role == nil || $0.role == (kind == .child ? .lead : .support) }.map(\.mom)
                let (code, reason) = explainChild(d, c, kind: kind, moms: nearby, free: &free, any: &any,
                                                  paired: Set(moms[c]), forbidden: Set(barred), tags: tags,
                                                  childrenOf: children, momDual: dual)
                rows.append(UnmetEntry(kind: kind, id: child.id, childID: child.id, group: child.group, county: child.county,
                                       township: child.township, priority: nil, missing: Double(missing), code: code, reason: reason))
            }
            chunks.buffer[chunk] = rows
        }
        let rows = chunks.buffer.flatMap { $0 }
        let leads: [UnmetEntry] = rows.filter { $0.kind == UnmetEntry.Kind.child }
        return leads + rows.filter { $0.kind == UnmetEntry.Kind.supporting }
    }

    /// The `forbid_pair` lines of `overrides.csv`, by child position: the mom and the role
    /// forbidden (`nil`: both).
    static func forbiddenPairs(_ d: Dataset) -> [[(mom: Int, role: PairingRole?)]] {
        var out = [[(mom: Int, role: PairingRole?)]](repeating: [], count: d.children.count)
        let lines = d.overrides.filter { $0.kind == .forbidPair }
        guard !lines.isEmpty else { return out }
        let index = d.index
        for o in lines {
            guard let cid = o.childID, let mid = o.momID, let c = index.childByID[cid], let m = index.momByID[mid] else { continue }
            out[c].append((m, o.role))
        }
        return out
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
        let shared = child.interests.contains(where: mom.skills.contains)
        let continued = child.pairedMomID == mom.id
        let reward = kind == .child ? s.leadReward : s.supportReward
        return s.weight(child.group) * reward + (shared ? s.fitBonus : 0) + (continued ? s.continuityBonus : 0)
            - s.kmCost * Double(centikm) / 100
    }

    static func points(_ x: Double) -> String { Decimals.format(Decimals.round(x), maxDecimals: 2) }

    static func explainChild(_ d: Dataset, _ c: Int, kind: UnmetEntry.Kind, moms: MomsInReach, free: inout LivePoints,
                             any: inout LivePoints, paired: Set<Int>, forbidden: Set<Int> = [], tags: (children: TagSets, moms: TagSets),
                             childrenOf: [[Int]], momDual: [Double]?) -> (UnmetReasonCode, String) {
        let s = d.settings
        let child = d.children[c]
        let settingLimit = Decimals.format(s.maxKm, maxDecimals: 2)
        let other = kind == .supporting ? "other " : ""
        // With a free mom within reach: how many, and what pairing the nearest would bring —
        // unless some free pair would add points (a plan stopped before its optimum).
        if let (freeCount, nearest) = moms.freeInReach(child.location, free: &free, paired: paired) {
            if let gain = bestFreePair(d, c, kind: kind, moms: moms, free: &free, paired: paired, forbidden: forbidden,
                                       tags: tags, nearest: nearest), gain.units > 0 {
                return (.momsLeftUnused,
                        "\(freeCount) \(other)mom(s) within reach have free capacity, and pairing \(d.moms[gain.m].id) at \(km(gain.d)) km would add \(points(gain.value)) points: the pairing stopped before its optimum (its time limit), so a longer time limit or pairing them by hand would raise the score")
            }
            let value = pairPoints(d, c, nearest.m, centikm: nearest.d, kind: kind)
            let barred = forbidden.contains(nearest.m) ? " (a pair overrides.csv forbids)" : ""
            return (.notWorthPairing,
                    "\(freeCount) \(other)mom(s) within reach have free capacity, but pairing the nearest, \(d.moms[nearest.m].id) at \(km(nearest.d)) km, would change the score by \(points(value)) points\(barred)")
        }
        // Otherwise every mom within reach of this child, not already paired with her, is full.
        let inReach = moms.withCapacityInReach(child.location, any: &any, paired: paired)
        let nearestFree = nearestFreeMom(d, child.location, moms: moms, free: &free, paired: paired)
        var beyond: String
        if let (m, dist) = nearestFree {
            beyond = "the nearest \(other)mom with free capacity is \(d.moms[m].id) at \(km(dist)) km, beyond the \(km(limitCentikm(d, m))) km limit that applies"
        } else if inReach == nil, let (m, dist) = nearestMom(d, child.location, moms: moms, any: &any, paired: paired) {
            beyond = "no \(other)mom has free capacity anywhere (the nearest \(other)mom, \(d.moms[m].id), is \(km(dist)) km away against her \(km(limitCentikm(d, m))) km limit, and full)"
        } else {
            beyond = "no \(other)mom has free capacity anywhere"
        }
        guard let (count, nearest) = inReach else {
            // The nearest mom of all, when she is not the nearest free one: just past the limit
            // and full is a different fact from far away.
            if let (f, _) = nearestFree, let (m, dist) = nearestMom(d, child.location, moms: moms, any: &any, paired: paired), m != f {
                beyond += "; the nearest mom, \(d.moms[m].id), is \(km(dist)) km away against her \(km(limitCentikm(d, m))) km limit, and full"
            }
            return (.noMomInReach, "no \(other)mom within reach (pairing.max_km \(settingLimit) km, or the mom's own max_km); \(beyond)")
        }
        var held = ""
        if let dual = momDual, let b = closestCall(d, c, kind: kind, moms: moms, paired: paired, dual: dual) {
            let theirs = childrenOf[b.m].map { d.children[$0].id }.sorted { $0.precedesInCodePoints($1) }
            let list = theirs.count > 3 ? theirs.prefix(3).joined(separator: ", ") + ", …" : theirs.joined(separator: ", ")
            held = "; the closest call is \(d.moms[b.m].id): a place with her is worth \(points(dual[b.m])) points to the children she has (\(list)), this pair would bring \(points(b.value))"
        }
        return (.momsInReachFull,
                "moms within reach are all at capacity (\(count) \(other)mom(s) within reach, all full; nearest \(d.moms[nearest.m].id) at \(km(nearest.d)) km)\(held); \(beyond)")
    }

    /// The free mom within reach of child `c`, not in `paired` nor `forbidden`, whose pair adds
    /// the most to the score (in whole score units; ties: nearer, then smaller id), given
    /// `nearest`, the nearest free mom within reach not in `paired`. With distance costing
    /// points, the best pair is the nearest acceptable mom, the nearest one sharing an interest,
    /// or the continuity mom: every other one is farther than one of these and brings at most
    /// the same bonuses. The walk for the one sharing an interest is only made when her bonus
    /// could lift the pair above 0.
    static func bestFreePair(_ d: Dataset, _ c: Int, kind: UnmetEntry.Kind, moms: MomsInReach, free: inout LivePoints,
                             paired: Set<Int>, forbidden: Set<Int>, tags: (children: TagSets, moms: TagSets),
                             nearest: (m: Int, d: Int)) -> (m: Int, d: Int, value: Double, units: Int64)? {
        let child = d.children[c], s = d.settings
        func units(_ v: Double) -> Int64 { Int64((v * moms.unitsPerPoint).rounded()) }
        var best: (m: Int, d: Int, value: Double, units: Int64)?
        func consider(_ m: Int, _ dist: Int) {
            let v = pairPoints(d, c, m, centikm: dist, kind: kind), u = units(v)
            if let b = best, (u, -dist, -Int(moms.point[m])) <= (b.units, -b.d, -Int(moms.point[b.m])) { return }
            best = (m, dist, v, u)
        }
        let excluded = { (i: Int) in paired.contains(Int(moms.mom[i])) || forbidden.contains(Int(moms.mom[i])) }
        var first = nearest
        if forbidden.contains(nearest.m) {
            guard let near = free.nearest(to: child.location, withinCentikm: moms.settingLimit, isLive: { moms.isFree[$0] },
                                          accept: { i, dist in dist <= Int(moms.reach[i]) && !excluded(i) })
            else { return nil }
            first = (Int(moms.mom[near.index]), near.centikm)
        }
        consider(first.m, first.d)
        if let id = child.pairedMomID, let i = moms.point(ofID: id), moms.isFree[i], !excluded(i) {
            let dist = Distance.centikm(child.location, moms.grid.points[i])
            if dist <= Int(moms.reach[i]) { consider(Int(moms.mom[i]), dist) }
        }
        let reward = s.weight(child.group) * (kind == .child ? s.leadReward : s.supportReward)
        if s.fitBonus > 0, !tags.children.shares(c, with: tags.moms, first.m),
           case let bound = units(reward + s.fitBonus - s.kmCost * Double(first.d) / 100), bound > 0, bound >= best?.units ?? 0,
           let near = free.nearest(to: child.location, withinCentikm: moms.settingLimit, isLive: { moms.isFree[$0] },
                                   accept: { i, dist in dist <= Int(moms.reach[i]) && !excluded(i) && tags.children.shares(c, with: tags.moms, Int(moms.mom[i])) }) {
            consider(Int(moms.mom[near.index]), near.centikm)
        }
        return best
    }

    /// Among the moms within reach of child `c` with capacity, not in `paired` (all full when
    /// this is asked), the one whose place comes closest to being worth the child's pair:
    /// the smallest gap `dual[m] − pairPoints` in whole score units, then the nearest, then
    /// the smaller id. Cells are walked nearest first and skipped, with every farther ring,
    /// once the cheapest place they hold minus the best pair value they could give (with the
    /// shared-interest bonus, at their nearest distance) is above the best gap found; the
    /// continuity mom, whose bonus the bound leaves out, is priced first.
    static func closestCall(_ d: Dataset, _ c: Int, kind: UnmetEntry.Kind, moms: MomsInReach, paired: Set<Int>, dual: [Double]) -> (m: Int, gap: Double, value: Double)? {
        let s = d.settings, child = d.children[c]
        guard let q = moms.grid.query(withinCentikm: moms.settingLimit, of: child.location), !moms.lowestDualInCell.isEmpty else { return nil }
        let reward = s.weight(child.group) * (kind == .child ? s.leadReward : s.supportReward)
        var best: (m: Int, gap: Double, value: Double, units: Int64, d: Int, i: Int)?
        func consider(_ i: Int, _ centikm: Int) {
            let m = Int(moms.mom[i]), v = pairPoints(d, c, m, centikm: centikm, kind: kind), gap = dual[m] - v
            let key = (Int64((gap * moms.unitsPerPoint).rounded()), centikm, i)
            if let b = best, key >= (b.units, b.d, b.i) { return }
            best = (m, gap, v, key.0, centikm, i)
        }
        var continuity = -1
        if let id = child.pairedMomID, let i = moms.point(ofID: id) {
            let m = Int(moms.mom[i]), dist = Distance.centikm(child.location, moms.grid.points[i])
            if moms.hasCapacity[i], !paired.contains(m), dist <= Int(moms.reach[i]) { consider(i, dist); continuity = i }
        }
        // A gap at least this much above the best found cannot round to its units or below.
        let margin = max(1e-6, 2 / moms.unitsPerPoint)
        let lowestDual = moms.lowestDualInCell.min() ?? .infinity
        let most = reward + s.fitBonus
        func beaten(_ cheapest: Double, _ centikm: Int) -> Bool {
            guard let b = best else { return false }
            return cheapest - (most - s.kmCost * Double(centikm) / 100) > b.gap + margin
        }
        moms.grid.forEachCellByRings(q, ring: { !beaten(lowestDual, $0) }) { cell, nearest in
            guard !beaten(moms.lowestDualInCell[cell], nearest) else { return }
            for k in moms.grid.pointRange(ofCell: cell) {
                let i = moms.grid.point(at: k)
                guard moms.hasCapacity[i], i != continuity, let low = moms.grid.nearestCentikm(q, i), low <= Int(moms.reach[i]),
                      !paired.contains(Int(moms.mom[i])) else { continue }
                let dist = Distance.centikm(child.location, moms.grid.points[i])
                if dist <= Int(moms.reach[i]) { consider(i, dist) }
            }
        }
        return best.map { ($0.m, $0.gap, $0.value) }
    }

    /// Farther than any two points on Earth, in hundredths of a km.
    static let anywhereCentikm = Int((Double.pi * Distance.earthRadiusKm * 100).rounded(.up)) + 1

    /// The nearest mom with free capacity not paired with the child, at any distance (ties:
    /// smaller id), with her distance in centikm: a ring walk of `free`, the live points being
    /// the moms with free capacity, that stops at the first ring beyond the best found.
    static func nearestFreeMom(_ d: Dataset, _ p: GeoPoint, moms: MomsInReach, free: inout LivePoints, paired: Set<Int>) -> (Int, Int)? {
        guard moms.freeCount > paired.filter({ moms.isFree[Int(moms.point[$0])] }).count else { return nil }
        return free.nearest(to: p, withinCentikm: anywhereCentikm,
                            isLive: { moms.isFree[$0] },
                            accept: { i, _ in !paired.contains(Int(moms.mom[i])) })
            .map { (Int(moms.mom[$0.index]), $0.centikm) }
    }

    /// The nearest mom not paired with the child, whatever her load (ties: smaller id).
    static func nearestMom(_ d: Dataset, _ p: GeoPoint, moms: MomsInReach, any: inout LivePoints, paired: Set<Int>) -> (Int, Int)? {
        guard moms.withCapacityCount > paired.filter({ d.moms[$0].capacity > 0 }).count else { return nil }
        return any.nearest(to: p, withinCentikm: anywhereCentikm,
                           isLive: { moms.hasCapacity[$0] },
                           accept: { i, _ in !paired.contains(Int(moms.mom[i])) })
            .map { (Int(moms.mom[$0.index]), $0.centikm) }
    }
}

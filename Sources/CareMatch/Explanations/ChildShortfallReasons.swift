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
/// - Complexity: one spatial-grid query per child short of moms, widened by doubling the radius
///   only while no mom with free capacity has been found; never children × moms.
public enum ChildShortfallReasons {
    /// The `child` rows (by child id), then the `supporting` rows (by child id).
    ///
    /// With `momDual` (the pairing's dual prices of the moms' capacity, in points, by dataset
    /// position), a child whose moms within reach are all full is also told which of them
    /// comes closest: the points a place with her is worth to the children she has, against
    /// what this child's pair would bring (at the optimum the place is worth at least that).
    public static func explain(_ d: Dataset, pairs: [EvaluatedPair], momDual: [Double]? = nil) -> [UnmetEntry] {
        let s = d.settings
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
        let grid = SpatialGrid(points: d.moms.map(\.location), cellKm: max(1, s.maxKm / 4))
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
        let (loads, moms, children, shortOnes) = (load, momsOf, childrenOf, short)
        let chunkCount = shortOnes.count < 256 ? 1 : 16
        let chunks = ChunkResults<[UnmetEntry]>(count: chunkCount, empty: [])
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var rows: [UnmetEntry] = []
            let lower = shortOnes.count * chunk / chunkCount, upper = shortOnes.count * (chunk + 1) / chunkCount
            for (c, kind, missing) in shortOnes[lower..<upper] {
                let child = d.children[c]
                let (code, reason) = explainChild(d, c, kind: kind, grid: grid, load: loads, paired: Set(moms[c]),
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

    static func explainChild(_ d: Dataset, _ c: Int, kind: UnmetEntry.Kind, grid: SpatialGrid, load: [Int],
                             paired: Set<Int>, childrenOf: [[Int]], momDual: [Double]?) -> (UnmetReasonCode, String) {
        let s = d.settings
        let child = d.children[c]
        let settingLimit = Decimals.format(s.maxKm, maxDecimals: 2)
        // Moms within reach of this child, not already paired with it, nearest first.
        var inReach: [(m: Int, d: Int)] = []
        grid.forEach(within: s.maxKm, of: child.location) { m, dist in
            guard !paired.contains(m), d.moms[m].capacity > 0, dist <= limitCentikm(d, m) else { return }
            inReach.append((m, dist))
        }
        // Nearest first, ties by id; only the nearest free one is needed when there is one (a
        // plan cut short leaves many children short of moms, each with thousands of moms in reach
        // at province scale, so the whole list is sorted only when every one is full).
        let nearer = { (a: (m: Int, d: Int), b: (m: Int, d: Int)) in a.d != b.d ? a.d < b.d : d.moms[a.m].id.precedesInCodePoints(d.moms[b.m].id) }
        var freeCount = 0
        var nearestFreeInReach: (m: Int, d: Int)?
        for x in inReach where load[x.m] < d.moms[x.m].capacity {
            freeCount += 1
            if nearestFreeInReach.map({ nearer(x, $0) }) ?? true { nearestFreeInReach = x }
        }
        let other = kind == .supporting ? "other " : ""
        if let best = nearestFreeInReach {
            let value = pairPoints(d, c, best.m, centikm: best.d, kind: kind)
            return (.notWorthPairing,
                    "\(freeCount) \(other)mom(s) within reach have free capacity, but pairing the nearest, \(d.moms[best.m].id) at \(km(best.d)) km, would change the score by \(points(value)) points")
        }
        inReach.sort(by: nearer)
        let nearestFree = nearestFreeMom(d, child.location, grid: grid, load: load, paired: paired)
        var beyond: String
        if let (m, dist) = nearestFree {
            beyond = "the nearest \(other)mom with free capacity is \(d.moms[m].id) at \(km(dist)) km, beyond the \(km(limitCentikm(d, m))) km limit that applies"
        } else if inReach.isEmpty, let (m, dist) = nearestMom(d, child.location, grid: grid, paired: paired) {
            beyond = "no \(other)mom has free capacity anywhere (the nearest \(other)mom, \(d.moms[m].id), is \(km(dist)) km away against her \(km(limitCentikm(d, m))) km limit, and full)"
        } else {
            beyond = "no \(other)mom has free capacity anywhere"
        }
        if inReach.isEmpty {
            // The nearest mom of all, when she is not the nearest free one: just past the limit
            // and full is a different fact from far away.
            if let (f, _) = nearestFree, let (m, dist) = nearestMom(d, child.location, grid: grid, paired: paired), m != f {
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

    /// The nearest mom with free capacity not paired with the child, at any distance: grid
    /// queries with a radius doubled until one is found or the radius covers the Earth.
    static func nearestFreeMom(_ d: Dataset, _ p: GeoPoint, grid: SpatialGrid, load: [Int], paired: Set<Int>) -> (Int, Int)? {
        nearest(d, p, grid: grid) { load[$0] < d.moms[$0].capacity && !paired.contains($0) }
    }

    /// The nearest mom not paired with the child, whatever her load.
    static func nearestMom(_ d: Dataset, _ p: GeoPoint, grid: SpatialGrid, paired: Set<Int>) -> (Int, Int)? {
        nearest(d, p, grid: grid) { !paired.contains($0) && d.moms[$0].capacity > 0 }
    }

    /// The nearest mom (ties: smaller id) for which `accept` holds, with her distance in centikm.
    static func nearest(_ d: Dataset, _ p: GeoPoint, grid: SpatialGrid, where accept: (Int) -> Bool) -> (Int, Int)? {
        guard d.moms.indices.contains(where: accept) else { return nil }
        var radius = max(1, d.settings.maxKm)
        while true {
            var best: (Int, Int)?
            grid.forEach(within: radius, of: p) { m, dist in
                guard accept(m) else { return }
                if let b = best, b.1 < dist || (b.1 == dist && d.moms[b.0].id.precedesInCodePoints(d.moms[m].id)) { return }
                best = (m, dist)
            }
            if let b = best { return b }
            if radius > 2 * Double.pi * Distance.earthRadiusKm { return nil }
            radius *= 2
        }
    }
}

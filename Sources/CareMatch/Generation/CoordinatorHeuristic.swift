/// A plan made the way a coordinator fills in a spreadsheet: first come, first served, no
/// optimization. `DatasetGenerator` uses it for `manual_pairings.csv` and
/// `manual_allocations.csv`, the baseline that `compare` measures the optimal plan against.
///
/// **Pairing.** Children in list order. For each child, the lead mom is
/// 1. the child's `paired_mom_id`, if that mom exists, is within reach and has capacity left;
/// 2. else the first mom in list order of the same county and township (non-empty) who is within
///    reach and has capacity left;
/// 3. else the nearest mom of the same county within reach with capacity left (ties: list order);
/// 4. else none (the child stays without a mom and gets no supporters).
///
/// Then `supporters_wanted` supporting moms, each chosen by steps 2–3 among moms not yet
/// paired with the child. "Within reach" is the contract's rule: the rounded distance is at most
/// `min(mom.max_km, pairing.max_km)`. Each pair uses one unit of the mom's capacity.
///
/// **Allocation.** Needs in list order. For each need, while units are missing:
/// 1. in-kind offers of the need's category, in list order, that serve the child's county and
///    accept the child's group: as many units as the offer has left;
/// 2. then funds earmarked for the category, then unearmarked (`any`) funds, in list order, with
///    the same serves/group rule, if the category has a price: as many units as the money left
///    buys at the catalog price.
/// Units are whole where the category is `integral`, otherwise hundredths (rounded down), so a
/// plan never exceeds an offer's quantity, a fund's yuan or a need's quantity (contract
/// section 6).
public enum CoordinatorHeuristic {
    /// The coordinator-like pairing (rows in children's order, the lead before supporters).
    ///
    /// - Complexity: each township's list is scanned from its first mom with capacity left (full
    ///   moms are skipped with path compression); the nearest mom of the county is found by a
    ///   ring search in `LivePoints` (grids of moms that drop full ones), one per county and
    ///   whole km of reach.
    ///   Never an O(children × moms) loop: scale 100 (241,400 children, 387,100 moms) runs in
    ///   seconds.
    public static func pairings(for d: Dataset) -> [PairAssignment] {
        let settings = d.settings
        let moms = d.moms
        guard !moms.isEmpty else { return [] }
        var left = moms.map { max(0, $0.capacity) }
        var momIndex = [String: Int](minimumCapacity: moms.count)
        for (i, m) in moms.enumerated() where momIndex[m.id] == nil { momIndex[m.id] = i }

        // Moms by (county, township), in list order, flattened: township t owns positions
        // townStart[t]..<townEnd[t] of townOrder. `skip` jumps over moms known to be full
        // (union–find style with path compression), so full moms are passed over only once.
        var townID: [String: Int] = [:]
        var members: [[Int]] = []
        for (i, m) in moms.enumerated() where !m.township.isEmpty {
            let key = m.county + "\u{1}" + m.township
            if let t = townID[key] { members[t].append(i) } else { townID[key] = members.count; members.append([i]) }
        }
        var townOrder: [Int] = [], townStart: [Int] = [], townEnd: [Int] = []
        for list in members { townStart.append(townOrder.count); townOrder += list; townEnd.append(townOrder.count) }
        var skip = Array(townOrder.indices)
        func firstOpen(_ p0: Int, _ end: Int) -> Int {
            var p = p0
            while p < end && left[townOrder[p]] == 0 { p = skip[p] > p ? skip[p] : p + 1 }
            var q = p0
            while q < p { let n = skip[q] > q ? skip[q] : q + 1; skip[q] = p; q = n }
            return p
        }

        // Per county and whole km of reach, a grid of the moms with capacity left (full moms are
        // dropped from it as searches meet them). Grouping by reach keeps moms who would never
        // travel that far out of a search: a search scans only moms that can reach the child, or
        // nearly.
        let cellKm = DatasetGenerator.cellKm(for: moms.count)
        func reachKm(_ m: Int) -> Double { min(moms[m].maxKm ?? settings.maxKm, settings.maxKm) }
        var bucketID: [String: Int] = [:]
        var bucketMembers: [[Int]] = []
        var bucketReach: [Double] = []
        var countyBuckets: [String: [Int]] = [:]
        for (i, m) in moms.enumerated() where left[i] > 0 {
            let key = m.county + "\u{1}" + String(Int(max(0, reachKm(i)).rounded(.down)))
            if let b = bucketID[key] {
                bucketMembers[b].append(i); bucketReach[b] = max(bucketReach[b], reachKm(i))
            } else {
                bucketID[key] = bucketMembers.count; bucketMembers.append([i]); bucketReach.append(reachKm(i))
                countyBuckets[m.county, default: []].append(bucketMembers.count - 1)
            }
        }
        // Cells of at least 1 km: a search that finds nobody within 25 km then visits ~2,500 cells.
        var bucketGrid = bucketMembers.map { LivePoints(SpatialGrid(points: $0.map { moms[$0].location }, cellKm: max(1, cellKm))) }

        func limitCentikm(_ m: Int) -> Double { reachKm(m) * 100 + 1e-9 }
        func inReach(_ m: Int, _ c: Child) -> Bool {
            Double(Distance.centikm(moms[m].location, c.location)) <= limitCentikm(m)
        }

        var out: [PairAssignment] = []
        for child in d.children {
            var used: [Int] = []
            func take(_ m: Int) {
                left[m] -= 1; used.append(m)
                out.append(PairAssignment(childID: child.id, momID: moms[m].id, role: used.count == 1 ? .lead : .support))
            }
            func next() -> Int? {
                // Same township, list order.
                if !child.township.isEmpty, let t = townID[child.county + "\u{1}" + child.township] {
                    var p = firstOpen(townStart[t], townEnd[t])
                    while p < townEnd[t] {
                        let m = townOrder[p]
                        if !used.contains(m) && inReach(m, child) { return m }
                        p = firstOpen(p + 1, townEnd[t])
                    }
                }
                // Nearest in the county (ties: list order).
                guard let buckets = countyBuckets[child.county] else { return nil }
                let radius = settings.maxKm
                do {
                    var best: (d: Int, m: Int)?
                    for b in buckets {
                        // Members are in list order, so the grid's tie-break (smaller index) is the list's.
                        let ids = bucketMembers[b]
                        let found = bucketGrid[b].nearest(
                            to: child.location, withinCentikm: PairingWeights.centikm(min(radius, bucketReach[b])) ?? -1,
                            isLive: { left[ids[$0]] > 0 },
                            accept: { k, dist in !used.contains(ids[k]) && Double(dist) <= limitCentikm(ids[k]) })
                        if let f = found, best == nil || (f.centikm, ids[f.index]) < (best!.d, best!.m) { best = (f.centikm, ids[f.index]) }
                    }
                    return best?.m
                }
            }
            var lead: Int?
            if let pid = child.pairedMomID, let m = momIndex[pid], left[m] > 0, inReach(m, child) { lead = m }
            if lead == nil { lead = next() }
            guard let l = lead else { continue }
            take(l)
            for _ in 0..<max(0, child.supportersWanted) {
                guard let m = next() else { break }
                take(m)
            }
        }
        return out
    }

    /// The coordinator-like allocation (rows in needs' order, then sources' order).
    ///
    /// - Complexity: O(needs · offers of the need's category).
    public static func allocations(for d: Dataset) -> [AllocationAssignment] {
        let index = d.index
        let counties = d.counties
        var left = d.offers.map(\.quantity)
        // Offers by category, in list order: in kind, earmarked funds; and unearmarked funds.
        var inKind: [String: [Int]] = [:], earmarked: [String: [Int]] = [:]
        var anyFunds: [Int] = []
        var served: [Set<String>] = []
        for (i, o) in d.offers.enumerated() {
            served.append(Set(o.servedCounties(allCounties: counties)))
            if o.isFunds {
                if o.category == Offer.anyCategory { anyFunds.append(i) } else { earmarked[o.category, default: []].append(i) }
            } else {
                inKind[o.category, default: []].append(i)
            }
        }
        var out: [AllocationAssignment] = []
        for need in d.needs {
            guard let ci = index.childByID[need.childID], let ki = index.catalogByCategory[need.category],
                  need.quantity > 0 else { continue }
            let child = d.children[ci], entry = d.catalog[ki]
            func whole(_ x: Double) -> Double {
                entry.integral ? (x + 1e-9).rounded(.down) : ((x * 100) + 1e-7).rounded(.down) / 100
            }
            var missing = need.quantity
            func usable(_ s: Int) -> Bool { served[s].contains(child.county) && d.offers[s].accepts(child.group) }
            for s in inKind[need.category] ?? [] where missing > 1e-9 && usable(s) {
                guard d.offers[s].resource == entry.resource else { continue }
                let u = whole(min(missing, left[s]))
                guard u > 0 else { continue }
                left[s] -= u; missing -= u
                out.append(AllocationAssignment(sourceID: d.offers[s].id, needID: need.id, units: u))
            }
            if let cost = entry.unitCostYuan, cost > 0 {
                for s in (earmarked[need.category] ?? []) + anyFunds where missing > 1e-9 && usable(s) {
                    var u = whole(min(missing, left[s] / cost))
                    while u > 0 && u * cost > left[s] + 1e-9 { u = whole(u - (entry.integral ? 1 : 0.01)) }
                    guard u > 0 else { continue }
                    left[s] = max(0, left[s] - u * cost); missing -= u
                    out.append(AllocationAssignment(sourceID: d.offers[s].id, needID: need.id, units: u))
                }
            }
        }
        return out
    }
}

import Foundation

/// The moms around a point, for explaining why a child lacks moms: a grid over them in id order
/// (so that the grid's ties, smaller index, are ties by id) with per-cell totals, so that the
/// moms within reach of a child are counted without measuring each one, and the nearest found
/// by a ring walk (`LivePoints`).
///
/// - Complexity: building O(moms log moms) (the id order); a count visits each row of cells the
///   circle touches once, reads the totals of the cells wholly within reach as one run per row
///   (row-major prefix sums), and measures only the moms of the cells the circle cuts whose
///   distance the grid's bounds leave in doubt.
struct MomsInReach: Sendable {
    let grid: SpatialGrid
    /// Dataset position of the grid's point `i`, and the grid point of each mom.
    let mom: [Int32], point: [Int32]
    /// The moms' ids, by dataset position.
    let ids: [String]
    /// Moms with free capacity, and moms with any capacity, in the plan.
    let freeCount: Int, withCapacityCount: Int
    /// The reach of a mom without a shorter limit of her own (`pairing.max_km`), centikm.
    let settingLimit: Int
    /// Row-major prefix sums over the cells (entry c is the sum over the cells before c), among
    /// the moms with the setting's reach: those with free capacity, and those with any
    /// capacity; and of the moms with capacity and a shorter reach of their own, which are
    /// always measured one by one.
    let freeBefore: [Int32], withCapacityBefore: [Int32], shorterBefore: [Int32]
    /// The grid points of the moms with capacity and a shorter reach, grouped by cell in cell
    /// order: those of cells `a...b` are `shorterPoints[shorterBefore[a]..<shorterBefore[b + 1]]`.
    let shorterPoints: [Int32]
    /// Per cell, the smallest dual price of a place among its moms with capacity (empty
    /// without prices): a bound for the closest call's walk.
    let lowestDualInCell: [Double]
    /// Per grid point: whether the mom has free capacity, any capacity, and her reach in
    /// centikm (read in the hot loops instead of the dataset's moms).
    let isFree: [Bool], hasCapacity: [Bool], reach: [Int32]
    /// Points per score unit (`ScoreScale`): the closest call compares gaps in whole units,
    /// so that its ties are exact and broken by distance, then id.
    let unitsPerPoint: Double

    /// The moms of a dataset with the plan's `load` (places taken, by dataset position) and,
    /// for the closest call, the dual prices of their places in points.
    init(_ d: Dataset, load: [Int], dual: [Double]? = nil) {
        self.init(ids: d.moms.map(\.id), locations: d.moms.map(\.location), capacity: d.moms.map(\.capacity),
                  reach: d.moms.indices.map { ChildShortfallReasons.limitCentikm(d, $0) },
                  settingLimit: Int((d.settings.maxKm * 100 + 1e-6).rounded(.down)), settingKm: d.settings.maxKm,
                  load: load, dual: dual, unitsPerPoint: ScoreScale(settings: d.settings).unitsPerPoint)
    }

    /// The same from the moms' columns, by dataset position: `reach` in centikm, at most
    /// `settingLimit` (the reach of a mom without a shorter limit of her own).
    init(ids: [String], locations: [GeoPoint], capacity: [Int], reach: [Int], settingLimit: Int, settingKm: Double,
         load: [Int], dual: [Double]?, unitsPerPoint: Int64) {
        let byID = ids.indices.sorted { ids[$0].precedesInCodePoints(ids[$1]) }
        // Finer cells on dense maps: the cells a circle cuts are visited mom by mom, so the moms
        // measured per count grow with the cell's width (about 4 moms per cell: 10 % less time
        // for the plan files of a dense scale-10 plan than 16, Guides/Pairing.md).
        let points = byID.map { locations[$0] }, cellBase = max(1, settingKm)
        grid = SpatialGrid(points: points, cellKm: SpatialGrid.cellKm(for: points, perCell: 4, minKm: cellBase / 64, maxKm: cellBase / 4))
        mom = byID.map { Int32($0) }
        var point = [Int32](repeating: 0, count: ids.count)
        for (i, m) in byID.enumerated() { point[m] = Int32(i) }
        self.point = point
        self.ids = ids
        self.settingLimit = settingLimit
        var free = [Int32](repeating: 0, count: grid.cellCount), withCapacity = free, shorter = free
        var lowest = [Double](repeating: .infinity, count: dual == nil ? 0 : grid.cellCount)
        var shorterPoints: [Int32] = []
        for cell in 0..<grid.cellCount {
            for k in grid.pointRange(ofCell: cell) {
                let i = grid.point(at: k), m = byID[i]
                guard capacity[m] > 0 else { continue }
                if let dual { lowest[cell] = min(lowest[cell], dual[m]) }
                if reach[m] < settingLimit { shorter[cell] += 1; shorterPoints.append(Int32(i)); continue }
                withCapacity[cell] += 1
                if load[m] < capacity[m] { free[cell] += 1 }
            }
        }
        self.shorterPoints = shorterPoints
        func prefix(_ a: [Int32]) -> [Int32] {
            var out = [Int32](repeating: 0, count: a.count + 1)
            for c in a.indices { out[c + 1] = out[c] + a[c] }
            return out
        }
        freeBefore = prefix(free)
        withCapacityBefore = prefix(withCapacity)
        shorterBefore = prefix(shorter)
        lowestDualInCell = lowest
        isFree = byID.map { load[$0] < capacity[$0] }
        hasCapacity = byID.map { capacity[$0] > 0 }
        self.reach = byID.map { Int32(min(reach[$0], settingLimit)) }
        freeCount = isFree.lazy.filter { $0 }.count
        withCapacityCount = hasCapacity.lazy.filter { $0 }.count
        self.unitsPerPoint = Double(unitsPerPoint)
    }

    /// The moms within reach of a child at `p` (contract distance at most their limit, the
    /// smaller of `pairing.max_km` and their own) with free capacity, not in `paired`: how
    /// many, and the nearest (ties: smaller id), found by a ring walk of `free`.
    func freeInReach(_ p: GeoPoint, free: inout LivePoints, paired: Set<Int>) -> (count: Int, nearest: (m: Int, d: Int))? {
        guard let near = free.nearest(to: p, withinCentikm: settingLimit, isLive: { isFree[$0] },
                                      accept: { i, dist in dist <= Int(reach[i]) && !paired.contains(Int(mom[i])) })
        else { return nil }
        return (count(p, isFree, freeBefore, paired: paired), (Int(mom[near.index]), near.centikm))
    }

    /// The same for the moms with any capacity (the child's own excepted), found by a ring
    /// walk of `any`, whose live points are the moms with capacity.
    func withCapacityInReach(_ p: GeoPoint, any: inout LivePoints, paired: Set<Int>) -> (count: Int, nearest: (m: Int, d: Int))? {
        guard let near = any.nearest(to: p, withinCentikm: settingLimit, isLive: { hasCapacity[$0] },
                                     accept: { i, dist in dist <= Int(reach[i]) && !paired.contains(Int(mom[i])) })
        else { return nil }
        return (count(p, hasCapacity, withCapacityBefore, paired: paired), (Int(mom[near.index]), near.centikm))
    }

    /// The moms within reach of `p` with `flag`, not in `paired`: each row's cells wholly
    /// within reach from the prefix sums `before` (their moms of a shorter reach measured),
    /// the cells the circle cuts mom by mom, measuring only those the bounds leave in doubt.
    private func count(_ p: GeoPoint, _ flag: [Bool], _ before: [Int32], paired: Set<Int>) -> Int {
        guard let q = grid.query(withinCentikm: settingLimit, of: p) else { return 0 }
        var count = 0
        func measure(_ i: Int) {
            let limit = Int(reach[i])
            guard flag[i], let low = grid.nearestCentikm(q, i), low <= limit else { return }
            if grid.pointLiesWithin(q, i, limitCentikm: limit) || Distance.centikm(p, grid.points[i]) <= limit { count += 1 }
        }
        grid.forEachRowOfCells(q, interior: { first, last in
            count += Int(before[last + 1] - before[first])
            for k in Int(shorterBefore[first])..<Int(shorterBefore[last + 1]) { measure(Int(shorterPoints[k])) }
        }, edge: { cell, _ in
            for k in grid.pointRange(ofCell: cell) { measure(grid.point(at: k)) }
        })
        for m in paired {
            let i = Int(point[m])
            if flag[i], Distance.centikm(p, grid.points[i]) <= Int(reach[i]) { count -= 1 }
        }
        return count
    }

    /// The grid point of the mom with this id, if any.
    func point(ofID id: String) -> Int? {
        var lo = 0, hi = mom.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ids[Int(mom[mid])].precedesInCodePoints(id) { lo = mid + 1 } else { hi = mid }
        }
        return lo < mom.count && ids[Int(mom[lo])] == id ? lo : nil
    }
}

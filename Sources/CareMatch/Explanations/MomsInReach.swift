import Foundation

/// The moms around a point, for explaining why a child lacks moms: a grid over them in id order
/// (so that the grid's ties, smaller index, are ties by id) with per-cell totals, so that the
/// moms within reach of a child are counted without measuring each one, and the nearest found
/// by a ring walk (`LivePoints`).
///
/// - Complexity: building O(moms log moms) (the id order); a count visits each row of cells the
///   circle touches once, reads the totals of the cells wholly within reach as one run per row
///   (row-major prefix sums), and measures the moms of the cells the circle cuts by a squared
///   chord each (`ChordLimit`), read in cell order.
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
    /// The reaches counted from per-cell totals: `layers[0]` is `pairing.max_km`'s (the moms
    /// without a shorter limit), then each shorter reach shared by many moms (the generator's
    /// 10, 12, 15 and 20 km), so that a count walks the rows once per reach and measures only
    /// the moms of the cells each circle cuts, instead of every mom of a shorter reach inside.
    let layers: [ReachLayer]
    /// Per grid position (cell order): the layer of a mom with capacity, `MomsInReach.measured`
    /// for one whose shorter reach too few moms share (measured one by one), `none` without
    /// capacity.
    let layerAt: [UInt8]
    /// The grid positions (`SpatialGrid.point(at:)`) of the moms measured one by one, grouped
    /// by cell in cell order: those of cells `a...b` are
    /// `measuredPositions[measuredBefore[a]..<measuredBefore[b + 1]]`.
    let measuredPositions: [Int32], measuredBefore: [Int32]
    static let measured: UInt8 = 255, none: UInt8 = 254
    /// Per grid position (cell order, so that a cell's moms are read contiguously): the mom's
    /// unit vector, her reach as a `ChordLimit`, and whether she has free capacity and any.
    let unitAt: [SIMD3<Double>], reachAt: [ChordLimit], freeAt: [Bool], capacityAt: [Bool]

    /// The moms of one reach: row-major prefix sums over the cells (entry c is the sum over the
    /// cells before c) of those with free capacity and of those with any capacity.
    struct ReachLayer: Sendable {
        let limit: Int
        let freeBefore: [Int32], withCapacityBefore: [Int32]
    }

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
        // The reaches with layers: the setting's, then up to 7 shorter ones shared by at least
        // 256 moms (and 1/512 of all), fewer on a grid so large that 16 M cell totals per kind
        // would not hold them; the other moms are measured one by one.
        var perReach: [Int: Int] = [:]
        for m in ids.indices where capacity[m] > 0 && reach[m] < settingLimit { perReach[reach[m], default: 0] += 1 }
        let common = perReach.filter { $0.value >= max(256, ids.count / 512) }
            .sorted { ($0.value, $0.key) > ($1.value, $1.key) }.prefix(max(0, min(7, 16_000_000 / max(1, grid.cellCount) - 1))).map(\.key).sorted(by: >)
        let limits = [settingLimit] + common
        var layerOf: [Int: UInt8] = [settingLimit: 0]
        for (j, limit) in common.enumerated() { layerOf[limit] = UInt8(j + 1) }
        var free = [[Int32]](repeating: [Int32](repeating: 0, count: grid.cellCount), count: limits.count), withCapacity = free
        var measuredCount = [Int32](repeating: 0, count: grid.cellCount)
        var lowest = [Double](repeating: .infinity, count: dual == nil ? 0 : grid.cellCount)
        var measuredPositions: [Int32] = []
        var layerAt = [UInt8](repeating: MomsInReach.none, count: ids.count)
        for cell in 0..<grid.cellCount {
            for k in grid.pointRange(ofCell: cell) {
                let i = grid.point(at: k), m = byID[i]
                guard capacity[m] > 0 else { continue }
                if let dual { lowest[cell] = min(lowest[cell], dual[m]) }
                guard let j = layerOf[min(reach[m], settingLimit)].map(Int.init) else {
                    layerAt[k] = MomsInReach.measured
                    measuredCount[cell] += 1; measuredPositions.append(Int32(k))
                    continue
                }
                layerAt[k] = UInt8(j)
                withCapacity[j][cell] += 1
                if load[m] < capacity[m] { free[j][cell] += 1 }
            }
        }
        self.measuredPositions = measuredPositions
        self.layerAt = layerAt
        let built = grid
        let atPosition = (0..<ids.count).map { byID[built.point(at: $0)] }
        unitAt = atPosition.map { Distance.unitVector(locations[$0]) }
        var limitOf: [Int: ChordLimit] = [:]
        reachAt = atPosition.map { m in
            let r = min(reach[m], settingLimit)
            if let known = limitOf[r] { return known }
            let made = ChordLimit(limitCentikm: r)
            limitOf[r] = made
            return made
        }
        freeAt = atPosition.map { load[$0] < capacity[$0] }
        capacityAt = atPosition.map { capacity[$0] > 0 }
        func prefix(_ a: [Int32]) -> [Int32] {
            var out = [Int32](repeating: 0, count: a.count + 1)
            for c in a.indices { out[c + 1] = out[c] + a[c] }
            return out
        }
        layers = limits.indices.map { ReachLayer(limit: limits[$0], freeBefore: prefix(free[$0]), withCapacityBefore: prefix(withCapacity[$0])) }
        measuredBefore = prefix(measuredCount)
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
        return (count(p, freeAt, isFree, free: true, paired: paired), (Int(mom[near.index]), near.centikm))
    }

    /// The same for the moms with any capacity (the child's own excepted), found by a ring
    /// walk of `any`, whose live points are the moms with capacity.
    func withCapacityInReach(_ p: GeoPoint, any: inout LivePoints, paired: Set<Int>) -> (count: Int, nearest: (m: Int, d: Int))? {
        guard let near = any.nearest(to: p, withinCentikm: settingLimit, isLive: { hasCapacity[$0] },
                                     accept: { i, dist in dist <= Int(reach[i]) && !paired.contains(Int(mom[i])) })
        else { return nil }
        return (count(p, capacityAt, hasCapacity, free: false, paired: paired), (Int(mom[near.index]), near.centikm))
    }

    /// The moms within reach of `p` with `flag` (by grid position; `flagOfPoint` the same by grid
    /// point), not in `paired`, counted among those with free capacity (`free`) or any. One
    /// row walk per layer: the cells wholly within its reach from its prefix sums, the cells its
    /// circle cuts mom by mom (its own moms); the walk at `pairing.max_km` also measures the
    /// moms of no layer, in its interior runs and its cut cells. A mom is measured by her squared
    /// chord against her reach (`ChordLimit`, exact), read in cell order.
    private func count(_ p: GeoPoint, _ flag: [Bool], _ flagOfPoint: [Bool], free: Bool, paired: Set<Int>) -> Int {
        let u = Distance.unitVector(p)
        var count = 0
        flag.withUnsafeBufferPointer { flag in
            unitAt.withUnsafeBufferPointer { unit in
                reachAt.withUnsafeBufferPointer { reach in
                    layerAt.withUnsafeBufferPointer { layerAt in
                        func measure(_ k: Int) {
                            guard flag[k] else { return }
                            let c2 = Distance.chordSquared(u, unit[k])
                            if c2 < reach[k].within || (c2 <= reach[k].beyond && reach[k].contains(chordSquared: c2, p, grid.points[grid.point(at: k)])) {
                                count += 1
                            }
                        }
                        for (j, layer) in layers.enumerated() {
                            guard let q = grid.query(withinCentikm: layer.limit, of: p) else { continue }
                            let before = free ? layer.freeBefore : layer.withCapacityBefore
                            let mine = UInt8(j)
                            grid.forEachRowOfCells(q, interior: { first, last in
                                count += Int(before[last + 1] - before[first])
                                guard j == 0 else { return }
                                for i in Int(measuredBefore[first])..<Int(measuredBefore[last + 1]) { measure(Int(measuredPositions[i])) }
                            }, edge: { cell, _ in
                                for k in grid.pointRange(ofCell: cell) where layerAt[k] == mine || (j == 0 && layerAt[k] == MomsInReach.measured) {
                                    measure(k)
                                }
                            })
                        }
                    }
                }
            }
        }
        for m in paired {
            let i = Int(point[m])
            if flagOfPoint[i], Distance.centikm(p, grid.points[i]) <= Int(reach[i]) { count -= 1 }
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

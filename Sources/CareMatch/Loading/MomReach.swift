/// The moms with capacity in a `SpatialGrid`, to ask whether a place has any mom within reach
/// by the pairing's own rule (`PairingInstance`): rounded distance within
/// `min(her max_km, pairing.max_km)` in whole hundredths of a km, so the validator warns about
/// exactly the children the engine can pair with nobody.
struct MomReach {
    private let grid: SpatialGrid
    /// Each grid point's reach, centikm.
    private let reach: [Int]
    private let maxCentikm: Int

    init(moms: [Mom], maxKm: Double) {
        maxCentikm = PairingWeights.centikm(maxKm) ?? 0
        var points = [GeoPoint](), reach = [Int]()
        for m in moms where m.capacity > 0 && DatasetValidator.validLocation(m.location) {
            let r = PairingWeights.reachCentikm(m.maxKm, maxCentikm: maxCentikm)
            guard r >= 0 else { continue }
            points.append(m.location); reach.append(r)
        }
        self.reach = reach
        grid = SpatialGrid(points: points, cellKm: max(0.25, min(maxKm, 20) / 2))
    }

    /// Whether some mom is within reach of `p`; the search stops at the first one found.
    func anyWithinReach(of p: GeoPoint) -> Bool {
        guard let q = grid.query(withinCentikm: maxCentikm, of: p) else { return false }
        var found = false
        grid.forEachCellByRings(q, ring: { _ in !found }) { cell, _ in
            guard !found else { return }
            for k in grid.pointRange(ofCell: cell) {
                let i = grid.point(at: k)
                guard grid.nearestCentikm(q, i) != nil, Distance.centikm(p, grid.points[i]) <= reach[i] else { continue }
                found = true
                return
            }
        }
        return found
    }
}

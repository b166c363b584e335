/// The points of a `SpatialGrid` that are still live (e.g. moms with capacity left), for
/// repeated nearest-point searches while points die: a point found dead is dropped from its
/// cell's list the first time a search meets it, so later searches no longer read it.
///
/// The search is the grid's own ring walk (`SpatialGrid.forEachCellByRings`), with its bounds:
/// the projection only chooses and orders cells, distances are the contract's rounded ones.
///
/// - Complexity: a search visits the rings of cells up to the nearest acceptable point (plus
///   one ring) or up to the search radius; each dead point is read once after it died.
struct LivePoints {
    let grid: SpatialGrid
    /// Grid positions (`SpatialGrid.point(at:)`) by cell, live ones first.
    private var order: [Int32]
    /// For each cell, the end of its live positions in `order`.
    private var liveEnd: [Int32]

    init(_ grid: SpatialGrid) {
        self.grid = grid
        order = (0..<grid.points.count).map { Int32(grid.point(at: $0)) }
        liveEnd = (0..<grid.cellCount).map { Int32(grid.pointRange(ofCell: $0).upperBound) }
    }

    /// The nearest point — smallest contract distance in hundredths of a km, then smallest
    /// index — among those with `isLive(index)` and `accept(index, centikm)`, at most `limit`
    /// centikm from `center`. Points found not live are dropped for good.
    mutating func nearest(to center: GeoPoint, withinCentikm limit: Int,
                          isLive: (Int) -> Bool, accept: (Int, Int) -> Bool) -> (centikm: Int, index: Int)? {
        let g = grid
        guard let q = g.query(withinCentikm: limit, of: center) else { return nil }
        var best: (centikm: Int, index: Int)?
        // A point at the best distance may still win on its index, hence ≤.
        g.forEachCellByRings(q, ring: { gap in gap <= (best?.centikm ?? limit) }) { cell, nearest in
            guard nearest <= (best?.centikm ?? limit) else { return }
            var k = g.pointRange(ofCell: cell).lowerBound
            var end = Int(liveEnd[cell])
            while k < end {
                let i = Int(order[k])
                guard isLive(i) else {
                    end -= 1
                    order.swapAt(k, end)
                    continue
                }
                k += 1
                guard let low = g.nearestCentikm(q, i), low <= (best?.centikm ?? limit) else { continue }
                let d = g.centikm(q, i)
                guard d <= limit, accept(i, d) else { continue }
                if best == nil || (d, i) < (best!.centikm, best!.index) { best = (d, i) }
            }
            liveEnd[cell] = Int32(end)
        }
        return best
    }
}

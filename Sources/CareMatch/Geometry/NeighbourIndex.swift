/// Two `SpatialGrid`s over the same points: a fine one for small radii and a coarse one for
/// large radii, so that a search that finds nothing within 25 km does not walk thousands of
/// empty fine cells (the fine cell shrinks as the density grows with the scale).
struct NeighbourIndex: Sendable {
    let fine: SpatialGrid
    let coarse: SpatialGrid

    /// Coarse cells are 5 km, or the fine size when that is larger.
    init(points: [GeoPoint], cellKm: Double) {
        fine = SpatialGrid(points: points, cellKm: cellKm)
        coarse = SpatialGrid(points: points, cellKm: max(cellKm, 5))
    }

    var cellKm: Double { fine.cellKm }

    /// As `SpatialGrid.forEach(within:of:_:)`, on whichever grid visits fewer cells.
    func forEach(within radiusKm: Double, of center: GeoPoint, _ body: (Int, Int) -> Void) {
        if radiusKm <= 4 * fine.cellKm { fine.forEach(within: radiusKm, of: center, body) } else { coarse.forEach(within: radiusKm, of: center, body) }
    }
}

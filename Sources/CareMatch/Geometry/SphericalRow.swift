import Foundation

/// One row of a `SpatialGrid` (a band of latitudes) seen from a query's center on the sphere:
/// how far in longitude a point of the row may lie and still be within the limit, and how far
/// every point of the row certainly is (`SpatialGrid.forEachRowOfCells`).
///
/// With `hav(x) = sin²(x/2)` the haversine identity is `hav(θ) = hav(φ − φc) + cos φc·cos φ·hav(Δλ)`,
/// and a pair is within the limit when `hav(θ)` is below the limit's threshold (`ChordLimit`:
/// a quarter of its squared chord). Over the row's latitudes (widened by 10⁻¹² rad for
/// rounding), `hav(φ − φc)` lies between its values at the nearest and the farthest latitude, and
/// `cos φ` between its smallest (at an edge) and largest (an edge, or 1 across the equator); for
/// `|Δλ| ≤ π`, `hav(Δλ)` grows with `|Δλ|`. Solving the bounds for `Δλ` gives the half-widths.
struct SphericalRow {
    /// The largest |Δλ| (radians) at which a point of the row may be within the limit; nil when
    /// any longitude may be.
    let possibleHalfWidth: Double?
    /// The largest |Δλ| up to which every point of the row is certainly within; nil when no
    /// point is certainly within, infinity when every longitude is.
    let certainHalfWidth: Double?

    /// Nil when no point of the row can be within the limit.
    init?(_ q: SpatialGrid.Query, bottomKm: Double, cellKm: Double, limit: ChordLimit) {
        let toRad = Double.pi / 180, margin = 1e-12
        func hav(_ x: Double) -> Double { let s = sin(x / 2); return s * s }
        let center = q.center.lat * toRad
        let south = max(-Double.pi / 2, bottomKm / SpatialGrid.kmPerDegree * toRad - margin)
        let north = min(Double.pi / 2, (bottomKm + cellKm) / SpatialGrid.kmPerDegree * toRad + margin)
        let nearest = max(0, south - center, center - north), farthest = max(abs(south - center), abs(north - center))
        let cosSouth = max(0, cos(south)), cosNorth = max(0, cos(north))
        let cosLeast = min(cosSouth, cosNorth), cosMost = south <= 0 && north >= 0 ? 1 : max(cosSouth, cosNorth)
        let (possibleH, certainH) = (limit.beyond / 4, limit.within / 4)
        let low = hav(nearest)
        guard low <= possibleH else { return nil }
        func halfWidth(_ room: Double, _ scale: Double) -> Double? {
            guard scale > 0 else { return nil }
            let h = room / scale
            return h >= 1 ? nil : 2 * asin(h.squareRoot())
        }
        possibleHalfWidth = halfWidth(possibleH - low, q.latCos * cosLeast).map { $0 + margin }
        let high = hav(farthest)
        if farthest > Double.pi || high >= certainH {
            certainHalfWidth = nil
        } else if let half = halfWidth(certainH - high, q.latCos * cosMost) {
            certainHalfWidth = half > margin ? half - margin : nil
        } else {
            certainHalfWidth = .infinity
        }
    }
}

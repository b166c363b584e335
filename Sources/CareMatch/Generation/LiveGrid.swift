import Foundation

/// A grid of moms who may still take a child, for nearest-neighbour searches by growing rings
/// of cells, with moms that became full dropped from their cell the first time a search meets
/// them. Used by `CoordinatorHeuristic`.
///
/// Points are projected with an equirectangular projection around the mean latitude; the
/// projection only orders the search (with a generous slack), distances are the contract's.
///
/// - Complexity: a search visits the rings of cells up to the nearest acceptable point (plus
///   one ring) or up to the search radius.
struct LiveGrid {
    private let cellKm: Double
    private let lat0Cos: Double
    private let minX: Double, minY: Double
    private let columns: Int, rows: Int
    private var cells: [[Int32]]
    private let xs: [Double], ys: [Double]
    /// The caller's ids (mom indices) of the points.
    let ids: [Int]
    private let points: [GeoPoint]

    static let kmPerDegree = Distance.earthRadiusKm * Double.pi / 180
    /// Relative slack of projected against great-circle distance, and an absolute margin (km).
    static let slack = 1.05, margin = 0.05

    init(ids: [Int], points: [GeoPoint], cellKm: Double) {
        self.ids = ids; self.points = points
        let meanLat = points.isEmpty ? 0 : points.reduce(0) { $0 + $1.lat } / Double(points.count)
        lat0Cos = cos(meanLat * Double.pi / 180)
        let c0 = lat0Cos
        xs = points.map { $0.lon * LiveGrid.kmPerDegree * c0 }
        ys = points.map { $0.lat * LiveGrid.kmPerDegree }
        minX = xs.min() ?? 0; minY = ys.min() ?? 0
        let spanX = (xs.max() ?? 0) - minX, spanY = (ys.max() ?? 0) - minY
        let c = max(cellKm, spanX / 2000, spanY / 2000)
        self.cellKm = c
        columns = max(1, Int(spanX / c) + 1); rows = max(1, Int(spanY / c) + 1)
        var cells = [[Int32]](repeating: [], count: columns * rows)
        for i in points.indices {
            let cx = min(columns - 1, max(0, Int((xs[i] - minX) / c)))
            let cy = min(rows - 1, max(0, Int((ys[i] - minY) / c)))
            cells[cy * columns + cx].append(Int32(i))
        }
        self.cells = cells
    }

    /// The nearest point (contract distance in centikm, then smallest id) among those with
    /// `isLive(id)` and `accept(id, centikm)`, within `maxKm`; points found not live are removed.
    mutating func nearest(to p: GeoPoint, maxKm: Double, isLive: (Int) -> Bool,
                          accept: (Int, Int) -> Bool) -> (d: Int, id: Int)? {
        guard !ids.isEmpty else { return nil }
        let px = p.lon * LiveGrid.kmPerDegree * lat0Cos, py = p.lat * LiveGrid.kmPerDegree
        let ccx = Int(((px - minX) / cellKm).rounded(.down)), ccy = Int(((py - minY) / cellKm).rounded(.down))
        var best: (d: Int, id: Int)?
        let maxRing = max(columns, rows) + abs(ccx) + abs(ccy)
        var k = 0
        while k <= maxRing {
            // Everything beyond ring k is at least (k) cells away in the projection.
            let bound = best.map { Double($0.d) / 100 } ?? maxKm
            if Double(k - 1) * cellKm > bound * LiveGrid.slack + LiveGrid.margin { break }
            func visit(_ gx: Int, _ gy: Int) {
                guard gx >= 0, gx < columns, gy >= 0, gy < rows else { return }
                let c = gy * columns + gx
                var j = 0
                while j < cells[c].count {
                    let i = Int(cells[c][j])
                    let id = ids[i]
                    if !isLive(id) { cells[c].swapAt(j, cells[c].count - 1); cells[c].removeLast(); continue }
                    j += 1
                    let limit = best.map { Double($0.d) / 100 } ?? maxKm
                    let dx = xs[i] - px, dy = ys[i] - py
                    if (dx * dx + dy * dy).squareRoot() > limit * LiveGrid.slack + LiveGrid.margin { continue }
                    let d = Distance.centikm(p, points[i])
                    guard Double(d) <= maxKm * 100 + 1e-9, accept(id, d) else { continue }
                    if best == nil || (d, id) < (best!.d, best!.id) { best = (d, id) }
                }
            }
            if k == 0 { visit(ccx, ccy) } else {
                for gx in (ccx - k)...(ccx + k) { visit(gx, ccy - k); visit(gx, ccy + k) }
                for gy in (ccy - k + 1)...(ccy + k - 1) { visit(ccx - k, gy); visit(ccx + k, gy) }
            }
            k += 1
        }
        return best
    }
}

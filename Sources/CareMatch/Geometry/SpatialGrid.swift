import Foundation

/// A uniform grid over points projected to a local plane, for "every point within r km" queries.
///
/// Points are projected with an equirectangular projection around the mean latitude and placed
/// in square cells; a query visits only the cells that touch the circle's bounding box, then
/// checks the contract's exact rounded haversine distance. The projection is only used to choose
/// cells, with a safety margin, so no point within reach is ever missed.
///
/// It is CareMatch's one spatial index: the pairing's candidates and pricing (`PairingInstance`),
/// the validator's reach check (`MomReach`) and outliers (`LocationOutliers`), the unmet
/// explanations, and the generator, through two views: `NeighbourIndex` (a fine and a coarse
/// grid) and `LivePoints` (nearest live point, dropping dead ones).
///
/// - Complexity: building O(n); a query O(cells visited + points in them).
public struct SpatialGrid: Sendable {
    public let cellKm: Double
    private let lat0Cos: Double
    /// The cosine of the latitude of each row's lower edge (and of the last row's upper edge),
    /// for `cellLiesWithin` without trigonometry per cell.
    private let edgeCos: [Double]
    private let minX: Double, minY: Double
    private let columns: Int, rows: Int
    /// Point indices sorted by cell; `cellStart[c]..<cellStart[c+1]` are the points of cell c.
    private let order: [Int32]
    private let cellStart: [Int32]
    private let xs: [Double], ys: [Double]
    /// The points on the unit sphere (`Distance.unitVector`): a point's lower bound is its chord.
    private let units: [SIMD3<Double>]
    /// The cosine of each point's latitude (`Distance.cosLat`), for `centikm(_:_:)`.
    private let latCos: [Double]
    public let points: [GeoPoint]

    /// Relative slack of the projected distance against the haversine distance (generous for a
    /// county-sized map; the projection error there is far below 1 %).
    static let slack = 1.02
    static let kmPerDegree = Distance.earthRadiusKm * Double.pi / 180

    public init(points: [GeoPoint], cellKm: Double) {
        precondition(cellKm > 0)
        self.points = points
        let meanLat = points.isEmpty ? 0 : points.reduce(0) { $0 + $1.lat } / Double(points.count)
        lat0Cos = cos(meanLat * Double.pi / 180)
        var xs = [Double](), ys = [Double]()
        xs.reserveCapacity(points.count); ys.reserveCapacity(points.count)
        for p in points {
            xs.append(p.lon * SpatialGrid.kmPerDegree * lat0Cos)
            ys.append(p.lat * SpatialGrid.kmPerDegree)
        }
        let minX = xs.min() ?? 0, minY = ys.min() ?? 0
        let maxX = xs.max() ?? 0, maxY = ys.max() ?? 0
        // Cells grow on a very large map so the grid stays at most 4096 × 4096.
        let cellKm = max(cellKm, (maxX - minX) / 4000, (maxY - minY) / 4000)
        self.cellKm = cellKm
        let columns = max(1, Int((maxX - minX) / cellKm) + 1)
        let rows = max(1, Int((maxY - minY) / cellKm) + 1)
        var counts = [Int32](repeating: 0, count: columns * rows + 1)
        var cellOf = [Int](repeating: 0, count: points.count)
        for i in 0..<points.count {
            let cx = min(columns - 1, max(0, Int((xs[i] - minX) / cellKm)))
            let cy = min(rows - 1, max(0, Int((ys[i] - minY) / cellKm)))
            cellOf[i] = cy * columns + cx
            counts[cellOf[i] + 1] += 1
        }
        for c in 0..<(columns * rows) { counts[c + 1] += counts[c] }
        var fill = counts
        var order = [Int32](repeating: 0, count: points.count)
        for i in 0..<points.count {
            order[Int(fill[cellOf[i]])] = Int32(i)
            fill[cellOf[i]] += 1
        }
        self.minX = minX; self.minY = minY; self.columns = columns; self.rows = rows
        edgeCos = (0...rows).map { cos((minY + Double($0) * cellKm) / SpatialGrid.kmPerDegree * Double.pi / 180) }
        self.order = order; self.cellStart = counts; self.xs = xs; self.ys = ys
        units = points.map(Distance.unitVector)
        latCos = points.map(Distance.cosLat)
    }

    /// The contract distance (centikm) from the query's center to point `i`: the same as
    /// `Distance.centikm(q.center, points[i])`, bit for bit, without measuring either latitude's
    /// cosine again.
    @inline(__always) public func centikm(_ q: Query, _ i: Int) -> Int {
        Distance.centikm(q.center, cosLat: q.centerCos, points[i], cosLat: latCos[i])
    }

    /// Calls `body(index, distanceCentikm)` for every point whose contract distance to `center`
    /// is at most `radiusKm`, in increasing index order within each cell (callers sort if needed).
    public func forEach(within radiusKm: Double, of center: GeoPoint, _ body: (Int, Int) -> Void) {
        guard radiusKm >= 0 else { return }
        // Distances are whole centikm; the tolerance keeps 0.29 km (28.999… × 100) at 29.
        forEach(withinCentikm: Int((radiusKm * 100 + 1e-6).rounded(.down)), of: center, body)
    }

    /// Calls `body(index, distanceCentikm)` for every point at most `limit` hundredths of a km away.
    public func forEach(withinCentikm limit: Int, of center: GeoPoint, _ body: (Int, Int) -> Void) {
        guard let q = query(withinCentikm: limit, of: center) else { return }
        forEachCell(q) { cell, _ in
            for k in pointRange(ofCell: cell) {
                let i = Int(order[k])
                guard nearestCentikm(q, i) != nil else { continue }
                let d = centikm(q, i)
                if d <= limit { body(i, d) }
            }
        }
    }

    /// A circle query: the cells to visit and lower bounds on contract distances from the center.
    public struct Query: Sendable {
        public let center: GeoPoint
        public let limit: Int
        let cx: Double, cy: Double
        /// A point at contract distance d lies within `d·stretch + 0.02` km on the plane.
        let stretch: Double
        /// The planar radius that holds every point within `limit`.
        let r: Double
        /// The cosine of the center's latitude.
        let latCos: Double
        /// The center on the unit sphere.
        let unit: SIMD3<Double>
        /// `Distance.cosLat(center)`.
        let centerCos: Double
    }

    /// The query for every point at most `limit` hundredths of a km from `center`.
    public func query(withinCentikm limit: Int, of center: GeoPoint) -> Query? {
        guard !points.isEmpty, limit >= 0 else { return nil }
        let radiusKm = Double(limit) / 100
        let latCos = cos(center.lat * Double.pi / 180)
        let stretch = SpatialGrid.slack + abs(1 - lat0Cos / max(1e-9, latCos))
        return Query(center: center, limit: limit,
                     cx: center.lon * SpatialGrid.kmPerDegree * lat0Cos, cy: center.lat * SpatialGrid.kmPerDegree,
                     stretch: stretch, r: radiusKm * stretch + 0.02, latCos: latCos, unit: Distance.unitVector(center),
                     centerCos: Distance.cosLat(center))
    }

    /// Calls `body(cell, nearestCentikm)` for every non-empty cell that may hold a point of the
    /// query, with a lower bound on the contract distance from the center to any point of it.
    public func forEachCell(_ q: Query, _ body: (Int, Int) -> Void) {
        guard let box = cellBox(q) else { return }
        for gy in box.y0...box.y1 {
            for gx in box.x0...box.x1 { visitCell(gx, gy, q, body) }
        }
    }

    /// Calls `body(cell, nearestCentikm)` for the non-empty cells of the query ring by ring
    /// around the center's cell (Chebyshev rings, so roughly nearest first, without sorting),
    /// after `ring(lowerBoundCentikm)` has approved each ring: every point of the ring and of all
    /// farther rings is at least that far from the center, so a caller whose best possible
    /// value at that distance no longer counts returns false and the walk stops.
    public func forEachCellByRings(_ q: Query, ring: (Int) -> Bool, _ body: (Int, Int) -> Void) {
        guard let box = cellBox(q) else { return }
        let (cx, cy) = centerCell(q)
        walkRings(around: cx, cy, out: max(cx - box.x0, box.x1 - cx, cy - box.y0, box.y1 - cy, 0), spacingKm: cellKm, q, ring) { gx, gy in
            guard gx >= box.x0, gx <= box.x1, gy >= box.y0, gy <= box.y1 else { return }
            visitCell(gx, gy, q, body)
        }
    }

    /// The rings of `forEachCellByRings`, to be walked one at a time by a caller that decides
    /// between rings whether to go on, perhaps much later (a child's candidate moms, read only
    /// as far as her scan goes).
    public struct CellRings: Sendable {
        fileprivate let x0: Int, x1: Int, y0: Int, y1: Int
        fileprivate let cx: Int, cy: Int
        /// The number of rings (ring 0 is the center's cell).
        public let count: Int
    }

    /// The query's rings of cells, nil when no cell touches it.
    public func cellRings(_ q: Query) -> CellRings? {
        guard let box = cellBox(q) else { return nil }
        let (cx, cy) = centerCell(q)
        return CellRings(x0: box.x0, x1: box.x1, y0: box.y0, y1: box.y1, cx: cx, cy: cy,
                         count: max(cx - box.x0, box.x1 - cx, cy - box.y0, box.y1 - cy, 0) + 1)
    }

    /// A lower bound of the contract distance from the query's center to every point of ring `r`
    /// and of all farther rings (`forEachCellByRings` approves ring r with it).
    public func lowerBound(ofRing r: Int, _ q: Query) -> Int {
        lowerBound(planarKm: Double(max(0, r - 1)) * cellKm, q)
    }

    /// Calls `body(cell, nearestCentikm)` for the non-empty cells of ring `r` that may hold a
    /// point of the query.
    public func forEachCell(inRing r: Int, of rings: CellRings, _ q: Query, _ body: (Int, Int) -> Void) {
        walkRing(r, around: rings.cx, rings.cy) { gx, gy in
            guard gx >= rings.x0, gx <= rings.x1, gy >= rings.y0, gy <= rings.y1 else { return }
            visitCell(gx, gy, q, body)
        }
    }

    /// Cells are grouped in blocks of `blockSide` × `blockSide` for coarse summaries.
    public static let blockSide = 8
    /// The number of blocks, and the block of a cell.
    public var blockCount: Int { blockColumns * ((rows + SpatialGrid.blockSide - 1) / SpatialGrid.blockSide) }
    private var blockColumns: Int { (columns + SpatialGrid.blockSide - 1) / SpatialGrid.blockSide }
    public func block(ofCell c: Int) -> Int {
        (c / columns / SpatialGrid.blockSide) * blockColumns + (c % columns) / SpatialGrid.blockSide
    }

    /// Like `forEachCellByRings`, but by rings of blocks: `ring(lowerBoundCentikm)` approves each
    /// ring of blocks, `block(block, nearestCentikm)` each block in it (a caller's summary of the
    /// block, e.g. its cheapest point, can skip all its cells at once), and `body` gets the
    /// block's non-empty cells within the query.
    public func forEachCellByBlockRings(_ q: Query, ring: (Int) -> Bool, block: (Int, Int) -> Bool, _ body: (Int, Int) -> Void) {
        let side = SpatialGrid.blockSide
        guard let box = cellBox(q) else { return }
        let bx0 = box.x0 / side, bx1 = box.x1 / side, by0 = box.y0 / side, by1 = box.y1 / side
        let (cx, cy) = centerCell(q)
        let (bx, by) = (cx / side, cy / side)
        let blockKm = cellKm * Double(side)
        walkRings(around: bx, by, out: max(bx - bx0, bx1 - bx, by - by0, by1 - by, 0), spacingKm: blockKm, q, ring) { bx, by in
            guard bx >= bx0, bx <= bx1, by >= by0, by <= by1 else { return }
            let near = nearestCentikm(toSquareAt: minX + Double(bx) * blockKm, minY + Double(by) * blockKm, side: blockKm, q)
            guard near <= q.limit, block(by * blockColumns + bx, near) else { return }
            for gy in max(box.y0, by * side)...min(box.y1, by * side + side - 1) {
                for gx in max(box.x0, bx * side)...min(box.x1, bx * side + side - 1) { visitCell(gx, gy, q, body) }
            }
        }
    }

    /// The cell columns and rows that touch the query's bounding box, if any.
    @inline(__always)
    private func cellBox(_ q: Query) -> (x0: Int, x1: Int, y0: Int, y1: Int)? {
        let x0 = max(0, Int(((q.cx - q.r) - minX) / cellKm)), x1 = min(columns - 1, Int(((q.cx + q.r) - minX) / cellKm))
        let y0 = max(0, Int(((q.cy - q.r) - minY) / cellKm)), y1 = min(rows - 1, Int(((q.cy + q.r) - minY) / cellKm))
        return x0 <= x1 && y0 <= y1 ? (x0, x1, y0, y1) : nil
    }

    /// The cell of the query's center, clamped to the grid (a center off the grid is only
    /// farther from every cell, so ring bounds still hold).
    @inline(__always)
    private func centerCell(_ q: Query) -> (Int, Int) {
        (min(columns - 1, max(0, Int((q.cx - minX) / cellKm))), min(rows - 1, max(0, Int((q.cy - minY) / cellKm))))
    }

    /// A lower bound on the contract distance from the query's center to a square of the plane.
    @inline(__always)
    private func nearestCentikm(toSquareAt left: Double, _ top: Double, side: Double, _ q: Query) -> Int {
        let dx = max(0, left - q.cx, q.cx - (left + side))
        let dy = max(0, top - q.cy, q.cy - (top + side))
        return lowerBound(planarKm: (dx * dx + dy * dy).squareRoot(), q)
    }

    /// Calls `body(cell, nearestCentikm)` for cell (gx, gy) if it holds points within reach.
    @inline(__always)
    private func visitCell(_ gx: Int, _ gy: Int, _ q: Query, _ body: (Int, Int) -> Void) {
        let c = gy * columns + gx
        guard cellStart[c] < cellStart[c + 1] else { return }
        let nearest = nearestCentikm(toSquareAt: minX + Double(gx) * cellKm, minY + Double(gy) * cellKm, side: cellKm, q)
        if nearest <= q.limit { body(c, nearest) }
    }

    /// Chebyshev rings of squares of side `spacingKm` around the center's square (x, y), out to
    /// ring `out`; ring r is at least r − 1 squares from the center, and `ring` approves it
    /// from that bound before `visit` gets its squares.
    @inline(__always)
    private func walkRings(around x: Int, _ y: Int, out: Int, spacingKm: Double, _ q: Query,
                           _ ring: (Int) -> Bool, _ visit: (Int, Int) -> Void) {
        for r in 0...out {
            let gap = lowerBound(planarKm: Double(max(0, r - 1)) * spacingKm, q)
            guard gap <= q.limit, ring(gap) else { return }
            walkRing(r, around: x, y, visit)
        }
    }

    /// The squares of Chebyshev ring `r` around square (x, y).
    @inline(__always)
    private func walkRing(_ r: Int, around x: Int, _ y: Int, _ visit: (Int, Int) -> Void) {
        if r == 0 { visit(x, y); return }
        for i in (x - r)...(x + r) { visit(i, y - r); visit(i, y + r) }
        for j in (y - r + 1)...(y + r - 1) { visit(x - r, j); visit(x + r, j) }
    }

    /// A cell size for about `perCell` points per occupied cell, between `minKm` and `maxKm`:
    /// dense maps get finer cells, so a query reads fewer points it cannot use.
    public static func cellKm(for points: [GeoPoint], perCell: Double, minKm: Double, maxKm: Double) -> Double {
        guard !points.isEmpty else { return maxKm }
        let coarse = SpatialGrid(points: points, cellKm: maxKm)
        var occupied = 0
        for c in 0..<coarse.cellCount where coarse.cellStart[c] < coarse.cellStart[c + 1] { occupied += 1 }
        let mean = Double(points.count) / Double(max(1, occupied))
        return min(maxKm, max(minKm, maxKm * (perCell / mean).squareRoot()))
    }

    /// Positions (into the grid's order, see `point(at:)`) of the points of a cell.
    public func pointRange(ofCell c: Int) -> Range<Int> { Int(cellStart[c])..<Int(cellStart[c + 1]) }
    /// The point at a position of the grid's order.
    public func point(at k: Int) -> Int { Int(order[k]) }

    /// Whether every point the grid places in `cell` is within the query's limit (contract
    /// distance), so that a caller may count the cell's points without measuring each one.
    ///
    /// An upper bound on the great-circle distance to any point of the cell's square: a rhumb
    /// line is a path, hence no shorter, and its length is `R·√(Δφ² + (q·Δλ)²)` with `q` a mean
    /// of `cos φ` over the latitudes it crosses, at most their largest cosine. In the grid's plane
    /// (`y = R·φ`, `x = R·λ·cos φ₀`) that is `√(Δy² + (Δx·cosmax / cos φ₀)²)`, taken at the
    /// square's farthest sides, with a margin far above rounding errors; the contract's rounding
    /// to 0.01 km only helps.
    public func cellLiesWithin(_ q: Query, _ cell: Int) -> Bool {
        let gx = cell % columns, gy = cell / columns
        let x0 = minX + Double(gx) * cellKm, y0 = minY + Double(gy) * cellKm
        let dx = max(abs(x0 - q.cx), abs(x0 + cellKm - q.cx)), dy = max(abs(y0 - q.cy), abs(y0 + cellKm - q.cy))
        // The largest cosine over the latitudes from the center's to the cell's far edge: 1 if
        // they span the equator, else at the end nearer to it (cosine falls with |latitude|).
        let south = min(q.cy, y0), north = max(q.cy, y0 + cellKm)
        let cosMax = south <= 0 && north >= 0 ? 1
            : max(q.cy <= y0 ? q.latCos : edgeCos[gy], q.cy >= y0 + cellKm ? q.latCos : edgeCos[gy + 1])
        let sx = dx * cosMax / max(1e-9, lat0Cos)
        let upperKm = (dy * dy + sx * sx).squareRoot() * (1 + 1e-6) + 1e-3
        return upperKm * 100 <= Double(q.limit)
    }

    /// Whether point `i` is certainly at most `limitCentikm` from the query's center (contract
    /// distance): the same upper bound as `cellLiesWithin`, a rhumb line's length, taken at the
    /// point itself, with the largest cosine over the latitudes from the center's to the point's
    /// row. False means "measure it", not "beyond".
    @inline(__always)
    public func pointLiesWithin(_ q: Query, _ i: Int, limitCentikm: Int) -> Bool {
        let dx = abs(xs[i] - q.cx), dy = abs(ys[i] - q.cy)
        let gy = min(rows - 1, max(0, Int((ys[i] - minY) / cellKm)))
        let south = min(q.cy, ys[i], minY + Double(gy) * cellKm), north = max(q.cy, ys[i], minY + Double(gy + 1) * cellKm)
        let cosMax = south <= 0 && north >= 0 ? 1 : max(q.latCos, edgeCos[gy], edgeCos[gy + 1])
        let sx = dx * cosMax / max(1e-9, lat0Cos)
        let upperKm = (dy * dy + sx * sx).squareRoot() * (1 + 1e-6) + 1e-3
        return upperKm * 100 <= Double(limitCentikm)
    }

    /// The cells of a query row by row: in each row, `interior(first, last)` gets the run of
    /// cells lying wholly within the query's limit, and `edge(cell, nearestCentikm)` every other
    /// non-empty cell that may hold a point of the query. Together they hold every point
    /// `forEachCell` would find; a caller with per-cell totals in row-major prefix sums counts a
    /// row's interior in O(1).
    ///
    /// Both runs come from the sphere itself, in O(1) per row (`SphericalRow`): with
    /// `hav(x) = sin²(x/2)`, a point at latitude φ and longitude difference Δλ from the center
    /// has `hav(θ) = hav(φ − φc) + cos φc·cos φ·hav(Δλ)`, every term growing with `|φ − φc|`,
    /// `cos φ` and `|Δλ|` (up to π), so over a row's latitudes the term's smallest and largest
    /// values bound it, and the longitudes where the bound meets the limit's `hav` close the
    /// row's possible and certain runs of cells. Near the poles, or on a map wider than half the
    /// globe, rows fall back to scanning with `cellLiesWithin` across the planar circle's chord.
    public func forEachRowOfCells(_ q: Query, interior: (Int, Int) -> Void, edge: (Int, Int) -> Void) {
        guard let box = cellBox(q) else { return }
        let limit = ChordLimit(limitCentikm: q.limit)
        let xPerRadian = SpatialGrid.kmPerDegree * lat0Cos * 180 / Double.pi
        let spherical = lat0Cos > 1e-3 && Double(columns) * cellKm < Double.pi * xPerRadian
        for gy in box.y0...box.y1 {
            var outer = (box.x0, box.x1), inner: (Int, Int)?
            if spherical {
                guard let row = SphericalRow(q, bottomKm: minY + Double(gy) * cellKm, cellKm: cellKm, limit: limit) else { continue }
                func cells(_ halfRadians: Double, grow: Bool) -> (Double, Double) {
                    let w = halfRadians * xPerRadian + (grow ? 1e-6 : -1e-6)
                    return ((q.cx - w - minX) / cellKm, (q.cx + w - minX) / cellKm)
                }
                if let half = row.possibleHalfWidth {
                    let (l, r) = cells(half, grow: true)
                    outer = (max(box.x0, Int(max(-1, l).rounded(.down))), min(box.x1, Int(min(Double(columns), r).rounded(.down))))
                }
                if let half = row.certainHalfWidth {
                    if half.isInfinite {
                        inner = outer
                    } else {
                        let (l, r) = cells(half, grow: false)
                        inner = (max(outer.0, Int(max(-1, l).rounded(.up))), min(outer.1, Int(min(Double(columns), r).rounded(.down)) - 1))
                    }
                }
            } else {
                var left = box.x0, right = box.x1
                while left <= right, !cellLiesWithin(q, gy * columns + left) { left += 1 }
                while right >= left, !cellLiesWithin(q, gy * columns + right) { right -= 1 }
                inner = (left, right)
            }
            if let (a, b) = inner, a <= b {
                for gx in outer.0..<a { visitCell(gx, gy, q, edge) }
                interior(gy * columns + a, gy * columns + b)
                for gx in stride(from: outer.1, to: b, by: -1) { visitCell(gx, gy, q, edge) }
            } else if outer.0 <= outer.1 {
                for gx in outer.0...outer.1 { visitCell(gx, gy, q, edge) }
            }
        }
    }

    /// A lower bound on the contract distance from the query's center to point `i`, or nil when
    /// the point is beyond the query's limit.
    ///
    /// From the chord between their unit vectors, not the plane: the haversine distance is
    /// `2R·asin(c/2) ≥ R·c` (`asin x ≥ x`), and `R·c` falls short of it by a relative `θ²/24`
    /// (4·10⁻⁷ at 40 km), where the plane's bound had a 2 % slack; so the points a caller's bound
    /// lets through are nearly only those it would keep once measured. The squared chord's
    /// absolute error is below 10⁻¹⁵·c (`ChordLimit`), far inside the relative 10⁻⁹ and the
    /// 0.01 km the bound gives up.
    @inline(__always)
    public func nearestCentikm(_ q: Query, _ i: Int) -> Int? {
        let chord = Distance.chordSquared(q.unit, units[i]).squareRoot()
        // Int() truncates, which is rounding down here (≥ 0), and compiles to one instruction
        // where `rounded(.down)` calls `floor` (2 % of a dense scale-10 pairing's samples).
        let bound = max(0, Int(chord * SpatialGrid.centikmPerChord) - 1)
        return bound > q.limit ? nil : bound
    }

    /// `100·R·(1 − 10⁻⁹)`: centikm per unit of chord, less the margin for rounding.
    static let centikmPerChord = 100 * Distance.earthRadiusKm * (1 - 1e-9)

    @inline(__always)
    private func lowerBound(planarKm: Double, _ q: Query) -> Int {
        // Truncating instead of rounding down differs only for negative arguments, whose answer
        // is 0 either way.
        max(0, Int(100 * (planarKm - 0.02) / q.stretch) - 1)
    }

    /// The number of cells, and the cell of point `i`: for per-cell summaries of the points.
    public var cellCount: Int { columns * rows }
    public func cell(ofPoint i: Int) -> Int {
        let cx = min(columns - 1, max(0, Int((xs[i] - minX) / cellKm)))
        let cy = min(rows - 1, max(0, Int((ys[i] - minY) / cellKm)))
        return cy * columns + cx
    }
}

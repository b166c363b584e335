import Foundation

/// Points far from every other point of the dataset: likely typos in `lat` or `lon`.
///
/// A child or mom is isolated when no other child or mom is within `isolationKm`. Each isolated
/// point is a warning naming its row, how far the nearest other point is, and, when one exists,
/// the likely typo: a coordinate with one digit deleted, inserted or two digits transposed, the
/// decimal point moved, the sign flipped, or lat and lon swapped, that lands within
/// `isolationKm` of the others (the candidate nearest the dataset's median point wins). When half
/// the points or more are isolated the map is sparse, not mistyped, and nothing is said.
///
/// - Complexity: O(n) to build the grid (`SpatialGrid`) and, per point, a nearest-first walk
///   that stops at the first neighbour; isolated points cost more (a candidate search for the
///   first `candidateLimit`, an exact nearest distance for the first `exactNearestLimit`).
enum LocationOutliers {
    /// No other point within this distance makes a point isolated.
    static let isolationKm = 100.0
    /// Isolated points for which corrections are searched.
    static let candidateLimit = 200
    /// Isolated points for which the exact nearest distance is computed (O(n) each).
    static let exactNearestLimit = 20

    struct Point {
        let file: String
        let line: Int
        let who: String
        let child: Int?
        let location: GeoPoint
    }

    /// The warnings, and the positions of the children found isolated.
    static func warnings(_ d: Dataset) -> (warnings: [Diagnostic], isolatedChildren: Set<Int>) {
        var pts = [Point]()
        pts.reserveCapacity(d.children.count + d.moms.count)
        for (i, c) in d.children.enumerated() where DatasetValidator.validLocation(c.location) {
            pts.append(Point(file: DatasetFile.children, line: c.line, who: "child '\(c.id)'", child: i, location: c.location))
        }
        for m in d.moms where DatasetValidator.validLocation(m.location) {
            pts.append(Point(file: DatasetFile.moms, line: m.line, who: "mom '\(m.id)'", child: nil, location: m.location))
        }
        guard pts.count >= 3 else { return ([], []) }
        let locations = pts.map(\.location)
        let grid = SpatialGrid(points: locations, cellKm: SpatialGrid.cellKm(for: locations, perCell: 8, minKm: 1, maxKm: 10))
        let limit = Int(isolationKm * 100)
        var isolated = [Int]()
        for i in pts.indices where !hasNeighbour(grid, of: locations[i], within: limit, excluding: i) {
            isolated.append(i)
            if 2 * isolated.count >= pts.count { return ([], []) }
        }
        guard !isolated.isEmpty else { return ([], []) }
        let center = GeoPoint(lat: median(locations.map(\.lat)), lon: median(locations.map(\.lon)))
        var out = [Diagnostic]()
        var children = Set<Int>()
        for (k, i) in isolated.enumerated() {
            let p = pts[i]
            if let c = p.child { children.insert(c) }
            var distance = "no other child or mom is within \(ValueRange.format(isolationKm)) km of it"
            if k < exactNearestLimit {
                var best = Int.max
                for j in locations.indices where j != i { best = min(best, Distance.centikm(p.location, locations[j])) }
                distance = "it is \(ValueRange.format(Double(best) / 100, maxDecimals: 0)) km from the nearest other child or mom"
            }
            let here = "lat \(fmt(p.location.lat)), lon \(fmt(p.location.lon))"
            if k < candidateLimit, let fix = correction(p.location, grid: grid, limit: limit, excluding: i, center: center) {
                out.append(.warning(p.file, line: p.line, column: fix.column,
                    "\(p.who) at \(here) is far from all others: \(distance); \(fix.text)? Then the nearest other point is \(ValueRange.format(Double(fix.nearestCentikm) / 100, maxDecimals: 2)) km away. Correct the coordinate if so"))
            } else {
                out.append(.warning(p.file, line: p.line,
                    "\(p.who) at \(here) is far from all others: \(distance); check lat and lon (no single-digit typo explains it)"))
            }
        }
        return (out, children)
    }

    static func fmt(_ x: Double) -> String { Decimals.format(x, maxDecimals: 6) }

    /// Whether a point other than `excluding` is within `limit` centikm of `p`, nearest cells first.
    static func hasNeighbour(_ grid: SpatialGrid, of p: GeoPoint, within limit: Int, excluding: Int) -> Bool {
        nearestWithin(grid, of: p, within: limit, excluding: excluding) != nil
    }

    /// The distance of some point within `limit` (the nearest in the first ring that has one).
    static func nearestWithin(_ grid: SpatialGrid, of p: GeoPoint, within limit: Int, excluding: Int) -> Int? {
        guard let q = grid.query(withinCentikm: limit, of: p) else { return nil }
        var found: Int? = nil
        grid.forEachCellByRings(q, ring: { _ in found == nil }) { cell, _ in
            for k in grid.pointRange(ofCell: cell) {
                let j = grid.point(at: k)
                if j == excluding { continue }
                let d = Distance.centikm(p, grid.points[j])
                if d <= limit && d < (found ?? .max) { found = d }
            }
        }
        return found
    }

    struct Correction {
        let column: String?
        let text: String
        let nearestCentikm: Int
    }

    /// The likely typo: the candidate within reach of the others that is nearest the center.
    static func correction(_ p: GeoPoint, grid: SpatialGrid, limit: Int, excluding: Int, center: GeoPoint) -> Correction? {
        var candidates = [(GeoPoint, String?, String)]()
        for v in variants(p.lat) { candidates.append((GeoPoint(lat: v, lon: p.lon), "lat", "did you mean lat \(fmt(v)) instead of \(fmt(p.lat))")) }
        for v in variants(p.lon) { candidates.append((GeoPoint(lat: p.lat, lon: v), "lon", "did you mean lon \(fmt(v)) instead of \(fmt(p.lon))")) }
        candidates.append((GeoPoint(lat: p.lon, lon: p.lat), nil, "lat and lon look swapped: did you mean lat \(fmt(p.lon)), lon \(fmt(p.lat))"))
        candidates.append((GeoPoint(lat: -p.lat, lon: -p.lon), nil, "both signs look flipped: did you mean lat \(fmt(-p.lat)), lon \(fmt(-p.lon))"))
        var best: (Correction, Double)? = nil
        for (c, column, text) in candidates where DatasetValidator.validLocation(c) && c != p {
            guard let near = nearestWithin(grid, of: c, within: limit, excluding: excluding) else { continue }
            let toCenter = Distance.haversineKm(c, center)
            if best == nil || toCenter < best!.1 { best = (Correction(column: column, text: text, nearestCentikm: near), toCenter) }
        }
        return best?.0
    }

    /// One-typo variants of a coordinate as written with up to 6 decimals: a digit deleted,
    /// inserted or transposed with its neighbour, the decimal point moved, the sign flipped.
    static func variants(_ x: Double) -> [Double] {
        let text = Array(fmt(abs(x)))
        let sign: Double = x < 0 ? -1 : 1
        var out = Set<Double>()
        func add(_ chars: [Character]) {
            if let v = Double(String(chars)), v.isFinite { out.insert(sign * v) }
        }
        for i in text.indices where text[i] != "." { var t = text; t.remove(at: i); add(t) }
        for i in 0...text.count {
            for digit in "0123456789" { var t = text; t.insert(digit, at: i); add(t) }
        }
        for i in 0..<(text.count - 1) where text[i] != "." && text[i + 1] != "." { var t = text; t.swapAt(i, i + 1); add(t) }
        let digits = text.filter { $0 != "." }
        for i in 1...digits.count { var t = digits; if i < digits.count { t.insert(".", at: i) }; add(t) }
        out.insert(-x)
        out.remove(x)
        return out.sorted()
    }

    static func median(_ xs: [Double]) -> Double {
        let s = xs.sorted()
        return s.isEmpty ? 0 : s[s.count / 2]
    }
}

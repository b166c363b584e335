import Foundation

/// Points far from every other point of the dataset, or from the other points of their county:
/// likely typos in `lat`, `lon` or `county`.
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
        let county: String
        let child: Int?
        let location: GeoPoint
    }

    /// The warnings, and the positions of the children found isolated.
    static func warnings(_ d: Dataset) -> (warnings: [Diagnostic], isolatedChildren: Set<Int>) {
        var pts = [Point]()
        pts.reserveCapacity(d.children.count + d.moms.count)
        for (i, c) in d.children.enumerated() where DatasetValidator.validLocation(c.location) {
            pts.append(Point(file: DatasetFile.children, line: c.line, who: "child '\(c.id)'", county: c.county, child: i, location: c.location))
        }
        for m in d.moms where DatasetValidator.validLocation(m.location) {
            pts.append(Point(file: DatasetFile.moms, line: m.line, who: "mom '\(m.id)'", county: m.county, child: nil, location: m.location))
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
        guard !isolated.isEmpty else { return (countyOutliers(pts, skip: []), []) }
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
        out += countyOutliers(pts, skip: Set(isolated))
        return (out, children)
    }

    /// Counties with at least this many points are checked for points far from the rest.
    static let countyMinimumPoints = 10

    /// Points far from the other points of their county (not isolated in the dataset): farther
    /// from the county's median point than `max(30 km, 4 × the distance within which 90 % of
    /// the county's points lie)`. The warning names the county whose points it lies among, and a
    /// one-typo correction that brings it back into its county when there is one.
    ///
    /// - Complexity: O(n log n) (a sort of each county's distances).
    static func countyOutliers(_ pts: [Point], skip: Set<Int>) -> [Diagnostic] {
        var byCounty = [String: [Int]]()
        for (i, p) in pts.enumerated() { byCounty[p.county, default: []].append(i) }
        struct Area { let county: String; let center: GeoPoint; let radiusKm: Double; let limitKm: Double }
        var areas = [Area]()
        for (county, members) in byCounty where members.count >= countyMinimumPoints && !county.isEmpty {
            let center = GeoPoint(lat: median(members.map { pts[$0].location.lat }), lon: median(members.map { pts[$0].location.lon }))
            let d = members.map { Distance.haversineKm(center, pts[$0].location) }.sorted()
            let r90 = d[Int((Double(d.count) * 0.9).rounded(.up)) - 1]
            areas.append(Area(county: county, center: center, radiusKm: r90, limitKm: max(30, 4 * r90)))
        }
        areas.sort { $0.county.precedesInCodePoints($1.county) }
        let areaByCounty = Dictionary(uniqueKeysWithValues: areas.map { ($0.county, $0) })
        var out = [Diagnostic]()
        for (i, p) in pts.enumerated() where !skip.contains(i) {
            guard let a = areaByCounty[p.county] else { continue }
            let far = Distance.haversineKm(a.center, p.location)
            guard far > a.limitKm else { continue }
            let among = areas.filter { $0.county != a.county && Distance.haversineKm($0.center, p.location) <= $0.limitKm }
                .min { Distance.haversineKm($0.center, p.location) < Distance.haversineKm($1.center, p.location) }
            let whereText = among.map { "; it lies among the points of \($0.county)" } ?? ""
            var fix = ""
            var column: String? = nil
            var best: Double? = nil
            for (c, col, text) in candidates(p.location) where DatasetValidator.validLocation(c) {
                let dc = Distance.haversineKm(a.center, c)
                if dc <= a.limitKm && (best == nil || dc < best!) { best = dc; fix = "; \(text)?"; column = col }
            }
            out.append(.warning(p.file, line: p.line, column: column,
                "\(p.who) at lat \(fmt(p.location.lat)), lon \(fmt(p.location.lon)) is \(ValueRange.format(far, maxDecimals: 0)) km from the middle of \(p.county)'s points (9 in 10 of them are within \(ValueRange.format(a.radiusKm, maxDecimals: 0)) km)\(whereText)\(fix); check its county and its coordinates"))
        }
        return out
    }

    static func fmt(_ x: Double) -> String { Decimals.format(x, maxDecimals: 6) }

    /// Whether a point other than `excluding` is within `limit` centikm of `p`, nearest cells first.
    static func hasNeighbour(_ grid: SpatialGrid, of p: GeoPoint, within limit: Int, excluding: Int) -> Bool {
        guard let q = grid.query(withinCentikm: limit, of: p) else { return false }
        var found = false
        grid.forEachCellByRings(q, ring: { _ in !found }) { cell, _ in
            if found { return }
            for k in grid.pointRange(ofCell: cell) {
                let j = grid.point(at: k)
                if j != excluding && Distance.centikm(p, grid.points[j]) <= limit { found = true; return }
            }
        }
        return found
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
        var best: (Correction, Double)? = nil
        for (c, column, text) in candidates(p) where DatasetValidator.validLocation(c) {
            guard let near = nearestWithin(grid, of: c, within: limit, excluding: excluding) else { continue }
            let toCenter = Distance.haversineKm(c, center)
            if best == nil || toCenter < best!.1 { best = (Correction(column: column, text: text, nearestCentikm: near), toCenter) }
        }
        return best?.0
    }

    /// The points one typo away from `p`, with the column changed and how to say it.
    static func candidates(_ p: GeoPoint) -> [(GeoPoint, String?, String)] {
        var out = [(GeoPoint, String?, String)]()
        for v in variants(p.lat) { out.append((GeoPoint(lat: v, lon: p.lon), "lat", "did you mean lat \(fmt(v)) instead of \(fmt(p.lat))")) }
        for v in variants(p.lon) { out.append((GeoPoint(lat: p.lat, lon: v), "lon", "did you mean lon \(fmt(v)) instead of \(fmt(p.lon))")) }
        if p.lat != p.lon {
            out.append((GeoPoint(lat: p.lon, lon: p.lat), nil, "lat and lon look swapped: did you mean lat \(fmt(p.lon)), lon \(fmt(p.lat))"))
        }
        if p.lat != 0 && p.lon != 0 {
            out.append((GeoPoint(lat: -p.lat, lon: -p.lon), nil, "both signs look flipped: did you mean lat \(fmt(-p.lat)), lon \(fmt(-p.lon))"))
        }
        return out
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

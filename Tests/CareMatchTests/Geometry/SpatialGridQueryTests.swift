import CareMatch
import XCTest

/// `SpatialGrid.forEach(within:of:_:)` reports exactly the points whose contract distance
/// (haversine rounded to 0.01 km) is at most the radius, checked against brute force on random
/// maps: county-sized around Quzhou, a province-wide spread (centers at the map's corners, far
/// from the mean latitude the projection uses), and high latitudes where the projection's error
/// is largest.
final class SpatialGridQueryTests: XCTestCase {
    /// Random points in a box of `spreadKm` around (lat, lon).
    static func points(_ r: inout TestRandom, count: Int, lat: Double, lon: Double, spreadKm: Double) -> [GeoPoint] {
        let kmPerLon = 111.2 * cos(lat * Double.pi / 180)
        return (0..<count).map { _ in
            GeoPoint(lat: lat + (r.unit() - 0.5) * spreadKm / 111.2, lon: lon + (r.unit() - 0.5) * spreadKm / kmPerLon)
        }
    }

    /// The grid's answer, as (index, centikm) in the order reported.
    static func query(_ grid: SpatialGrid, _ radiusKm: Double, _ center: GeoPoint) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        grid.forEach(within: radiusKm, of: center) { i, d in out.append((i, d)) }
        return out
    }

    /// Brute force: every point whose rounded distance is at most the radius rounded to centikm.
    static func bruteForce(_ points: [GeoPoint], _ radiusKm: Double, _ center: GeoPoint) -> [Int: Int] {
        let limit = Int((radiusKm * 100).rounded())
        var out: [Int: Int] = [:]
        for (i, p) in points.enumerated() {
            let d = Distance.centikm(center, p)
            if d <= limit { out[i] = d }
        }
        return out
    }

    func check(lat: Double, lon: Double, spreadKm: Double, radii: ClosedRange<Double>, cells: [Double] = [0.5, 1, 2, 5],
               seeds: ClosedRange<UInt64>,
               file: StaticString = #filePath, line: UInt = #line) {
        for seed in seeds {
            var r = TestRandom(seed: seed)
            let points = Self.points(&r, count: r.int(50...800), lat: lat, lon: lon, spreadKm: spreadKm)
            let grid = SpatialGrid(points: points, cellKm: cells[r.int(0...(cells.count - 1))])
            let lats = points.map(\.lat), lons = points.map(\.lon)
            // Random centers, and the map's corners (farthest from the projection's latitude).
            var centers = Self.points(&r, count: 20, lat: lat, lon: lon, spreadKm: spreadKm * 1.1)
            for la in [lats.min()!, lats.max()!] { for lo in [lons.min()!, lons.max()!] { centers.append(GeoPoint(lat: la, lon: lo)) } }
            for center in centers {
                let radius = ((radii.lowerBound + r.unit() * (radii.upperBound - radii.lowerBound)) * 100).rounded() / 100
                let got = Self.query(grid, radius, center)
                XCTAssertEqual(Set(got.map(\.0)).count, got.count, "seed \(seed): a point reported twice", file: file, line: line)
                let gotMap = Dictionary(got, uniquingKeysWith: { a, _ in a })
                XCTAssertEqual(gotMap, Self.bruteForce(points, radius, center),
                               "seed \(seed): center \(center.lat),\(center.lon) radius \(radius) km", file: file, line: line)
                // A point exactly at the radius after the contract's rounding is in.
                if let far = points.indices.max(by: { Distance.centikm(center, points[$0]) < Distance.centikm(center, points[$1]) }) {
                    let edge = Double(Distance.centikm(center, points[far])) / 100
                    XCTAssertTrue(Self.query(grid, edge, center).contains { $0.0 == far },
                                  "seed \(seed): the point at exactly \(edge) km is missing", file: file, line: line)
                }
            }
        }
    }

    func testCountySizedMapsReportExactlyThePointsWithinReach() {
        check(lat: 28.9, lon: 118.9, spreadKm: 60, radii: 0.3...25, seeds: 1_000...1_019)
    }

    func testProvinceWideMapsReportExactlyThePointsWithinReachEvenAtTheCorners() {
        check(lat: 29.5, lon: 120, spreadKm: 500, radii: 5...120, cells: [5, 10, 20], seeds: 1_100...1_109)
    }

    func testHighLatitudeMapsReportExactlyThePointsWithinReach() {
        check(lat: 69.5, lon: 19, spreadKm: 200, radii: 1...60, seeds: 1_200...1_209)
    }

    func testTheOrderOfResultsIsTheSameForTheSameInput() {
        var r = TestRandom(seed: 1_300)
        let points = Self.points(&r, count: 2_000, lat: 28.9, lon: 118.9, spreadKm: 40)
        let a = SpatialGrid(points: points, cellKm: 1), b = SpatialGrid(points: points, cellKm: 1)
        for center in Self.points(&r, count: 30, lat: 28.9, lon: 118.9, spreadKm: 40) {
            let x = Self.query(a, 8, center), y = Self.query(b, 8, center)
            XCTAssertEqual(x.map(\.0), y.map(\.0))
            XCTAssertEqual(x.map(\.1), y.map(\.1))
        }
    }

    /// `cellLiesWithin` never vouches for a cell holding a point beyond the limit, on maps where
    /// the projection is worst (high latitudes, both hemispheres, across the equator), and it
    /// does vouch for most of the cells a wide circle covers (or it would save nothing).
    func testACellSaidToLieWithinReachHoldsNoPointBeyondIt() {
        var vouched = 0, cellsSeen = 0
        for (k, (lat, spread)) in [(29.0, 120.0), (66.0, 300.0), (-41.0, 200.0), (0.3, 400.0), (29.0, 30.0)].enumerated() {
            for seed in UInt64(10 * k)...UInt64(10 * k + 5) {
                var r = TestRandom(seed: seed)
                let points = Self.points(&r, count: r.int(400...1500), lat: lat, lon: 118.9, spreadKm: spread)
                let grid = SpatialGrid(points: points, cellKm: [0.5, 1, 2, 5][r.int(0...3)])
                for center in Self.points(&r, count: 15, lat: lat, lon: 118.9, spreadKm: spread * 1.1) {
                    let limit = r.int(100...(Int(spread) * 40))
                    guard let q = grid.query(withinCentikm: limit, of: center) else { continue }
                    grid.forEachCell(q) { cell, _ in
                        cellsSeen += 1
                        guard grid.cellLiesWithin(q, cell) else { return }
                        vouched += 1
                        for pos in grid.pointRange(ofCell: cell) {
                            let i = grid.point(at: pos)
                            XCTAssertLessThanOrEqual(Distance.centikm(center, points[i]), limit,
                                                     "seed \(seed): cell \(cell) vouched for, point \(i) beyond \(limit) centikm")
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(vouched * 3, cellsSeen, "too few cells vouched for")
    }
    /// `forEachRowOfCells` (the unmet children's counts): every point within the limit lies in a
    /// cell it reports, every point of a cell it calls interior is within, no cell is reported
    /// twice; on maps at high latitudes, in both hemispheres, across the equator,
    /// and with limits from 0 to hundreds of km. Its rows are tight: the cells it reports hold
    /// few points beyond the limit (the planar circle's 2 % slack would add hundreds).
    func testTheRowsOfCellsHoldEveryPointWithinReachAndTheirInteriorsNoneBeyond() {
        var measuredBeyond = 0, within = 0, inInterior = 0
        let maps: [(Double, Double)] = [(29.0, 120.0), (66.0, 300.0), (-41.0, 200.0), (0.3, 400.0), (29.0, 30.0), (80.0, 100.0)]
        for (k, (lat, spread)) in maps.enumerated() {
            for seed in UInt64(100 + 10 * k)...UInt64(100 + 10 * k + 5) {
                var r = TestRandom(seed: seed)
                let points = Self.points(&r, count: r.int(400...1500), lat: lat, lon: 118.9, spreadKm: spread)
                let grid = SpatialGrid(points: points, cellKm: [0.25, 0.5, 1, 2, 5][r.int(0...4)])
                for center in Self.points(&r, count: 15, lat: lat, lon: 118.9, spreadKm: spread * 1.1) {
                    let limit = r.int(0...3) == 0 ? r.int(0...10) : r.int(100...(Int(spread) * 40))
                    guard let q = grid.query(withinCentikm: limit, of: center) else { continue }
                    var seen = Set<Int>(), interiorPoints = Set<Int>(), reported = Set<Int>()
                    grid.forEachRowOfCells(q, interior: { first, last in
                        for cell in first...last {
                            XCTAssertTrue(seen.insert(cell).inserted, "seed \(seed): cell \(cell) reported twice")
                            for pos in grid.pointRange(ofCell: cell) { interiorPoints.insert(grid.point(at: pos)) }
                        }
                    }, edge: { cell, _ in
                        XCTAssertTrue(seen.insert(cell).inserted, "seed \(seed): cell \(cell) reported twice")
                        for pos in grid.pointRange(ofCell: cell) { reported.insert(grid.point(at: pos)) }
                    })
                    for (i, p) in points.enumerated() {
                        let inside = Distance.centikm(center, p) <= limit
                        if interiorPoints.contains(i) {
                            XCTAssertTrue(inside, "seed \(seed): point \(i) in an interior cell, beyond \(limit) centikm")
                            inInterior += 1
                        } else if inside {
                            XCTAssertTrue(reported.contains(i), "seed \(seed): point \(i) within \(limit) centikm in no cell reported")
                        }
                        if inside { within += 1 } else if reported.contains(i) { measuredBeyond += 1 }
                    }
                }
            }
        }
        XCTAssertGreaterThan(inInterior * 2, within, "the interiors should hold most points within reach")
        XCTAssertLessThan(measuredBeyond * 4, within, "edge cells should hold few points beyond reach")
    }

    /// `ChordLimit` gives the contract's answer (`Distance.centikm(a, b) <= limit`) for pairs at,
    /// just inside and just beyond the limit, from 0 to thousands of km, anywhere on the globe.
    func testTheChordTestAgreesWithTheContractsRoundedDistance() {
        var r = TestRandom(seed: 77)
        var pairs = 0
        for _ in 0..<4_000 {
            let a = GeoPoint(lat: (r.unit() - 0.5) * 179, lon: (r.unit() - 0.5) * 359)
            let km = [0.001, 0.05, 0.3, 3, 40, 900][r.int(0...5)] * r.unit()
            let b = GeoPoint(lat: min(89.9, max(-89.9, a.lat + (r.unit() - 0.5) * km / 55.6)),
                             lon: a.lon + (r.unit() - 0.5) * km / 55.6 / max(0.05, cos(a.lat * Double.pi / 180)))
            let d = Distance.centikm(a, b)
            let c2 = Distance.chordSquared(Distance.unitVector(a), Distance.unitVector(b))
            for limit in [d - 1, d, d + 1, 0, 2 * d] where limit >= 0 {
                pairs += 1
                XCTAssertEqual(ChordLimit(limitCentikm: limit).contains(chordSquared: c2, a, b), d <= limit,
                               "\(a.lat),\(a.lon) to \(b.lat),\(b.lon): \(d) centikm against \(limit)")
            }
        }
        XCTAssertGreaterThan(pairs, 10_000)
    }

    /// `nearestCentikm(q, i)`, the bound every caller prunes with, is never above the contract's
    /// distance (pruning stays exact), is within 0.02 km of it up to 60 km (so it prunes nearly as
    /// much as measuring would), and is nil only for points beyond the query's limit; anywhere on
    /// the globe, from metres to hundreds of km, on coarse and fine grids.
    func testThePointBoundIsAtMostTheContractsDistanceAndAtMostTwoHundredthsBelowIt() {
        var r = TestRandom(seed: 91)
        var tight = 0, beyond = 0
        for _ in 0..<60 {
            let center = GeoPoint(lat: (r.unit() - 0.5) * 170, lon: (r.unit() - 0.5) * 359)
            let spread = [0.02, 1, 30, 120, 800][r.int(0...4)]
            let points = Self.points(&r, count: 200, lat: center.lat, lon: center.lon, spreadKm: spread)
            let grid = SpatialGrid(points: points, cellKm: [0.5, 2, 10][r.int(0...2)])
            let limit = r.int(0...Int(spread * 60))
            guard let q = grid.query(withinCentikm: limit, of: center) else { return XCTFail("no query") }
            for (i, p) in points.enumerated() {
                let d = Distance.centikm(center, p)
                guard let bound = grid.nearestCentikm(q, i) else {
                    XCTAssertGreaterThan(d, limit, "\(p.lat),\(p.lon) is within \(limit) centikm of \(center.lat),\(center.lon) but was left out")
                    beyond += 1
                    continue
                }
                XCTAssertLessThanOrEqual(bound, d, "\(p.lat),\(p.lon) from \(center.lat),\(center.lon)")
                if d <= 6_000 { XCTAssertGreaterThanOrEqual(bound, d - 2, "\(p.lat),\(p.lon) from \(center.lat),\(center.lon)"); tight += 1 }
            }
        }
        XCTAssertGreaterThan(tight, 2_000)
        XCTAssertGreaterThan(beyond, 1_000)
    }
}

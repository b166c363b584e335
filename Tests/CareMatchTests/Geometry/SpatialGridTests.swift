import CareMatch
import XCTest

/// The grid's ring walks visit exactly the cells a plain circle query visits, with the same
/// distance bounds, and every ring's bound holds for all the points beyond it.
final class SpatialGridTests: XCTestCase {
    static func randomPoints(_ r: inout TestRandom, count: Int, spreadKm: Double) -> [GeoPoint] {
        (0..<count).map { _ in
            GeoPoint(lat: 28.9 + (r.unit() - 0.5) * spreadKm / 111.2, lon: 118.9 + (r.unit() - 0.5) * spreadKm / 97.3)
        }
    }

    /// A grid of 0.25–1 km cells over a 30 km map (many blocks of 8 × 8 cells) and a circle query
    /// of 1–25 km around a point of a slightly wider map.
    static func randomQuery(_ r: inout TestRandom) -> (SpatialGrid, SpatialGrid.Query) {
        let points = randomPoints(&r, count: r.int(200...2_000), spreadKm: 30)
        let grid = SpatialGrid(points: points, cellKm: [0.25, 0.5, 1][r.int(0...2)])
        let center = randomPoints(&r, count: 1, spreadKm: 40)[0]
        return (grid, grid.query(withinCentikm: r.int(100...2_500), of: center)!)
    }

    func testRingsWalkedOneAtATimeAreTheRingWalksCellsAndBounds() {
        var compared = 0
        for seed in 930...949 as ClosedRange<UInt64> {
            var r = TestRandom(seed: seed)
            let (grid, q) = Self.randomQuery(&r)
            var walked: [[Int]] = [], gaps: [Int] = []
            grid.forEachCellByRings(q, ring: { g in gaps.append(g); walked.append([]); return true }) { cell, _ in
                walked[walked.count - 1].append(cell)
            }
            guard let rings = grid.cellRings(q) else {
                // The circle misses the grid: the walk visits nothing either.
                XCTAssertTrue(walked.allSatisfy(\.isEmpty), "seed \(seed)")
                continue
            }
            compared += 1
            var one: [[Int]] = []
            for ring in 0..<rings.count where grid.lowerBound(ofRing: ring, q) <= q.limit {
                XCTAssertEqual(grid.lowerBound(ofRing: ring, q), gaps[ring], "seed \(seed) ring \(ring)")
                var cells: [Int] = []
                grid.forEachCell(inRing: ring, of: rings, q) { cell, _ in cells.append(cell) }
                one.append(cells)
            }
            XCTAssertEqual(one, walked, "seed \(seed)")
        }
        XCTAssertGreaterThan(compared, 10)
    }

    func testTheGridsDistanceIsTheContractsHaversineBitForBit() {
        // The grid keeps each point's latitude cosine; its distances must be the contract's own.
        var r = TestRandom(seed: 77)
        var checked = 0
        for round in 0..<40 {
            // Quzhou's map, and the whole globe (poles and the antimeridian included).
            let points = round % 2 == 0 ? Self.randomPoints(&r, count: 500, spreadKm: 60)
                : (0..<500).map { _ in GeoPoint(lat: (r.unit() - 0.5) * 180, lon: (r.unit() - 0.5) * 360) }
            let grid = SpatialGrid(points: points, cellKm: 2)
            let center = points[r.int(0...(points.count - 1))]
            guard let q = grid.query(withinCentikm: 2_000_000, of: center) else { return XCTFail("no query") }
            for i in points.indices {
                XCTAssertEqual(grid.centikm(q, i), Distance.centikm(center, points[i]))
                let a = Distance.haversineKm(center, points[i])
                let b = Distance.haversineKm(center, cosLat: Distance.cosLat(center), points[i], cosLat: Distance.cosLat(points[i]))
                XCTAssertEqual(a.bitPattern, b.bitPattern)
                checked += 1
            }
        }
        XCTAssertEqual(checked, 20_000)
    }

    func testRingWalksVisitTheCellsOfTheCircleAndRingBoundsHold() {
        for seed in 900...919 as ClosedRange<UInt64> {
            var r = TestRandom(seed: seed)
            let (grid, q) = Self.randomQuery(&r)
            var plain: [Int: Int] = [:]
            grid.forEachCell(q) { cell, nearest in plain[cell] = nearest }
            var rings: [Int: Int] = [:], blocks: [Int: Int] = [:]
            var gap = 0
            grid.forEachCellByRings(q, ring: { g in gap = g; return true }) { cell, nearest in
                rings[cell] = nearest
                XCTAssertGreaterThanOrEqual(nearest, gap, "seed \(seed): a cell nearer than its ring's bound")
            }
            grid.forEachCellByBlockRings(q, ring: { g in gap = g; return true }, block: { b, near in
                XCTAssertLessThanOrEqual(near, q.limit)
                XCTAssertGreaterThanOrEqual(near, gap, "seed \(seed): a block nearer than its ring's bound")
                return true
            }) { cell, nearest in
                blocks[cell] = nearest
                XCTAssertGreaterThanOrEqual(nearest, gap, "seed \(seed): a cell nearer than its ring's bound")
            }
            XCTAssertEqual(rings, plain, "seed \(seed)")
            XCTAssertEqual(blocks, plain, "seed \(seed)")
            // Each cell's bound holds for its points.
            for (cell, nearest) in plain {
                for k in grid.pointRange(ofCell: cell) {
                    XCTAssertGreaterThanOrEqual(Distance.centikm(q.center, grid.points[grid.point(at: k)]), nearest, "seed \(seed)")
                }
            }
        }
    }
}

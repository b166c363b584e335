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

    func testRingWalksVisitTheCellsOfTheCircleAndRingBoundsHold() {
        for seed in 900...919 as ClosedRange<UInt64> {
            var r = TestRandom(seed: seed)
            // Cells of 0.25–1 km over a 30 km map: many blocks of 8 × 8 cells.
            let points = Self.randomPoints(&r, count: r.int(200...2_000), spreadKm: 30)
            let grid = SpatialGrid(points: points, cellKm: [0.25, 0.5, 1][r.int(0...2)])
            let center = Self.randomPoints(&r, count: 1, spreadKm: 40)[0]
            guard let q = grid.query(withinCentikm: r.int(100...2_500), of: center) else { return XCTFail("no query") }
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
                    XCTAssertGreaterThanOrEqual(Distance.centikm(center, points[grid.point(at: k)]), nearest, "seed \(seed)")
                }
            }
        }
    }
}

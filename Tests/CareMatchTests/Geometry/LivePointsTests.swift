@testable import CareMatch
import XCTest

/// `LivePoints.nearest` finds exactly the brute-force nearest live, accepted point (contract
/// distance, then smallest index) while points die between searches, on county-sized,
/// province-wide and high-latitude maps.
final class LivePointsTests: XCTestCase {
    /// Brute force over every point.
    static func bruteForce(_ points: [GeoPoint], _ center: GeoPoint, limit: Int, live: [Bool],
                           accept: (Int, Int) -> Bool) -> (centikm: Int, index: Int)? {
        var best: (centikm: Int, index: Int)?
        for (i, p) in points.enumerated() where live[i] {
            let d = Distance.centikm(center, p)
            guard d <= limit, accept(i, d) else { continue }
            if best == nil || (d, i) < (best!.centikm, best!.index) { best = (d, i) }
        }
        return best
    }

    func check(lat: Double, lon: Double, spreadKm: Double, limitsKm: ClosedRange<Double>, cells: [Double],
               seeds: ClosedRange<UInt64>, file: StaticString = #filePath, line: UInt = #line) {
        var found = 0, none = 0
        for seed in seeds {
            var r = TestRandom(seed: seed)
            // Twins at one place make ties that only the index breaks.
            var points = SpatialGridQueryTests.points(&r, count: r.int(in: 50...600), lat: lat, lon: lon, spreadKm: spreadKm)
            for k in 0..<points.count / 10 { points[r.int(in: 0...(points.count - 1))] = points[k] }
            let cell = cells[r.int(in: 0...(cells.count - 1))]
            var live = LivePoints(SpatialGrid(points: points, cellKm: cell))
            var alive = [Bool](repeating: true, count: points.count)
            for step in 0..<120 {
                // Points die between searches, a few at a time.
                for _ in 0..<r.int(in: 0...6) { alive[r.int(in: 0...(points.count - 1))] = false }
                let center = SpatialGridQueryTests.points(&r, count: 1, lat: lat, lon: lon, spreadKm: spreadKm * 1.1)[0]
                let limit = Int((limitsKm.lowerBound + r.unit() * (limitsKm.upperBound - limitsKm.lowerBound)) * 100)
                // Some searches also refuse points (e.g. moms already used for this child, or beyond their own reach).
                let refuse = step % 3 == 0 ? Int(r.next() % 7) : -1
                let accept: (Int, Int) -> Bool = { i, d in refuse < 0 || (i + d) % 7 != refuse }
                let expected = Self.bruteForce(points, center, limit: limit, live: alive, accept: accept)
                let got = live.nearest(to: center, withinCentikm: limit, isLive: { alive[$0] }, accept: accept)
                XCTAssertEqual(got.map { [$0.centikm, $0.index] }, expected.map { [$0.centikm, $0.index] },
                               "seed \(seed) step \(step) cell \(cell) km limit \(limit) centikm", file: file, line: line)
                if expected == nil { none += 1 } else { found += 1 }
            }
        }
        // Both outcomes occurred.
        XCTAssertGreaterThan(found, 100, file: file, line: line)
        XCTAssertGreaterThan(none, 10, file: file, line: line)
    }

    func testNearestLivePointOnCountySizedMapsMatchesBruteForce() {
        check(lat: 28.9, lon: 118.9, spreadKm: 60, limitsKm: 0.2...12, cells: [0.5, 1, 2, 5], seeds: 2_000...2_009)
    }

    func testNearestLivePointOnProvinceWideMapsMatchesBruteForce() {
        check(lat: 29.5, lon: 120, spreadKm: 500, limitsKm: 2...80, cells: [5, 10, 20], seeds: 2_100...2_104)
    }

    func testNearestLivePointAtHighLatitudeMatchesBruteForce() {
        check(lat: 69.5, lon: 19, spreadKm: 200, limitsKm: 1...40, cells: [1, 5], seeds: 2_200...2_204)
    }

    func testADeadPointIsNeverReturnedEvenIfItComesBackToLife() {
        // Dropping is for good: the structure is for points that only die (moms filling up).
        let points = [GeoPoint(lat: 28.9, lon: 118.9), GeoPoint(lat: 28.901, lon: 118.9)]
        var live = LivePoints(SpatialGrid(points: points, cellKm: 1))
        var alive = [false, true]
        XCTAssertEqual(live.nearest(to: points[0], withinCentikm: 500, isLive: { alive[$0] }, accept: { _, _ in true })?.index, 1)
        alive[0] = true
        XCTAssertEqual(live.nearest(to: points[0], withinCentikm: 500, isLive: { alive[$0] }, accept: { _, _ in true })?.index, 1)
    }
}

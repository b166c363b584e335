@testable import CareMatch
import XCTest

/// Capacity values checked by re-solving: one more unit for each mom at capacity in an area,
/// the best gain among them must lie in the stated interval.
final class CapacityValueTests: XCTestCase {
    func testTheBestGainOfOneMoreUnitInAnAreaLiesInTheStatedInterval() throws {
        var areasChecked = 0, exact = 0
        for seed in UInt64(31)...33 {
            let d = DatasetGenerator(scale: 0.05, seed: seed).generate()
            let base = try PairingSolver.solve(d)
            XCTAssertTrue(base.certificate.proven)
            var load = [Int](repeating: 0, count: d.moms.count)
            for p in base.evaluation.pairs { load[p.mom] += 1 }
            let areas = base.capacity.townships.filter { $0.momsAtCapacity > 0 && $0.momsAtCapacity <= 4 }.prefix(4)
            for area in areas {
                var best = 0.0
                for (m, mom) in d.moms.enumerated() where mom.capacity > 0 && load[m] >= mom.capacity {
                    let key = mom.township.isEmpty ? mom.county : mom.county + "/" + mom.township
                    guard key == area.area else { continue }
                    var more = d
                    more.moms[m].capacity += 1
                    best = max(best, try PairingSolver.solve(more).evaluation.score - base.evaluation.score)
                }
                XCTAssertGreaterThanOrEqual(best, area.points - 0.005, "seed \(seed) \(area.area)")
                XCTAssertLessThanOrEqual(best, area.pointsUpperBound + 0.005, "seed \(seed) \(area.area)")
                XCTAssertEqual(area.status == .exact, area.pointsUpperBound - area.points <= 0.005)
                areasChecked += 1
                if area.status == .exact { exact += 1 }
            }
            for area in base.capacity.counties where area.momsAtCapacity == 0 {
                XCTAssertEqual(area.status, .notNeeded)
                XCTAssertEqual(area.pointsUpperBound, 0)
            }
        }
        XCTAssertGreaterThan(areasChecked, 5)
    }
}

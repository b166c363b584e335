@testable import CareMatch
import XCTest

/// The validator's "no mom within reach" warning names exactly the children for whom the
/// pairing engine (`PairingInstance`) allows no pair, checked pair by pair on county-sized,
/// province-wide and high-latitude maps, with moms' own limits at awkward hundredths.
final class MomReachTests: XCTestCase {
    func check(lat: Double, lon: Double, spreadKm: Double, maxKm: [Double], seeds: ClosedRange<UInt64>,
               file: StaticString = #filePath, line: UInt = #line) {
        var warnedTotal = 0, reachedTotal = 0
        for seed in seeds {
            var r = TestRandom(seed: seed)
            let places = SpatialGridQueryTests.points(&r, count: 160, lat: lat, lon: lon, spreadKm: spreadKm)
            let ownLimits: [Double?] = [nil, 0.29, 1.005, 2.5, 0, -1, 1e9]
            var d = Dataset(
                children: (0..<100).map { Child(id: "C\($0)", group: .disadvantaged, county: "A", location: places[$0]) },
                moms: (0..<60).map { i in
                    Mom(id: "M\(i)", county: "A", location: places[100 + i], capacity: i % 7 == 0 ? 0 : 1,
                        maxKm: i % 3 == 0 ? ownLimits[r.int(in: 0...(ownLimits.count - 1))] : nil)
                },
                organizations: [], catalog: [], offers: [], needs: [])
            d.settings.maxKm = maxKm[Int(seed % UInt64(maxKm.count))]
            let warned = Set(DatasetValidator.unreachableChildren(d).compactMap { w in
                d.children.firstIndex { w.message.contains("'\($0.id)'") } })
            let engine = PairingInstance(dataset: d)
            let expected = Set(d.children.indices.filter { c in
                !d.moms.indices.contains { engine.facts(mom: $0, child: c).allowed } })
            XCTAssertEqual(warned, expected, "seed \(seed) max_km \(d.settings.maxKm)", file: file, line: line)
            warnedTotal += expected.count; reachedTotal += d.children.count - expected.count
        }
        // Both outcomes occurred.
        XCTAssertGreaterThan(warnedTotal, 10, file: file, line: line)
        XCTAssertGreaterThan(reachedTotal, 10, file: file, line: line)
    }

    func testReachOnCountySizedMapsIsThePairingEnginesRule() {
        check(lat: 28.9, lon: 118.9, spreadKm: 30, maxKm: [0.29, 1, 2.5, 5, 10], seeds: 1...10)
    }

    func testReachOnProvinceWideMapsIsThePairingEnginesRule() {
        check(lat: 29.5, lon: 120, spreadKm: 500, maxKm: [20, 40, 80], seeds: 11...16)
    }

    func testReachAtHighLatitudeIsThePairingEnginesRule() {
        check(lat: 69.5, lon: 19, spreadKm: 200, maxKm: [10, 30], seeds: 21...26)
    }
}

@testable import CareMatch
import Foundation
import XCTest

final class PairingShapeTests: XCTestCase {
    func generate(_ shape: PairingShape, seed: UInt64 = 5) -> Dataset {
        var g = DatasetGenerator(scale: 0.2, seed: seed)
        g.pairing = shape
        return g.generate()
    }

    /// Mean distance (km) of the points to their township's mean position.
    func spread(_ points: [(town: String, p: GeoPoint)]) -> Double {
        var sum: [String: (Double, Double, Double)] = [:]
        for (t, p) in points { let s = sum[t] ?? (0, 0, 0); sum[t] = (s.0 + p.lat, s.1 + p.lon, s.2 + 1) }
        var total = 0.0
        for (t, p) in points {
            let s = sum[t]!
            total += Double(Distance.centikm(p, GeoPoint(lat: s.0 / s.2, lon: s.1 / s.2))) / 100
        }
        return total / Double(points.count)
    }

    /// Allowed pairs by brute force over every child and mom (rounded distance within reach).
    func allowedPairs(_ d: Dataset) -> Int {
        var n = 0
        for c in d.children {
            for m in d.moms where m.capacity > 0 {
                if Double(Distance.centikm(c.location, m.location)) / 100 <= min(m.maxKm ?? d.settings.maxKm, d.settings.maxKm) { n += 1 }
            }
        }
        return n
    }

    func testTheDefaultShapeIsTheBundledGenerator() {
        XCTAssertEqual(generate(.quzhou).children, DatasetGenerator(scale: 0.2, seed: 5).generate().children)
        XCTAssertEqual(generate(.quzhou).moms, DatasetGenerator(scale: 0.2, seed: 5).generate().moms)
    }

    func testDenseTownsReachFartherAndWantMoreSupportingMoms() {
        let base = generate(.quzhou), d = generate(.dense)
        // Only where people live, how far moms reach and how many moms children want change.
        XCTAssertEqual(d.children.map(\.id), base.children.map(\.id))
        XCTAssertEqual(d.moms.map(\.capacity), base.moms.map(\.capacity))
        XCTAssertEqual(d.needs, base.needs)
        XCTAssertEqual(d.offers, base.offers)
        XCTAssertEqual(d.settings.maxKm, 40)
        XCTAssertEqual(base.settings.maxKm, 25)
        for (m, b) in zip(d.moms, base.moms) { XCTAssertEqual(m.maxKm, b.maxKm.map { ($0 * 1.6).rounded() }) }
        // Halfway to the township's centre: about half the spread.
        let key: (String, String) -> String = { $0 + "/" + $1 }
        let ratio = spread(d.moms.map { (key($0.county, $0.township), $0.location) })
            / spread(base.moms.map { (key($0.county, $0.township), $0.location) })
        XCTAssertEqual(ratio, 0.5, accuracy: 0.02)
        for (c, b) in zip(d.children, base.children) { XCTAssertGreaterThanOrEqual(c.supportersWanted, b.supportersWanted) }
        let wanting = { (x: Dataset) in x.children.filter { $0.supportersWanted > 0 }.count }
        XCTAssertGreaterThan(Double(wanting(d)), 1.2 * Double(wanting(base)))
        XCTAssertGreaterThan(Double(allowedPairs(d)), 1.5 * Double(allowedPairs(base)))
    }

    func testDenseWritesItsReachAndLoadsBack() throws {
        let d = generate(.dense, seed: 9)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cm-shape-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        try DatasetWriter().write(d, to: dir)
        let back = try DatasetLoader.load(folder: dir)
        XCTAssertEqual(back.settings.maxKm, 40)
        XCTAssertEqual(back.children.map(\.location), d.children.map(\.location))
        XCTAssertTrue(DatasetValidator.check(back).allSatisfy { $0.severity != .error })
    }
}

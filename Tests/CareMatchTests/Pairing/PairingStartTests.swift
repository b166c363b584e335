import CareMatch
import XCTest

/// The three ways to start the whole model reach the same proven optimum, and the Swift
/// flow's spanning-tree basis is one GLPK accepts as optimal without a pivot.
final class PairingStartTests: XCTestCase {
    static func options(_ start: PairingStart) -> PairingOptions {
        var o = PairingOptions()
        o.start = start
        return o
    }

    func testFlowCountyAndGreedyStartsReachTheSameProvenOptimum() throws {
        for seed in 400...430 as ClosedRange<UInt64> {
            var r = TestRandom(seed: seed)
            let d = TestInstances.pairing(seed: seed, moms: r.int(5...40), children: r.int(5...50))
            let flow = try PairingSolver.solve(d, options: Self.options(.optimalFlow))
            let counties = try PairingSolver.solve(d, options: Self.options(.countyBases))
            let greedy = try PairingSolver.solve(d, options: Self.options(.greedy))
            XCTAssertTrue(flow.certificate.proven && counties.certificate.proven && greedy.certificate.proven, "seed \(seed)")
            XCTAssertEqual(flow.evaluation.scoreUnits, greedy.evaluation.scoreUnits, "seed \(seed)")
            XCTAssertEqual(flow.evaluation.scoreUnits, counties.evaluation.scoreUnits, "seed \(seed)")
            PairingCertificateTests.checkCertificate(d, flow)
        }
    }

    func testGLPKAcceptsTheFlowBasisAsOptimalWithoutPivots() throws {
        for seed in 500...530 as ClosedRange<UInt64> {
            var r = TestRandom(seed: seed)
            let d = TestInstances.pairing(seed: seed, moms: r.int(5...40), children: r.int(5...50))
            let s = try PairingSolver.solve(d, options: Self.options(.optimalFlow))
            XCTAssertTrue(s.certificate.proven, "seed \(seed)")
            XCTAssertEqual(s.statistics.treeUnreached, 0, "seed \(seed)")
            XCTAssertEqual(s.statistics.simplexIterations, 0, "seed \(seed): GLPK pivoted away from the flow's basis")
            XCTAssertEqual(s.statistics.pricingRounds, 1, "seed \(seed): GLPK's potentials priced out a pair the flow's did not")
        }
    }

    func testTheGreedyStartLeavesTheSimplexWork() throws {
        // The greedy start is GLPK's own path: on an instance with competition for moms its
        // simplex must pivot, so the zero-pivot result above is the flow's, not the instance's.
        let d = TestInstances.pairing(seed: 77, moms: 30, children: 60)
        let s = try PairingSolver.solve(d, options: Self.options(.greedy))
        XCTAssertTrue(s.certificate.proven)
        XCTAssertGreaterThan(s.statistics.simplexIterations, 0)
    }

    /// A random instance whose children and moms sit in several counties: by default the
    /// county is the point's band of longitude (so most allowed pairs stay in a county and some
    /// cross a border); with `shuffled`, a random county, so many pairs cross.
    static func severalCounties(seed: UInt64, shuffled: Bool) -> Dataset {
        var r = TestRandom(seed: seed &+ 1_000)
        let counties = ["A", "B", "C", "D"].prefix(r.int(2...4))
        var d = TestInstances.pairing(seed: seed, moms: r.int(8...40), children: r.int(8...50), spreadKm: 20)
        func county(_ p: GeoPoint) -> String {
            if shuffled { return counties[r.int(0...(counties.count - 1))] }
            let band = Int(((p.lon - 118.9) * 97.3 / 20 + 0.5) * Double(counties.count))
            return counties[min(counties.count - 1, max(0, band))]
        }
        for m in d.moms.indices { d.moms[m].county = county(d.moms[m].location) }
        for c in d.children.indices { d.children[c].county = county(d.children[c].location) }
        return d
    }

    func testCountyStartWithSeveralCountiesReachesTheOptimumOfTheFlowStartAndOfTheWholeNetwork() throws {
        var several = 0
        for seed in 600...640 as ClosedRange<UInt64> {
            let d = Self.severalCounties(seed: seed, shuffled: seed % 3 == 0)
            let names = Set(d.children.map(\.county)).intersection(d.moms.map(\.county))
            if names.count > 1 { several += 1 }
            let counties = try PairingSolver.solve(d, options: Self.options(.countyBases))
            let flow = try PairingSolver.solve(d, options: Self.options(.optimalFlow))
            XCTAssertTrue(counties.certificate.proven && flow.certificate.proven, "seed \(seed)")
            XCTAssertEqual(counties.evaluation.scoreUnits, flow.evaluation.scoreUnits, "seed \(seed)")
            // Independent: GLPK's out-of-kilter min-cost flow on every allowed pair.
            XCTAssertEqual(counties.evaluation.scoreUnits, try PairingSecondFormulationTests.minCostFlowOptimum(d), "seed \(seed)")
            PairingCertificateTests.checkCertificate(d, counties)
        }
        // The counties start only differs from the greedy one with at least two counties that
        // have both children and moms: most seeds must have them.
        XCTAssertGreaterThan(several, 30)
    }
}

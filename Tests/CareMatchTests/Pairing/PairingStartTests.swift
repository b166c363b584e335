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
}

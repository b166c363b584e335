import CareMatch
import XCTest

/// LEMON-style checks of every pairing solve: a feasible pairing, potentials that satisfy
/// complementary slackness against *every* allowed pair (enumerated here, independently of the
/// engine's pricing), and a dual objective equal to the score.
final class PairingCertificateTests: XCTestCase {
    /// Checks the solution against all allowed pairs; returns the dual objective in points.
    static func checkCertificate(_ d: Dataset, _ s: PairingSolution, file: StaticString = #filePath, line: UInt = #line) {
        let inst = PairingInstance(dataset: d)
        XCTAssertTrue(s.evaluation.isFeasible, "plan breaks rules: \(s.evaluation.violations)", file: file, line: line)
        XCTAssertTrue(s.certificate.proven, file: file, line: line)
        XCTAssertEqual(s.certificate.gap, 0, file: file, line: line)
        var chosen = Set<[Int]>()
        var count = [Int](repeating: 0, count: d.children.count)
        var load = [Int](repeating: 0, count: d.moms.count)
        for p in s.evaluation.pairs { chosen.insert([p.mom, p.child]); count[p.child] += 1; load[p.mom] += 1 }
        let tol = 1e-9
        var dual = 0.0
        for (m, mom) in d.moms.enumerated() {
            XCTAssertGreaterThanOrEqual(s.momDual[m], -tol, file: file, line: line)
            if load[m] < mom.capacity { XCTAssertEqual(s.momDual[m], 0, accuracy: tol, "mom \(mom.id) has room but a price", file: file, line: line) }
            dual += Double(max(0, mom.capacity)) * s.momDual[m]
        }
        let w = PairingWeights(d.settings)
        for c in d.children.indices {
            for m in d.moms.indices {
                let f = inst.facts(mom: m, child: c)
                guard f.allowed else { continue }
                let rc = w.scale.points(f.value) - s.momDual[m] - s.childDual[c]
                if chosen.contains([m, c]) {
                    XCTAssertGreaterThanOrEqual(rc, -tol, "chosen pair \(m),\(c) has negative reduced cost", file: file, line: line)
                    dual += max(0, rc)
                } else {
                    XCTAssertLessThanOrEqual(rc, tol, "pair M\(m)–C\(c) left out has positive reduced cost \(rc)", file: file, line: line)
                }
            }
            let a = w.scale.points(w.leadReward(d.children[c].group)) + s.childDual[c]
            let b = w.scale.points(w.supportReward(d.children[c].group)) + s.childDual[c]
            let n = d.children[c].supportersWanted
            if count[c] >= 1 { XCTAssertGreaterThanOrEqual(a, -tol, file: file, line: line) } else { XCTAssertLessThanOrEqual(a, tol, file: file, line: line) }
            if n > 0 {
                if count[c] - 1 >= n { XCTAssertGreaterThanOrEqual(b, -tol, file: file, line: line) }
                else if count[c] <= 1 { XCTAssertLessThanOrEqual(b, tol, file: file, line: line) }
                else { XCTAssertEqual(b, 0, accuracy: tol, file: file, line: line) }
            }
            dual += max(0, a) + Double(n) * max(0, b)
        }
        XCTAssertEqual(dual, s.evaluation.score, accuracy: 1e-6, "dual objective differs from the score", file: file, line: line)
    }

    func testEverySolveCarriesACertificateThatHoldsForAllAllowedPairs() throws {
        for seed in 1...25 as ClosedRange<UInt64> {
            let d = TestInstances.pairing(seed: seed, moms: 25, children: 30)
            let s = try PairingSolver.solve(d)
            Self.checkCertificate(d, s)
        }
    }

    func testPricingFindsPairsBeyondASingleNearestCandidate() throws {
        var options = PairingOptions()
        options.nearest = 1
        options.sharing = 0
        for seed in 1...10 as ClosedRange<UInt64> {
            let d = TestInstances.pairing(seed: seed, moms: 30, children: 40)
            let narrow = try PairingSolver.solve(d, options: options)
            var wide = PairingOptions()
            wide.nearest = 1000
            wide.sharing = 1000
            let full = try PairingSolver.solve(d, options: wide)
            XCTAssertEqual(narrow.evaluation.scoreUnits, full.evaluation.scoreUnits, "seed \(seed)")
            Self.checkCertificate(d, narrow)
        }
    }
}

@testable import GLPK
import XCTest

/// `MIPOptions.startingSolution`: a known feasible solution handed to branch-and-cut at the root.
final class MIPStartingSolutionTests: XCTestCase {
    /// Every progress report after the root carries an incumbent at least as good as the start,
    /// and the optimum (21, proven by enumeration of the 16 binary vectors) is still found.
    func testAFeasibleStartIsTheFirstIncumbentAndTheOptimumIsStillFound() throws {
        let p = try makeKnapsack()
        XCTAssertTrue(try p.simplex().isOptimal)
        var options = MIPOptions(presolve: false)
        options.startingSolution = [1, 0, 1, 1]   // weight 12 ≤ 14, value 18
        var incumbents: [Double] = []
        options.progressInterval = 0
        options.progress = { r in if let i = r.incumbent { incumbents.append(i) }; return false }
        let r = try p.intopt(options)
        XCTAssertEqual(r.startingSolutionAccepted, true)
        XCTAssertEqual(try XCTUnwrap(r.objective), bruteForceKnapsackOptimum(), accuracy: tolerance)
        XCTAssertEqual(try XCTUnwrap(incumbents.first), 18, accuracy: tolerance)
        XCTAssertTrue(incumbents.allSatisfy { $0 >= 18 - tolerance })
    }

    /// A search stopped as soon as the start is taken returns it, with a valid bound. (A search
    /// stopped before the root's heuristic point never sees it: callers keep it as a fallback.)
    func testASearchStoppedAfterTheStartKeepsIt() throws {
        let p = try makeKnapsack()
        XCTAssertTrue(try p.simplex().isOptimal)
        var options = MIPOptions(presolve: false)
        options.startingSolution = [1, 0, 1, 1]
        options.progressInterval = 0
        options.progress = { r in r.incumbent != nil }
        let r = try p.intopt(options)
        XCTAssertEqual(r.startingSolutionAccepted, true)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(r.objective), 18 - tolerance)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(r.bound), 21 - tolerance)
    }

    func testAFractionalOrMiscountedStartIsRejectedBeforeGLPK() throws {
        let p = try makeKnapsack()
        var options = MIPOptions(presolve: false)
        options.startingSolution = [1, 0, 0.5, 1]
        XCTAssertThrowsError(try p.intopt(options))
        options.startingSolution = [1, 0, 1]
        XCTAssertThrowsError(try p.intopt(options))
        options.startingSolution = [1, 0, 1, 1]
        options.presolve = true
        XCTAssertThrowsError(try p.intopt(options))
    }

    private func bruteForceKnapsackOptimum() -> Double {
        let value = [8.0, 11, 6, 4], weight = [5.0, 7, 4, 3]
        var best = 0.0
        for mask in 0..<16 {
            let picked = (0..<4).filter { mask & (1 << $0) != 0 }
            if picked.reduce(0, { $0 + weight[$1] }) <= 14 { best = max(best, picked.reduce(0) { $0 + value[$1] }) }
        }
        return best
    }
}

@testable import CareMatch
import XCTest

/// `allocation.node_limit`: the allocation's proof stops at a number of branch-and-bound nodes
/// (the same on any machine), states its bound, and the plan is still written.
final class AllocationNodeLimitTests: XCTestCase {
    /// A generated dataset with its funds cut to 70 %: a gap of 0.17 points that GLPK's
    /// branch-and-bound did not close in 13,000 nodes.
    func scarceFunds(nodeLimit: Double) -> Dataset {
        var d = DatasetGenerator(scale: 0.1, seed: 21).generate()
        d.offers = d.offers.map { o in
            var o = o
            if o.isFunds { o.quantity = (o.quantity * 0.7 * 100).rounded(.down) / 100 }
            return o
        }
        d.settings.allocationNodeLimit = nodeLimit
        return d
    }

    func testAProofStoppedAtTheNodeLimitStatesItsBoundAndIsReproducible() throws {
        let d = scarceFunds(nodeLimit: 60)
        let a = try AllocationSolver.solve(d)
        XCTAssertEqual(a.status, .nodeLimit)
        XCTAssertGreaterThanOrEqual(a.statistics.nodes, 60)
        XCTAssertGreaterThan(a.bound, a.score + AllocationSolver.provenTolerance)
        // The plan passed the independent check against the contract (whole units, no fund
        // overspent) and is the same on a second run.
        XCTAssertNil(a.failure)
        let again = try AllocationSolver.solve(d)
        XCTAssertEqual(again.rows, a.rows)
        XCTAssertEqual(again.bound, a.bound)
    }

    func testTheAutomaticLimitScalesWithTheModel() {
        var s = Settings()
        XCTAssertEqual(AllocationSolver.planNodeLimit(s, columns: 1_000), 2_000)
        XCTAssertEqual(AllocationSolver.planNodeLimit(s, columns: 100_000), 500)
        s.allocationNodeLimit = 7
        XCTAssertEqual(AllocationSolver.planNodeLimit(s, columns: 1_000), 7)
    }

    func testANodeLimitThatIsNotAWholeNumberIsRefused() {
        var s = Settings()
        s.allocationNodeLimit = 2.5
        XCTAssertTrue(s.problems().contains { $0.key == "allocation.node_limit" })
        s.allocationNodeLimit = -1
        XCTAssertTrue(s.problems().contains { $0.key == "allocation.node_limit" })
    }
}

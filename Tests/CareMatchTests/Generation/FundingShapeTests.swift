@testable import CareMatch
import XCTest

final class FundingShapeTests: XCTestCase {
    func generate(_ shape: FundingShape, seed: UInt64 = 5) -> Dataset {
        var g = DatasetGenerator(scale: 0.2, seed: seed)
        g.funding = shape
        return g.generate()
    }

    func money(_ d: Dataset) -> Double { d.offers.filter(\.isFunds).reduce(0) { $0 + $1.quantity } }

    func testShapesChangeOnlyTheMoneyAndThePrices() {
        let base = generate(.quzhou)
        for shape in FundingShape.allCases {
            let d = generate(shape)
            XCTAssertEqual(d.children, base.children, "\(shape)")
            XCTAssertEqual(d.moms, base.moms, "\(shape)")
            XCTAssertEqual(d.needs, base.needs, "\(shape)")
            XCTAssertEqual(d.offers.filter { !$0.isFunds }, base.offers.filter { !$0.isFunds }, "\(shape)")
        }
    }

    func testManyEarmarksSplitsDonorsMoneyIntoEarmarksWithTheSameTotal() {
        let base = generate(.quzhou), d = generate(.manyEarmarks)
        XCTAssertEqual(money(d), money(base))
        let donors = d.offers.filter { $0.isFunds && $0.orgID != d.organizations[0].id }
        XCTAssertGreaterThan(donors.count, 2 * base.offers.filter { $0.isFunds && $0.orgID != base.organizations[0].id }.count)
        XCTAssertTrue(donors.allSatisfy { $0.category != Offer.anyCategory })
        XCTAssertEqual(Set(d.offers.map(\.id)).count, d.offers.count, "offer ids stay unique")
        XCTAssertNotEqual(d.catalog.map(\.unitCostYuan), base.catalog.map(\.unitCostYuan))
        XCTAssertTrue(d.catalog.allSatisfy { ($0.unitCostYuan ?? 1) >= 1 && ($0.unitCostYuan ?? 0) * 100 == (($0.unitCostYuan ?? 0) * 100).rounded() })
    }

    func testScarceAndRichScaleEveryFund() {
        let base = generate(.quzhou)
        XCTAssertEqual(money(generate(.scarceFunds)), money(base) * 0.3, accuracy: Double(base.offers.count))
        XCTAssertEqual(money(generate(.richFunds)), money(base) * 3, accuracy: Double(base.offers.count))
    }

    func testEveryShapeLoadsBackAndPlansWithoutBreakingTheContract() throws {
        for shape in FundingShape.allCases where shape != .quzhou {
            var d = generate(shape, seed: 7)
            // Scarce money at varied prices is a hard knapsack for GLPK (at scale 0.2 a gap of
            // 2 points stays open for minutes): the plan must still be sound, with its bound,
            // when the proof stops at its node limit (or, on a slow machine, its time limit).
            d.settings.allocationTimeLimit = 5
            XCTAssertTrue(DatasetValidator.check(d).allSatisfy { $0.severity != .error }, "\(shape)")
            var o = AllocationOptions()
            o.marginals = false
            let a = try AllocationSolver.solve(d, options: o)
            XCTAssertNil(a.failure)
            XCTAssertTrue([.optimal, .nodeLimit, .timeLimit].contains(a.status), "\(shape) \(a.status)")
            XCTAssertGreaterThanOrEqual(a.bound, a.score)
            XCTAssertLessThan(a.gap, 1e-4, "\(shape)")
            XCTAssertTrue(AllocationEvaluation(dataset: d, assignments: a.rows.map(\.assignment)).isFeasible)
        }
    }
}

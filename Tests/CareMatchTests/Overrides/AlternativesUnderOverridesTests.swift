@testable import CareMatch
import Foundation
import XCTest

/// `alternatives.csv` under `overrides.csv`: pair lines leave it uncomputed and the plan says so;
/// allocation lines leave the pairing, and its alternatives, as they are.
final class AlternativesUnderOverridesTests: XCTestCase {
    private static var options: PlannerOptions {
        var o = PlannerOptions()
        o.allocation.marginals = false
        return o
    }

    func testPairOverridesLeaveNoAlternativesAndTheTerminalAndTheSummarySaySo() throws {
        var d = TestInstances.pairing(seed: 5, moms: 12, children: 10)
        d.settings.pairingAlternatives = 3
        let free = try Planner.plan(d, options: Self.options)
        let freeAlternatives = try XCTUnwrap(free.alternatives)
        XCTAssertFalse(freeAlternatives.rows.isEmpty, "without the line the same dataset has rows")
        XCTAssertFalse(freeAlternatives.skippedForPairOverrides)

        let pair = try XCTUnwrap(free.pairing.evaluation.pairs.first)
        d.overrides = [Override(kind: .forbidPair, childID: d.children[pair.child].id, momID: d.moms[pair.mom].id)]
        XCTAssertEqual(OverrideChecks.check(d).count, 0)
        let plan = try Planner.plan(d, options: Self.options)
        let a = try XCTUnwrap(plan.alternatives)
        XCTAssertTrue(a.rows.isEmpty)
        XCTAssertTrue(a.skippedForPairOverrides)
        XCTAssertEqual(a.perChild, 3)
        XCTAssertTrue(AlternativesSummaryPart(a).skippedForPairOverrides)
        XCTAssertEqual(PlanTables.alternatives(d, a).rows.count, 0)
        for lang in ReportLanguage.allCases {
            let text = PlanTerminalSummary.render(plan, folder: "plans/x", texts: Texts(lang))
            XCTAssertTrue(text.contains(Texts(lang)(.termAlternativesOverrides)), "\(lang)")
        }
        XCTAssertFalse(PlanTerminalSummary.render(free, folder: "plans/x", texts: Texts(.en)).contains("NOT computed"))
    }

    func testAllocationOverridesKeepThePlainPairingsAlternatives() throws {
        var d = DatasetGenerator(scale: 0.2, seed: 2).generate()
        d.settings.pairingAlternatives = 2
        let before = try Planner.plan(d, options: Self.options)
        var r = TestRandom(seed: 11)
        d.overrides = OverrideAllocationTests.randomOverrides(d, &r, count: 4)
        XCTAssertFalse(d.overrides.isEmpty)
        XCTAssertFalse(d.overrides.contains { $0.kind.isPairing })
        let after = try Planner.plan(d, options: Self.options)
        let a = try XCTUnwrap(after.alternatives), b = try XCTUnwrap(before.alternatives)
        XCTAssertFalse(a.skippedForPairOverrides)
        XCTAssertFalse(a.rows.isEmpty)
        XCTAssertEqual(a.rows.count, b.rows.count)
        XCTAssertTrue(a.rows == b.rows, "the same pairing has the same alternatives")
        XCTAssertEqual(after.pairing.evaluation.scoreUnits, before.pairing.evaluation.scoreUnits)
    }
}

@testable import CareMatch
import Foundation
import XCTest

/// `whatif` scenarios add and remove lines of `overrides.csv`, checked like the file itself.
final class OverrideScenarioTests: XCTestCase {
    func testAScenarioAddsAndRemovesOverrides() throws {
        let t = TempDataset()
        t.write("overrides.csv", "kind,child_id,mom_id,role,source_id,need_id,units,note\nforbid_pair,C1,M1,,,,,dispute\n")
        t.write("more.csv", "kind,child_id,mom_id,role\nlock_pair,C1,M2,support\n")
        let base = try DatasetLoader.load(folder: t.url)
        XCTAssertEqual(base.overrides.count, 1)
        let text = """
            [[scenario]]
            name = "dispute settled"
            remove_overrides = [2]

            [[scenario]]
            name = "homework help"
            remove_overrides = [2]
            add_overrides = "more.csv"

            """
        let prepared = try WhatIf.prepare(base: base, text: text, file: "s.toml", baseDirectory: t.url)
        XCTAssertEqual(prepared[0].dataset.overrides, [])
        XCTAssertEqual(prepared[1].dataset.overrides.map(\.label), ["lock_pair C1–M2 (support)"])
        // The base forbids C1–M1; without it C1 gets her continuity mom M1 back.
        let plain = try Planner.plan(prepared[0].dataset)
        let pairs = { (p: PlanResult) in Set(p.pairing.evaluation.pairs.map { "\(p.dataset.children[$0.child].id)-\(p.dataset.moms[$0.mom].id)-\($0.role)" }) }
        XCTAssertTrue(pairs(plain).contains("C1-M1-lead"))
        XCTAssertFalse(pairs(try Planner.plan(base)).contains { $0.hasPrefix("C1-M1-") })
        // M2 locked as C1's support needs a mom above her: M1, her continuity mom.
        let helped = try Planner.plan(prepared[1].dataset)
        XCTAssertTrue(pairs(helped).contains("C1-M2-support"))
        XCTAssertTrue(pairs(helped).contains("C1-M1-lead"))
        XCTAssertTrue(helped.pairing.certificate.proven)
    }

    func testAScenarioWithAContradictoryOverrideIsRejectedBeforeSolving() throws {
        let t = TempDataset()
        t.write("overrides.csv", "kind,child_id,mom_id,role,source_id,need_id,units,note\nforbid_pair,C1,M1,,,,,dispute\n")
        t.write("bad.csv", "kind,child_id,mom_id,role\nlock_pair,C1,M1,lead\n")
        let base = try DatasetLoader.load(folder: t.url)
        let text = "[[scenario]]\nname = \"bad\"\nadd_overrides = \"bad.csv\"\n\n[[scenario]]\nname = \"gone\"\nremove_overrides = [7]\n"
        XCTAssertThrowsError(try WhatIf.prepare(base: base, text: text, file: "s.toml", baseDirectory: t.url)) { e in
            let s = "\(e)"
            XCTAssertTrue(s.contains("contradicts line 2"), s)
            XCTAssertTrue(s.contains("overrides.csv has no line 7"), s)
        }
    }
}

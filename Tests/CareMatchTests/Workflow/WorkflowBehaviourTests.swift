import XCTest
import Foundation
@testable import CareMatch

/// Behaviour of the coordinator workflow beyond the golden files: violations with lines, scenario
/// errors, atomic folders, formula escaping, and the safety of the HTML report.
final class WorkflowBehaviourTests: XCTestCase {
    func testCompareListsEachBrokenRuleOfAHandMadePlanWithItsLine() throws {
        let dir = Workflow.tempDir()
        // Line 3: M2 (capacity 1) takes a second child. Line 4: C10 and M1 are 19.46 km apart (reach 10).
        try "child_id,mom_id,role\nC02,M2,lead\nC03,M2,lead\nC10,M1,lead\nC05,M1,lead\n"
            .write(to: dir.appendingPathComponent("pairs.csv"), atomically: true, encoding: .utf8)
        // Line 2: OF1 serves Changshan only, N08 is C07's in Kecheng. Line 3: OF3 is for special
        // needs and rehabilitation, N01 is tutoring of left-behind C01. Line 6: OF2 holds 6 books, 2+3+2 = 7.
        try "source_id,need_id,units\nOF1,N08,2\nOF3,N01,1\nOF2,N02,2\nOF2,N03,3\nOF2,N09,2\n"
            .write(to: dir.appendingPathComponent("alloc.csv"), atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("cmp")
        let r = try Workflow.run(["compare", Workflow.tiny.path, "--pairings", dir.appendingPathComponent("pairs.csv").path,
                                  "--allocations", dir.appendingPathComponent("alloc.csv").path, "--out", out.path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let v = try Workflow.rows(out.appendingPathComponent("violations.csv"))
        func has(_ plan: String, _ line: String, _ text: String) -> Bool {
            v.contains { $0["plan"] == plan && $0["line"] == line && $0["message"]!.contains(text) }
        }
        XCTAssertTrue(has("pairing", "3", "capacity exceeded: mom 'M2'"), "\(v)")
        XCTAssertTrue(has("pairing", "4", "pair beyond reach"), "\(v)")
        XCTAssertTrue(has("allocation", "2", "county not served"), "\(v)")
        XCTAssertTrue(has("allocation", "3", "group not eligible"), "\(v)")
        XCTAssertTrue(has("allocation", "3", "wrong category"), "\(v)")
        XCTAssertTrue(has("allocation", "6", "offer 'OF2' is over-allocated"), "\(v)")
        XCTAssertFalse(v.contains { $0["line"]!.isEmpty }, "every violation has its line: \(v)")
        XCTAssertTrue(v.allSatisfy { $0["file"]!.hasSuffix("pairs.csv") || $0["file"]!.hasSuffix("alloc.csv") })
    }

    func testAHandMadePlanFileWithABadCellIsAnErrorWithFileLineAndColumn() throws {
        let dir = Workflow.tempDir()
        try "source_id,need_id,units\nOF1,N01,2\nOF1,N05,abc\n".write(to: dir.appendingPathComponent("alloc.csv"), atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("cmp")
        let r = try Workflow.run(["compare", Workflow.tiny.path, "--allocations", dir.appendingPathComponent("alloc.csv").path, "--out", out.path, "--quiet"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("alloc.csv:3: error: column 'units'"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    func testAScenarioNamingAnUnknownOrganizationIsReportedWithNameAndLineAndNothingIsSolved() throws {
        let dir = Workflow.tempDir()
        let toml = """
        [[scenario]]
        name = "fine"
        remove_organizations = ["ORG1"]

        [[scenario]]
        name = "typo"
        description = "ORG9 does not exist"
        remove_organizations = ["ORG9"]

        [[scenario]]
        name = "bad key"
          [scenario.settings]
          "pairing.max_kms" = 3
        """
        let file = dir.appendingPathComponent("s.toml")
        try toml.write(to: file, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("w")
        let r = try Workflow.run(["whatif", Workflow.tiny.path, "--scenarios", file.path, "--out", out.path, "--quiet"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("s.toml:8: error: scenario 'typo': remove_organizations: unknown org_id 'ORG9'"), r.stderr)
        XCTAssertTrue(r.stderr.contains("s.toml:13: error: scenario 'bad key': unknown setting 'pairing.max_kms'"), r.stderr)
        XCTAssertFalse(r.stderr.contains("'fine'"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        // The library refuses before solving: `prepare` throws, so `solveAll` is never reached.
        let base = try DatasetLoader.load(folder: Workflow.tiny)
        XCTAssertThrowsError(try WhatIf.prepare(base: base, scenarioFile: file)) { e in
            XCTAssertEqual((e as? InvalidInput)?.errors.count, 2)
        }
    }

    func testScenarioEditsScaleRoundDownAndAddChildrenWithTheLoaderRules() throws {
        let dir = Workflow.tempDir()
        try "child_id,group,county,lat,lon\nX1,special_needs,Kecheng,28.9,118.87\nX2,left_behind,Nowhere,91,118.8\n"
            .write(to: dir.appendingPathComponent("kids.csv"), atomically: true, encoding: .utf8)
        let toml = """
        [[scenario]]
        name = "books and money"
          [[scenario.scale]]
          category = "books"
          factor = 0.55
          [[scenario.scale]]
          resource = "funds"
          factor = 0.333
        [[scenario]]
        name = "kids"
        add_children = "kids.csv"
        """
        let base = try DatasetLoader.load(folder: Workflow.tiny)
        XCTAssertThrowsError(try WhatIf.prepare(base: base, text: toml, file: "s.toml", baseDirectory: dir)) { e in
            let errors = (e as? InvalidInput)?.errors ?? []
            XCTAssertTrue(errors.contains { $0.line == 11 && $0.message.contains("scenario 'kids'") && $0.message.contains("kids.csv:3") && $0.message.contains("lat") }, "\(errors)")
        }
        let ok = try WhatIf.prepare(base: base, text: toml.replacingOccurrences(of: "add_children = \"kids.csv\"", with: ""), file: "s.toml", baseDirectory: dir)
        let d = ok[0].dataset
        // 6 books × 0.55 = 3.3 → 3 (integral); 1000 × 0.333 = 333 yuan, 600 × 0.333 = 199.8.
        XCTAssertEqual(d.offers.first { $0.id == "OF2" }?.quantity, 3)
        XCTAssertEqual(d.offers.first { $0.id == "OF5" }?.quantity, 333)
        XCTAssertEqual(d.offers.first { $0.id == "OF6" }?.quantity ?? 0, 199.8, accuracy: 1e-9)
        XCTAssertEqual(d.offers.first { $0.id == "OF1" }?.quantity, 10, "tutoring is not scaled")
        XCTAssertTrue(ok[0].notes.joined().contains("rounded down"))
    }

    func testAFailureBeforeTheRenameLeavesNoFolderAndNoTemporaryFolder() throws {
        struct Boom: Error {}
        let dir = Workflow.tempDir()
        let target = dir.appendingPathComponent("plan")
        XCTAssertThrowsError(try PlanFolder.write([("a.csv", Data("x\r\n".utf8))], to: target, force: false, beforeRename: { throw Boom() }))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
        XCTAssertThrowsError(try PlanFolder.write([("baseline/a.csv", Data("x".utf8)), ("comparison.csv", Data("y".utf8))],
                                                    to: target, force: false, beforeRename: { throw Boom() }))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [])
        // An existing folder survives a failed --force rewrite untouched.
        try PlanFolder.write([("baseline/a.csv", Data("old".utf8))], to: target, force: false)
        XCTAssertThrowsError(try PlanFolder.write([("baseline/a.csv", Data("new".utf8))], to: target, force: true, beforeRename: { throw Boom() }))
        XCTAssertEqual(try String(contentsOf: target.appendingPathComponent("baseline/a.csv"), encoding: .utf8), "old")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["plan"])
    }

    func testTextCellsStartingWithAFormulaCharacterAreEscapedAndReadBack() throws {
        for lead in ["=", "+", "-", "@"] {
            var w = CSVWriter(header: ["metric", "value"])
            w.appendRow([.text("\(lead)SUM(A1:A9)"), .number("-3")])
            XCTAssertEqual(w.text, "metric,value\r\n'\(lead)SUM(A1:A9),-3\r\n")
            let t = try CSVReader.read(data: w.data, file: "x.csv")
            XCTAssertEqual(t.rows[0].cells, ["\(lead)SUM(A1:A9)", "-3"])
        }
        // In a workflow file: a violation message is text; a hand-made plan with an id "=HYPERLINK(…)".
        let d = try DatasetLoader.load(folder: Workflow.tiny)
        let plan = try Planner.plan(d)
        let c = PlanComparison(dataset: d, pairings: [PairAssignment(childID: "=HYPERLINK(\"x\")", momID: "M1", role: .lead, line: 2)],
                               allocations: [], plan: plan, pairingsFile: "@pairs.csv")
        let text = c.violationsCSV().text
        XCTAssertTrue(text.contains("pairing,'@pairs.csv,2,"), text)
    }

    func testTheReportHasNoExternalReferenceAndEscapesATownshipScript() throws {
        var d = try DatasetLoader.load(folder: Workflow.tiny)
        let i = d.children.firstIndex { $0.id == "C10" }!
        d.children[i].township = "<script>alert('x')</script>"
        d.children[i].id = "C10<b>"
        let html = ReportHTML.render(try Planner.plan(d))
        XCTAssertFalse(html.lowercased().contains("http"), "no http(s) reference")
        XCTAssertFalse(html.lowercased().contains("<script"))
        XCTAssertFalse(html.contains("src="))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("C10&lt;b&gt;"))
        XCTAssertTrue(html.contains("<meta charset=\"utf-8\">"))
        XCTAssertFalse(html.contains("常山县示例志愿者协会"), "organization names are not shown")
        // Deterministic.
        XCTAssertEqual(html, ReportHTML.render(try Planner.plan(d)))
    }
}

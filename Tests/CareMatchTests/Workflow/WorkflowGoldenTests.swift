import XCTest
import Foundation
@testable import CareMatch

/// `plan`, `compare` and `whatif` on `Datasets/tiny`, run as the real `carematch` tool: exit
/// statuses and CSV files byte for byte against `Fixtures/golden/`. Every golden value is also
/// checked against an independent derivation (the tiny README's reasoning, the contract's formulas
/// written out again here), so a golden file cannot silently hold a wrong plan. The sentences
/// "one more … would bring +X points" in `plan/unmet.csv` were checked by hand against the
/// contract: one more unit of the need's own category covers one more unit of it, worth
/// need_points·w·priority/quantity — N04 100·1.5·5/6 = 125, N05 100·1.2·4/8 = 60, N12
/// 100·1.2·3/1 = 360 — and nothing the unit could do elsewhere is worth more there.
final class WorkflowGoldenTests: XCTestCase {
    func testPlanOnTinyWritesTheGoldenFilesAndTheReadmesOptimalPairing() throws {
        let out = Workflow.tempDir().appendingPathComponent("plan")
        let r = try Workflow.run(["plan", Workflow.tiny.path, "--out", out.path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        for f in ["pairings.csv", "allocations.csv", "unmet.csv"] { try Workflow.assertGolden(out.appendingPathComponent(f), "plan/\(f)") }
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("天马街道") || html.contains("招贤镇"), "the report shows township names in Chinese")

        // The README: capacity allows exactly one lead for every child but C10.
        let pairs = try Workflow.rows(out.appendingPathComponent("pairings.csv"))
        let expected = ["C01": "M1", "C05": "M1", "C02": "M2", "C03": "M4", "C04": "M4", "C06": "M5", "C09": "M5", "C07": "M6", "C08": "M7"]
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: pairs.map { ($0["child_id"]!, $0["mom_id"]!) }), expected)
        XCTAssertTrue(pairs.allSatisfy { $0["role"] == "lead" })
        // Distances, shared interests and continuity recomputed from the input files.
        let children = Dictionary(uniqueKeysWithValues: try Workflow.rows(Workflow.tiny.appendingPathComponent("children.csv")).map { ($0["child_id"]!, $0) })
        let moms = Dictionary(uniqueKeysWithValues: try Workflow.rows(Workflow.tiny.appendingPathComponent("moms.csv")).map { ($0["mom_id"]!, $0) })
        let weight = ["special_needs": 1.5, "left_behind": 1.2, "disadvantaged": 1.0]
        var score = 0.0
        for p in pairs {
            let c = children[p["child_id"]!]!, m = moms[p["mom_id"]!]!
            let km = Workflow.km(Double(c["lat"]!)!, Double(c["lon"]!)!, Double(m["lat"]!)!, Double(m["lon"]!)!)
            XCTAssertEqual(Double(p["distance_km"]!)!, km, accuracy: 1e-9)
            let shared = !Set(c["interests"]!.split(separator: ";")).isDisjoint(with: m["skills"]!.split(separator: ";"))
            let continued = c["paired_mom_id"] == m["mom_id"]
            XCTAssertEqual(p["shared_interest"], shared ? "true" : "false")
            XCTAssertEqual(p["continued"], continued ? "true" : "false")
            score += 100 * weight[c["group"]!]! + (shared ? 10 : 0) + (continued ? 30 : 0) - km
        }
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as! [String: Any]
        let pairing = summary["pairing"] as! [String: Any]
        XCTAssertEqual(pairing["score"] as! Double, (score * 100).rounded() / 100, accuracy: 1e-9)
        XCTAssertEqual(pairing["bound"] as! Double, pairing["score"] as! Double, accuracy: 1e-9)

        // Allocation: feasible, and its score is the section 6 formula over allocations.csv.
        let alloc = try Workflow.rows(out.appendingPathComponent("allocations.csv"))
        let offers = Dictionary(uniqueKeysWithValues: try Workflow.rows(Workflow.tiny.appendingPathComponent("offers.csv")).map { ($0["offer_id"]!, Double($0["quantity"]!)!) })
        let needs = Dictionary(uniqueKeysWithValues: try Workflow.rows(Workflow.tiny.appendingPathComponent("needs.csv")).map { ($0["need_id"]!, $0) })
        var used: [String: Double] = [:], got: [String: Double] = [:]
        var points = 0.0, yuan = 0.0
        for a in alloc {
            let units = Double(a["units"]!)!, y = Double(a["yuan"]!)!
            used[a["source_id"]!, default: 0] += y > 0 ? y : units
            got[a["need_id"]!, default: 0] += units
            let n = needs[a["need_id"]!]!
            points += 100 * weight[children[n["child_id"]!]!["group"]!]! * Double(n["priority"]!)! * units / Double(n["quantity"]!)!
            yuan += y
        }
        for (o, u) in used { XCTAssertLessThanOrEqual(u, offers[o]! + 1e-9, "offer \(o) over-allocated") }
        for (n, g) in got { XCTAssertLessThanOrEqual(g, Double(needs[n]!["quantity"]!)! + 1e-9, "need \(n) over-covered") }
        let allocation = summary["allocation"] as! [String: Any]
        XCTAssertEqual(allocation["score"] as! Double, ((points - 0.001 * yuan) * 100).rounded() / 100, accuracy: 1e-9)
        XCTAssertEqual(allocation["bound"] as! Double, allocation["score"] as! Double, accuracy: 1e-9)
        // README cases: C10 is out of reach; N12 (a seat in Changshan) has no compatible source.
        // unmet.csv was regenerated for issue 14 and checked by hand against the input files:
        // C10 `no_mom_in_reach` (the nearest mom, M4, is 9.73 km away against her max_km 5, and
        // every mom is full); C01, C03, C06, C08 `supporting` with 1, 2, 1, 1 missing (the 5
        // wanted places), their other moms within 10 km counted (C01: M2 only, M3 has capacity
        // 0), and the closest call priced (C01: M2's place 98.05 points ≥ the 43.13 = 40 × 1.2 −
        // 4.87 a support pair would bring; C03 with M2: 40 × 1.5 + 10 shared − 0.97 = 69.03);
        // N04 `sources_used_elsewhere`: OF3 gave its 4 sessions to N04 itself, OF5 and OF6
        // spent 1,520 yuan in 6 deliveries (5 needs; N07 gets from both) each worth more points
        // per yuan than N04 (125 points per 260-yuan session); N05: OF1's other 6 hours went to N01 (60 points per hour, as N05);
        // N12 `not_purchasable` (no price for activity_venue; OF4 serves Kecheng only).
        let unmet = try Workflow.rows(out.appendingPathComponent("unmet.csv"))
        XCTAssertTrue(unmet.contains { $0["id"] == "C10" && $0["kind"] == "child" && $0["reason_code"] == "no_mom_in_reach" })
        XCTAssertTrue(unmet.contains { $0["id"] == "N12" && $0["kind"] == "need" && $0["reason_code"] == "not_purchasable" })
    }

    func testCompareOnTinyMatchesTheGoldenFilesAndTheReadmesManualPlan() throws {
        let out = Workflow.tempDir().appendingPathComponent("compare")
        let r = try Workflow.run(["compare", Workflow.tiny.path, "--out", out.path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        for f in ["comparison.csv", "violations.csv"] { try Workflow.assertGolden(out.appendingPathComponent(f), "compare/\(f)") }
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("comparison.html").path))
        // The headline rows (no county, no organization); the rows by county and organization
        // were added for issue 14 and read by hand against the README's manual plan (C05, C09,
        // C10 unpaired: Changshan 4 of 6, Kecheng 3 of 4; ORG3's 1,520 yuan are all its money spent).
        let rows = Dictionary(uniqueKeysWithValues: try Workflow.rows(out.appendingPathComponent("comparison.csv"))
            .filter { $0["county"] == "" && $0["org_id"] == "" }.map { ($0["metric"]!, $0) })
        // README: the heuristic leaves C05, C09 and C10 without a mom; C01 and C06 get supporters;
        // the 1,000 unearmarked yuan are spent, and 520 of OF6's 600 (two 260-yuan sessions).
        XCTAssertEqual(rows["children_reached"]?["manual"], "7")
        XCTAssertEqual(rows["support_slots_filled"]?["manual"], "2")
        XCTAssertEqual(rows["yuan_spent"]?["manual"], "1520")
        XCTAssertEqual(rows["children_reached"]?["optimized"], "9")
        XCTAssertEqual(rows["continuity_kept"]?["manual"], "1", "C07 loses its continuity mom M6")
        XCTAssertEqual(rows["continuity_kept"]?["optimized"], "2")
        // The heuristic's plan breaks no rule.
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("violations.csv"), encoding: .utf8), "plan,file,line,org_id,county,message\r\n")
        XCTAssertTrue(r.stdout.contains("0 pairing violations, 0 allocation violations"), r.stdout)
    }

    func testWhatIfOnTinyMatchesTheGoldenFilesAndTheDerivedEffects() throws {
        let out = Workflow.tempDir().appendingPathComponent("whatif")
        let scenarios = Workflow.golden.appendingPathComponent("whatif/scenarios.toml")
        let r = try Workflow.run(["whatif", Workflow.tiny.path, "--scenarios", scenarios.path, "--out", out.path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        try Workflow.assertGolden(out.appendingPathComponent("comparison.csv"), "whatif/comparison.csv")
        try Workflow.assertGolden(out.appendingPathComponent("+1 capacity/pairings.csv"), "whatif/capacity-pairings.csv")
        for folder in ["baseline", "ORG2 withdraws", "+1 capacity", "money x0.5"] {
            for f in ["pairings.csv", "allocations.csv", "unmet.csv", "summary.json", "report.html"] {
                XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("\(folder)/\(f)").path), "\(folder)/\(f)")
            }
        }
        // The baseline folder is the plan folder of `plan`.
        try Workflow.assertGolden(out.appendingPathComponent("baseline/pairings.csv"), "plan/pairings.csv")
        let rows = try Workflow.rows(out.appendingPathComponent("comparison.csv"))
        func value(_ s: String, _ m: String) -> String? { rows.first { $0["scenario"] == s && $0["metric"] == m }?["value"] }
        // The scenario name starting with '+' is formula-escaped in the CSV text and read back.
        let raw = try String(contentsOf: out.appendingPathComponent("comparison.csv"), encoding: .utf8)
        XCTAssertTrue(raw.contains("\r\n'+1 capacity,children_reached,"))
        // ORG2 gave the books and the only venue; seats cannot be bought: no seat is given.
        let allocations = try Workflow.rows(out.appendingPathComponent("ORG2 withdraws/allocations.csv"))
        XCTAssertFalse(allocations.contains { $0["category"] == "activity_venue" || $0["org_id"] == "ORG2" })
        XCTAssertEqual(value("ORG2 withdraws", "children_reached"), "9", "the pairing does not depend on offers")
        // +1 capacity: west capacity 9 for 8 places, east 7 for 6, all within reach (see the
        // README's map): every place is filled, C10 stays out of reach.
        XCTAssertEqual(value("+1 capacity", "children_reached"), "9")
        XCTAssertEqual(value("+1 capacity", "support_slots_filled"), "5")
        // Half the money: 500 + 300 yuan.
        XCTAssertEqual(value("money x0.5", "yuan_available"), "800")
        XCTAssertLessThanOrEqual(Double(value("money x0.5", "yuan_spent")!)!, 800)
    }
}

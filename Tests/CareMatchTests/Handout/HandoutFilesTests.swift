import XCTest
import Foundation
@testable import CareMatch

/// The plan folder's hand-out files on `Datasets/tiny`, run as the real tool, each checked
/// against figures recomputed here from the input files and `allocations.csv`/`pairings.csv`.
final class HandoutFilesTests: XCTestCase {
    var folder: URL?

    /// One `plan --xlsx` run per test.
    func plan() throws -> URL {
        if let f = folder { return f }
        let out = Workflow.tempDir().appendingPathComponent("plan")
        let r = try Workflow.run(["plan", Workflow.tiny.path, "--out", out.path, "--quiet", "--xlsx"])
        XCTAssertEqual(r.status, 0, r.stderr)
        folder = out
        return out
    }

    func csv(_ name: String) throws -> [[String: String]] { try Workflow.rows(try plan().appendingPathComponent(name)) }
    func input(_ name: String) throws -> [[String: String]] { try Workflow.rows(Workflow.tiny.appendingPathComponent(name)) }

    func testDeliveriesAreExactlyTheAllocationRowsSortedByOrganization() throws {
        let alloc = try csv("allocations.csv"), del = try csv("deliveries.csv")
        let cols = ["source_id", "org_id", "need_id", "child_id", "category", "units", "yuan"]
        func key(_ r: [String: String]) -> String { cols.map { r[$0]! }.joined(separator: "|") }
        XCTAssertEqual(alloc.map(key).sorted(), del.map(key).sorted(), "the same rows, cell text for cell text")
        XCTAssertFalse(del.isEmpty)
        let order = del.map { [$0["org_id"]!, $0["source_id"]!, $0["need_id"]!] }
        XCTAssertEqual(order, order.sorted { $0.lexicographicallyPrecedes($1) { $0.utf8.lexicographicallyPrecedes($1.utf8) } })
        let header = try String(contentsOf: plan().appendingPathComponent("deliveries.csv"), encoding: .utf8).components(separatedBy: "\r\n")[0]
        XCTAssertEqual(header, "org_id,org_name,source_id,need_id,child_id,county,township,category,units,yuan")
        let orgs = Dictionary(uniqueKeysWithValues: try input("organizations.csv").map { ($0["org_id"]!, $0["name"]!) })
        let children = Dictionary(uniqueKeysWithValues: try input("children.csv").map { ($0["child_id"]!, $0) })
        for r in del {
            XCTAssertEqual(r["org_name"], orgs[r["org_id"]!])
            XCTAssertEqual(r["county"], children[r["child_id"]!]!["county"])
            XCTAssertEqual(r["township"], children[r["child_id"]!]!["township"])
        }
    }

    func testOrganizationTotalsAreTheSumsOfOffersAndDeliveries() throws {
        let offers = try input("offers.csv"), alloc = try csv("allocations.csv")
        let children = Dictionary(uniqueKeysWithValues: try input("children.csv").map { ($0["child_id"]!, $0["county"]!) })
        let totals = try csv("organization_totals.csv")
        XCTAssertEqual(totals.map { $0["org_id"]! }, try input("organizations.csv").map { $0["org_id"]! }.sorted())
        for t in totals {
            let org = t["org_id"]!
            let mine = offers.filter { $0["org_id"] == org }
            let funds = mine.filter { $0["resource"] == "funds" }.reduce(0) { $0 + Double($1["quantity"]!)! }
            let kind = mine.filter { $0["resource"] != "funds" }.reduce(0) { $0 + Double($1["quantity"]!)! }
            let rows = alloc.filter { $0["org_id"] == org }
            let spent = rows.reduce(0) { $0 + Double($1["yuan"]!)! }
            let given = rows.filter { Double($0["yuan"]!)! == 0 }.reduce(0) { $0 + Double($1["units"]!)! }
            XCTAssertEqual(Int(t["offers"]!), mine.count)
            XCTAssertEqual(Double(t["yuan_offered"]!)!, funds, accuracy: 1e-6)
            XCTAssertEqual(Double(t["yuan_spent"]!)!, spent, accuracy: 1e-6)
            XCTAssertEqual(Double(t["yuan_left"]!)!, funds - spent, accuracy: 1e-6)
            XCTAssertEqual(Double(t["units_offered"]!)!, kind, accuracy: 1e-6)
            XCTAssertEqual(Double(t["units_given"]!)!, given, accuracy: 1e-6)
            XCTAssertEqual(Double(t["units_left"]!)!, kind - given, accuracy: 1e-6)
            XCTAssertEqual(Int(t["needs_served"]!), Set(rows.map { $0["need_id"]! }).count)
            XCTAssertEqual(Int(t["children_reached"]!), Set(rows.map { $0["child_id"]! }).count)
            XCTAssertEqual(t["counties"], Set(rows.map { children[$0["child_id"]!]! }).sorted().joined(separator: ";"))
        }
    }

    func testMomAssignmentsRegroupThePairingsAndCountySummaryAddsUp() throws {
        let pairs = try csv("pairings.csv"), moms = try csv("mom_assignments.csv")
        XCTAssertEqual(Set(pairs.map { "\($0["mom_id"]!)|\($0["child_id"]!)|\($0["role"]!)|\($0["distance_km"]!)" }),
                       Set(moms.map { "\($0["mom_id"]!)|\($0["child_id"]!)|\($0["role"]!)|\($0["distance_km"]!)" }))
        XCTAssertEqual(pairs.count, moms.count)
        for m in moms { XCTAssertEqual(Int(m["children"]!), pairs.filter { $0["mom_id"] == m["mom_id"] }.count) }

        let children = try input("children.csv"), needs = try input("needs.csv"), unmet = try csv("unmet.csv")
        let county = Dictionary(uniqueKeysWithValues: children.map { ($0["child_id"]!, $0["county"]!) })
        let leads = Set(pairs.filter { $0["role"] == "lead" }.map { $0["child_id"]! })
        let summary = try csv("county_summary.csv")
        XCTAssertEqual(summary.map { $0["county"]! }, Set(county.values).sorted())
        for s in summary {
            let mine = children.filter { $0["county"] == s["county"] }
            XCTAssertEqual(Int(s["children"]!), mine.count)
            XCTAssertEqual(Int(s["paired"]!), mine.filter { leads.contains($0["child_id"]!) }.count)
            XCTAssertEqual(Int(s["waiting"]!), unmet.filter { $0["kind"] == "child" && $0["county"] == s["county"] }.count)
            XCTAssertEqual(Int(s["needs"]!), needs.filter { county[$0["child_id"]!] == s["county"] }.count)
            XCTAssertEqual(Int(s["needs_open"]!), unmet.filter { $0["kind"] == "need" && $0["county"] == s["county"] }.count)
            XCTAssertEqual(Int(s["supporting_wanted"]!), mine.reduce(0) { $0 + (Int($1["supporters_wanted"]!) ?? 0) })
        }
    }

    /// Tiny (see its README): C10 is out of reach; every mom is full, so none of the 5 wanted
    /// supporting places is filled; N12 (a seat in Changshan) cannot be bought and no venue
    /// serves Changshan. Checked against the inputs: every child without a lead mom and every
    /// child short of supporters is listed, with the missing count.
    func testUnmetListsChildrenShortOfSupportingMomsAndTheTinyReadmesReasons() throws {
        let unmet = try csv("unmet.csv"), pairs = try csv("pairings.csv"), children = try input("children.csv")
        let header = try String(contentsOf: plan().appendingPathComponent("unmet.csv"), encoding: .utf8).components(separatedBy: "\r\n")[0]
        XCTAssertEqual(header, "kind,id,child_id,group,county,township,priority,missing,reason_code,reason")
        var expected: [String: (String, Int)] = [:]
        for c in children {
            let id = c["child_id"]!, wanted = Int(c["supporters_wanted"]!) ?? 0
            let mine = pairs.filter { $0["child_id"] == id }
            if !mine.contains(where: { $0["role"] == "lead" }) { expected[id] = ("child", 1 + wanted) }
            else if mine.count - 1 < wanted { expected[id] = ("supporting", wanted - (mine.count - 1)) }
        }
        let listed = unmet.filter { $0["kind"] != "need" }
        XCTAssertEqual(Set(listed.map { $0["id"]! }), Set(expected.keys))
        for r in listed {
            XCTAssertEqual(r["kind"], expected[r["id"]!]!.0)
            XCTAssertEqual(Int(r["missing"]!), expected[r["id"]!]!.1)
            XCTAssertEqual(r["priority"], "")
        }
        XCTAssertEqual(listed.filter { $0["kind"] == "supporting" }.reduce(0) { $0 + Int($1["missing"]!)! }, 5, "0 of 5 supporting places filled")
        XCTAssertEqual(unmet.first { $0["id"] == "C10" }?["reason_code"], "no_mom_in_reach")
        XCTAssertEqual(unmet.first { $0["id"] == "N12" }?["reason_code"], "not_purchasable")
        XCTAssertEqual(unmet.first { $0["id"] == "N12" }?["priority"], "3")
    }

    /// Every sheet of `plan.xlsx`, read back by openpyxl (an independent reader), equals the
    /// CSV file of the same table cell for cell: text as text, numbers as the same number.
    func testWorkbookSheetsEqualTheCSVFilesCellForCell() throws {
        let folder = try plan()
        let xlsx = folder.appendingPathComponent("plan.xlsx")
        let script = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        out = {}
        for ws in wb.worksheets:
            rows = [[None if v is None else v for v in r] for r in ws.iter_rows(values_only=True)]
            out[ws.title] = {"rows": rows, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref}
        print(json.dumps(out))
        """
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script, xlsx.path]
        let pipe = Pipe(), err = Pipe()
        p.standardOutput = pipe; p.standardError = err
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "python3 with openpyxl (installed by make setup / .ci/run): \(errText)")
        let sheets = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
        let tables = ["Pairings": "pairings.csv", "Allocations": "allocations.csv", "Deliveries": "deliveries.csv",
                      "Organizations": "organization_totals.csv", "Moms": "mom_assignments.csv",
                      "Counties": "county_summary.csv", "Unmet": "unmet.csv"]
        XCTAssertEqual(Set(sheets.keys), Set(tables.keys).union(["Summary"]))
        for (sheet, file) in tables {
            let s = try XCTUnwrap(sheets[sheet])
            let rows = try XCTUnwrap(s["rows"] as? [[Any]])
            let t = try CSVReader.read(contentsOf: folder.appendingPathComponent(file))
            XCTAssertEqual(rows.count, t.rows.count + 1, sheet)
            XCTAssertEqual(rows[0].map { "\($0)" }, t.header.map { SheetTexts.header($0) }, sheet)
            XCTAssertEqual(s["freeze"] as? String, "A2", "\(sheet): the header row is frozen")
            XCTAssertNotNil(s["filter"] as? String, "\(sheet): a filter on the header row")
            for (i, row) in t.rows.enumerated() {
                let csvRow = row.cells
                let x = rows[i + 1]
                XCTAssertEqual(x.count, csvRow.count, "\(sheet) row \(i + 2)")
                for (j, cell) in csvRow.enumerated() where j < x.count {
                    let got = x[j]
                    if got is NSNull { XCTAssertEqual(cell, "", "\(sheet) row \(i + 2) column \(t.header[j])"); continue }
                    if let s = got as? String { XCTAssertEqual(s, cell, "\(sheet) row \(i + 2) column \(t.header[j])"); continue }
                    let n = try XCTUnwrap(got as? NSNumber, "\(sheet) row \(i + 2)")
                    XCTAssertEqual(n.doubleValue, try XCTUnwrap(Double(cell), "\(sheet) \(t.header[j]): \(cell) is a number in the workbook"),
                                   "\(sheet) row \(i + 2) column \(t.header[j])")
                }
            }
        }
        // The summary sheet's scores are summary.json's.
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("summary.json"))) as! [String: Any]
        let items = Dictionary(uniqueKeysWithValues: (sheets["Summary"]!["rows"] as! [[Any]]).dropFirst().map { ("\($0[0])", $0[1]) })
        XCTAssertEqual((items["pairing score"] as? NSNumber)?.doubleValue, (summary["pairing"] as! [String: Any])["score"] as? Double)
        XCTAssertEqual((items["allocation score"] as? NSNumber)?.doubleValue, (summary["allocation"] as! [String: Any])["score"] as? Double)
    }

    func testTheSameInputGivesTheSameWorkbookBytes() throws {
        let first = try Data(contentsOf: plan().appendingPathComponent("plan.xlsx"))
        let out = Workflow.tempDir().appendingPathComponent("again")
        XCTAssertEqual(try Workflow.run(["plan", Workflow.tiny.path, "--out", out.path, "--quiet", "--xlsx"]).status, 0)
        XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent("plan.xlsx")), first)
    }

    /// report.html's organization table: one row per organization of organizations.csv, by id,
    /// with organization_totals.csv's offers; no organization names.
    func testReportHasTheOrganizationTable() throws {
        let html = try String(contentsOf: plan().appendingPathComponent("report.html"), encoding: .utf8)
        let totals = try csv("organization_totals.csv")
        XCTAssertTrue(html.contains("<h2>Organizations (\(totals.count))</h2>"))
        for t in totals {
            XCTAssertTrue(html.contains("<tr><td>\(t["org_id"]!)</td><td class=\"n\">\(t["offers"]!)</td>"), t["org_id"]!)
            XCTAssertFalse(html.contains(t["org_name"]!), "names stay out of the report (an individual's name is personal data)")
        }
    }
}

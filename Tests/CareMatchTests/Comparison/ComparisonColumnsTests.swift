import XCTest
@testable import CareMatch

/// `compare`'s files carry the organization and the county where a row has one.
final class ComparisonColumnsTests: XCTestCase {
    /// A hand-made plan on tiny with one broken allocation row (OF2 gives 10 books it does not
    /// have, to N09 of C08 in Kecheng) and one pair beyond reach (C10 with M1).
    func comparison() throws -> PlanComparison {
        let d = try DatasetLoader.load(folder: Workflow.tiny)
        let plan = try Planner.plan(d)
        let pairings = [PairAssignment(childID: "C01", momID: "M1", role: .lead, line: 2),
                        PairAssignment(childID: "C10", momID: "M1", role: .lead, line: 3)]
        let allocations = [AllocationAssignment(sourceID: "OF2", needID: "N09", units: 10, line: 2)]
        return PlanComparison(dataset: d, pairings: pairings, allocations: allocations, plan: plan)
    }

    func testViolationsNameTheRowsOrganizationAndCounty() throws {
        let c = try comparison()
        let rows = try CSVReader.read(data: c.violationsCSV().data, file: "violations.csv")
        XCTAssertEqual(rows.header, ["plan", "file", "line", "org_id", "county", "message"])
        let byLine = rows.rows.map { r in Dictionary(uniqueKeysWithValues: rows.header.enumerated().map { ($1, r[$0]) }) }
        let alloc = byLine.filter { $0["plan"] == "allocation" }
        XCTAssertFalse(alloc.isEmpty)
        // organizations.csv: OF2 belongs to ORG2; children.csv: C08 lives in Kecheng.
        for v in alloc where v["line"] == "2" { XCTAssertEqual(v["org_id"], "ORG2"); XCTAssertEqual(v["county"], "Kecheng") }
        let pair = byLine.filter { $0["plan"] == "pairing" && $0["line"] == "3" }
        XCTAssertFalse(pair.isEmpty, "C10 is beyond M1's reach (tiny README)")
        for v in pair { XCTAssertEqual(v["county"], "Changshan"); XCTAssertEqual(v["org_id"], "") }
    }

    func testComparisonHasRowsByCountyAndOrganizationThatAddUpToTheHeadline() throws {
        let c = try comparison()
        let t = try CSVReader.read(data: c.comparisonCSV().data, file: "comparison.csv")
        XCTAssertEqual(t.header, ["metric", "county", "org_id", "label", "manual", "optimized", "improvement"])
        let rows = t.rows.map { r in Dictionary(uniqueKeysWithValues: t.header.enumerated().map { ($1, r[$0]) }) }
        func sum(_ metric: String, _ column: String, county: Bool) -> Double {
            rows.filter { $0["metric"] == metric && (county ? $0["county"] != "" : $0["org_id"] != "") }.reduce(0) { $0 + Double($1[column]!)! }
        }
        func headline(_ metric: String, _ column: String) -> Double {
            Double(rows.first { $0["metric"] == metric && $0["county"] == "" && $0["org_id"] == "" }![column]!)!
        }
        for col in ["manual", "optimized"] {
            XCTAssertEqual(sum("children_reached", col, county: true), headline("children_reached", col), col)
            XCTAssertEqual(sum("needs_fully_covered", col, county: true), headline("needs_fully_covered", col), col)
            XCTAssertEqual(sum("yuan_spent", col, county: false), headline("yuan_spent", col), accuracy: 1e-6, col)
        }
        XCTAssertEqual(Set(rows.filter { $0["org_id"] != "" }.map { $0["org_id"]! }), ["ORG1", "ORG2", "ORG3"])
        XCTAssertEqual(Set(rows.filter { $0["county"] != "" }.map { $0["county"]! }), ["Changshan", "Kecheng"])
    }
}

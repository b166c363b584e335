import XCTest
import Foundation
@testable import CareMatch

/// The README's table "The optimized plan against the hand-made one" is the tool's own output:
/// `ComparisonPage.markdownTable` of `compare Datasets/quzhou` (the same labels and figures as
/// the terminal table and comparison.html). `CAREMATCH_UPDATE_GOLDEN=1` rewrites the README
/// block and then fails, so that the new table is read before it is committed.
final class ReadmeTableTests: XCTestCase {
    static let start = "<!-- compare-table:start (written by ReadmeTableTests; CAREMATCH_UPDATE_GOLDEN=1 rewrites it) -->\n"
    static let end = "<!-- compare-table:end -->"

    func testTheReadmesComparisonTableIsWhatCompareComputesOnQuzhou() throws {
        // Without any overrides.csv: the table sets the optimizer against the hand-made plan (the
        // coordinators' decisions and their price are docs/overrides.md's subject).
        var d = try DatasetLoader.load(path: Workflow.root.appendingPathComponent("Datasets/quzhou").path)
        d.overrides = []
        let plan = try Planner.plan(d)
        let c = PlanComparison(dataset: d, pairings: d.manualPairings ?? [], allocations: d.manualAllocations ?? [], plan: plan)
        let table = ComparisonPage.markdownTable(c, texts: Texts(.en))
        // The table holds every figure the terminal table prints.
        let terminal = ComparisonPage.terminalTable(c, texts: Texts(.en))
        for r in c.rows { XCTAssertTrue(terminal.contains(HTML.num(r.optimized, MetricTexts.decimals(r.metric.key))), r.metric.key) }
        XCTAssertEqual(table.split(separator: "\n").count, c.rows.count + 2)
        // The terminal table of Quzhou's comparison fits 100 columns, in both languages.
        for lang in ReportLanguage.allCases {
            for line in ComparisonPage.terminalTable(c, texts: Texts(lang)).split(separator: "\n") {
                XCTAssertLessThanOrEqual(TextTable.width(String(line)), 100, "\(lang): \(line)")
            }
        }

        let readme = Workflow.root.appendingPathComponent("README.md")
        var text = try String(contentsOf: readme, encoding: .utf8)
        guard let a = text.range(of: Self.start), let b = text.range(of: Self.end, range: a.upperBound..<text.endIndex) else {
            return XCTFail("README.md lacks the compare-table markers")
        }
        let current = String(text[a.upperBound..<b.lowerBound])
        if Workflow.updating && current != table {
            text.replaceSubrange(a.upperBound..<b.lowerBound, with: table)
            try text.write(to: readme, atomically: true, encoding: .utf8)
            return XCTFail("README.md's comparison table was rewritten; review the diff and run again without CAREMATCH_UPDATE_GOLDEN")
        }
        XCTAssertEqual(current, table, "README.md's comparison table differs from what compare computes (CAREMATCH_UPDATE_GOLDEN=1 rewrites it)")
    }
}

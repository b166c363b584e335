import CareMatch
import Foundation
import XCTest

/// Diagnostics come cause first: files in dependency order, then line, column.
final class DiagnosticOrderTests: XCTestCase {
    func testFilesAreOrderedByDependencyThenLineThenColumn() {
        let shuffled: [Diagnostic] = [
            .error("needs.csv", line: 2, column: "child_id", "x"),
            .warning("manual_pairings.csv", line: 2, "x"),
            .error("children.csv", line: 3, column: "lat", "x"),
            .error("children.csv", line: 3, column: "age", "x"),
            .error("children.csv", line: 2, "x"),
            .error("organizations.csv", line: 5, "x"),
            .error("catalog.csv", line: 9, "x"),
            .error("settings.toml", line: 4, "x"),
            .error("moms.csv", "x"),
            .error("offers.csv", line: 2, "x"),
            .error("manual_allocations.csv", line: 2, "x"),
            .error("moms.csv", line: 1, "x"),
        ]
        let order = shuffled.sorted().map { "\($0.file):\($0.line ?? 0):\($0.column ?? "")" }
        XCTAssertEqual(order, [
            "settings.toml:4:", "catalog.csv:9:", "organizations.csv:5:", "children.csv:2:",
            "children.csv:3:age", "children.csv:3:lat", "moms.csv:0:", "moms.csv:1:", "offers.csv:2:",
            "needs.csv:2:child_id", "manual_allocations.csv:2:", "manual_pairings.csv:2:",
        ])
    }

    func testMissingOrganizationsFileComesBeforeTheOffersItBreaks() {
        let ds = TempDataset()
        ds.remove("organizations.csv")
        let files = ds.read().errors.map(\.file)
        XCTAssertEqual(files.first, "organizations.csv", files.description)
        XCTAssertEqual(files.last, "offers.csv")
    }
}

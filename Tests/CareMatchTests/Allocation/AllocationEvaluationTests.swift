@testable import CareMatch
import Foundation
import XCTest

final class AllocationEvaluationTests: XCTestCase {
    func world() -> Dataset {
        var d = Dataset(name: "eval")
        d.catalog = AllocationInstances.smallCatalog
        let here = GeoPoint(lat: 28.9, lon: 118.9)
        d.children = [
            Child(id: "a", group: .specialNeeds, county: "Kecheng", location: here),
            Child(id: "b", group: .disadvantaged, county: "Longyou", location: here),
        ]
        d.needs = [
            Need(id: "nb", childID: "a", category: "books", quantity: 4, priority: 2),
            Need(id: "nt", childID: "a", category: "tutoring", quantity: 10, priority: 5),
            Need(id: "nr", childID: "a", category: "rehab", quantity: 2),
            Need(id: "nl", childID: "b", category: "books", quantity: 1),
        ]
        d.offers = [
            Offer(id: "kb", orgID: "o", resource: .equipment, category: "books", quantity: 3, county: "Kecheng"),
            Offer(id: "kt", orgID: "o", resource: .people, category: "tutoring", quantity: 5, county: "Kecheng", eligibleGroups: [.leftBehind]),
            Offer(id: "fa", orgID: "o", resource: .funds, category: "any", quantity: 99.98, county: "Kecheng", serves: .city),
            Offer(id: "fb", orgID: "o", resource: .funds, category: "books", quantity: 1000, county: "Kecheng"),
        ]
        return d
    }

    func testScoreFollowsTheFormula() {
        var d = world()
        d.offers[2].quantity = 200
        let rows = [
            AllocationAssignment(sourceID: "kb", needID: "nb", units: 3, line: 2),
            AllocationAssignment(sourceID: "fa", needID: "nt", units: 2.5, line: 3),
            AllocationAssignment(sourceID: "fa", needID: "nl", units: 1, line: 4),
        ]
        let e = AllocationEvaluation(dataset: d, assignments: rows)
        XCTAssertEqual(e.violations, [])
        let expected = 100 * 1.5 * 2 * 3 / 4 + 100 * 1.5 * 5 * 2.5 / 10 + 100 * 1.0 * 3 * 1 / 1
            - 0.001 * (2.5 * 33.33 + 20)
        XCTAssertEqual(e.score, expected, accuracy: 1e-9)
        XCTAssertEqual(e.kpis.byCategory.map(\.key), ["books", "rehab", "tutoring"])
        XCTAssertEqual(e.kpis.byCategory[0].unitsCovered, 4)
        XCTAssertEqual(e.kpis.byCategory[0].needsFullyCovered, 1)
        XCTAssertEqual(e.kpis.byEarmark.map(\.earmark), ["any", "books"])
        XCTAssertEqual(e.kpis.byEarmark[0].yuanSpent, 2.5 * 33.33 + 20, accuracy: 1e-9)
        XCTAssertEqual(e.kpis.byCounty.map(\.key), ["Kecheng", "Longyou"])
    }

    func testEveryBrokenRuleIsListedWithItsLine() {
        let d = world()
        let rows = [
            AllocationAssignment(sourceID: "zz", needID: "nb", units: 1, line: 2),
            AllocationAssignment(sourceID: "kb", needID: "zz", units: 1, line: 3),
            AllocationAssignment(sourceID: "kb", needID: "nt", units: 1, line: 4),     // wrong category
            AllocationAssignment(sourceID: "kb", needID: "nl", units: 1, line: 5),     // Longyou not served
            AllocationAssignment(sourceID: "kt", needID: "nt", units: 1, line: 6),     // group not eligible
            AllocationAssignment(sourceID: "fa", needID: "nr", units: 1, line: 7),     // not purchasable
            AllocationAssignment(sourceID: "fb", needID: "nb", units: 1.5, line: 8),   // fractional
            AllocationAssignment(sourceID: "kb", needID: "nb", units: 2, line: 9),     // kb: 1 + 1 + 2 > 3
            AllocationAssignment(sourceID: "fa", needID: "nt", units: 3, line: 10),    // 99.99 yuan > 99.98
            AllocationAssignment(sourceID: "fb", needID: "nb", units: 1, line: 11),    // nb: 1.5 + 3 + 1 > 4
        ]
        let e = AllocationEvaluation(dataset: d, assignments: rows, file: "manual_allocations.csv")
        let byLine = Dictionary(grouping: e.violations, by: { $0.line ?? 0 })
        func has(_ line: Int, _ text: String, file: StaticString = #filePath, l: UInt = #line) {
            XCTAssertTrue(byLine[line]?.contains { $0.message.contains(text) } ?? false,
                          "line \(line) lacks '\(text)': \(byLine[line] ?? [])", file: file, line: l)
        }
        has(2, "unknown source_id 'zz'")
        has(3, "unknown need_id 'zz'")
        has(4, "wrong category")
        has(5, "county not served")
        has(6, "group not eligible")
        has(7, "not purchasable")
        has(8, "fractional units")
        has(9, "over-allocated")
        has(10, "overspent")
        has(11, "over-covered")
        XCTAssertEqual(e.violations.first?.file, "manual_allocations.csv")
        XCTAssertNil(byLine[1])
    }

    func testAFundSpentToTheFenIsNotOverspent() {
        var d = world()
        d.offers[2].quantity = 99.99
        let e = AllocationEvaluation(dataset: d, assignments: [AllocationAssignment(sourceID: "fa", needID: "nt", units: 3, line: 2)])
        XCTAssertEqual(e.violations, [])
    }
}

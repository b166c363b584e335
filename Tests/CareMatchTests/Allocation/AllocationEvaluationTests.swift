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

    /// Quantities are summed exactly as decimals, whether a value has at most 6 decimals (summed as
    /// integers) or more (summed in `Decimal`), and mixed: 0.1 + 0.2 is 0.3 here, not the double
    /// 0.30000000000000004, and one millionth or 10⁻¹⁶ too much is caught.
    func testQuantitiesAreComparedExactlyWhetherOrNotTheyHaveAtMostSixDecimals() {
        var d = world()
        d.needs[1].quantity = 0.3          // nt: tutoring, continuous
        d.offers[2].quantity = 200
        func rows(_ units: [Double]) -> [AllocationAssignment] {
            units.enumerated().map { AllocationAssignment(sourceID: "fa", needID: "nt", units: $1, line: $0 + 2) }
        }
        XCTAssertEqual(AllocationEvaluation(dataset: d, assignments: rows([0.1, 0.2])).violations, [])
        let over = AllocationEvaluation(dataset: d, assignments: rows([0.1, 0.2, 0.000001])).violations
        XCTAssertEqual(over.map(\.line), [4])
        XCTAssertTrue(over.first?.message.contains("0.300001 units") ?? false, "\(over)")
        // More than 6 decimals: three thirds stay below 1 (0.9999999999999999 as written), and
        // 10⁻¹⁶ then makes exactly 1, a second one more than 1.
        d.needs[1].quantity = 1
        let third = 1.0 / 3
        XCTAssertEqual(AllocationEvaluation(dataset: d, assignments: rows([third, third, third, 1e-16])).violations, [])
        let past = AllocationEvaluation(dataset: d, assignments: rows([third, third, third, 1e-16, 1e-16])).violations
        XCTAssertEqual(past.map(\.line), [6])
        // Money: 3 units at 33.33 yuan are 99.99 yuan; a fund of 99.99 holds them, of 99.98 not,
        // also when the units are 1.5 + 1.5 or a third of a unit and the rest.
        d.offers[2].quantity = 99.99
        d.needs[1].quantity = 10
        XCTAssertEqual(AllocationEvaluation(dataset: d, assignments: rows([1.5, 1.5])).violations, [])
        XCTAssertEqual(AllocationEvaluation(dataset: d, assignments: rows([third, 2.6666666666666665])).violations.count,
                       Exact.decimal(third) + Exact.decimal(2.6666666666666665) > 3 ? 1 : 0)
        d.offers[2].quantity = 99.98
        XCTAssertEqual(AllocationEvaluation(dataset: d, assignments: rows([1.5, 1.5])).violations.map(\.line), [3])
    }

    /// The integer path reads a double exactly as `Exact.decimal` does: on seeded values with at
    /// most 6 decimals it gives their millionths, on other doubles nothing unless their shortest
    /// decimal has at most 6 decimals.
    func testMillionthsAgreeWithTheShortestDecimal() {
        var rng = SplitMix64(seed: 61)
        for _ in 0..<20_000 {
            let t = Int64.random(in: -999_999_999_999_999...999_999_999_999_999, using: &rng) / Int64(pow(10, Double(Int.random(in: 0...14, using: &rng))))
            let x = Double(t) / 1_000_000
            XCTAssertEqual(ExactTotal.micro(x), t, "\(x)")
            XCTAssertEqual(Exact.decimal(x), ExactTotal.decimal(Int128(t), scale: 6), "\(x)")
        }
        for _ in 0..<20_000 {
            let x = Double.random(in: -1e9...1e9, using: &rng) / pow(10, Double(Int.random(in: 0...12, using: &rng)))
            let exact = Exact.decimal(x)
            var scaled = exact * 1_000_000, whole = Decimal()
            NSDecimalRound(&whole, &scaled, 0, .plain)
            if let t = ExactTotal.micro(x) {
                XCTAssertEqual(exact, ExactTotal.decimal(Int128(t), scale: 6), "\(x)")
            } else {
                XCTAssertNotEqual(whole, scaled, "\(x) has at most 6 decimals but was not read as millionths")
            }
        }
    }
}

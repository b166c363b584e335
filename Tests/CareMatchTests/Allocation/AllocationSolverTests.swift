@testable import CareMatch
import Foundation
import GLPK
import XCTest

final class AllocationSolverTests: XCTestCase {
    func options(marginals: Bool = false) -> AllocationOptions {
        var o = AllocationOptions()
        o.marginals = marginals
        return o
    }

    /// Every plan row passes the independent evaluation, funds are never overspent by one fen
    /// (integer fen arithmetic here), and integral categories get whole units only.
    func check(_ d: Dataset, _ s: AllocationSolution, file: StaticString = #filePath, line: UInt = #line) {
        let e = AllocationEvaluation(dataset: d, assignments: s.rows.map(\.assignment))
        XCTAssertEqual(e.violations, [], "seed \(d.name)", file: file, line: line)
        XCTAssertEqual(e.score, s.score, accuracy: 1e-9 * max(1, abs(s.score)), file: file, line: line)
        XCTAssertLessThanOrEqual(s.score, s.bound + 1e-9, file: file, line: line)
        var spentMicroFen: [String: Int64] = [:]
        for r in s.rows {
            let need = d.needs.first { $0.id == r.needID }!
            let entry = d.catalog.first { $0.category == need.category }!
            XCTAssertGreaterThan(r.units, 0, file: file, line: line)
            if entry.integral { XCTAssertEqual(r.units, r.units.rounded(), "fractional units in \(entry.category)", file: file, line: line) }
            let offer = d.offers.first { $0.id == r.sourceID }!
            XCTAssertTrue(AllocationInstances.compatible(d, offer: offer, need: need), "\(r)", file: file, line: line)
            if offer.isFunds {
                let microUnits = Int64((r.units * 1_000_000).rounded())
                XCTAssertEqual(Double(microUnits) / 1_000_000, r.units, "units with more than 6 decimals", file: file, line: line)
                spentMicroFen[offer.id, default: 0] += microUnits * Int64((entry.unitCostYuan! * 100).rounded())
            }
        }
        for o in d.offers where o.isFunds {
            let limit = Int64((o.quantity * 100).rounded()) * 1_000_000
            XCTAssertLessThanOrEqual(spentMicroFen[o.id] ?? 0, limit, "fund \(o.id) overspent", file: file, line: line)
        }
        XCTAssertTrue(s.certificate.fixedLPOptimal, "fixed-integer LP not certified: \(s.certificate)", file: file, line: line)
    }

    func testScoreEqualsBruteForceOnTinyInstances() throws {
        var compared = 0
        for seed in UInt64(1)...40 {
            let d = AllocationInstances.random(seed: seed, children: 3, offers: 3, categories: 2, integralOnly: true, tiny: true)
            let s = try AllocationSolver.solve(d, options: options())
            check(d, s)
            let best = AllocationInstances.bruteForce(d)
            XCTAssertEqual(s.score, best, accuracy: 1e-7, "seed \(seed)")
            XCTAssertEqual(s.status, .optimal)
            if best > 0 { compared += 1 }
        }
        XCTAssertGreaterThan(compared, 15, "too few instances with something to allocate")
    }

    func testClassModelMatchesDirectModelOnRandomInstances() throws {
        for seed in UInt64(100)...124 {
            let d = AllocationInstances.random(seed: seed, children: 30, offers: 20, categories: 4)
            let s = try AllocationSolver.solve(d, options: options())
            check(d, s)
            XCTAssertEqual(s.status, .optimal, "seed \(seed)")
            let direct = try AllocationInstances.directOptimum(d)
            let tol = 1e-7 * max(1, abs(direct.bound))
            // Same optimum (when GLPK cannot prove the direct model's optimum in time, the class
            // model's optimum must lie between the direct model's incumbent and bound).
            XCTAssertGreaterThanOrEqual(s.certificate.fixedLPPrimalObjective, direct.objective - tol, "seed \(seed)")
            XCTAssertLessThanOrEqual(s.certificate.fixedLPPrimalObjective, direct.bound + tol, "seed \(seed)")
            // The plan keeps 6 decimals: a continuous link or need group may lose up to a micro-unit.
            let maxValue = d.needs.map { AllocationInstances.value(d, $0) }.max() ?? 0
            let slack = Double(s.statistics.columns) * 2e-6 * maxValue + tol
            XCTAssertLessThanOrEqual(s.score, s.certificate.fixedLPPrimalObjective + tol, "seed \(seed)")
            XCTAssertGreaterThanOrEqual(s.score, s.certificate.fixedLPPrimalObjective - slack, "seed \(seed)")
            XCTAssertLessThan(s.statistics.columns, max(1, s.statistics.sourceNeedLinks) + 200)
        }
    }

    func testStrategiesAndCutsGiveTheSameOptimum() throws {
        for seed in UInt64(200)...205 {
            let d = AllocationInstances.random(seed: seed, children: 30, offers: 20)
            var scores: [Double] = []
            for strategy in AllocationOptions.Strategy.allCases {
                for cuts in [false, true] {
                    var o = options(); o.strategy = strategy; o.cuts = cuts
                    let s = try AllocationSolver.solve(d, options: o)
                    check(d, s)
                    XCTAssertEqual(s.status, .optimal)
                    scores.append(s.certificate.fixedLPPrimalObjective)
                }
            }
            for x in scores { XCTAssertEqual(x, scores[0], accuracy: 1e-7 * max(1, abs(scores[0])), "seed \(seed)") }
        }
    }

    /// KKT on the LP with the integer decisions fixed, computed in the test from the model's data.
    func testFixedIntegerLPSatisfiesKKT() throws {
        for seed in UInt64(300)...310 {
            let d = AllocationInstances.random(seed: seed, children: 30, offers: 20)
            let model = try AllocationModel(AllocationInstance(dataset: d))
            guard model.problem.columnCount > 0 else { continue }
            let r = try model.problem.intopt(MIPOptions(presolve: true, relativeGap: 0))
            XCTAssertEqual(r.status, .optimal)
            XCTAssertLessThanOrEqual(r.objective!, r.bound! + 1e-9)
            try model.fixIntegers(model.problem.mipColumnValues())
            let lp = try model.problem.simplex()
            XCTAssertTrue(lp.isOptimal)
            let v = try AllocationInstances.kktViolation(model.problem)
            XCTAssertLessThan(v.primal, 1e-7, "seed \(seed)")
            XCTAssertLessThan(v.dual, 1e-7, "seed \(seed)")
            XCTAssertLessThan(v.slackness, 1e-6, "seed \(seed)")
            XCTAssertLessThan(v.objective, 1e-9, "seed \(seed)")
            XCTAssertEqual(model.problem.objectiveValue, r.objective!, accuracy: 1e-6 * max(1, abs(r.objective!)))
            // And the engine's own certificate agrees.
            let s = try AllocationSolver.solve(d, options: options())
            XCTAssertTrue(s.certificate.fixedLPOptimal)
            XCTAssertEqual(s.certificate.fixedLPPrimalObjective, s.certificate.fixedLPDualObjective, accuracy: 1e-6 * max(1, abs(s.score)))
        }
    }

    func testSameInputGivesIdenticalRowsWhateverTheFileOrder() throws {
        let d = AllocationInstances.random(seed: 7, children: 50, offers: 30)
        var shuffled = d
        shuffled.offers.reverse(); shuffled.needs.reverse(); shuffled.children.reverse(); shuffled.catalog.reverse()
        let a = try AllocationSolver.solve(d, options: options())
        let b = try AllocationSolver.solve(d, options: options())
        let c = try AllocationSolver.solve(shuffled, options: options())
        XCTAssertFalse(a.rows.isEmpty)
        XCTAssertEqual(a.rows, b.rows)
        XCTAssertEqual(a.rows, c.rows)
        XCTAssertEqual(a.unmet, c.unmet)
        let keys = a.rows.map { [$0.sourceID, $0.needID] }
        XCTAssertEqual(keys, keys.sorted { $0[0] != $1[0] ? $0[0].precedesInCodePoints($1[0]) : $0[1].precedesInCodePoints($1[1]) })
    }

    // MARK: hand-made cases

    /// Catalog: books (integral, 20 yuan), tutoring (hours, continuous, 33.33 yuan), rehab (no price).
    func smallWorld() -> Dataset {
        var d = Dataset(name: "small")
        d.settings.allocationMIPGap = 0
        d.catalog = AllocationInstances.smallCatalog
        let here = GeoPoint(lat: 28.9, lon: 118.9)
        d.children = [
            Child(id: "a", group: .specialNeeds, county: "Kecheng", location: here),
            Child(id: "b", group: .leftBehind, county: "Kecheng", location: here),
            Child(id: "c", group: .disadvantaged, county: "Longyou", location: here),
        ]
        return d
    }

    func testFundsBuyContinuousUnitsWithoutOverspendingOneFen() throws {
        var d = smallWorld()
        d.needs = [Need(id: "n1", childID: "a", category: "tutoring", quantity: 10, priority: 5)]
        d.offers = [Offer(id: "f", orgID: "o", resource: .funds, category: "any", quantity: 100, county: "Kecheng")]
        let s = try AllocationSolver.solve(d, options: options())
        check(d, s)
        XCTAssertEqual(s.rows.count, 1)
        // 100 yuan buy 100/33.33 = 3.0003 hours; the plan keeps 6 decimals, rounded down.
        XCTAssertEqual(s.rows[0].units, (100 / 33.33 * 1e6).rounded(.down) / 1e6, accuracy: 1e-12)
        XCTAssertEqual(s.explanations.exhausted, ["f"])
        XCTAssertEqual(s.unmet.map(\.reason), [UnmetNeed.compatibleSourcesExhausted])
    }

    func testUnmetNeedsAndUnusableOffersSayWhy() throws {
        var d = smallWorld()
        d.needs = [
            Need(id: "n1", childID: "c", category: "books", quantity: 2),      // Longyou: nobody serves it
            Need(id: "n2", childID: "a", category: "rehab", quantity: 1),      // no price, no in-kind
            Need(id: "n3", childID: "a", category: "books", quantity: 3),      // 1 book for 3 wanted
            Need(id: "n4", childID: "b", category: "books", quantity: 1, priority: 1),
        ]
        d.offers = [
            Offer(id: "k1", orgID: "o", resource: .equipment, category: "books", quantity: 1, county: "Kecheng"),
            Offer(id: "f1", orgID: "o", resource: .funds, category: "rehab", quantity: 500, county: "Kecheng"),
            Offer(id: "k2", orgID: "o", resource: .people, category: "tutoring", quantity: 4, county: "Kecheng"),
            Offer(id: "k3", orgID: "o", resource: .equipment, category: "books", quantity: 5, county: "Qujiang"),
            Offer(id: "k4", orgID: "o", resource: .equipment, category: "books", quantity: 5, county: "Kecheng",
                  eligibleGroups: [.disadvantaged]),
        ]
        let s = try AllocationSolver.solve(d, options: options())
        check(d, s)
        // The one book goes to the special-needs child (1.5·3/3 = 1.5 per unit beats 1.2·1/1).
        XCTAssertEqual(s.rows, [AllocationRow(sourceID: "k1", orgID: "o", needID: "n3", childID: "a", category: "books", ticks: 1, ticksPerUnit: 1, priceFen: 0)])
        XCTAssertEqual(s.score, 100 * 1.5 * 3 * 1 / 3, accuracy: 1e-9)
        XCTAssertEqual(s.unmet.map(\.needID), ["n1", "n2", "n3", "n4"])
        XCTAssertEqual(s.unmet.map(\.reason), [UnmetNeed.noCompatibleSource, UnmetNeed.notPurchasable,
                                               UnmetNeed.compatibleSourcesExhausted, UnmetNeed.compatibleSourcesExhausted])
        XCTAssertEqual(s.unmet.map(\.missing), [2, 1, 2, 1])
        XCTAssertEqual(s.explanations.unusable.map(\.offerID), ["f1", "k2", "k3", "k4"])
        let reasons = s.explanations.unusable.map(\.reason)
        XCTAssertTrue(reasons[0].contains("no unit_cost_yuan"), reasons[0])
        XCTAssertTrue(reasons[1].contains("no child needs"), reasons[1])
        XCTAssertTrue(reasons[2].contains("counties it serves"), reasons[2])
        XCTAssertTrue(reasons[3].contains("eligible groups"), reasons[3])
        XCTAssertEqual(s.explanations.exhausted, ["k1"])
    }

    func testMarginalValuesComeFromReSolvingWithMore() throws {
        var d = smallWorld()
        // Kecheng: child a wants 10 books (priority 2), one in-kind book; 100 yuan of `any`.
        d.needs = [Need(id: "n1", childID: "a", category: "books", quantity: 10, priority: 2)]
        d.offers = [
            Offer(id: "k1", orgID: "o", resource: .equipment, category: "books", quantity: 1, county: "Kecheng"),
            Offer(id: "f1", orgID: "o", resource: .funds, category: "any", quantity: 100, county: "Kecheng"),
        ]
        let s = try AllocationSolver.solve(d, options: options(marginals: true))
        check(d, s)
        let perBook = 100 * 1.5 * 2 / 10.0
        XCTAssertEqual(s.score, 6 * perBook - 0.001 * 5 * 20, accuracy: 1e-9)
        let funds = try XCTUnwrap(s.explanations.marginals.first { $0.kind == "funds" && $0.category == "any" })
        // 10,000 more yuan buy the 4 books still missing, at 20 yuan each.
        XCTAssertEqual(funds.status, .exact)
        XCTAssertEqual(funds.unitsCovered["2"] ?? 0, 4, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(funds.points), 4 * perBook - 0.001 * 4 * 20, accuracy: 1e-6)
        XCTAssertEqual(funds.yuanSpent, 80, accuracy: 1e-9)
        let book = try XCTUnwrap(s.explanations.marginals.first { $0.kind == "in_kind" && $0.category == "books" && $0.county == "Kecheng" })
        // One more book in kind: one more unit covered, or one bought book fewer (saving 20 yuan of penalty).
        XCTAssertEqual(book.status, .exact)
        XCTAssertEqual(try XCTUnwrap(book.points), perBook, accuracy: 1e-6)
        XCTAssertEqual(book.unitsCovered["2"] ?? 0, 1, accuracy: 1e-9)
    }

    func testEarmarkedMoneyOnlyBuysItsCategory() throws {
        var d = smallWorld()
        d.needs = [Need(id: "n1", childID: "a", category: "books", quantity: 2),
                   Need(id: "n2", childID: "a", category: "tutoring", quantity: 1)]
        d.offers = [Offer(id: "f1", orgID: "o", resource: .funds, category: "tutoring", quantity: 1000, county: "Kecheng", serves: .city)]
        let s = try AllocationSolver.solve(d, options: options())
        check(d, s)
        XCTAssertEqual(s.rows.map(\.needID), ["n2"])
        XCTAssertEqual(s.rows[0].yuan, 33.33, accuracy: 1e-9)
    }

    func testEmptyDatasetGivesEmptyPlan() throws {
        let s = try AllocationSolver.solve(smallWorld(), options: options(marginals: true))
        XCTAssertEqual(s.rows, [])
        XCTAssertEqual(s.score, 0)
        XCTAssertEqual(s.status, .optimal)
    }

    func testExportWritesMPSAndCPLEXLP() throws {
        let d = AllocationInstances.random(seed: 9, children: 10, offers: 8)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("alloc-export-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try AllocationSolver.exportModel(d, to: dir)
        let mps = try String(contentsOf: dir.appendingPathComponent("allocation.mps"), encoding: .utf8)
        let lp = try String(contentsOf: dir.appendingPathComponent("allocation.lp"), encoding: .utf8)
        XCTAssertTrue(mps.contains("COLUMNS"))
        XCTAssertTrue(lp.lowercased().contains("maximize"))
    }
}

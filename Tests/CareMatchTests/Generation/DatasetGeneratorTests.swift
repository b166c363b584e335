import XCTest
import Foundation
@testable import CareMatch

final class DatasetGeneratorTests: XCTestCase {
    /// Scale 1 with the bundled seed, made once for all tests of this class.
    static let quzhou = DatasetGenerator(scale: 1, seed: DatasetGenerator.quzhouSeed).generate()

    func testSameSeedGivesByteIdenticalFiles() {
        let a = DatasetWriter().files(for: DatasetGenerator(scale: 1, seed: 7).generate())
        let b = DatasetWriter().files(for: DatasetGenerator(scale: 1, seed: 7).generate())
        XCTAssertEqual(a.map(\.name), b.map(\.name))
        for (x, y) in zip(a, b) { XCTAssertEqual(x.data, y.data, x.name) }
    }

    func testDifferentSeedGivesDifferentFiles() {
        let a = DatasetWriter().files(for: DatasetGenerator(scale: 0.2, seed: 1).generate())
        let b = DatasetWriter().files(for: DatasetGenerator(scale: 0.2, seed: 2).generate())
        for name in ["children.csv", "moms.csv", "needs.csv", "offers.csv"] {
            XCTAssertNotEqual(a.first { $0.name == name }!.data, b.first { $0.name == name }!.data, name)
        }
    }

    func testScaleOneCountsAndFund() {
        let d = Self.quzhou
        XCTAssertEqual(d.children.count, 2414)
        XCTAssertEqual(d.moms.count, 3871)
        XCTAssertEqual(d.organizations.count, 68)
        let fund = d.offers.filter { $0.orgID == "ORG001" && $0.isFunds }
        XCTAssertEqual(fund.reduce(0) { $0 + $1.quantity }, 1_430_000)
        XCTAssertTrue(fund.contains { $0.category == Offer.anyCategory })
        XCTAssertTrue(fund.contains { $0.category == "rehabilitation" })
        XCTAssertEqual(d.catalog.map(\.category), ["sports_equipment", "books", "learning_supplies", "tutoring",
                                                   "medical_checkup", "rehabilitation", "psych_counseling",
                                                   "activity_venue", "exchange_trip", "family_education"])
        XCTAssertEqual(d.counties, ["Changshan", "Jiangshan", "Kaihua", "Kecheng", "Longyou", "Qujiang"])
        XCTAssertEqual(d.children.first?.id, "C000001")
        XCTAssertEqual(d.moms.first?.id, "M000001")
        XCTAssertEqual(d.offers.first?.id, "OF0001")
        XCTAssertEqual(d.needs.first?.id, "N000001")
    }

    func testScaleMultipliesChildrenMomsAndFund() {
        let d = DatasetGenerator(scale: 0.5, seed: 3).generate()
        XCTAssertEqual(d.children.count, 1207)
        XCTAssertEqual(d.moms.count, 1936)  // 1935.5 rounded half away from zero
        XCTAssertEqual(d.organizations.count, 68)
        XCTAssertEqual(d.offers.filter { $0.orgID == "ORG001" }.reduce(0) { $0 + $1.quantity }, 715_000)
        let e = DatasetGenerator(scale: 4, seed: 3)
        XCTAssertEqual(e.generate().organizations.count, 136)
    }

    func testRealisticMix() {
        let d = Self.quzhou
        let n = Double(d.children.count)
        let share = { (g: ChildGroup) in Double(d.children.filter { $0.group == g }.count) / n }
        XCTAssertEqual(share(.leftBehind), 0.55, accuracy: 0.05)
        XCTAssertEqual(share(.disadvantaged), 0.30, accuracy: 0.05)
        XCTAssertEqual(share(.specialNeeds), 0.15, accuracy: 0.03)
        let paired = Double(d.children.filter { $0.pairedMomID != nil }.count) / n
        XCTAssertEqual(paired, 0.35, accuracy: 0.05)
        XCTAssertTrue(d.children.allSatisfy { (3...16).contains($0.age!) && (1...3).contains($0.interests.count) })
        XCTAssertTrue(d.moms.allSatisfy { (0...3).contains($0.capacity) })
        XCTAssertTrue(d.moms.contains { $0.capacity == 0 } && d.moms.contains { $0.maxKm != nil })
        // The west has more children per mom than the urban centre.
        func ratio(_ c: String) -> Double {
            Double(d.children.filter { $0.county == c }.count) / Double(d.moms.filter { $0.county == c }.count)
        }
        XCTAssertGreaterThan(ratio("Kaihua"), 2 * ratio("Kecheng"))
        // A few remote children have no mom within 25 km.
        let grid = SpatialGrid(points: d.moms.map(\.location), cellKm: 5)
        let remote = d.children.filter { c in
            var any = false
            grid.forEach(within: 25, of: c.location) { _, _ in any = true }
            return !any
        }
        XCTAssertTrue((2...10).contains(remote.count), "\(remote.count) remote children")
        // Demand exceeds in-kind supply in every priced category, and in money beyond the funds.
        var gapYuan = 0.0
        for e in d.catalog {
            let demand = d.needs.filter { $0.category == e.category }.reduce(0) { $0 + $1.quantity }
            let supply = d.offers.filter { !$0.isFunds && $0.category == e.category }.reduce(0) { $0 + $1.quantity }
            XCTAssertGreaterThan(demand, supply, e.category)
            gapYuan += (demand - supply) * (e.unitCostYuan ?? 0)
        }
        let funds = d.offers.filter(\.isFunds).reduce(0) { $0 + $1.quantity }
        XCTAssertGreaterThan(gapYuan, funds)
        XCTAssertLessThan(gapYuan, 2 * funds)
    }

    func testReferencesAreValid() {
        XCTAssertEqual(GenerationChecks.referenceProblems(Self.quzhou), [])
        XCTAssertEqual(GenerationChecks.referenceProblems(DatasetGenerator(scale: 0.05, seed: 99).generate()), [])
    }

    func testManualPairingRespectsCapacityAndReach() {
        let d = Self.quzhou
        let pairs = d.manualPairings!
        XCTAssertEqual(GenerationChecks.pairingProblems(d, pairs), [])
        // Rows come in children's order, the lead first.
        let order = Dictionary(uniqueKeysWithValues: d.children.enumerated().map { ($1.id, $0) })
        XCTAssertEqual(pairs.map { order[$0.childID]! }, pairs.map { order[$0.childID]! }.sorted())
        var last = ""
        for a in pairs {
            if a.childID != last { XCTAssertEqual(a.role, .lead) } else { XCTAssertEqual(a.role, .support) }
            last = a.childID
        }
        // Last quarter's mom is kept as lead when she still has capacity (rule 1): more than half the time.
        let leads = Dictionary(uniqueKeysWithValues: pairs.filter { $0.role == .lead }.map { ($0.childID, $0.momID) })
        let continuing = d.children.filter { $0.pairedMomID != nil && leads[$0.id] == $0.pairedMomID }.count
        XCTAssertGreaterThan(continuing, d.children.filter { $0.pairedMomID != nil }.count / 2)
    }

    func testManualAllocationObeysSection6() {
        let d = Self.quzhou
        let rows = d.manualAllocations!
        XCTAssertFalse(rows.isEmpty)
        XCTAssertEqual(GenerationChecks.allocationProblems(d, rows), [])
        // Both kinds of sources are used, and something is left unmet.
        let funds = Set(d.offers.filter(\.isFunds).map(\.id))
        XCTAssertTrue(rows.contains { funds.contains($0.sourceID) })
        XCTAssertTrue(rows.contains { !funds.contains($0.sourceID) })
        var got: [String: Double] = [:]
        for r in rows { got[r.needID, default: 0] += r.units }
        XCTAssertTrue(d.needs.contains { (got[$0.id] ?? 0) < $0.quantity })
    }

    func testManualPlansOnSmallRandomDatasets() {
        for seed in UInt64(1)...8 {
            let d = DatasetGenerator(scale: 0.03, seed: seed).generate()
            XCTAssertEqual(GenerationChecks.referenceProblems(d), [], "seed \(seed)")
            XCTAssertEqual(GenerationChecks.pairingProblems(d, d.manualPairings!), [], "seed \(seed)")
            XCTAssertEqual(GenerationChecks.allocationProblems(d, d.manualAllocations!), [], "seed \(seed)")
        }
    }

    func testPRNGIsFixed() {
        // SplitMix64's published first outputs for seed 1234567.
        var r = SplitMix64(seed: 1234567)
        XCTAssertEqual(r.next(), 6457827717110365317)
        XCTAssertEqual(r.next(), 3203168211198807973)
        XCTAssertEqual(apportion(10, weights: [1, 1, 1]), [4, 3, 3])
    }
}

import CareMatch
import Foundation
import XCTest

/// Properties over many datasets drawn with the library's seeded generator (`SplitMix64`), the
/// in-process counterpart of the fuzz targets (docs/fuzzing.md):
/// - a dataset that validation accepts plans without an internal failure (the CLI's exit 3), and the
///   plan it gets is feasible by the independent evaluators;
/// - a plan's `pairings.csv` and `allocations.csv`, written and read back with `ManualPlanReader`,
///   give the plan's ids exactly (formula escapes included) and the same scores.
final class PlanPropertyTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let tiny: Dataset = {
        do { return try DatasetLoader.load(folder: root.appendingPathComponent("Datasets/tiny")) } catch {
            fatalError("Datasets/tiny does not load: \(error)")
        }
    }()

    // MARK: - Valid datasets plan

    /// Plans `d` and checks what a plan promises; `what` names the dataset in failures.
    func assertPlans(_ d: Dataset, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        do {
            let plan = try Planner.plan(d)
            XCTAssertNoThrow(try plan.files(byteOrderMark: false), what, file: file, line: line)
            let pairs = plan.pairing.evaluation.pairs.map {
                PairAssignment(childID: d.children[$0.child].id, momID: d.moms[$0.mom].id, role: $0.role)
            }
            let pairing = PairingEvaluation(dataset: d, assignments: pairs)
            XCTAssertEqual(pairing.violations, [], "\(what): pairing infeasible", file: file, line: line)
            let allocation = AllocationEvaluation(dataset: d, assignments: plan.allocation.rows.map(\.assignment))
            XCTAssertEqual(allocation.violations, [], "\(what): allocation infeasible", file: file, line: line)
        } catch {
            XCTFail("\(what): validation accepts it but planning fails: \(error)", file: file, line: line)
        }
    }

    /// One random edit of the kinds a coordinator makes: remove or add rows, change capacities,
    /// wishes, quantities, reach. Edits may make the dataset invalid; the caller validates.
    func randomEdit(_ d: inout Dataset, _ r: inout SplitMix64, fresh: inout Int) {
        switch r.index(9) {
        case 0 where !d.children.isEmpty:
            let gone = d.children.remove(at: r.index(d.children.count)).id
            d.needs.removeAll { $0.childID == gone }
        case 1 where !d.moms.isEmpty:
            let gone = d.moms.remove(at: r.index(d.moms.count)).id
            for i in d.children.indices where d.children[i].pairedMomID == gone { d.children[i].pairedMomID = nil }
        case 2 where !d.moms.isEmpty:
            d.moms[r.index(d.moms.count)].capacity = r.int(in: 0...4)
        case 3 where !d.children.isEmpty:
            d.children[r.index(d.children.count)].supportersWanted = r.int(in: 0...3)
        case 4 where !d.offers.isEmpty:
            let i = r.index(d.offers.count)
            d.offers[i].quantity = (d.offers[i].quantity * r.uniform(0, 3)).rounded()
        case 5:
            d.settings.maxKm = [0.5, 3, 10, 25, 60][r.index(5)]
        case 6 where !d.children.isEmpty:
            // A child copied a few km away, with copies of its needs.
            var c = d.children[r.index(d.children.count)]
            let old = c.id
            fresh += 1
            c.id = "CX\(fresh)"
            c.location = GeoPoint(lat: c.location.lat + r.uniform(-0.05, 0.05), lon: c.location.lon + r.uniform(-0.05, 0.05))
            c.pairedMomID = r.chance(0.5) ? nil : c.pairedMomID
            d.children.append(c)
            for var n in d.needs where n.childID == old {
                fresh += 1
                n.id = "NX\(fresh)"; n.childID = c.id
                d.needs.append(n)
            }
        case 7 where !d.offers.isEmpty:
            d.offers.remove(at: r.index(d.offers.count))
        case 8 where !d.moms.isEmpty:
            d.moms[r.index(d.moms.count)].maxKm = r.chance(0.5) ? nil : r.uniform(0.5, 30)
        default:
            d.settings.fitBonus = r.uniform(0, 50)
        }
    }

    func testRandomEditsOfTinyThatValidatePlanFeasibly() {
        var planned = 0, refused = 0
        for seed in UInt64(1)...60 {
            var r = SplitMix64(seed: seed)
            var d = Self.tiny
            if r.chance(0.7) { d.manualPairings = nil; d.manualAllocations = nil }
            var fresh = 0
            for _ in 0..<r.int(in: 1...5) { randomEdit(&d, &r, fresh: &fresh) }
            if DatasetValidator.check(d).contains(where: { $0.severity == .error }) { refused += 1; continue }
            planned += 1
            assertPlans(d, "tiny edited with seed \(seed)")
        }
        // The property is about planned datasets: most random edits must keep the dataset valid.
        XCTAssertGreaterThanOrEqual(planned, 40, "only \(planned) of 60 edited datasets validated (\(refused) refused)")
    }

    func testGeneratedSmallDatasetsValidateAndPlanFeasibly() {
        for seed in UInt64(1)...6 {
            let d = DatasetGenerator(scale: 0.005, seed: seed).generate()
            XCTAssertFalse(d.children.isEmpty, "seed \(seed): no children")
            let errors = DatasetValidator.check(d).filter { $0.severity == .error }
            XCTAssertEqual(errors.map(\.description), [], "seed \(seed): the generator's dataset does not validate")
            if errors.isEmpty { assertPlans(d, "generated, scale 0.005, seed \(seed)") }
        }
    }

    // MARK: - Plan files round-trip ids

    /// Id beginnings a spreadsheet would run as a formula, CSV's own specials, and non-ASCII text.
    /// Not here: `'` followed by `= + - @`, tab or CR, which the contract reserves for the escape.
    static let awkwardPrefixes = ["=", "+", "-", "@", "=SUM(A1)+", "-1,", "\"", "''", "'x", "a\"b,", "衢州·", "e\u{301}", "@@", "+86 "]

    /// `Datasets/tiny` with every id of every kind renamed to a random awkward prefix + the old id.
    func awkwardIDs(_ seed: UInt64) -> Dataset {
        var r = SplitMix64(seed: seed)
        var d = Self.tiny
        d.manualPairings = nil; d.manualAllocations = nil
        var renamed: [String: String] = [:]
        func rename(_ id: String) -> String {
            if let n = renamed[id] { return n }
            let n = Self.awkwardPrefixes[r.index(Self.awkwardPrefixes.count)] + id
            renamed[id] = n
            return n
        }
        for i in d.moms.indices { d.moms[i].id = rename(d.moms[i].id) }
        for i in d.children.indices {
            d.children[i].id = rename(d.children[i].id)
            d.children[i].pairedMomID = d.children[i].pairedMomID.map(rename)
        }
        for i in d.organizations.indices { d.organizations[i].id = rename(d.organizations[i].id) }
        for i in d.offers.indices { d.offers[i].id = rename(d.offers[i].id); d.offers[i].orgID = rename(d.offers[i].orgID) }
        for i in d.needs.indices { d.needs[i].id = rename(d.needs[i].id); d.needs[i].childID = rename(d.needs[i].childID) }
        return d
    }

    func testPlanFilesReadBackToTheSameIdsAndScores() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("carematch-roundtrip-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var prefixesSeen = Set<Character>()
        for seed in UInt64(1)...12 {
            let d = awkwardIDs(seed)
            XCTAssertEqual(DatasetValidator.check(d).filter { $0.severity == .error }.map(\.description), [], "seed \(seed)")
            let plan = try Planner.plan(d)
            let files = try plan.files(byteOrderMark: seed % 2 == 0)
            for f in files where f.name.hasSuffix(".csv") { try f.data.write(to: folder.appendingPathComponent(f.name)) }

            let pairsRead = try ManualPlanReader.pairings(contentsOf: folder.appendingPathComponent("pairings.csv"), file: "pairings.csv")
            let pairsPlanned = plan.pairing.evaluation.pairs.map { "\(d.children[$0.child].id)|\(d.moms[$0.mom].id)|\($0.role)" }
            XCTAssertFalse(pairsPlanned.isEmpty, "seed \(seed): no pairs, nothing round-trips")
            XCTAssertEqual(pairsRead.map { "\($0.childID)|\($0.momID)|\($0.role)" }.sorted(), pairsPlanned.sorted(), "seed \(seed): pairings.csv")
            XCTAssertEqual(PairingEvaluation(dataset: d, assignments: pairsRead).scoreUnits, plan.pairing.evaluation.scoreUnits, "seed \(seed)")

            let allocRead = try ManualPlanReader.allocations(contentsOf: folder.appendingPathComponent("allocations.csv"), file: "allocations.csv")
            XCTAssertFalse(plan.allocation.rows.isEmpty, "seed \(seed): no allocation rows, nothing round-trips")
            XCTAssertEqual(allocRead.map { "\($0.sourceID)|\($0.needID)" }, plan.allocation.rows.map { "\($0.sourceID)|\($0.needID)" }, "seed \(seed): allocations.csv")
            for (a, b) in zip(allocRead, plan.allocation.rows) { XCTAssertEqual(a.units, b.units, accuracy: 1e-6, "seed \(seed): \(b.sourceID) → \(b.needID)") }
            let reread = AllocationEvaluation(dataset: d, assignments: allocRead)
            XCTAssertEqual(reread.violations, [], "seed \(seed)")
            XCTAssertEqual(reread.score, plan.allocation.score, accuracy: 1e-6, "seed \(seed)")
            for p in pairsRead { if let f = p.childID.first { prefixesSeen.insert(f) } }
        }
        // Ids starting with each formula character went through the files.
        for c in "=+-@" { XCTAssertTrue(prefixesSeen.contains(c), "no child id starting with \(c) was paired") }
    }
}

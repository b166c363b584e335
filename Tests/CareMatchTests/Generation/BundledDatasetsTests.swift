import XCTest
import Foundation
@testable import CareMatch

/// The datasets committed under `Datasets/`: `quzhou` must equal what the library writes, and
/// `tiny` must be consistent and keep the cases its README describes.
final class BundledDatasetsTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testQuzhouEqualsTheGeneratorsBytes() throws {
        let folder = Self.root.appendingPathComponent("Datasets/quzhou")
        let d = DatasetGenerator(scale: 1, seed: DatasetGenerator.quzhouSeed).generate()
        let files = DatasetWriter().files(for: d)
        for f in files {
            let committed = try Data(contentsOf: folder.appendingPathComponent(f.name))
            XCTAssertEqual(committed, f.data, "Datasets/quzhou/\(f.name) differs from the generator's output")
        }
        let extras: Set<String> = ["README.md", "scenarios.toml", "settings.toml", "kaihua_extra_children.csv", "kaihua_extra_needs.csv",
                                    "overrides.csv"]
        let present = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !extras.contains($0) }.sorted()
        XCTAssertEqual(present, files.map(\.name).sorted())
    }

    // MARK: tiny

    /// Reads the tiny dataset with the minimal test parser (no quoted cells in it).
    static func tiny() throws -> Dataset {
        let folder = root.appendingPathComponent("Datasets/tiny")
        func table(_ name: String) throws -> [[String: String]] {
            let rows = GenerationChecks.rows(try Data(contentsOf: folder.appendingPathComponent(name)))
            let header = rows[0]
            return rows.dropFirst().map { r in Dictionary(uniqueKeysWithValues: zip(header, r).map { ($0, $1) }) }
        }
        func list(_ s: String?) -> [String] { (s ?? "").split(separator: ";").map(String.init) }
        var d = Dataset(name: "tiny")
        d.children = try table("children.csv").map {
            Child(id: $0["child_id"]!, group: ChildGroup(rawValue: $0["group"]!)!, county: $0["county"]!,
                  township: $0["township"] ?? "", location: GeoPoint(lat: Double($0["lat"]!)!, lon: Double($0["lon"]!)!),
                  age: Int($0["age"] ?? ""), interests: list($0["interests"]),
                  supportersWanted: Int($0["supporters_wanted"] ?? "") ?? 0,
                  pairedMomID: ($0["paired_mom_id"] ?? "").isEmpty ? nil : $0["paired_mom_id"])
        }
        d.moms = try table("moms.csv").map {
            Mom(id: $0["mom_id"]!, county: $0["county"]!, township: $0["township"] ?? "",
                location: GeoPoint(lat: Double($0["lat"]!)!, lon: Double($0["lon"]!)!), capacity: Int($0["capacity"]!)!,
                skills: list($0["skills"]), maxKm: Double($0["max_km"] ?? ""))
        }
        d.organizations = try table("organizations.csv").map {
            Organization(id: $0["org_id"]!, name: $0["name"]!, kind: OrganizationKind(rawValue: $0["kind"]!)!, county: $0["county"]!)
        }
        d.catalog = try table("catalog.csv").map {
            CatalogEntry(category: $0["category"]!, resource: Resource(rawValue: $0["resource"]!)!, unit: $0["unit"]!,
                         unitCostYuan: Double($0["unit_cost_yuan"] ?? ""), integral: $0["integral"] == "true")
        }
        d.offers = try table("offers.csv").map {
            let serves: ServiceArea
            switch $0["serves"] ?? "county" {
            case "county", "": serves = .ownCounty
            case "city": serves = .city
            case let s: serves = .counties(list(s))
            }
            let g = $0["eligible_groups"] ?? "all"
            return Offer(id: $0["offer_id"]!, orgID: $0["org_id"]!, resource: Resource(rawValue: $0["resource"]!)!,
                         category: $0["category"]!, quantity: Double($0["quantity"]!)!, county: $0["county"]!, serves: serves,
                         eligibleGroups: g == "all" || g.isEmpty ? nil : Set(list(g).map { ChildGroup(rawValue: $0)! }))
        }
        d.needs = try table("needs.csv").map {
            Need(id: $0["need_id"]!, childID: $0["child_id"]!, category: $0["category"]!,
                 quantity: Double($0["quantity"]!)!, priority: Int($0["priority"] ?? "") ?? 3)
        }
        // settings.toml: only `max_km` under [pairing] is used by tiny.
        let toml = (try? String(contentsOf: folder.appendingPathComponent("settings.toml"), encoding: .utf8)) ?? ""
        for line in toml.split(separator: "\n") where line.hasPrefix("max_km") {
            d.settings.maxKm = Double(line.split(separator: "=")[1].trimmingCharacters(in: .whitespaces))!
        }
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("manual_pairings.csv").path) else { return d }
        d.manualPairings = try table("manual_pairings.csv").map {
            PairAssignment(childID: $0["child_id"]!, momID: $0["mom_id"]!, role: PairingRole(rawValue: $0["role"]!)!)
        }
        d.manualAllocations = try table("manual_allocations.csv").map {
            AllocationAssignment(sourceID: $0["source_id"]!, needID: $0["need_id"]!, units: Double($0["units"]!)!)
        }
        return d
    }

    func testTinyIsConsistentAndItsManualPlansAreFeasible() throws {
        let d = try Self.tiny()
        XCTAssertEqual(GenerationChecks.referenceProblems(d), [])
        XCTAssertEqual(GenerationChecks.pairingProblems(d, d.manualPairings!), [])
        XCTAssertEqual(GenerationChecks.allocationProblems(d, d.manualAllocations!), [])
        // The committed manual plans are exactly what the coordinator heuristic makes.
        XCTAssertEqual(CoordinatorHeuristic.pairings(for: d).map { [$0.childID, $0.momID, $0.role.rawValue] },
                       d.manualPairings!.map { [$0.childID, $0.momID, $0.role.rawValue] })
        XCTAssertEqual(CoordinatorHeuristic.allocations(for: d).map { "\($0.sourceID) \($0.needID) \($0.units)" },
                       d.manualAllocations!.map { "\($0.sourceID) \($0.needID) \($0.units)" })
    }

    func testTinyKeepsTheCasesOfItsReadme() throws {
        let d = try Self.tiny()
        XCTAssertTrue((8...12).contains(d.children.count))
        XCTAssertTrue((6...8).contains(d.moms.count))
        XCTAssertEqual(d.organizations.count, 3)
        // One child out of everyone's reach.
        let unreachable = d.children.filter { c in !d.moms.contains { GenerationChecks.within($0, c, d.settings) } }
        XCTAssertEqual(unreachable.map(\.id), ["C10"])
        // One mom at capacity 0; a continuity pair in reach; shared interests.
        XCTAssertEqual(d.moms.filter { $0.capacity == 0 }.count, 1)
        XCTAssertTrue(d.children.contains { $0.pairedMomID != nil })
        XCTAssertTrue(d.children.contains { c in d.moms.contains { !Set($0.skills).isDisjoint(with: c.interests) && GenerationChecks.within($0, c, d.settings) } })
        // One need with no compatible source (no offer of its category serves its child).
        let counties = d.counties
        let orphan = d.needs.filter { n in
            let c = d.children.first { $0.id == n.childID }!
            let priced = d.catalog.first { $0.category == n.category }!.unitCostYuan != nil
            return !d.offers.contains { o in
                (o.category == n.category || (o.isFunds && o.category == "any" && priced))
                    && o.servedCounties(allCounties: counties).contains(c.county) && o.accepts(c.group)
            }
        }
        XCTAssertEqual(orphan.map(\.id), ["N12"])
    }
}

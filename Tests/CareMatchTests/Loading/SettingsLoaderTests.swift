import CareMatch
import Foundation
import XCTest

final class SettingsLoaderTests: XCTestCase {
    func testSettingsOverrideDefaultsIntegersAndDecimals() throws {
        let ds = TempDataset()
        ds.write("settings.toml", "# quarter 3\n[group_weight]\nspecial_needs = 2\n\n[pairing]\nmax_km = 12.5\nkm_cost = 0.5\n\n[allocation]\nfund_penalty = 0.01\n")
        let d = try DatasetLoader.load(folder: ds.url)
        XCTAssertEqual(d.settings.groupWeightSpecialNeeds, 2)
        XCTAssertEqual(d.settings.maxKm, 12.5)
        XCTAssertEqual(d.settings.kmCost, 0.5)
        XCTAssertEqual(d.settings.fundPenalty, 0.01)
        XCTAssertEqual(d.settings.leadReward, 100)
        XCTAssertNotNil(d.inputHashes["settings.toml"])
    }

    func testUnknownKeyIsAnErrorListingValidKeys() {
        let (_, diags) = SettingsLoader.parse(text: "[pairing]\nmax_km = 20\nmaxkm = 3\n")
        let e = assertDiagnostic(diags, file: "settings.toml", line: 3, column: "pairing.maxkm", contains: "unknown setting")
        XCTAssertTrue(e?.message.contains("pairing.max_km") ?? false)
        XCTAssertEqual(diags.count, 1)
    }

    func testUnknownTableIsAnError() {
        let (_, diags) = SettingsLoader.parse(text: "[pairings]\nmax_km = 20\n")
        assertDiagnostic(diags, file: "settings.toml", line: 1, column: "pairings", contains: "[pairing]")
    }

    func testTopLevelKeyIsAnError() {
        let (_, diags) = SettingsLoader.parse(text: "max_km = 20\n")
        assertDiagnostic(diags, file: "settings.toml", line: 1, column: "max_km", contains: "unknown setting")
    }

    func testNonNumericValueIsAnError() {
        let (_, diags) = SettingsLoader.parse(text: "[pairing]\nmax_km = \"20\"\n")
        assertDiagnostic(diags, file: "settings.toml", line: 2, column: "pairing.max_km", contains: "must be a number")
    }

    func testDottedKeysAtTopLevelWork() {
        let (s, diags) = SettingsLoader.parse(text: "pairing.max_km = 20\n")
        XCTAssertEqual(diags, [])
        XCTAssertEqual(s.maxKm, 20)
    }

    func testSettingsProblemsAreErrors() {
        let ds = TempDataset()
        ds.write("settings.toml", "[pairing]\nlead_reward = 10\nsupport_reward = 40\nmax_km = 0\n")
        let r = ds.read()
        assertDiagnostic(r.errors, file: "settings.toml", line: 3, column: "pairing.support_reward", contains: "must not exceed")
        assertDiagnostic(r.errors, file: "settings.toml", line: 4, column: "pairing.max_km", contains: "above 0 and at most 20,000")
        XCTAssertEqual(r.errors.count, 2, r.errors.description)
    }

    func testInvalidTOMLIsAnErrorWithItsLine() {
        let (_, diags) = SettingsLoader.parse(text: "[pairing]\nmax_km = = 3\n")
        XCTAssertEqual(diags.count, 1)
        XCTAssertEqual(diags.first?.line, 2)
        XCTAssertEqual(diags.first?.file, "settings.toml")
    }
}

final class DatasetValidatorTests: XCTestCase {
    func dataset() -> Dataset {
        Dataset(
            children: [Child(id: "C1", group: .leftBehind, county: "A", location: GeoPoint(lat: 29, lon: 119))],
            moms: [Mom(id: "M1", county: "A", location: GeoPoint(lat: 29.01, lon: 119), capacity: 1)],
            organizations: [Organization(id: "O1", name: "", kind: .enterprise, county: "A")],
            catalog: [CatalogEntry(category: "books", resource: .equipment, unit: "item", unitCostYuan: 10, integral: true)],
            offers: [Offer(id: "F1", orgID: "O1", resource: .funds, category: "any", quantity: 100, county: "A")],
            needs: [Need(id: "N1", childID: "C1", category: "books", quantity: 2)])
    }

    func testValidDatasetMadeInCodeHasNoDiagnostics() {
        XCTAssertEqual(DatasetValidator.check(dataset()), [])
    }

    func testScenarioEditsAreChecked() {
        var d = dataset()
        d.needs[0].quantity = 1.5
        d.offers[0].serves = .counties(["a"])
        d.moms[0].capacity = -2
        let diags = DatasetValidator.check(d)
        assertDiagnostic(diags, file: "needs.csv", line: 0, column: "quantity", contains: "integral")
        let e = assertDiagnostic(diags, file: "offers.csv", line: 0, column: "serves", contains: "'a'")
        XCTAssertTrue(e?.message.contains("did you mean 'A'") ?? false)
        assertDiagnostic(diags, file: "moms.csv", line: 0, column: "capacity", contains: "negative")
        // The mom no longer counts for reach.
        assertDiagnostic(diags, .warning, file: "children.csv", line: 0, column: nil, contains: "no mom within reach")
    }

    func testReachMatchesABruteForceCheck() {
        // Random moms and children around Quzhou, compared with the contract's rule checked pair by pair.
        var rng = SplitMix64(seed: 7)
        for round in 0..<5 {
            var d = dataset()
            d.settings.maxKm = [1, 2.5, 5, 0.29, 10][round]
            d.moms = (0..<60).map { i in
                Mom(id: "M\(i)", county: "A", location: GeoPoint(lat: 28.9 + rng.unit() * 0.2, lon: 118.8 + rng.unit() * 0.2),
                    capacity: i % 7 == 0 ? 0 : 1, maxKm: i % 3 == 0 ? rng.unit() * 3 : nil)
            }
            d.children = (0..<80).map { i in
                Child(id: "C\(i)", group: .disadvantaged, county: "A", location: GeoPoint(lat: 28.9 + rng.unit() * 0.2, lon: 118.8 + rng.unit() * 0.2))
            }
            d.needs = []; d.offers = []
            let warned = Set(DatasetValidator.check(d).filter { $0.message.contains("no mom within reach") }.compactMap { w in
                d.children.first { w.message.contains("'\($0.id)'") }?.id })
            let expected = Set(d.children.filter { c in
                !d.moms.contains { m in
                    m.capacity > 0 && Distance.km(c.location, m.location) <= min(m.maxKm ?? d.settings.maxKm, d.settings.maxKm)
                }
            }.map(\.id))
            XCTAssertEqual(warned, expected, "round \(round)")
        }
    }
}

import CareMatch
import Foundation
import XCTest

/// Every number has a documented range: just inside passes, just outside is a located error.
final class ValueRangeTests: XCTestCase {
    /// Writes each value into `file` in place of `old` (through `row`), and checks that values
    /// `inside` load without error and values `outside` give one error at `line`/`column`.
    func checkBounds(_ file: String, _ old: String, _ row: (String) -> String, line: Int, column: String,
                     inside: [String], outside: [(String, String)], setup: (TempDataset) -> Void = { _ in },
                     sourceLine: UInt = #line) {
        for v in inside {
            let ds = TempDataset(); setup(ds)
            ds.replace(file, old, row(v))
            let r = ds.read()
            XCTAssertEqual(r.errors, [], "\(column) = \(v) should pass", line: sourceLine)
        }
        for (v, text) in outside {
            let ds = TempDataset(); setup(ds)
            ds.replace(file, old, row(v))
            assertSingleError(ds, file: file, line: line, column: column, contains: text, sourceLine: sourceLine)
        }
    }

    func testAgeIsFrom0To18() {
        checkBounds("children.csv", "118.87,9,", { "118.87,\($0)," }, line: 2, column: "age",
                    inside: ["0", "18"], outside: [("-1", "from 0 to 18"), ("19", "too large")])
    }

    func testSupportersWantedIsFrom0To100() {
        checkBounds("children.csv", "reading;sports,1,M1", { "reading;sports,\($0),M1" }, line: 2, column: "supporters_wanted",
                    inside: ["0", "100"], outside: [("-1", "negative"), ("101", "from 0 to 100")])
    }

    func testCapacityIsFrom0To10000() {
        checkBounds("moms.csv", "118.86,2,reading", { "118.86,\($0),reading" }, line: 2, column: "capacity",
                    inside: ["0", "10000"], outside: [("-1", "negative"), ("10001", "from 0 to 10,000"), ("2147483648", "too large")])
    }

    func testMomMaxKmIsAbove0AndAtMost20000() {
        checkBounds("moms.csv", "118.94,1,,10,no", { "118.94,1,,\($0),no" }, line: 3, column: "max_km",
                    inside: ["0.000001", "20000"], outside: [("0", "greater than 0"), ("20000.01", "at most 20,000 km"), ("30000000", "too large")])
    }

    func testUnitCostIsAbove0AtMost1e7WithFen() {
        checkBounds("catalog.csv", "books,equipment,item,30,true", { "books,equipment,item,\($0),true" }, line: 2, column: "unit_cost_yuan",
                    inside: ["0.01", "10000000", "29.99"],
                    outside: [("0", "greater than 0"), ("10000000.01", "at most 10,000,000 yuan"), ("30.005", "more than 2 decimals")])
    }

    func testFundsAreAtMost1e10YuanWithFen() {
        checkBounds("offers.csv", "funds,any,20000,", { "funds,any,\($0)," }, line: 2, column: "quantity",
                    inside: ["0", "10000000000", "0.01"],
                    outside: [("-0.01", "negative"), ("10000000000.01", "from 0 to 10,000,000,000 yuan"), ("0.001", "more than 2 decimals")])
    }

    func testInKindQuantityIsAtMost1e9UnitsWithSixDecimals() {
        checkBounds("offers.csv", "tutoring,10.5,", { "tutoring,\($0)," }, line: 4, column: "quantity",
                    inside: ["0", "1000000000", "0.000001"],
                    outside: [("-1", "negative"), ("1000000001", "from 0 to 1,000,000,000 units"), ("0.0000001", "more than 6 decimals")])
    }

    func testNeedQuantityIsAbove0AtMost1e9WithSixDecimals() {
        checkBounds("needs.csv", "N2,C1,tutoring,5,", { "N2,C1,tutoring,\($0)," }, line: 3, column: "quantity",
                    inside: ["0.000001", "1000000000"],
                    outside: [("0", "greater than 0"), ("1000000001", "too large"), ("1.0000001", "would round it to 1 silently")])
    }

    func testPriorityIsFrom1To5() {
        checkBounds("needs.csv", "N1,C1,books,3,4", { "N1,C1,books,3,\($0)" }, line: 2, column: "priority",
                    inside: ["1", "5"], outside: [("0", "too small"), ("6", "from 1 to 5")])
    }

    func testManualAllocationUnitsAreAtMost1e9() {
        let setup = { (ds: TempDataset) in ds.write("manual_allocations.csv", "source_id,need_id,units\nF1,N2,UNITS\n") }
        checkBounds("manual_allocations.csv", "UNITS", { $0 }, line: 2, column: "units",
                    inside: ["0", "1000000000"], outside: [("-1", "negative"), ("1000000000.5", "too large")], setup: setup)
    }

    func testLatitudeAndLongitudeBounds() {
        checkBounds("moms.csv", "M2,Qujiang,,28.91,118.94", { "M2,Qujiang,,\($0),118.94" }, line: 3, column: "lat",
                    inside: ["28.91"], outside: [("90.000001", "between -90 and 90"), ("-90.5", "between -90 and 90")])
        checkBounds("moms.csv", "M2,Qujiang,,28.91,118.94", { "M2,Qujiang,,28.91,\($0)" }, line: 3, column: "lon",
                    inside: ["118.94"], outside: [("180.5", "between -180 and 180"), ("-180.000001", "between -180 and 180")])
    }

    // MARK: Settings

    /// The smallest step that leaves a bound, at the bound's magnitude.
    func step(_ x: Double) -> Double { max(1e-6, abs(x) * 1e-9) }

    func testEverySettingHasItsRangeInSettingsToml() {
        for key in Settings.keys {
            let r = key.range
            let lowIn = r.lowerIncluded ? r.lower : r.lower + step(r.lower)
            let highIn = r.upperIncluded ? r.upper : r.upper - step(r.upper)
            let lowOut = r.lowerIncluded ? r.lower - step(r.lower) : r.lower
            let highOut = r.upperIncluded ? r.upper + step(r.upper) : r.upper
            for (v, ok) in [(lowIn, true), (highIn, true), (lowOut, false), (highOut, false)] {
                // support_reward ≤ lead_reward: keep the pair consistent while one of them moves.
                var values: [String: Double] = ["pairing.lead_reward": Settings.maxWeight, "pairing.support_reward": 0]
                values[key.name] = v
                let (_, diags) = SettingsLoader.parse(text: toml(values))
                if ok {
                    XCTAssertEqual(diags, [], "\(key.name) = \(v) should pass")
                } else {
                    XCTAssertEqual(diags.count, 1, "\(key.name) = \(v): \(diags)")
                    let e = assertDiagnostic(diags, file: "settings.toml", line: lineOf(key.name, in: values), column: key.name, contains: "must be \(r.text)")
                    _ = e
                }
            }
        }
    }

    func toml(_ values: [String: Double]) -> String {
        var byTable = [String: [String]]()
        for (k, v) in values.sorted(by: { $0.key < $1.key }) {
            let parts = k.split(separator: ".")
            byTable[String(parts[0]), default: []].append("\(parts[1]) = \(String(format: "%.9f", v))")
        }
        return byTable.keys.sorted().map { "[\($0)]\n" + byTable[$0]!.joined(separator: "\n") + "\n" }.joined()
    }

    func lineOf(_ key: String, in values: [String: Double]) -> Int {
        let lines = toml(values).split(separator: "\n", omittingEmptySubsequences: false)
        let parts = key.split(separator: ".")
        var table = ""
        for (i, l) in lines.enumerated() {
            if l.hasPrefix("[") { table = String(l.dropFirst().dropLast()); continue }
            if table == parts[0] && l.hasPrefix(parts[1] + " =") { return i + 1 }
        }
        return 0
    }

    func testTimeLimitsFitGLPKsMilliseconds() throws {
        XCTAssertNoThrow(try Settings().applying(overrides: ["allocation.time_limit_s=604800", "plan.time_limit_s=604800"]))
        for o in ["allocation.time_limit_s=2147484", "plan.time_limit_s=604801", "allocation.time_limit_s=0"] {
            XCTAssertThrowsError(try Settings().applying(overrides: [o])) { error in
                let e = error as? InvalidInput
                XCTAssertNotNil(e, "\(o): \(error)")
                let key = String(o.split(separator: "=")[0])
                assertDiagnostic(e?.diagnostics ?? [], file: "--set", line: nil, column: key, contains: "above 0 and at most 604,800")
            }
        }
    }

    func testSetOverrideOutsideItsRangeIsALocatedInvalidInput() {
        XCTAssertThrowsError(try Settings().applying(overrides: ["pairing.max_km=20000.5"])) { error in
            assertDiagnostic((error as? InvalidInput)?.diagnostics ?? [], file: "--set", line: nil, column: "pairing.max_km", contains: "at most 20,000")
        }
        XCTAssertThrowsError(try Settings().applying(overrides: ["pairing.max_km=1e5"])) { error in
            XCTAssertTrue("\(error)".contains("exponent"), "\(error)")
        }
        XCTAssertEqual(try Settings().applying(overrides: ["pairing.max_km=20000"]).maxKm, 20000)
    }

    // MARK: The engine at the limits

    /// Every number at the top of its range: validation passes, and the pairing solves without
    /// a trap to the optimum found by enumerating every pairing of the 2 × 2 instance.
    func testPairingAtTheTopOfEveryRangeSolvesExactly() throws {
        var s = Settings()
        s.groupWeightSpecialNeeds = Settings.maxWeight; s.groupWeightLeftBehind = Settings.maxWeight
        s.leadReward = Settings.maxWeight; s.supportReward = Settings.maxWeight
        s.fitBonus = Settings.maxWeight; s.continuityBonus = Settings.maxWeight; s.kmCost = Settings.maxWeight
        s.maxKm = Settings.maxKmLimit
        let children = [
            Child(id: "C1", group: .leftBehind, county: "A", location: GeoPoint(lat: 29, lon: 119), interests: ["x"], supportersWanted: 100, pairedMomID: "M1"),
            Child(id: "C2", group: .specialNeeds, county: "A", location: GeoPoint(lat: 29.02, lon: 119.01), supportersWanted: 100),
        ]
        let moms = [
            Mom(id: "M1", county: "A", location: GeoPoint(lat: 29.01, lon: 119), capacity: 10_000, skills: ["x"], maxKm: 20_000),
            Mom(id: "M2", county: "A", location: GeoPoint(lat: 28.99, lon: 119.02), capacity: 10_000, maxKm: 20_000),
        ]
        let d = Dataset(children: children, moms: moms, organizations: [Organization(id: "O", name: "", kind: .enterprise, county: "A")],
                        catalog: [CatalogEntry(category: "b", resource: .equipment, unit: "item", unitCostYuan: 1e7, integral: true)],
                        offers: [Offer(id: "F", orgID: "O", resource: .funds, category: "any", quantity: 1e10, county: "A")],
                        needs: [Need(id: "N", childID: "C1", category: "b", quantity: 1e9, priority: 5)], settings: s)
        XCTAssertEqual(DatasetValidator.check(d).filter { $0.severity == .error }, [])
        let solution = try PairingSolver.solve(d)
        // Reference: every subset of the four pairs (all within 20,000 km), scored by the contract's formula.
        let w: [ChildGroup: Double] = [.leftBehind: s.groupWeightLeftBehind, .specialNeeds: s.groupWeightSpecialNeeds]
        var best = 0.0
        for mask in 0..<16 {
            var score = 0.0
            for (ci, c) in children.enumerated() {
                var k = 0
                for (mi, m) in moms.enumerated() where mask & (1 << (ci * 2 + mi)) != 0 {
                    guard Distance.km(c.location, m.location) <= min(m.maxKm!, s.maxKm) else { score = -.infinity; continue }
                    k += 1
                    let fit = Set(c.interests).isDisjoint(with: m.skills) ? 0 : s.fitBonus
                    let cont = c.pairedMomID == m.id ? s.continuityBonus : 0
                    score += fit + cont - s.kmCost * Distance.km(c.location, m.location)
                }
                if k >= 1 { score += w[c.group]! * (s.leadReward + s.supportReward * Double(k - 1)) }
            }
            best = max(best, score)
        }
        XCTAssertEqual(solution.evaluation.score, best, accuracy: 1e-3)
    }

    /// Settings inside their ranges but too large together for a dataset's exact integer
    /// arithmetic: a located settings error in validation, and the solver refuses (no trap).
    func testPairingTermsTooLargeForExactArithmeticAreRefusedNotTrapped() {
        var d = Dataset(children: [Child(id: "C1", group: .leftBehind, county: "A", location: GeoPoint(lat: 29, lon: 119))],
                        moms: [Mom(id: "M1", county: "A", location: GeoPoint(lat: 29.01, lon: 119), capacity: 1)],
                        organizations: [Organization(id: "O", name: "", kind: .enterprise, county: "A")])
        d.settings.groupWeightLeftBehind = Settings.maxWeight
        d.settings.leadReward = Settings.maxWeight
        d.settings.kmCost = 0.000001  // in range, but it makes the engine count in 10⁻⁸ points
        XCTAssertEqual(d.settings.problems().count, 0)
        assertDiagnostic(DatasetValidator.check(d), file: "settings.toml", line: nil, column: "pairing.lead_reward", contains: "too large for exact integer arithmetic")
        XCTAssertThrowsError(try PairingSolver.solve(d)) { error in
            XCTAssertTrue(error is InvalidInput, "\(error)")
        }
        // The same through --set: refused at the override, located at --set.
        d.settings = Settings()
        XCTAssertThrowsError(try d.applying(overrides: ["group_weight.left_behind=1000000", "pairing.lead_reward=1000000", "pairing.km_cost=0.000001"])) { error in
            assertDiagnostic((error as? InvalidInput)?.diagnostics ?? [], file: "--set", line: nil, column: "pairing.lead_reward", contains: "too large for exact integer arithmetic")
        }
        XCTAssertNoThrow(try d.applying(overrides: ["group_weight.left_behind=1000000", "pairing.lead_reward=1000000"]))
    }

    /// The pairing's fixed-point units are found in decimal arithmetic on the settings as written.
    func testPairingUnitsAreExactDecimals() {
        var s = Settings()
        s.groupWeightLeftBehind = 1.2; s.leadReward = 33.3  // 1.2 × 33.3 = 39.96 (by hand), 39.959999… in binary
        var w = PairingWeights(s)
        XCTAssertEqual(w.scale.unitsPerPoint, 100)
        XCTAssertEqual(w.leadReward(.leftBehind), 3996)
        // 1.2 × 123456.1234567 = 148147.34814804 (by hand): 8 decimals, so the unit is 10⁻⁸ point.
        s.leadReward = 123456.1234567
        w = PairingWeights(s)
        XCTAssertEqual(w.scale.unitsPerPoint, 100_000_000)
        XCTAssertEqual(w.leadReward(.disadvantaged), 12_345_612_345_670)
        XCTAssertEqual(w.leadReward(.leftBehind), 14_814_734_814_804)
        XCTAssertNil(PairingWeights.magnitudeProblem(s, children: 100, moms: 100))
    }

    func testWeightsWithMoreDecimalsThanThePairingCountsAreAnError() {
        let ds = TempDataset()
        ds.write("settings.toml", "[pairing]\nkm_cost = 0.0000000001\n")
        assertSingleError(ds, file: "settings.toml", line: nil, column: "pairing.km_cost", contains: "more decimals than the pairing counts exactly")
        ds.write("settings.toml", "[pairing]\nkm_cost = 0.0000001\n")  // 10⁻⁹ points per hundredth of a km: fine
        XCTAssertEqual(ds.read().errors, [])
    }

    /// Terms that overflow whatever the dataset's size are refused by `--set` on settings alone.
    func testSetOverrideTooLargeForAnyDatasetIsRefused() {
        // 10¹² points counted in 10⁻⁷ points (fit_bonus's 7 decimals) is 10¹⁹ units, beyond Int64.
        let overrides = ["group_weight.left_behind=1000000", "pairing.lead_reward=1000000", "pairing.fit_bonus=0.0000001"]
        XCTAssertThrowsError(try Settings().applying(overrides: overrides)) { error in
            assertDiagnostic((error as? InvalidInput)?.diagnostics ?? [], file: "--set", line: nil, column: "pairing.lead_reward", contains: "too large")
        }
        XCTAssertNoThrow(try Settings().applying(overrides: Array(overrides.prefix(2))))
    }
}

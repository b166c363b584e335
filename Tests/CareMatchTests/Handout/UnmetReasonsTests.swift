import XCTest
@testable import CareMatch

/// `unmet.csv`'s reasons on small datasets built so that the reason is known by construction.
/// Distances in the expected sentences come from the contract's haversine written out again in
/// the tests (`Workflow.km`), not from the engine.
final class ChildShortfallReasonsTests: XCTestCase {
    /// A point `km` north of 29.0N 118.9E (along the meridian).
    func north(_ km: Double) -> GeoPoint { GeoPoint(lat: 29.0 + km / 111.19492664455873, lon: 118.9) }
    func dist(_ a: GeoPoint, _ b: GeoPoint) -> String {
        Decimals.format(Workflow.km(a.lat, a.lon, b.lat, b.lon), maxDecimals: 2)
    }
    func pair(_ d: Dataset, _ c: String, _ m: String, _ role: PairingRole) -> EvaluatedPair {
        let ci = d.children.firstIndex { $0.id == c }!, mi = d.moms.firstIndex { $0.id == m }!
        return EvaluatedPair(child: ci, mom: mi, role: role, centikm: Distance.centikm(d.children[ci].location, d.moms[mi].location),
                             shared: false, continued: false, value: 0)
    }

    func testChildWithoutMomInReachGetsTheNearestFreeMomAndTheLimit() {
        var d = Dataset()
        d.settings.maxKm = 25
        d.children = [Child(id: "C1", group: .leftBehind, county: "A", township: "T", location: north(0)),
                      Child(id: "C2", group: .leftBehind, county: "A", location: north(-30))]
        d.moms = [Mom(id: "MFAR", county: "A", location: north(27.47), capacity: 1),
                  Mom(id: "MFARTHER", county: "A", location: north(60), capacity: 3),
                  Mom(id: "MZERO", county: "A", location: north(3), capacity: 0),
                  Mom(id: "MFULL", county: "A", location: north(-26), capacity: 1)]
        let rows = ChildShortfallReasons.explain(d, pairs: [pair(d, "C2", "MFULL", .lead)])
        XCTAssertEqual(rows.count, 1)
        let r = rows[0]
        XCTAssertEqual(r.kind, .child); XCTAssertEqual(r.id, "C1"); XCTAssertEqual(r.county, "A"); XCTAssertEqual(r.township, "T")
        XCTAssertEqual(r.missing, 1)
        XCTAssertEqual(r.code, .noMomInReach)
        let km = dist(d.children[0].location, d.moms[0].location)
        XCTAssertTrue(km.hasPrefix("27.4"), km)
        XCTAssertTrue(r.reason.contains("MFAR at \(km) km, beyond the 25 km limit"), r.reason)
        // The nearest mom of all is MFULL, just past the limit too, but full (she leads C2).
        XCTAssertTrue(r.reason.hasSuffix("the nearest mom, MFULL, is \(dist(d.children[0].location, d.moms[3].location)) km away against her 25 km limit, and full"), r.reason)
    }

    func testMomsOwnMaxKmIsTheLimitThatApplies() {
        var d = Dataset()
        d.settings.maxKm = 25
        d.children = [Child(id: "C1", group: .disadvantaged, county: "A", location: north(0), supportersWanted: 1)]
        d.moms = [Mom(id: "M1", county: "A", location: north(10), capacity: 2, maxKm: 5)]
        let r = ChildShortfallReasons.explain(d, pairs: [])
        XCTAssertEqual(r.map(\.code), [.noMomInReach])
        XCTAssertEqual(r[0].missing, 2, "1 + supporters_wanted moms are wanted")
        XCTAssertTrue(r[0].reason.contains("M1 at \(dist(d.children[0].location, d.moms[0].location)) km, beyond the 5 km limit"), r[0].reason)
    }

    func testChildWhoseMomsInReachAreFullCountsThemAndNamesTheNearestFreeOne() {
        var d = Dataset()
        d.settings.maxKm = 25
        d.children = [Child(id: "C1", group: .specialNeeds, county: "A", location: north(0)),
                      Child(id: "C2", group: .specialNeeds, county: "A", location: north(2)),
                      Child(id: "C3", group: .specialNeeds, county: "A", location: north(4))]
        d.moms = [Mom(id: "M1", county: "A", location: north(1), capacity: 1),
                  Mom(id: "M2", county: "A", location: north(3), capacity: 1),
                  Mom(id: "M9", county: "A", location: north(-40), capacity: 1)]
        let pairs = [pair(d, "C2", "M1", .lead), pair(d, "C3", "M2", .lead)]
        let r = ChildShortfallReasons.explain(d, pairs: pairs)
        XCTAssertEqual(r.map(\.id), ["C1"])
        XCTAssertEqual(r[0].code, .momsInReachFull)
        XCTAssertTrue(r[0].reason.contains("2 mom(s) within reach, all full; nearest M1 at \(dist(d.children[0].location, d.moms[0].location)) km"), r[0].reason)
        XCTAssertTrue(r[0].reason.contains("M9 at \(dist(d.children[0].location, d.moms[2].location)) km, beyond the 25 km limit"), r[0].reason)
    }

    /// Two children near one mom with one place: the special-needs child gets her. The other is
    /// told what her place is worth (her dual price, from the real solve) against what its own
    /// pair would bring; optimality puts the price between the two pairs' values.
    func testFullMomsPlaceIsPricedByTheDualAgainstThePair() throws {
        var d = Dataset()
        d.settings.maxKm = 25
        d.children = [Child(id: "C1", group: .specialNeeds, county: "A", location: north(0)),
                      Child(id: "C2", group: .disadvantaged, county: "A", location: north(2))]
        d.moms = [Mom(id: "M1", county: "A", location: north(1), capacity: 1)]
        let solution = try PairingSolver.solve(d)
        XCTAssertEqual(solution.evaluation.pairs.map { d.children[$0.child].id }, ["C1"])
        let r = ChildShortfallReasons.explain(d, pairs: solution.evaluation.pairs, momDual: solution.momDual)
        XCTAssertEqual(r.map(\.id), ["C2"])
        XCTAssertEqual(r[0].code, .momsInReachFull)
        let k1 = Workflow.km(north(0).lat, north(0).lon, north(1).lat, north(1).lon)
        let k2 = Workflow.km(north(2).lat, north(2).lon, north(1).lat, north(1).lon)
        let mine = 100 * 1.0 - k2, held = 100 * 1.5 - k1
        let dual = solution.momDual[0]
        XCTAssertGreaterThanOrEqual(dual, mine - 1e-6); XCTAssertLessThanOrEqual(dual, held + 1e-6)
        func f(_ x: Double) -> String { Decimals.format(Decimals.round(x), maxDecimals: 2) }
        XCTAssertTrue(r[0].reason.contains("the closest call is M1: a place with her is worth \(f(dual)) points to the children she has (C1), this pair would bring \(f(mine))"), r[0].reason)
    }

    func testChildShortOfSupportingMomsIsListedWithTheMissingCount() {
        var d = Dataset()
        d.settings.maxKm = 25
        d.children = [Child(id: "C1", group: .leftBehind, county: "A", location: north(0), supportersWanted: 2),
                      Child(id: "C2", group: .leftBehind, county: "A", location: north(1), supportersWanted: 1),
                      Child(id: "C3", group: .leftBehind, county: "A", location: north(2))]
        d.moms = [Mom(id: "M1", county: "A", location: north(0.5), capacity: 2),
                  Mom(id: "M2", county: "A", location: north(1.5), capacity: 2),
                  Mom(id: "M3", county: "A", location: north(2.5), capacity: 1)]
        // C1: lead M1, no supporter (2 missing); C2: lead M2 and supporter M1 (complete);
        // C3: lead M2 (wants none). M1 and M2 are full; M3 is free and within reach of C1, and
        // at 100 points per km the pair would lose points.
        d.settings.kmCost = 100
        let pairs = [pair(d, "C1", "M1", .lead), pair(d, "C2", "M2", .lead), pair(d, "C2", "M1", .support), pair(d, "C3", "M2", .lead)]
        let r = ChildShortfallReasons.explain(d, pairs: pairs)
        XCTAssertEqual(r.map(\.id), ["C1"])
        XCTAssertEqual(r[0].kind, .supporting)
        XCTAssertEqual(r[0].missing, 2)
        XCTAssertEqual(r[0].code, .notWorthPairing)
        // support reward 40 × 1.2 − 100 points per km × d(C1, M3).
        let km = Workflow.km(d.children[0].location.lat, d.children[0].location.lon, d.moms[2].location.lat, d.moms[2].location.lon)
        let points = Decimals.format(Decimals.round(40 * 1.2 - 100 * km), maxDecimals: 2)
        XCTAssertTrue(r[0].reason.contains("the nearest, M3 at \(Decimals.format(km, maxDecimals: 2)) km, would change the score by \(points) points"), r[0].reason)
    }

    func testSupportingShortfallWithEveryOtherMomFullSaysOtherMoms() {
        var d = Dataset()
        d.settings.maxKm = 25
        d.children = [Child(id: "C1", group: .leftBehind, county: "A", location: north(0), supportersWanted: 1),
                      Child(id: "C2", group: .leftBehind, county: "A", location: north(1))]
        d.moms = [Mom(id: "M1", county: "A", location: north(0.5), capacity: 1),
                  Mom(id: "M2", county: "A", location: north(1.5), capacity: 1)]
        let r = ChildShortfallReasons.explain(d, pairs: [pair(d, "C1", "M1", .lead), pair(d, "C2", "M2", .lead)])
        XCTAssertEqual(r.map(\.kind), [.supporting])
        XCTAssertEqual(r[0].code, .momsInReachFull)
        XCTAssertTrue(r[0].reason.contains("1 other mom(s) within reach, all full; nearest M2"), r[0].reason)
        XCTAssertTrue(r[0].reason.contains("no other mom has free capacity anywhere"), r[0].reason)
    }

    /// A plan stopped before its optimum can leave a child without a lead next to a free mom
    /// whose pair would add points: the reason names the best such pair as a gain
    /// (`moms_left_unused`), never "not worth pairing" with a positive change; pairs that
    /// `overrides.csv` forbids are left out of that search.
    func testAFreePairThatWouldAddPointsIsNamedAsAGainLeftUnused() {
        var d = Dataset()
        d.settings.maxKm = 25
        d.settings.kmCost = 1
        d.settings.fitBonus = 20
        d.children = [Child(id: "C1", group: .leftBehind, county: "A", location: north(0), interests: ["reading"])]
        // M1 is the nearest; M2, farther, shares C1's interest and brings the most; M3 is full.
        d.moms = [Mom(id: "M1", county: "A", location: north(1), capacity: 1),
                  Mom(id: "M2", county: "A", location: north(3), capacity: 1, skills: ["reading"]),
                  Mom(id: "M3", county: "A", location: north(0.5), capacity: 0)]
        let c = d.children[0].location
        func value(_ m: Int, shared: Bool) -> String {
            let km = Workflow.km(c.lat, c.lon, d.moms[m].location.lat, d.moms[m].location.lon)
            let v = d.settings.weight(.leftBehind) * d.settings.leadReward + (shared ? 20 : 0) - (km * 100).rounded() / 100
            return Decimals.format(Decimals.round(v), maxDecimals: 2)
        }
        var r = ChildShortfallReasons.explain(d, pairs: [])
        XCTAssertEqual(r.map(\.code), [.momsLeftUnused])
        XCTAssertTrue(r[0].reason.hasPrefix("2 mom(s) within reach have free capacity, and pairing M2 at \(dist(c, d.moms[1].location)) km would add \(value(1, shared: true)) points"), r[0].reason)
        // Forbidden as a lead (or in both roles), M2 gives way to M1.
        for role in [PairingRole.lead, nil] {
            d.overrides = [Override(kind: .forbidPair, childID: "C1", momID: "M2", role: role)]
            r = ChildShortfallReasons.explain(d, pairs: [])
            XCTAssertEqual(r.map(\.code), [.momsLeftUnused])
            XCTAssertTrue(r[0].reason.contains("pairing M1 at \(dist(c, d.moms[0].location)) km would add \(value(0, shared: false)) points"), r[0].reason)
        }
        // Forbidding M2 only as a supporting mom leaves her the best lead.
        d.overrides = [Override(kind: .forbidPair, childID: "C1", momID: "M2", role: .support)]
        XCTAssertTrue(ChildShortfallReasons.explain(d, pairs: [])[0].reason.contains("pairing M2 at"))
        // Both forbidden: no pair is left to add, and the nearest is said to be forbidden.
        d.overrides = [Override(kind: .forbidPair, childID: "C1", momID: "M2"), Override(kind: .forbidPair, childID: "C1", momID: "M1", role: .lead)]
        r = ChildShortfallReasons.explain(d, pairs: [])
        XCTAssertEqual(r.map(\.code), [.notWorthPairing])
        XCTAssertTrue(r[0].reason.hasSuffix("pairing the nearest, M1 at \(dist(c, d.moms[0].location)) km, would change the score by \(value(0, shared: false)) points (a pair overrides.csv forbids)"), r[0].reason)
    }

    /// In a proven-optimal pairing no free mom within reach can add points (the pair could be
    /// added): every child short of moms next to a free mom is `not_worth_pairing`, none
    /// `moms_left_unused`. Distances cost 20 points per km, so that such children exist.
    func testAProvenOptimalPairingLeavesNoFreePairThatWouldAddPoints() throws {
        var notWorth = 0
        for seed in UInt64(1)...UInt64(8) {
            var d = TestInstances.pairing(seed: seed, moms: 80, children: 60, spreadKm: 30, maxKm: 10)
            d.settings.kmCost = 20
            let s = try PairingSolver.solve(d)
            XCTAssertTrue(s.certificate.proven, "seed \(seed)")
            let rows = ChildShortfallReasons.explain(d, pairs: s.evaluation.pairs, momDual: s.momDual)
            XCTAssertFalse(rows.contains { $0.code == .momsLeftUnused }, "seed \(seed): \(rows.filter { $0.code == .momsLeftUnused }.map(\.reason))")
            notWorth += rows.filter { $0.code == .notWorthPairing }.count
            // Taking a lead away whose pair was worth points leaves exactly that gain unused.
            if let p = s.evaluation.pairs.first(where: { p in p.role == .lead && !s.evaluation.pairs.contains { $0.child == p.child && $0.role == .support }
                    && ChildShortfallReasons.pairPoints(d, p.child, p.mom, centikm: p.centikm, kind: .child) >= 0.01 }) {
                let cut = ChildShortfallReasons.explain(d, pairs: s.evaluation.pairs.filter { $0 != p }, momDual: s.momDual)
                let row = cut.first { $0.childID == d.children[p.child].id && $0.kind == .child }
                XCTAssertEqual(row?.code, .momsLeftUnused, "seed \(seed): \(row?.reason ?? "-")")
            }
        }
        XCTAssertGreaterThan(notWorth, 10)
    }
}

final class UnmetNeedReasonsTests: XCTestCase {
    /// Books (priced) and seats (no price) in counties A and B; children CA (A, left-behind)
    /// and CB (B, disadvantaged); two books in kind in A, a venue in A for special needs only.
    func world() -> Dataset {
        var d = Dataset()
        let p = GeoPoint(lat: 29, lon: 118.9)
        d.children = [Child(id: "CA", group: .leftBehind, county: "A", township: "TA", location: p),
                      Child(id: "CB", group: .disadvantaged, county: "B", location: p)]
        d.organizations = [Organization(id: "ORG", name: "Org", kind: .enterprise, county: "A")]
        d.catalog = [CatalogEntry(category: "books", resource: .equipment, unit: "item", unitCostYuan: 50, integral: true),
                     CatalogEntry(category: "venue", resource: .venue, unit: "seat", unitCostYuan: nil, integral: true)]
        d.offers = [Offer(id: "OB1", orgID: "ORG", resource: .equipment, category: "books", quantity: 2, county: "A"),
                    Offer(id: "OV", orgID: "ORG", resource: .venue, category: "venue", quantity: 5, county: "A", eligibleGroups: [.specialNeeds])]
        d.needs = [Need(id: "N1", childID: "CA", category: "books", quantity: 2, priority: 5),
                   Need(id: "N2", childID: "CA", category: "books", quantity: 1, priority: 1),
                   Need(id: "N3", childID: "CB", category: "books", quantity: 1, priority: 3),
                   Need(id: "N4", childID: "CA", category: "venue", quantity: 1, priority: 3)]
        return d
    }
    let given = [AllocationRow(sourceID: "OB1", orgID: "ORG", needID: "N1", childID: "CA", category: "books", units: 2, yuan: 0)]
    func unmet(_ ids: [String]) -> [UnmetNeed] {
        ids.map { UnmetNeed(needID: $0, childID: "", category: "", missing: 1, reason: "") }
    }

    func testEachNeedGetsTheReasonItWasBuiltFor() {
        let r = UnmetNeedReasons.explain(world(), rows: given, unmet: unmet(["N2", "N3", "N4"]))
        XCTAssertEqual(r.map(\.id), ["N2", "N3", "N4"])
        XCTAssertEqual(r.map(\.code), [.sourcesUsedElsewhere, .noSource, .notPurchasable])
        XCTAssertEqual(r.map(\.priority), [1, 3, 3])
        XCTAssertEqual(r.map(\.county), ["A", "B", "A"])
        XCTAssertEqual(r[0].reason, "its 1 possible source(s) (OB1) are used up: 2 units in kind went to needs worth more (points per unit in kind, per yuan for money), in 1 delivery")
        XCTAssertEqual(r[1].reason, "no offer or fund serves books in B for disadvantaged children (1 offer(s) of it serve other counties or groups)")
        XCTAssertTrue(r[2].reason.hasPrefix("venue cannot be bought (no unit_cost_yuan in catalog.csv) and no in-kind offer serves A for left_behind children"), r[2].reason)
    }

    func testMoneyLeftThatCostsMorePointsThanItGivesIsNotWorthBuying() {
        var d = world()
        d.settings.fundPenalty = 10  // 10 × 50 yuan = 500 points per book > 100 × 1.2 × 1 / 1
        d.offers.append(Offer(id: "F1", orgID: "ORG", resource: .funds, category: "any", quantity: 1000, county: "A"))
        let r = UnmetNeedReasons.explain(d, rows: given, unmet: unmet(["N2"]))
        XCTAssertEqual(r.map(\.code), [.notWorthBuying])
        XCTAssertTrue(r[0].reason.contains("F1: 1000 yuan left"), r[0].reason)
    }

    func testFundsWithLessThanOneUnitLeftCountAsUsedUp() {
        var d = world()
        d.offers.append(Offer(id: "F1", orgID: "ORG", resource: .funds, category: "books", quantity: 80, county: "A", serves: .city))
        d.needs[2].priority = 1
        let rows = given + [AllocationRow(sourceID: "F1", orgID: "ORG", needID: "N3", childID: "CB", category: "books", units: 1, yuan: 50)]
        let r = UnmetNeedReasons.explain(d, rows: rows, unmet: unmet(["N2"]))
        XCTAssertEqual(r.map(\.code), [.sourcesUsedElsewhere], "30 yuan left is less than a 50-yuan book")
        XCTAssertTrue(r[0].reason.contains("(F1, OB1)"), r[0].reason)
        // N3 (made priority 1 here, a disadvantaged child: 100 × 1.0 × 1 = 100 points per book,
        // 2 per yuan) is worth less than N2 (priority 1, left-behind: 100 × 1.2 × 1 = 120 per
        // book, 2.4 per yuan); N1 is worth 100 × 1.2 × 5 / 2 = 300 per book.
        XCTAssertTrue(r[0].reason.hasSuffix("2 units in kind went to needs worth more (points per unit in kind, per yuan for money), in 1 delivery; 50 yuan to needs worth the same or less, in 1 delivery"), r[0].reason)
    }

    func testASourceWithUnitsLeftIsNamed() {
        let rows = [AllocationRow(sourceID: "OB1", orgID: "ORG", needID: "N1", childID: "CA", category: "books", units: 1, yuan: 0)]
        let r = UnmetNeedReasons.explain(world(), rows: rows, unmet: unmet(["N2"]))
        XCTAssertEqual(r.map(\.code), [.sourcesLeftUnused])
        XCTAssertTrue(r[0].reason.contains("OB1: 1 item left"), r[0].reason)
    }

    func testTheNeedsOwnPartIsNotCountedAsGoneElsewhere() {
        var d = world()
        d.offers[0].quantity = 3
        d.needs[1].quantity = 3  // N2 wants 3 books, gets 1 of OB1's 3; N1 gets the other 2
        let rows = given + [AllocationRow(sourceID: "OB1", orgID: "ORG", needID: "N2", childID: "CA", category: "books", units: 1, yuan: 0)]
        let r = UnmetNeedReasons.explain(d, rows: rows, unmet: unmet(["N2"]))
        XCTAssertEqual(r.map(\.code), [.sourcesUsedElsewhere])
        XCTAssertEqual(r[0].reason, "its 1 possible source(s) (OB1) are used up: 2 units in kind went to needs worth more (points per unit in kind, per yuan for money), in 1 delivery")
    }

    /// The ladder's O(log n) split against a plain loop over the rows, on random rows.
    func testLadderSplitEqualsALoopOverTheRows() {
        var g = TestRandom(seed: 14)
        for _ in 0..<200 {
            let n = g.int(0...12)
            let rows = (0..<n).map { i in
                AllocationRow(sourceID: "S", orgID: "O", needID: "N\(i)", childID: "C", category: "c",
                              units: Double(g.int(1...5)), yuan: g.bool() ? Double(g.int(1...9)) * 10 : 0)
            }
            let worth = Dictionary(uniqueKeysWithValues: rows.map { ($0.needID, Double(g.int(0...6))) })
            let ladder = Ladder(rows, worth: { worth[$0.needID]! })
            let t = Double(g.int(0...6))
            let (above, rest) = ladder.split(above: t)
            let more = rows.filter { worth[$0.needID]! > t }, less = rows.filter { worth[$0.needID]! <= t }
            XCTAssertEqual(above.rows, more.count); XCTAssertEqual(rest.rows, less.count)
            XCTAssertEqual(above.yuan, more.reduce(0) { $0 + $1.yuan }, accuracy: 1e-9)
            XCTAssertEqual(above.units, more.filter { $0.yuan == 0 }.reduce(0) { $0 + $1.units }, accuracy: 1e-9)
            XCTAssertEqual(rest.units, less.filter { $0.yuan == 0 }.reduce(0) { $0 + $1.units }, accuracy: 1e-9)
        }
    }
}

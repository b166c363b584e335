import CareMatch
import Foundation
import XCTest

final class DatasetLoaderTests: XCTestCase {
    // MARK: Valid datasets

    func testMinimalDatasetLoadsWithoutDiagnostics() throws {
        let ds = TempDataset(name: "q1")
        let d = try DatasetLoader.load(folder: ds.url)
        XCTAssertEqual(d.name, "q1")
        XCTAssertEqual(d.children.count, 2); XCTAssertEqual(d.moms.count, 2); XCTAssertEqual(d.organizations.count, 2)
        XCTAssertEqual(d.catalog.count, 3); XCTAssertEqual(d.offers.count, 3); XCTAssertEqual(d.needs.count, 3)
        XCTAssertEqual(d.warnings, [])
        XCTAssertNil(d.manualPairings)
        let c1 = d.children[0]
        XCTAssertEqual(c1.township, "石室乡"); XCTAssertEqual(c1.interests, ["reading", "sports"])
        XCTAssertEqual(c1.supportersWanted, 1); XCTAssertEqual(c1.pairedMomID, "M1"); XCTAssertEqual(c1.line, 2)
        XCTAssertEqual(c1.location, GeoPoint(lat: 28.97, lon: 118.87)); XCTAssertEqual(c1.age, 9)
        XCTAssertNil(d.children[1].pairedMomID)
        XCTAssertEqual(d.moms[0].allianceMember, true); XCTAssertEqual(d.moms[1].allianceMember, false)
        XCTAssertEqual(d.moms[1].maxKm, 10); XCTAssertNil(d.moms[0].maxKm)
        XCTAssertEqual(d.organizations[1].name, "Books, Inc.")
        XCTAssertEqual(d.catalog[2].unitCostYuan, nil); XCTAssertEqual(d.catalog[0].integral, true)
        XCTAssertEqual(d.offers[0].serves, .city); XCTAssertNil(d.offers[0].eligibleGroups)
        XCTAssertEqual(d.offers[1].serves, .counties(["Kecheng", "Qujiang"]))
        XCTAssertEqual(d.offers[2].serves, .ownCounty); XCTAssertEqual(d.offers[2].eligibleGroups, [.leftBehind])
        XCTAssertEqual(d.needs[1].priority, 3); XCTAssertEqual(d.needs[0].priority, 4)
        XCTAssertEqual(Set(d.inputHashes.keys), Set(DatasetFile.required))
        XCTAssertEqual(d.inputHashes["needs.csv"], DatasetLoader.sha256Hex(Data(ds.text("needs.csv").utf8)))
        XCTAssertEqual(d.inputHashes["needs.csv"]?.count, 64)
    }

    func testLoadByPathGivesTheSameDataset() throws {
        let ds = TempDataset()
        XCTAssertEqual(try DatasetLoader.load(path: ds.url.path).children, try DatasetLoader.load(folder: ds.url).children)
    }

    func testReorderedAndExtraColumnsWithChineseTextAndCRLFAndBOMLoad() throws {
        let ds = TempDataset()
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("备注, LAT ,Child_ID,lon,GROUP,county,township\r\n\"多行\r\n备注, 有逗号\",28.97,C1,118.87,Left_Behind,Kecheng,\"石室乡\"\r\n无,28.90,C2,118.95,special_needs,Qujiang,\r\n".utf8))
        ds.writeData("children.csv", data)
        let d = try DatasetLoader.load(folder: ds.url)
        XCTAssertEqual(d.children.map(\.id), ["C1", "C2"])
        XCTAssertEqual(d.children.map(\.line), [2, 4])
        XCTAssertEqual(d.children[0].group, .leftBehind)
        XCTAssertEqual(d.children[0].township, "石室乡")
        XCTAssertEqual(d.children[0].supportersWanted, 0)
    }

    func testUTF16ChildrenFileLoads() throws {
        let ds = TempDataset()
        var data = Data([0xFF, 0xFE])
        for u in ds.text("children.csv").utf16 { data.append(contentsOf: [UInt8(u & 0xFF), UInt8(u >> 8)]) }
        ds.writeData("children.csv", data)
        let d = try DatasetLoader.load(folder: ds.url)
        XCTAssertEqual(d.children[0].township, "石室乡")
    }

    func testGB18030FileLoadsWithAWarningToResaveAsUTF8() throws {
        let ds = TempDataset()
        // organizations.csv with 衢州市 in GB18030.
        let bytes: [UInt8] = Array("org_id,name,kind,county\nO1,".utf8) + [0xE1, 0xE9, 0xD6, 0xDD, 0xCA, 0xD0]
            + Array(",public_institution,Kecheng\nO2,B,enterprise,Qujiang\n".utf8)
        ds.writeData("organizations.csv", Data(bytes))
        let d = try DatasetLoader.load(folder: ds.url)
        XCTAssertEqual(d.organizations[0].name, "衢州市")
        assertDiagnostic(d.warnings, .warning, file: "organizations.csv", line: nil, column: nil, contains: "GB18030")
    }

    func testFileInUnknownEncodingIsAnError() {
        let ds = TempDataset()
        ds.writeData("organizations.csv", Data(Array("org_id,name,kind,county\nO1,".utf8) + [0xFF, 0xFE, 0xFF] + Array(",enterprise,Kecheng\n".utf8)))
        assertDiagnostic(ds.read().errors, file: "organizations.csv", line: 2, column: nil, contains: "CSV UTF-8")
    }

    func testManualPlansAreRead() throws {
        let ds = TempDataset()
        ds.write("manual_pairings.csv", "child_id,mom_id,role\nC1,M1,Lead\nC1,M2,support\n")
        ds.write("manual_allocations.csv", "source_id,need_id,units\nB1,N1,3\nF1,N2,2.5\n")
        let d = try DatasetLoader.load(folder: ds.url)
        XCTAssertEqual(d.manualPairings, [PairAssignment(childID: "C1", momID: "M1", role: .lead, line: 2), PairAssignment(childID: "C1", momID: "M2", role: .support, line: 3)])
        XCTAssertEqual(d.manualAllocations?.map(\.units), [3, 2.5])
        XCTAssertNotNil(d.inputHashes["manual_pairings.csv"])
    }

    // MARK: Files and columns

    func testMissingRequiredFileIsAnError() {
        let ds = TempDataset()
        ds.remove("catalog.csv")
        let r = ds.read()
        assertDiagnostic(r.errors, file: "catalog.csv", line: nil, column: nil, contains: "missing")
        // Every need and offer category is then unknown: summarized as one error per column.
        assertDiagnostic(r.errors, file: "needs.csv", line: 2, column: "category", contains: "3 rows refer to catalog.csv")
        XCTAssertEqual(r.errors.count, 3, r.errors.description)
    }

    func testMissingOrganizationsFileGivesOneErrorForAllOrgIDs() {
        let ds = TempDataset()
        ds.remove("organizations.csv")
        let r = ds.read()
        XCTAssertEqual(r.errors.count, 2, r.errors.description)
        assertDiagnostic(r.errors, file: "organizations.csv", line: nil, column: nil, contains: "required file")
        assertDiagnostic(r.errors, file: "offers.csv", line: 2, column: "org_id", contains: "3 rows")
    }

    func testMissingRequiredColumnIsAnErrorOnLine1() {
        let ds = TempDataset()
        ds.replace("moms.csv", "capacity", "capa")
        assertSingleError(ds, file: "moms.csv", line: 1, column: "capacity", contains: "missing")
    }

    func testDuplicateColumnIsAnError() {
        let ds = TempDataset()
        ds.write("needs.csv", "need_id,child_id,category,quantity,Quantity\nN1,C1,books,3,4\n")
        assertSingleError(ds, file: "needs.csv", line: 1, column: "quantity", contains: "more than once")
    }

    func testEmptyRequiredCellIsAnError() {
        let ds = TempDataset()
        ds.replace("children.csv", "C2,special_needs,Qujiang", "C2,special_needs,")
        assertSingleError(ds, file: "children.csv", line: 3, column: "county", contains: "empty")
    }

    func testUnterminatedQuoteInAFileIsAnErrorAtItsLine() {
        let ds = TempDataset()
        ds.replace("organizations.csv", "\"Books, Inc.\"", "\"Books, Inc.")
        assertDiagnostic(ds.read().errors, file: "organizations.csv", line: 3, column: nil, contains: "never closed")
    }

    // MARK: Numbers

    func testNonNumericLatitudeIsAnError() {
        let ds = TempDataset()
        ds.replace("children.csv", "28.90", "north")
        assertSingleError(ds, file: "children.csv", line: 3, column: "lat", contains: "not a number")
    }

    func testThousandsSeparatorInQuantityIsAnError() {
        let ds = TempDataset()
        ds.replace("offers.csv", "F1,O1,funds,any,20000", "F1,O1,funds,any,\"20,000\"")
        assertSingleError(ds, file: "offers.csv", line: 2, column: "quantity", contains: "write 20000")
    }

    func testFullWidthDigitsInCapacityAreAnError() {
        let ds = TempDataset()
        ds.replace("moms.csv", "M1,Kecheng,,28.96,118.86,2", "M1,Kecheng,,28.96,118.86,２")
        assertSingleError(ds, file: "moms.csv", line: 2, column: "capacity", contains: "ASCII digits: 2")
    }

    func testNaNAndInfinityAreErrors() {
        let ds = TempDataset()
        ds.replace("needs.csv", "N1,C1,books,3,4", "N1,C1,books,NaN,4")
        ds.replace("moms.csv", "10,no", "inf,no")
        let r = ds.read()
        XCTAssertEqual(r.errors.count, 2, r.errors.description)
        assertDiagnostic(r.errors, file: "needs.csv", line: 2, column: "quantity", contains: "not a number")
        assertDiagnostic(r.errors, file: "moms.csv", line: 3, column: "max_km", contains: "infinite")
    }

    func testLatitudeOutOfRangeIsAnError() {
        let ds = TempDataset()
        ds.replace("moms.csv", "28.91", "91")
        assertSingleError(ds, file: "moms.csv", line: 3, column: "lat", contains: "-90 and 90")
    }

    func testLongitudeOutOfRangeIsAnError() {
        let ds = TempDataset()
        ds.replace("children.csv", "118.87", "-181")
        assertSingleError(ds, file: "children.csv", line: 2, column: "lon", contains: "-180 and 180")
    }

    func testAgeOutOfRangeIsAnError() {
        let ds = TempDataset()
        ds.replace("children.csv", ",12,", ",19,")
        assertSingleError(ds, file: "children.csv", line: 3, column: "age", contains: "0 to 18")
    }

    func testAgeMustBeWhole() {
        let ds = TempDataset()
        ds.replace("children.csv", ",12,", ",12.5,")
        assertSingleError(ds, file: "children.csv", line: 3, column: "age", contains: "whole number")
    }

    func testNegativeCapacityIsAnError() {
        let ds = TempDataset()
        ds.replace("moms.csv", "118.94,1,", "118.94,-1,")
        assertSingleError(ds, file: "moms.csv", line: 3, column: "capacity", contains: "negative")
    }

    func testFractionalCapacityIsAnError() {
        let ds = TempDataset()
        ds.replace("moms.csv", "118.94,1,", "118.94,1.5,")
        assertSingleError(ds, file: "moms.csv", line: 3, column: "capacity", contains: "whole number")
    }

    func testNegativeSupportersWantedIsAnError() {
        let ds = TempDataset()
        ds.replace("children.csv", "reading;sports,1,M1", "reading;sports,-1,M1")
        assertSingleError(ds, file: "children.csv", line: 2, column: "supporters_wanted", contains: "negative")
    }

    func testPriorityOutOfRangeIsAnError() {
        let ds = TempDataset()
        ds.replace("needs.csv", "N3,C2,books,2,5", "N3,C2,books,2,6")
        assertSingleError(ds, file: "needs.csv", line: 4, column: "priority", contains: "1 (can wait) to 5")
    }

    func testNegativeOfferQuantityIsAnError() {
        let ds = TempDataset()
        ds.replace("offers.csv", "books,50", "books,-50")
        assertSingleError(ds, file: "offers.csv", line: 3, column: "quantity", contains: "negative")
    }

    func testZeroNeedQuantityIsAnError() {
        let ds = TempDataset()
        ds.replace("needs.csv", "N2,C1,tutoring,5,", "N2,C1,tutoring,0,")
        assertSingleError(ds, file: "needs.csv", line: 3, column: "quantity", contains: "greater than 0")
    }

    func testZeroMaxKmIsAnError() {
        let ds = TempDataset()
        ds.replace("moms.csv", "10,no", "0,no")
        let r = ds.read()
        assertDiagnostic(r.errors, file: "moms.csv", line: 3, column: "max_km", contains: "greater than 0")
        XCTAssertEqual(r.errors.count, 1)
    }

    func testZeroUnitCostIsAnError() {
        let ds = TempDataset()
        ds.replace("catalog.csv", "books,equipment,item,30", "books,equipment,item,0")
        assertSingleError(ds, file: "catalog.csv", line: 2, column: "unit_cost_yuan", contains: "greater than 0")
    }

    func testFractionalQuantityOfIntegralCategoryIsAnError() {
        let ds = TempDataset()
        ds.replace("offers.csv", "books,50", "books,50.5")
        ds.replace("needs.csv", "N1,C1,books,3,4", "N1,C1,books,2.5,4")
        let r = ds.read()
        XCTAssertEqual(r.errors.count, 2, r.errors.description)
        assertDiagnostic(r.errors, file: "offers.csv", line: 3, column: "quantity", contains: "integral")
        assertDiagnostic(r.errors, file: "needs.csv", line: 2, column: "quantity", contains: "integral")
    }

    func testFractionalFundsAndFractionalNonIntegralQuantitiesAreFine() throws {
        let ds = TempDataset()
        ds.replace("offers.csv", "any,20000", "any,20000.55")
        XCTAssertEqual(try DatasetLoader.load(folder: ds.url).offers[2].quantity, 10.5)
    }

    // MARK: Enums and booleans

    func testUnknownGroupIsAnError() {
        let ds = TempDataset()
        ds.replace("children.csv", "special_needs", "orphan")
        assertSingleError(ds, file: "children.csv", line: 3, column: "group", contains: "left_behind, disadvantaged, special_needs")
    }

    func testUnknownOrganizationKindIsAnError() {
        let ds = TempDataset()
        ds.replace("organizations.csv", "enterprise", "company")
        assertSingleError(ds, file: "organizations.csv", line: 3, column: "kind", contains: "not one of")
    }

    func testUnknownOfferResourceIsAnError() {
        let ds = TempDataset()
        ds.replace("offers.csv", "O2,equipment", "O2,money")
        assertSingleError(ds, file: "offers.csv", line: 3, column: "resource", contains: "funds, people, venue, equipment")
    }

    func testCatalogResourceMustBeInKind() {
        let ds = TempDataset()
        ds.replace("catalog.csv", "tutoring,people", "tutoring,funds")
        assertDiagnostic(ds.read().errors, file: "catalog.csv", line: 3, column: "resource", contains: "not one of people, venue, equipment")
    }

    func testUnknownRoleIsAnError() {
        let ds = TempDataset()
        ds.write("manual_pairings.csv", "child_id,mom_id,role\nC1,M1,boss\n")
        assertSingleError(ds, file: "manual_pairings.csv", line: 2, column: "role", contains: "lead, support")
    }

    func testBadBooleanIsAnErrorAndVariantsAreAccepted() throws {
        let ds = TempDataset()
        ds.replace("catalog.csv", "80,false", "80, No ")
        ds.replace("catalog.csv", "30,true", "30,TRUE")
        ds.replace("moms.csv", "true", "Yes")
        ds.replace("moms.csv", "10,no", "10,0")
        let d = try DatasetLoader.load(folder: ds.url)
        XCTAssertEqual(d.catalog.map(\.integral), [true, false, true])
        XCTAssertEqual(d.moms.map(\.allianceMember), [true, false])
        ds.replace("moms.csv", "Yes", "sometimes")
        assertSingleError(ds, file: "moms.csv", line: 2, column: "alliance_member", contains: "true or false")
    }

    func testBadEligibleGroupIsAnError() {
        let ds = TempDataset()
        ds.replace("offers.csv", "left_behind", "left_behind; elderly")
        assertSingleError(ds, file: "offers.csv", line: 4, column: "eligible_groups", contains: "'elderly'")
    }

    // MARK: Ids and references

    func testDuplicateIDIsAnErrorOnTheLaterRowNamingTheFirst() {
        let ds = TempDataset()
        ds.append("children.csv", "C1,disadvantaged,Kecheng,,28.97,118.87,,,,")
        assertSingleError(ds, file: "children.csv", line: 4, column: "child_id", contains: "already on line 2")
    }

    func testDuplicateCategoryIsAnError() {
        let ds = TempDataset()
        ds.append("catalog.csv", "books,equipment,item,31,true")
        assertSingleError(ds, file: "catalog.csv", line: 5, column: "category", contains: "already on line 2")
    }

    func testNeedOfUnknownChildIsAnError() {
        let ds = TempDataset()
        ds.replace("needs.csv", "N3,C2", "N3,C9")
        assertSingleError(ds, file: "needs.csv", line: 4, column: "child_id", contains: "'C9' is not in children.csv")
    }

    func testNeedOfUnknownCategoryIsAnError() {
        let ds = TempDataset()
        ds.replace("needs.csv", "N2,C1,tutoring", "N2,C1,tutor")
        assertSingleError(ds, file: "needs.csv", line: 3, column: "category", contains: "not in catalog.csv")
    }

    func testOfferOfUnknownOrganizationIsAnError() {
        let ds = TempDataset()
        ds.replace("offers.csv", "B1,O2", "B1,O7")
        assertSingleError(ds, file: "offers.csv", line: 3, column: "org_id", contains: "'O7'")
    }

    func testOfferOfUnknownCategoryIsAnError() {
        let ds = TempDataset()
        ds.replace("offers.csv", "equipment,books", "equipment,bookz")
        assertSingleError(ds, file: "offers.csv", line: 3, column: "category", contains: "not in catalog.csv")
    }

    func testInKindOfferWithCategoryAnyIsAnError() {
        let ds = TempDataset()
        ds.replace("offers.csv", "equipment,books", "equipment,ANY")
        assertSingleError(ds, file: "offers.csv", line: 3, column: "category", contains: "only for funds")
    }

    func testOfferResourceMustMatchCatalog() {
        let ds = TempDataset()
        ds.replace("offers.csv", "people,tutoring", "venue,tutoring")
        assertSingleError(ds, file: "offers.csv", line: 4, column: "resource", contains: "provides by people")
    }

    func testServesTypoIsAnErrorSuggestingTheClosestCounty() {
        let ds = TempDataset()
        ds.replace("offers.csv", "Kecheng;Qujiang", "Kecheng;Qujang")
        let e = assertSingleError(ds, file: "offers.csv", line: 3, column: "serves", contains: "'Qujang'")
        XCTAssertTrue(e?.message.contains("did you mean 'Qujiang'") ?? false, e?.message ?? "")
    }

    func testManualRowsWithUnknownIDsAreErrors() {
        let ds = TempDataset()
        ds.write("manual_pairings.csv", "child_id,mom_id,role\nC1,M1,lead\nC3,M9,support\n")
        ds.write("manual_allocations.csv", "source_id,need_id,units\nX1,N1,1\nB1,N8,1\n")
        let r = ds.read()
        XCTAssertEqual(r.errors.count, 4, r.errors.description)
        assertDiagnostic(r.errors, file: "manual_pairings.csv", line: 3, column: "child_id")
        assertDiagnostic(r.errors, file: "manual_pairings.csv", line: 3, column: "mom_id")
        assertDiagnostic(r.errors, file: "manual_allocations.csv", line: 2, column: "source_id", contains: "offers.csv")
        assertDiagnostic(r.errors, file: "manual_allocations.csv", line: 3, column: "need_id", contains: "needs.csv")
    }

    // MARK: Warnings

    func testChildWithNoMomWithinReachIsAWarning() throws {
        let ds = TempDataset()
        ds.append("children.csv", "C3,disadvantaged,Kaihua,,29.14,118.41,,,,")
        let d = try DatasetLoader.load(folder: ds.url)
        XCTAssertEqual(d.warnings.count, 1, d.warnings.description)
        assertDiagnostic(d.warnings, .warning, file: "children.csv", line: 4, column: nil, contains: "no mom within reach")
    }

    func testMomsOwnMaxKmAndZeroCapacityLimitReach() throws {
        let ds = TempDataset()
        // M2 only travels 0.5 km now; C2 is ~1.4 km away. M1 (no max_km) is ~7.6 km from C2: make her full.
        ds.replace("moms.csv", "10,no", "0.5,no")
        ds.replace("moms.csv", "118.86,2", "118.86,0")
        let d = try DatasetLoader.load(folder: ds.url)
        assertDiagnostic(d.warnings, .warning, file: "children.csv", line: 2, column: nil, contains: "'C1'")
        assertDiagnostic(d.warnings, .warning, file: "children.csv", line: 3, column: nil, contains: "'C2'")
    }

    func testPairingMaxKmSettingLimitsReach() throws {
        let ds = TempDataset()
        ds.write("settings.toml", "[pairing]\nmax_km = 0.5\n")
        let d = try DatasetLoader.load(folder: ds.url)
        XCTAssertEqual(d.settings.maxKm, 0.5)
        XCTAssertEqual(d.warnings.filter { $0.message.contains("no mom within reach") }.count, 2)
    }

    func testOfferNobodyCanUseIsAWarning() throws {
        let ds = TempDataset()
        ds.replace("offers.csv", "county,left_behind", "county,special_needs")
        let d = try DatasetLoader.load(folder: ds.url)
        XCTAssertEqual(d.warnings.count, 1, d.warnings.description)
        assertDiagnostic(d.warnings, .warning, file: "offers.csv", line: 4, column: nil, contains: "'T1' cannot be used")
    }

    func testPairedMomNoLongerInMomsIsAWarning() throws {
        let ds = TempDataset()
        ds.replace("children.csv", "1,M1", "1,M7")
        let d = try DatasetLoader.load(folder: ds.url)
        XCTAssertEqual(d.warnings.count, 1, d.warnings.description)
        assertDiagnostic(d.warnings, .warning, file: "children.csv", line: 2, column: "paired_mom_id", contains: "'M7'")
    }

    func testFundsEarmarkedForUnpricedCategoryAreAWarning() throws {
        let ds = TempDataset()
        ds.append("offers.csv", "F2,O1,funds,activity_venue,500,Kecheng,county,")
        let d = try DatasetLoader.load(folder: ds.url)
        XCTAssertEqual(d.warnings.count, 1, d.warnings.description)
        assertDiagnostic(d.warnings, .warning, file: "offers.csv", line: 5, column: "category", contains: "cannot be spent")
    }

    // MARK: Several errors

    func testBadDatasetReportsSeveralErrorsAtOnce() {
        let ds = TempDataset()
        ds.replace("children.csv", "28.90", "abc")
        ds.replace("moms.csv", "118.94,1,", "118.94,-1,")
        ds.replace("needs.csv", "N3,C2", "N3,C9")
        ds.remove("organizations.csv")
        XCTAssertThrowsError(try DatasetLoader.load(folder: ds.url)) { e in
            guard let e = e as? InvalidInput else { return XCTFail("\(e)") }
            let files = Set(e.errors.map(\.file))
            XCTAssertEqual(files, ["children.csv", "moms.csv", "needs.csv", "organizations.csv", "offers.csv"], e.description)
            XCTAssertEqual(e.errors.count, 5, e.description)
            XCTAssertEqual(e.errors, e.errors.sorted())
        }
    }

    // MARK: Summary

    func testDirectorySummaryCountsTheDataset() throws {
        let ds = TempDataset(name: "q1")
        let d = try DatasetLoader.load(folder: ds.url)
        let s = DirectorySummary(d)
        XCTAssertEqual(s.childrenByGroup, [.leftBehind: 1, .specialNeeds: 1])
        XCTAssertEqual(s.childrenByCounty, ["Kecheng": 1, "Qujiang": 1])
        XCTAssertEqual(s.momsByCounty, ["Kecheng": 1, "Qujiang": 1])
        XCTAssertEqual(s.momCapacity, 3)
        XCTAssertEqual(s.offersByResource[.funds]?.count, 1)
        XCTAssertEqual(s.offersByResource[.people]?.quantity, 10.5)
        XCTAssertEqual(s.fundsYuan, 20000)
        XCTAssertEqual(s.needsByCategory["books"]?.count, 2)
        XCTAssertEqual(s.needsByCategory["books"]?.quantity, 5)
        let text = s.render()
        XCTAssertTrue(text.hasPrefix("Dataset q1\n"), text)
        XCTAssertTrue(text.contains("funds: 1 offer, 20000 yuan"), text)
        XCTAssertTrue(text.contains("books: 2 needs, 5 units"), text)
        XCTAssertTrue(text.contains("total capacity 3"), text)
    }
}

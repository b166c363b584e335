import CareMatch
import Foundation
import XCTest

/// One spelling per county: aliases and case variants folded with a warning, near misses warned.
final class CountySpellingTests: XCTestCase {
    /// A dataset whose children are mostly in Changshan, with a special-needs child written `spelling`.
    func changshanDataset(_ spelling: String) -> TempDataset {
        var children = "child_id,group,county,lat,lon\n"
        for i in 1...30 { children += "C\(i),left_behind,Changshan,28.9\(i % 10),118.5\(i % 7)\n" }
        children += "S1,special_needs,\(spelling),28.91,118.52\n"
        var files = TempDataset.minimal
        files["children.csv"] = children
        files["moms.csv"] = "mom_id,county,lat,lon,capacity\nM1,Changshan,28.92,118.53,3\n"
        files["organizations.csv"] = "org_id,name,kind,county\nO1,Rehab,public_institution,Changshan\n"
        files["catalog.csv"] = "category,resource,unit,unit_cost_yuan,integral\nrehabilitation,people,session,,true\n"
        files["offers.csv"] = "offer_id,org_id,resource,category,quantity,county,serves,eligible_groups\nR1,O1,people,rehabilitation,10,Changshan,county,special_needs\n"
        files["needs.csv"] = "need_id,child_id,category,quantity\nN1,S1,rehabilitation,4\n"
        return TempDataset(files: files)
    }

    func testChineseNameIsFoldedToTheCommonSpellingWithAWarning() throws {
        let ds = changshanDataset("常山县")
        let r = ds.read()
        XCTAssertEqual(r.errors, [])
        let s1 = try XCTUnwrap(r.dataset.children.first { $0.id == "S1" })
        XCTAssertEqual(s1.county, "Changshan")
        let w = assertDiagnostic(r.warnings, .warning, file: "children.csv", line: 32, column: "county",
                                 contains: "county '常山县' (1 row: children.csv 1) was read as 'Changshan'")
        XCTAssertTrue(w?.message.contains("the spelling of 33 other rows") ?? false, w?.message ?? "")  // 30 children, 1 mom, 1 organization, 1 offer
        // Her county's rehabilitation offer can be used: no "cannot be used" warning.
        XCTAssertFalse(r.warnings.contains { $0.file == "offers.csv" }, r.warnings.description)
        XCTAssertEqual(r.dataset.counties, ["Changshan"])
    }

    func testChineseNameWithoutSuffixIsFolded() {
        XCTAssertEqual(changshanDataset("常山").read().dataset.children.last?.county, "Changshan")
    }

    func testCaseAndSpaceVariantsAreFolded() {
        for spelling in ["changshan", "CHANGSHAN", "Chang Shan", "\"changshan \""] {
            let r = changshanDataset(spelling).read()
            XCTAssertEqual(r.dataset.children.last?.county, "Changshan", spelling)
            assertDiagnostic(r.warnings, .warning, file: "children.csv", line: 32, column: "county", contains: "was read as 'Changshan'")
        }
    }

    func testServesListsAreFoldedToo() {
        let ds = changshanDataset("Changshan")
        ds.replace("offers.csv", "Changshan,county,", "Changshan,常山县,")
        let r = ds.read()
        XCTAssertEqual(r.errors, [])
        XCTAssertEqual(r.dataset.offers[0].serves, .counties(["Changshan"]))
        assertDiagnostic(r.warnings, .warning, file: "offers.csv", line: 2, column: "serves", contains: "'常山县'")
    }

    func testAliasTableInSettingsFoldsOtherCitiesSpellings() {
        let ds = changshanDataset("Xihu")
        ds.replace("moms.csv", "M1,Changshan", "M1,西湖区")
        ds.write("settings.toml", "[county_aliases]\n\"西湖区\" = \"Xihu\"\n")
        let r = ds.read()
        XCTAssertEqual(r.dataset.moms[0].county, "Xihu")
        assertDiagnostic(r.warnings, .warning, file: "moms.csv", line: 2, column: "county", contains: "'西湖区' (1 row: moms.csv 1) was read as 'Xihu'")
        XCTAssertTrue(r.warnings.contains { $0.message.contains("[county_aliases]") })
    }

    func testAliasThatIsNotAStringIsAnError() {
        let ds = TempDataset()
        ds.write("settings.toml", "[pairing]\nmax_km = 20\n\n[county_aliases]\n\"常山县\" = 3\n")
        assertSingleError(ds, file: "settings.toml", line: 5, column: "county_aliases.常山县", contains: "county name in quotes")
    }

    func testRareSpellingCloseToAFrequentCountyIsAWarningNotFolded() {
        let r = changshanDataset("Changshen").read()
        XCTAssertEqual(r.dataset.children.last?.county, "Changshen")
        assertDiagnostic(r.warnings, .warning, file: "children.csv", line: 32, column: "county",
                         contains: "county 'Changshen' appears in only 1 row, while 'Changshan' has 33; did you mean 'Changshan'? It was kept as written")
    }

    func testDistinctCountiesAreNeitherFoldedNorWarned() throws {
        let ds = TempDataset()
        let d = try DatasetLoader.load(folder: ds.url)
        XCTAssertEqual(d.counties, ["Kecheng", "Qujiang"])
        XCTAssertEqual(d.warnings, [])
    }
}

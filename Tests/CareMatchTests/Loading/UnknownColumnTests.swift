import CareMatch
import Foundation
import XCTest

/// Unknown columns are listed; a near miss of a known column says what it probably meant.
final class UnknownColumnTests: XCTestCase {
    func testMisspelledPairedMomColumnIsAWarningNamingTheColumnAndTheCost() throws {
        let ds = TempDataset()
        ds.replace("children.csv", "paired_mom_id", "paired_mom")
        let r = ds.read()
        XCTAssertEqual(r.errors, [])
        let w = assertDiagnostic(r.warnings, .warning, file: "children.csv", line: 1, column: "paired_mom",
                                 contains: "is not a known column of children.csv; did you mean 'paired_mom_id'? It was ignored")
        XCTAssertEqual(w?.description.hasPrefix("children.csv:1: warning: column 'paired_mom': is not a known column"), true)
        XCTAssertTrue(w?.message.contains("continuity") ?? false, w?.message ?? "")
        XCTAssertNil(r.dataset.children[0].pairedMomID)
    }

    func testOneLetterOffIsAWarningWithTheSuggestion() {
        let ds = TempDataset()
        ds.replace("children.csv", "supporters_wanted", "supporter_wanted")
        let w = assertDiagnostic(ds.read().warnings, .warning, file: "children.csv", line: 1, column: "supporter_wanted",
                                 contains: "did you mean 'supporters_wanted'")
        XCTAssertTrue(w?.message.contains("0 supporting moms") ?? false, w?.message ?? "")
    }

    func testSpacesAndCaseVariantIsSuggested() {
        let ds = TempDataset()
        ds.replace("moms.csv", "max_km", "Max Km")
        assertDiagnostic(ds.read().warnings, .warning, file: "moms.csv", line: 1, column: "Max Km", contains: "did you mean 'max_km'")
    }

    func testUnrelatedColumnIsListedWithoutSuggestion() {
        let ds = TempDataset()
        ds.replace("needs.csv", "priority\n", "priority,notes\n")
        ds.replace("needs.csv", "N1,C1,books,3,4\n", "N1,C1,books,3,4,call first\n")
        ds.replace("needs.csv", "N2,C1,tutoring,5,\n", "N2,C1,tutoring,5,,\n")
        ds.replace("needs.csv", "N3,C2,books,2,5\n", "N3,C2,books,2,5,\n")
        let r = ds.read()
        XCTAssertEqual(r.errors, [])
        let w = assertDiagnostic(r.warnings, .warning, file: "needs.csv", line: 1, column: "notes", contains: "not a known column of needs.csv")
        XCTAssertFalse(w?.message.contains("did you mean") ?? true)
        XCTAssertTrue(w?.message.contains("ignored") ?? false)
    }

    func testMissingRequiredColumnNamesTheHeaderThatLooksLikeIt() {
        let ds = TempDataset()
        ds.replace("moms.csv", "capacity", "capacty")
        let e = assertDiagnostic(ds.read().errors, file: "moms.csv", line: 1, column: "capacity", contains: "required column 'capacity' is missing")
        XCTAssertTrue(e?.message.contains("'capacty' looks like it") ?? false, e?.message ?? "")
    }
}

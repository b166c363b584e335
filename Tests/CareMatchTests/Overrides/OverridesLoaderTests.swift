@testable import CareMatch
import Foundation
import XCTest

/// `overrides.csv` is read and checked like every other file: each bad line is an error at its
/// line and column saying what was expected.
final class OverridesLoaderTests: XCTestCase {
    /// Errors of `overrides.csv` for `text` on the minimal dataset, as (line, column).
    func errors(_ text: String) -> [Diagnostic] {
        let t = TempDataset()
        t.write("overrides.csv", text)
        return DatasetLoader.read(folder: t.url).errors
    }

    func assertError(_ text: String, line: Int, column: String, containing words: String, file: StaticString = #filePath, l: UInt = #line) {
        let e = errors(text)
        XCTAssertTrue(e.contains { $0.file == "overrides.csv" && $0.line == line && $0.column == column && $0.message.contains(words) },
                      "expected an error at line \(line), column \(column) with '\(words)'; got \(e.map(\.description))", file: file, line: l)
    }

    let header = "kind,child_id,mom_id,role,source_id,need_id,units,note\n"

    func testAValidFileLoadsWithEveryLine() throws {
        let t = TempDataset()
        t.write("overrides.csv", header + """
            lock_pair,C1,M1,lead,,,,knows the family
            forbid_pair,C2,M1,,,,,dispute
            lock_allocation,,,,B1,N1,2,"promised, in spring"
            forbid_allocation,,,,F1,N3,,
            forbid_allocation,C1,,,F1,,,family refuses

            """)
        let r = DatasetLoader.read(folder: t.url)
        XCTAssertEqual(r.errors, [])
        XCTAssertEqual(r.dataset.overrides.map(\.kind), [.lockPair, .forbidPair, .lockAllocation, .forbidAllocation, .forbidAllocation])
        XCTAssertEqual(r.dataset.overrides[2].note, "promised, in spring")
        XCTAssertEqual(r.dataset.overrides[2].units, 2)
        XCTAssertEqual(r.dataset.overrides[0].line, 2)
        XCTAssertNil(r.dataset.overrides[1].role)
    }

    func testAnUnknownKindIsLocated() {
        assertError(header + "lock,C1,M1,lead,,,,\n", line: 2, column: "kind", containing: "lock_pair")
    }

    func testUnknownIdsAreLocated() {
        assertError(header + "lock_pair,C9,M1,lead,,,,\n", line: 2, column: "child_id", containing: "'C9'")
        assertError(header + "forbid_pair,C1,M9,,,,,\n", line: 2, column: "mom_id", containing: "'M9'")
        assertError(header + "lock_allocation,,,,X1,N1,1,\n", line: 2, column: "source_id", containing: "'X1'")
        assertError(header + "lock_allocation,,,,B1,N9,1,\n", line: 2, column: "need_id", containing: "'N9'")
    }

    func testMissingAndMisplacedCellsAreLocated() {
        assertError(header + "lock_pair,C1,M1,,,,,\n", line: 2, column: "role", containing: "lead")
        assertError(header + "lock_pair,C1,,lead,,,,\n", line: 2, column: "mom_id", containing: "expected a mom_id")
        assertError(header + "lock_pair,C1,M1,lead,B1,,,\n", line: 2, column: "source_id", containing: "must be empty")
        assertError(header + "lock_allocation,,,,B1,N1,,\n", line: 2, column: "units", containing: "expected a number")
        assertError(header + "lock_allocation,,,,B1,N1,0,\n", line: 2, column: "units", containing: "greater than 0")
        assertError(header + "forbid_allocation,,,,F1,,,\n", line: 2, column: "need_id", containing: "child_id")
    }

    func testLockingAndForbiddingTheSamePairIsAContradiction() {
        assertError(header + "lock_pair,C1,M1,lead,,,,\nforbid_pair,C1,M1,,,,,\n", line: 3, column: "kind", containing: "contradicts line 2")
        // Forbidding only the other role is no contradiction.
        XCTAssertEqual(errors(header + "lock_pair,C1,M1,lead,,,,\nforbid_pair,C1,M1,support,,,,\n"), [])
    }

    func testLockingMoreThanAMomsCapacityIsAnError() {
        // M2 has capacity 1.
        assertError(header + "lock_pair,C1,M2,lead,,,,\nlock_pair,C2,M2,lead,,,,\n", line: 3, column: "mom_id", containing: "capacity 1")
    }

    func testLockingMoreMomsThanAChildWantsIsAnError() {
        // C1 wants 1 + 1 moms; a third mom M3 near her.
        let t = TempDataset()
        t.write("moms.csv", TempDataset.minimal["moms.csv"]! + "M3,Kecheng,,28.965,118.865,1,,,\n")
        t.write("overrides.csv", header + "lock_pair,C1,M1,lead,,,,\nlock_pair,C1,M2,support,,,,\nlock_pair,C1,M3,support,,,,\n")
        let e = DatasetLoader.read(folder: t.url).errors
        XCTAssertTrue(e.contains { $0.line == 4 && $0.column == "child_id" && $0.message.contains("1 lead + 1 supporting") }, "\(e)")
    }

    func testTwoLockedLeadsForOneChildAreAnError() {
        assertError(header + "lock_pair,C1,M1,lead,,,,\nlock_pair,C1,M2,lead,,,,\n", line: 3, column: "role", containing: "already has a locked lead")
    }

    func testASupportLockNeedsAMomRankingAbove() {
        // C1's continuity mom M1 ranks above M2 (bonus 30, fit 10, nearer): M1 cannot support under M2.
        assertError(header + "lock_pair,C1,M2,lead,,,,\nlock_pair,C1,M1,support,,,,\n", line: 3, column: "role", containing: "ranks above the locked lead")
        // M1 is C1's best mom: nobody ranks above her, so she can only be the lead.
        assertError(header + "lock_pair,C1,M1,support,,,,\n", line: 2, column: "role", containing: "can only be the lead")
        XCTAssertEqual(errors(header + "lock_pair,C1,M2,support,,,,\n"), [])
        // C2 wants no supporting mom.
        assertError(header + "lock_pair,C2,M1,support,,,,\n", line: 2, column: "role", containing: "wants no supporting mom")
    }

    func testALockedAllocationMustBeFeasible() {
        // B1 is books; N2 is tutoring.
        assertError(header + "lock_allocation,,,,B1,N2,1,\n", line: 2, column: "source_id", containing: "offers books")
        // Books are whole items.
        assertError(header + "lock_allocation,,,,B1,N1,1.5,\n", line: 2, column: "units", containing: "whole")
        // N1 wants 3.
        assertError(header + "lock_allocation,,,,B1,N1,4,\n", line: 2, column: "units", containing: "wants only 3")
        // T1 serves only left_behind children in Kecheng; N3 is C2's (special needs, Qujiang), and books.
        assertError(header + "lock_allocation,,,,T1,N3,1,\n", line: 2, column: "source_id", containing: "tutoring")
        // activity_venue has no price: no money can buy it (F1 is funds).
        assertError(header + "lock_allocation,,,,T1,N1,1,\n", line: 2, column: "source_id", containing: "offers tutoring")
    }

    func testLockingAndForbiddingTheSameAllocationIsAContradiction() {
        assertError(header + "lock_allocation,,,,B1,N1,1,\nforbid_allocation,C1,,,B1,,,\n", line: 3, column: "kind", containing: "contradicts line 2")
    }

    func testWithoutTheFileNothingIsRead() throws {
        let t = TempDataset()
        let r = DatasetLoader.read(folder: t.url)
        XCTAssertEqual(r.errors, [])
        XCTAssertEqual(r.dataset.overrides, [])
        XCTAssertNil(r.dataset.inputHashes["overrides.csv"])
    }
}

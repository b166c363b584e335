import XCTest
@testable import CareMatch

/// `Dataset.index` is built once and shared by copies: it must always equal the tables built
/// afresh from the dataset as it is now.
final class DatasetIndexCacheTests: XCTestCase {
    private func assertFresh(_ d: Dataset, file: StaticString = #filePath, line: UInt = #line) {
        let cached = d.index, fresh = DatasetIndex(d)
        XCTAssertEqual(cached.childByID, fresh.childByID, file: file, line: line)
        XCTAssertEqual(cached.momByID, fresh.momByID, file: file, line: line)
        XCTAssertEqual(cached.organizationByID, fresh.organizationByID, file: file, line: line)
        XCTAssertEqual(cached.offerByID, fresh.offerByID, file: file, line: line)
        XCTAssertEqual(cached.needByID, fresh.needByID, file: file, line: line)
        XCTAssertEqual(cached.catalogByCategory, fresh.catalogByCategory, file: file, line: line)
    }

    func testTheIndexFollowsEveryChangeOfTheArraysItIndexesAndCopiesKeepTheirOwn() {
        let d = DatasetGenerator(scale: 0.05, seed: 3).generate()
        assertFresh(d)
        var e = d
        e.children.removeFirst()
        assertFresh(e)
        XCTAssertEqual(d.index.childByID.count, d.children.count)
        e.children[0].id = "NEW-CHILD"
        XCTAssertEqual(e.index.childByID["NEW-CHILD"], 0)
        XCTAssertNil(d.index.childByID["NEW-CHILD"])
        e.moms[1].id = "NEW-MOM"
        XCTAssertEqual(e.index.momByID["NEW-MOM"], 1)
        e.needs.append(e.needs[0])
        e.needs[e.needs.count - 1].id = "NEW-NEED"
        XCTAssertEqual(e.index.needByID["NEW-NEED"], e.needs.count - 1)
        e.offers.reverse()
        assertFresh(e)
        e.organizations.removeAll()
        XCTAssertTrue(e.index.organizationByID.isEmpty)
        e.catalog = Array(e.catalog.prefix(1))
        XCTAssertEqual(e.index.catalogByCategory.count, 1)
        assertFresh(e)
        assertFresh(d)
        // A duplicate id keeps the first row, as the validator's messages say.
        var f = d
        f.children.append(f.children[0])
        XCTAssertEqual(f.index.childByID[f.children[0].id], 0)
    }

    func testCopiesReadOnSeveralThreadsAtOnceGetTheSameTables() {
        let d = DatasetGenerator(scale: 0.05, seed: 4).generate()
        let counts = ResultSlots<Int>(count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            let copy = d
            counts.store(i, copy.index.needByID.count + copy.index.childByID.count)
        }
        XCTAssertEqual(Set(counts.values.map { $0! }), [d.needs.count + d.children.count])
        assertFresh(d)
    }
}

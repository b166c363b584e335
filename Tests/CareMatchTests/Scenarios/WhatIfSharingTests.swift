@testable import CareMatch
import Foundation
import XCTest

/// `WhatIf.solveAll` solves a pairing or an allocation once when several datasets share its
/// inputs, and the shared plans are the plans each dataset gets alone.
final class WhatIfSharingTests: XCTestCase {
    func scenarios() -> [Dataset] {
        var base = DatasetGenerator(scale: 0.1, seed: 21).generate()
        // The funds cut leaves a gap GLPK does not close (AllocationNodeLimitTests): keep it short.
        base.settings.allocationNodeLimit = 100
        var fundsCut = base
        fundsCut.offers = fundsCut.offers.map { o in
            var o = o
            if o.isFunds { o.quantity = (o.quantity * 0.7 * 100).rounded(.down) / 100 }
            return o
        }
        var moreCapacity = base
        moreCapacity.moms = moreCapacity.moms.map { m in var m = m; m.capacity += 1; return m }
        var weights = base
        weights.settings.groupWeightSpecialNeeds = 3
        return [base, fundsCut, moreCapacity, weights, fundsCut]
    }

    func testPartsAreSharedExactlyWhereTheirInputsAreEqual() {
        let parts = PlanParts(scenarios())
        XCTAssertEqual(parts.pairingSource, [0, 0, 2, 3, 0])
        XCTAssertEqual(parts.allocationSource, [0, 1, 0, 3, 1])
        XCTAssertEqual(parts.jobs.count, 6)
        XCTAssertEqual(Set(parts.jobs).count, 6)
    }

    func testSharedPlansAreByteForByteThePlansSolvedAlone() throws {
        let datasets = scenarios()
        var options = PlannerOptions()
        options.allocation.threads = 1
        let finished = FinishedSet()
        let together = try WhatIf.solveAll(datasets, threads: 2, options: options) { finished.insert($0) }
        XCTAssertEqual(finished.all, Set(datasets.indices))
        for (i, d) in datasets.enumerated() {
            let alone = try Planner.plan(d, options: options)
            let a = Dictionary(uniqueKeysWithValues: try alone.files(byteOrderMark: false).map { ($0.name, $0.data) })
            let t = Dictionary(uniqueKeysWithValues: try together[i].files(byteOrderMark: false).map { ($0.name, $0.data) })
            XCTAssertEqual(Set(a.keys), Set(t.keys))
            for name in a.keys where name.hasSuffix(".csv") {
                XCTAssertEqual(a[name], t[name], "dataset \(i): \(name)")
            }
            XCTAssertEqual(alone.pairing.evaluation.score, together[i].pairing.evaluation.score)
            XCTAssertEqual(alone.allocation.score, together[i].allocation.score)
            // Both state their budget: the same, since neither read within it.
            XCTAssertEqual(together[i].timeBudget, alone.timeBudget)
            XCTAssertEqual(together[i].timeBudget, TimeBudget(limit: d.settings.planTimeLimit, dataset: d, readSeconds: 0))
        }
    }
}

private final class FinishedSet: @unchecked Sendable {
    private let lock = NSLock()
    private var set = Set<Int>()
    func insert(_ i: Int) { lock.lock(); XCTAssertFalse(set.contains(i), "dataset \(i) reported twice"); set.insert(i); lock.unlock() }
    var all: Set<Int> { lock.lock(); defer { lock.unlock() }; return set }
}

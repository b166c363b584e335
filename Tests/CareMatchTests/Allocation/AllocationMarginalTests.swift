@testable import CareMatch
import Foundation
import XCTest

/// Marginal values checked against a second formulation: the addition written into the dataset
/// as a real offer, and the whole allocation solved again from scratch.
final class AllocationMarginalTests: XCTestCase {
    func options(threads: Int = 2, increment: Double = 300) -> AllocationOptions {
        var o = AllocationOptions()
        o.marginals = true
        o.threads = threads
        o.fundIncrement = increment
        return o
    }

    /// The dataset with the addition as an ordinary offer: funds usable city-wide by all groups,
    /// or one unit in kind serving its own county.
    func withAddition(_ d: Dataset, _ m: MarginalValue) -> Dataset {
        var e = d
        if m.kind == "funds" {
            e.offers.append(Offer(id: "ZZPROBE", orgID: "ORG", resource: .funds, category: m.category, quantity: m.added,
                                  county: d.counties[0], serves: .city))
        } else {
            let resource = d.catalog.first { $0.category == m.category }!.resource
            e.offers.append(Offer(id: "ZZPROBE", orgID: "ORG", resource: resource, category: m.category, quantity: m.added,
                                  county: m.county!, serves: .ownCounty))
        }
        return e
    }

    func optimum(_ d: Dataset) throws -> Double {
        var o = AllocationOptions()
        o.strategy = .presolve
        let s = try AllocationSolver.solve(d, options: o)
        XCTAssertEqual(s.status, .optimal)
        return s.certificate.fixedLPPrimalObjective
    }

    func testEveryExactValueEqualsTheGainOfSolvingWithTheAdditionFromScratch() throws {
        var checked = 0, positive = 0
        for seed in UInt64(400)...411 {
            let d = AllocationInstances.random(seed: seed, children: 20, offers: 12, categories: 4)
            let s = try AllocationSolver.solve(d, options: options())
            let base = try optimum(d)
            for m in s.explanations.marginals {
                XCTAssertNotEqual(m.status, .notComputed, "seed \(seed) \(m)")
                XCTAssertNotEqual(m.status, .bounded, "seed \(seed) \(m)")
                let gain = try optimum(withAddition(d, m)) - base
                XCTAssertGreaterThanOrEqual(gain, -1e-6)
                XCTAssertEqual(try XCTUnwrap(m.points), max(0, gain), accuracy: AllocationMarginals.exactTolerance + 1e-6,
                               "seed \(seed) \(m.kind) \(m.category) \(m.county ?? "")")
                XCTAssertEqual(m.pointsUpperBound ?? -1, m.points ?? -2, "seed \(seed)")
                checked += 1
                if gain > 0.01 { positive += 1 }
            }
        }
        XCTAssertGreaterThan(checked, 100)
        XCTAssertGreaterThan(positive, 20, "too few additions that change anything to test")
    }

    /// Scores in the billions, where GLPK's default objective tolerance (1e-7, relative) let
    /// branch-and-bound discard gains of hundreds of points and call the start optimal: the plan
    /// and every value still equal a brute force over all whole allocations.
    func testSmallGainsOnLargeScoresEqualABruteForce() throws {
        var checked = 0, small = 0
        for seed in UInt64(460)...519 {
            var d = AllocationInstances.random(seed: seed, children: 3, offers: 3, categories: 2, integralOnly: true, tiny: true)
            d.settings.needPoints = 1_000_000
            d.settings.fundPenalty = 1
            d.settings.groupWeightSpecialNeeds = 150
            d.settings.groupWeightLeftBehind = 120
            d.settings.groupWeightDisadvantaged = 100
            let s = try AllocationSolver.solve(d, options: options(increment: 5))
            let base = AllocationInstances.bruteForce(d)
            XCTAssertEqual(s.score, base, accuracy: 1e-6, "seed \(seed)")
            for m in s.explanations.marginals where m.status == .exact || m.status == .notNeeded {
                let gain = AllocationInstances.bruteForce(withAddition(d, m)) - base
                XCTAssertEqual(try XCTUnwrap(m.points), max(0, gain), accuracy: AllocationMarginals.exactTolerance + 1e-6,
                               "seed \(seed) \(m.kind) \(m.category) \(m.county ?? "")")
                checked += 1
                if gain > 0.01 && gain < 1e-7 * base { small += 1 }
            }
        }
        XCTAssertGreaterThan(checked, 60)
        XCTAssertGreaterThan(small, 3, "too few gains below GLPK's default tolerance to test")
    }

    func testNotNeededIsClaimedOnlyWhereNothingCanImprove() throws {
        var claimed = 0
        for seed in UInt64(420)...445 {
            // Rich offers: many needs end up fully covered.
            let d = AllocationInstances.random(seed: seed, children: 8, offers: 14, categories: 3)
            let s = try AllocationSolver.solve(d, options: options())
            let base = try optimum(d)
            for m in s.explanations.marginals where m.status == .notNeeded {
                claimed += 1
                XCTAssertEqual(try optimum(withAddition(d, m)) - base, 0, accuracy: 1e-6, "seed \(seed) \(m)")
            }
        }
        XCTAssertGreaterThan(claimed, 5, "no instance exercised the not-needed rule")
    }

    func testValuesDoNotDependOnTheNumberOfThreads() throws {
        for seed in UInt64(450)...453 {
            let d = AllocationInstances.random(seed: seed, children: 25, offers: 15, categories: 4)
            let one = try AllocationSolver.solve(d, options: options(threads: 1)).explanations.marginals
            let three = try AllocationSolver.solve(d, options: options(threads: 3)).explanations.marginals
            XCTAssertEqual(one, three, "seed \(seed)")
        }
    }

    func testADeadlineAlreadyPassedLeavesThePlanButComputesNoValue() throws {
        let d = AllocationInstances.random(seed: 460, children: 20, offers: 12, categories: 4)
        var o = options()
        o.deadline = Deadline(seconds: 0)
        let s = try AllocationSolver.solve(d, options: o)
        XCTAssertTrue(s.explanations.marginals.allSatisfy { $0.status == .notComputed || $0.status == .notNeeded })
        XCTAssertTrue(s.explanations.marginals.allSatisfy { $0.status != .notComputed || $0.points == nil })
        XCTAssertNotEqual(s.status, .optimal, "nothing was solved: the plan must not claim optimality")
        XCTAssertGreaterThanOrEqual(s.bound, s.score)
    }
}

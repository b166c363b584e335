@testable import CareMatch
import XCTest

/// Pricing with its grid bounds adds exactly the pairs a scan of every (mom, child) pair would:
/// per child (and, from the moms' side, per mom) the best left-out pairs of positive reduced
/// cost, ties by position. The bounds only skip work.
final class PricingTests: XCTestCase {
    /// Random duals: mom prices 0 or positive, child potentials on both sides of 0, in units.
    static func randomDuals(_ inst: PairingInstance, _ r: inout TestRandom) -> PairingDuals {
        PairingDuals(mom: (0..<inst.momCount).map { _ in r.bool(0.5) ? 0 : Int64(r.int(0...3_000)) },
                     child: (0..<inst.childCount).map { _ in Int64(r.int(-15_000...3_000)) })
    }

    /// Every left-out allowed pair with a positive reduced cost, as (rc, mom, child).
    static func improvingByScan(_ inst: PairingInstance, _ duals: PairingDuals, _ existing: PairColumns) -> [(rc: Int64, m: Int, c: Int)] {
        var all: [(rc: Int64, m: Int, c: Int)] = []
        for c in 0..<inst.childCount {
            for m in 0..<inst.momCount where !existing.contains(mom: m, child: c) {
                let f = inst.facts(mom: m, child: c)
                let rc = f.value - duals.mom[m] - duals.child[c]
                if f.allowed && rc > 0 { all.append((rc, m, c)) }
            }
        }
        return all
    }

    static func added(_ before: PairColumns, _ after: PairColumns) -> Set<[Int]> {
        Set((before.count..<after.count).map { [Int(after.mom[$0]), Int(after.child[$0])] })
    }

    /// Runs one pricing side on random instances (every other one a dense map, whose grids get
    /// cells finer than 2 km) and compares the pairs it adds with a full scan, kept per owner
    /// (child or mom) up to `k`, ties by the partner's position.
    func checkAgainstScan(seeds: ClosedRange<UInt64>, owner: @escaping ((rc: Int64, m: Int, c: Int)) -> Int,
                          partner: @escaping ((rc: Int64, m: Int, c: Int)) -> Int,
                          price: (PairingInstance, PairingDuals, inout PairColumns, Int) -> Void) {
        var exercised = 0
        for seed in seeds {
            var r = TestRandom(seed: seed)
            let dense = seed % 2 == 0
            let d = TestInstances.pairing(seed: seed, moms: dense ? r.int(150...250) : r.int(5...60),
                                          children: dense ? r.int(100...200) : r.int(5...60), spreadKm: dense ? 4 : 20)
            let inst = PairingInstance(dataset: d)
            if dense { XCTAssertLessThan(inst.momGrid.cellKm, 2) }
            let duals = Self.randomDuals(inst, &r)
            let existing = InitialCandidates.build(inst, nearest: 2, sharing: 1)
            let k = r.int(1...4)
            var cols = existing
            price(inst, duals, &cols, k)
            var expected = Set<[Int]>()
            for group in Dictionary(grouping: Self.improvingByScan(inst, duals, existing), by: owner).values {
                for p in group.sorted(by: { ($0.rc, -partner($0)) > ($1.rc, -partner($1)) }).prefix(k) { expected.insert([p.m, p.c]) }
            }
            XCTAssertEqual(Self.added(existing, cols).symmetricDifference(expected), [], "seed \(seed): pairs added or missed")
            if !expected.isEmpty { exercised += 1 }
        }
        XCTAssertGreaterThan(exercised, 20, "too few instances had a pair to add")
    }

    func testChildSidePricingAddsEachChildsBestImprovingPairsOfAFullScan() {
        checkAgainstScan(seeds: 600...629, owner: { $0.c }, partner: { $0.m }) { inst, duals, cols, k in
            _ = Pricing.addImproving(inst, duals, &cols, perChild: k)
        }
    }

    func testMomSidePricingAddsEachMomsBestImprovingPairsOfAFullScan() {
        checkAgainstScan(seeds: 700...729, owner: { $0.m }, partner: { $0.c }) { inst, duals, cols, k in
            _ = Pricing.addImprovingByMom(inst, duals, &cols, perMom: k)
        }
    }

    func testGLPKHoldsOnlyTheFlowsUsedTightAndContinuityPairs() throws {
        // The proof prices every allowed pair against GLPK's duals, so the pairs the flow
        // phase priced and left idle need not be in GLPK's model; the plan stays proven.
        var smaller = 0
        for seed in 800...819 as ClosedRange<UInt64> {
            var r = TestRandom(seed: seed)
            let d = TestInstances.pairing(seed: seed, moms: r.int(10...60), children: r.int(10...60))
            let s = try PairingSolver.solve(d)
            XCTAssertTrue(s.certificate.proven, "seed \(seed)")
            XCTAssertEqual(s.statistics.simplexIterations, 0, "seed \(seed)")
            XCTAssertLessThanOrEqual(s.statistics.finalColumns, s.statistics.flowColumns, "seed \(seed)")
            if s.statistics.finalColumns < s.statistics.flowColumns { smaller += 1 }
            PairingCertificateTests.checkCertificate(d, s)
        }
        XCTAssertGreaterThan(smaller, 0, "no instance had an idle pair to leave out of GLPK's model")
    }
}

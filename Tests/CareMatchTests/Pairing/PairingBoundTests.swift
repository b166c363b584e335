@testable import CareMatch
import XCTest

/// The bound a pairing cut short states (`PairingBound.lagrangian`): equal to a scan of every
/// (mom, child) pair, above every pairing for any mom prices (weak duality), and equal to the
/// proven optimum at the optimal prices (strong duality).
final class PairingBoundTests: XCTestCase {
    /// `Σ cap_m·max(0, λ_m) + Σ_c best_c`, each child's best set of moms found by sorting every
    /// allowed pair of hers: the lead if `a_c + v − λ_m > 0`, then supporting moms while
    /// `b_c + v − λ_m > 0`.
    static func boundByScan(_ inst: PairingInstance, _ price: [Int64]) -> Int64 {
        var total: Int64 = 0
        for m in 0..<inst.momCount where inst.momCapacity[m] > 0 { total += Int64(inst.momCapacity[m]) * max(0, price[m]) }
        for c in 0..<inst.childCount {
            var gains: [Int64] = []
            for m in 0..<inst.momCount {
                let f = inst.facts(mom: m, child: c)
                if f.allowed { gains.append(f.value - max(0, price[m])) }
            }
            gains.sort(by: >)
            guard let first = gains.first, inst.leadReward(c) + first > 0 else { continue }
            total += inst.leadReward(c) + first
            for g in gains.dropFirst().prefix(Int(inst.childSlots[c]) - 1) where inst.supportReward(c) + g > 0 {
                total += inst.supportReward(c) + g
            }
        }
        return total
    }

    /// Random mom prices in units: 0, positive up to 40 points, or negative (taken as 0).
    static func randomPrices(_ inst: PairingInstance, _ r: inout TestRandom) -> [Int64] {
        (0..<inst.momCount).map { _ in r.bool(0.4) ? 0 : r.bool(0.1) ? -Int64(r.int(1...500)) : Int64(r.int(1...4_000)) }
    }

    /// At zero prices the bound takes each child's best moms from her nearest ones and her
    /// nearest sharing an interest (`PairingBound.atZeroPrices`), not from a pricing pass: it
    /// equals a scan of every pair, with distance free or costly, the fit bonus on or off,
    /// supporting moms, continuity and moms' own limits, on sparse and dense maps.
    func testTheBoundAtZeroPricesFromEachChildsNearestMomsEqualsAScan() {
        var supported = 0, continued = 0
        for seed in 960...1_003 as ClosedRange<UInt64> {
            var r = TestRandom(seed: seed)
            let dense = seed % 2 == 0
            var d = TestInstances.pairing(seed: seed, moms: dense ? r.int(150...250) : r.int(5...60),
                                          children: dense ? r.int(100...200) : r.int(5...60), spreadKm: dense ? 4 : 20)
            if seed % 4 == 1 { d.settings.kmCost = 0 }
            if seed % 4 == 3 { d.settings.fitBonus = 0 }
            let inst = PairingInstance(dataset: d)
            let zero = [Int64](repeating: 0, count: inst.momCount)
            XCTAssertEqual(PairingBound.atZeroPrices(inst), Self.boundByScan(inst, zero), "seed \(seed)")
            if inst.childSlots.contains(where: { $0 > 1 }) { supported += 1 }
            if inst.childPairedMom.contains(where: { $0 >= 0 }) { continued += 1 }
        }
        XCTAssertGreaterThan(supported, 30)
        XCTAssertGreaterThan(continued, 30)
    }

    func testTheBoundEqualsAScanOfEveryAllowedPair() {
        var supported = 0
        for seed in 900...939 as ClosedRange<UInt64> {
            var r = TestRandom(seed: seed)
            // Every other instance a dense map (finer grid cells), some with moms' own limits.
            let dense = seed % 2 == 0
            let d = TestInstances.pairing(seed: seed, moms: dense ? r.int(150...250) : r.int(5...60),
                                          children: dense ? r.int(100...200) : r.int(5...60), spreadKm: dense ? 4 : 20)
            let inst = PairingInstance(dataset: d)
            let price = Self.randomPrices(inst, &r)
            XCTAssertEqual(PairingBound.lagrangian(inst, momPrice: price), Self.boundByScan(inst, price), "seed \(seed)")
            if inst.childSlots.contains(where: { $0 > 1 }) { supported += 1 }
        }
        XCTAssertGreaterThan(supported, 30)
    }

    func testTheBoundIsAboveTheOptimumForAnyPricesAndEqualsItAtTheOptimalOnes() throws {
        for seed in 940...964 as ClosedRange<UInt64> {
            var r = TestRandom(seed: seed)
            let d = TestInstances.pairing(seed: seed, moms: r.int(10...50), children: r.int(10...50))
            let s = try PairingSolver.solve(d)
            XCTAssertTrue(s.certificate.proven, "seed \(seed)")
            let inst = PairingInstance(dataset: d)
            let optimal = s.momDual.map { inst.weights.scale.units($0) }
            XCTAssertEqual(PairingBound.lagrangian(inst, momPrice: optimal), s.evaluation.scoreUnits, "seed \(seed): strong duality")
            for _ in 0..<3 {
                let price = Self.randomPrices(inst, &r)
                XCTAssertGreaterThanOrEqual(PairingBound.lagrangian(inst, momPrice: price), s.evaluation.scoreUnits, "seed \(seed): weak duality")
            }
            XCTAssertLessThanOrEqual(inst.weights.scale.points(s.evaluation.scoreUnits), PairingBound.coarse(inst) + 1e-9)
        }
    }

    func testTheSearchAlongThePricesKeepsTheBestValidBound() throws {
        var improved = 0
        for seed in 965...989 as ClosedRange<UInt64> {
            var r = TestRandom(seed: seed)
            let d = TestInstances.pairing(seed: seed, moms: r.int(10...50), children: r.int(10...50))
            let s = try PairingSolver.solve(d)
            let inst = PairingInstance(dataset: d)
            // Prices too high (twice the optimal ones, plus noise), as a model stopped early has.
            let price = s.momDual.map { 2 * inst.weights.scale.units($0) + Int64(r.int(0...1_500)) }
            let along = PairingBound.lagrangianAlong(inst, momPrice: price)
            let ends = min(PairingBound.lagrangian(inst, momPrice: price), PairingBound.lagrangian(inst, momPrice: price.map { _ in 0 }))
            XCTAssertLessThanOrEqual(along, ends, "seed \(seed)")
            XCTAssertGreaterThanOrEqual(along, s.evaluation.scoreUnits, "seed \(seed): weak duality")
            // t = 0 is always evaluated, and is never above the coarse bound.
            XCTAssertLessThanOrEqual(inst.weights.scale.points(along), PairingBound.coarse(inst) + 1e-9, "seed \(seed)")
            if along < ends { improved += 1 }
            // Without budget, t = 0 alone: the pass at t = 1 is stopped by the budget and dropped,
            // its partial sum bounding nothing.
            XCTAssertEqual(PairingBound.lagrangianAlong(inst, momPrice: price, budgetSeconds: 0),
                           PairingBound.lagrangian(inst, momPrice: price.map { _ in 0 }), "seed \(seed)")
        }
        XCTAssertGreaterThan(improved, 10, "the search between the ends rarely found a better bound")
    }
}

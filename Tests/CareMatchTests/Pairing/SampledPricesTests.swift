@testable import CareMatch
import XCTest

/// Starting prices from a sample only choose the first pairs: the pairs chosen are those a full
/// scan ranks best at those prices, and the solve still ends at the proven optimum.
final class SampledPricesTests: XCTestCase {
    func testNearBestAddsEachChildsBestPairsAtThePricesAsAFullScanRanksThem() {
        var exercised = 0
        for seed in 900...929 as ClosedRange<UInt64> {
            var r = TestRandom(seed: seed)
            let dense = seed % 2 == 0
            let d = TestInstances.pairing(seed: seed, moms: dense ? r.int(150...250) : r.int(5...60),
                                          children: dense ? r.int(100...200) : r.int(5...60), spreadKm: dense ? 4 : 20)
            let inst = PairingInstance(dataset: d)
            let price = (0..<inst.momCount).map { _ in r.bool(0.5) ? 0 : Int64(r.int(0...3_000)) }
            let existing = InitialCandidates.build(inst, nearest: 2, sharing: 1)
            let k = r.int(2...6)
            let margin = Int64(r.int(0...500))
            var cols = existing
            _ = Pricing.addNearBest(inst, price: price, &cols, perChild: k, margin: margin)
            var expected = Set<[Int]>()
            for c in 0..<inst.childCount {
                var ranked: [(u: Int64, m: Int)] = []
                for m in 0..<inst.momCount {
                    let f = inst.facts(mom: m, child: c)
                    if f.allowed { ranked.append((f.value - price[m], m)) }
                }
                ranked.sort { ($0.u, -$0.m) > ($1.u, -$1.m) }
                let best = ranked.prefix(k)
                guard !best.isEmpty else { continue }
                let last = best[min(best.count, Int(inst.childSlots[c])) - 1].u
                for p in best where p.u >= last - margin && !existing.contains(mom: p.m, child: c) { expected.insert([p.m, c]) }
            }
            XCTAssertEqual(PricingTests.added(existing, cols).symmetricDifference(expected), [], "seed \(seed): pairs added or missed")
            if !expected.isEmpty { exercised += 1 }
        }
        XCTAssertGreaterThan(exercised, 20, "too few instances had a pair to add")
    }

    func testAStartFromSampledPricesReachesTheSameProvenOptimum() throws {
        var sampled = 0
        for seed in 940...959 as ClosedRange<UInt64> {
            var r = TestRandom(seed: seed)
            let d = TestInstances.pairing(seed: seed, moms: r.int(60...160), children: r.int(40...120), spreadKm: seed % 2 == 0 ? 6 : 20)
            var options = PairingOptions()
            options.sampleStride = r.int(2...3)
            options.sampleMinChildren = 20  // samples of samples too
            let plain = try PairingSolver.solve(d)
            let s = try PairingSolver.solve(d, options: options)
            XCTAssertTrue(s.certificate.proven, "seed \(seed)")
            XCTAssertEqual(s.evaluation.scoreUnits, plain.evaluation.scoreUnits, "seed \(seed)")
            PairingCertificateTests.checkCertificate(d, s)
            if s.statistics.sampleSeconds > 0 { sampled += 1 }
            XCTAssertEqual(plain.statistics.sampleSeconds, 0, "seed \(seed): sampled below the threshold")
        }
        XCTAssertEqual(sampled, 20, "every instance should have been started from a sample")
    }
}

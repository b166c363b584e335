import CareMatch
import XCTest

/// The plan depends on the data, not on row order.
final class PairingInvarianceTests: XCTestCase {
    func testPermutingInputRowsChangesNothing() throws {
        for seed in 1...5 as ClosedRange<UInt64> {
            let d = TestInstances.pairing(seed: seed, moms: 40, children: 50)
            var shuffled = d
            var r = TestRandom(seed: seed * 7)
            for i in stride(from: shuffled.moms.count - 1, to: 0, by: -1) { shuffled.moms.swapAt(i, r.int(0...i)) }
            for i in stride(from: shuffled.children.count - 1, to: 0, by: -1) { shuffled.children.swapAt(i, r.int(0...i)) }
            let a = try PairingSolver.solve(d), b = try PairingSolver.solve(shuffled)
            XCTAssertEqual(a.evaluation.scoreUnits, b.evaluation.scoreUnits)
            let rowsA = a.evaluation.pairs.map { "\(d.children[$0.child].id),\(d.moms[$0.mom].id),\($0.role)" }
            let rowsB = b.evaluation.pairs.map { "\(shuffled.children[$0.child].id),\(shuffled.moms[$0.mom].id),\($0.role)" }
            XCTAssertEqual(rowsA, rowsB, "seed \(seed)")
        }
    }
}

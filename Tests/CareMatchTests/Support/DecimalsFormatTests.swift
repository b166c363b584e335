@testable import CareMatch
import XCTest

/// `Decimals.format` writes the same text as formatting with `String(format: "%.nf")` and
/// trimming zeros (the reference kept as `formatSlowly`), on every magnitude the files hold.
final class DecimalsFormatTests: XCTestCase {
    func testTheFastDigitsEqualTheCLibrarysOnRandomValues() {
        var r = SplitMix64(seed: 2026)
        var seen = 0
        for _ in 0..<200_000 {
            let magnitude = Double.random(in: -6...13, using: &r)
            var x = pow(10, magnitude) * (Bool.random(using: &r) ? 1 : -1)
            if Bool.random(using: &r) { x = (x * 100).rounded() / 100 }   // on the grid, as scores are
            if Int.random(in: 0..<10, using: &r) == 0 { x = x.rounded() + 0.005 }   // ties
            let d = Int.random(in: 0...6, using: &r)
            let reference = Decimals.formatSlowly(Decimals.round(x, places: d), maxDecimals: d)
            XCTAssertEqual(Decimals.format(x, maxDecimals: d), Decimals.round(x, places: d) == 0 ? "0" : reference, "\(x) with \(d)")
            seen += 1
        }
        XCTAssertEqual(seen, 200_000)
    }

    func testEdgeCases() {
        XCTAssertEqual(Decimals.format(0, maxDecimals: 2), "0")
        XCTAssertEqual(Decimals.format(-0.001, maxDecimals: 2), "0")
        XCTAssertEqual(Decimals.format(-0.005, maxDecimals: 2), "-0.01")
        XCTAssertEqual(Decimals.format(12, maxDecimals: 2), "12")
        XCTAssertEqual(Decimals.format(1.10, maxDecimals: 2), "1.1")
        XCTAssertEqual(Decimals.format(1.05, maxDecimals: 2), "1.05")
        XCTAssertEqual(Decimals.format(439_061.83, maxDecimals: 2), "439061.83")
        XCTAssertEqual(Decimals.format(2.5, maxDecimals: 0), "3")
        XCTAssertEqual(Decimals.format(1e20, maxDecimals: 2), "100000000000000000000")
    }
}

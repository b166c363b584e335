import Foundation

/// Exact decimal formatting and rounding of the contract (half away from zero).
public enum Decimals {
    /// Rounds half away from zero to `places` decimals.
    public static func round(_ x: Double, places: Int = 2) -> Double {
        let f = pow(10.0, Double(places))
        return (x * f).rounded(.toNearestOrAwayFromZero) / f
    }

    /// Rounds up (towards +∞) to `places` decimals: for a proven bound.
    public static func roundUp(_ x: Double, places: Int = 2) -> Double {
        let f = pow(10.0, Double(places))
        // Guard against representation noise just above a grid point (e.g. 12.3400000001).
        let scaled = x * f
        let near = scaled.rounded()
        if abs(scaled - near) <= 1e-9 * max(1, abs(scaled)) { return near / f }
        return scaled.rounded(.up) / f
    }

    /// Plain decimal text with at most `maxDecimals` decimals: `12`, `0.5`, `-3.25`.
    ///
    /// The digits come from the integer `k = round(x · 10^d)`, which is what
    /// `String(format: "%.df")` prints for the nearest double to `k / 10^d` as long as its spacing
    /// is at most a quarter of 10^-d (`k` < 2^50); larger values go through `String(format:)`,
    /// which is slow on Linux (it was a tenth of a plan's time in writing its files).
    public static func format(_ x: Double, maxDecimals: Int) -> String {
        let r = round(x, places: maxDecimals)
        if r == 0 { return "0" }
        let f = pow(10.0, Double(maxDecimals))
        let scaled = (abs(r) * f).rounded()
        guard maxDecimals >= 0, maxDecimals <= 15, scaled < 1_125_899_906_842_624 else { return formatSlowly(r, maxDecimals: maxDecimals) }
        var k = UInt64(scaled)
        // The fraction's digits, rightmost first, without trailing zeros; then the integer part.
        var fraction: [UInt8] = []
        for _ in 0..<maxDecimals { fraction.append(UInt8(k % 10) + 48); k /= 10 }
        while fraction.first == 48 { fraction.removeFirst() }
        var text: [UInt8] = []
        if r < 0 { text.append(45) }
        var integer: [UInt8] = []
        repeat { integer.append(UInt8(k % 10) + 48); k /= 10 } while k > 0
        text += integer.reversed()
        if !fraction.isEmpty { text.append(46); text += fraction.reversed() }
        return String(decoding: text, as: UTF8.self)
    }

    /// `format` through `String(format:)`, for values of 2^50 units of the last decimal or more.
    static func formatSlowly(_ r: Double, maxDecimals: Int) -> String {
        var s = String(format: "%.\(maxDecimals)f", r)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }
}

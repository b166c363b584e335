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
    public static func format(_ x: Double, maxDecimals: Int) -> String {
        let r = round(x, places: maxDecimals)
        if r == 0 { return "0" }
        var s = String(format: "%.\(maxDecimals)f", r)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }
}

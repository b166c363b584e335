import Foundation

/// The documented range of a number the engine handles exactly: bounds (each included or not)
/// and the most decimals a value may have (`nil`: any).
///
/// Every number of a dataset and every setting has one (docs/data-format.md lists them); a value
/// outside is an error, so no integer conversion inside the engine can overflow.
public struct ValueRange: Sendable, Hashable {
    public var lower: Double
    public var lowerIncluded: Bool
    public var upper: Double
    public var upperIncluded: Bool
    /// The most decimals a value may have; more would be rounded silently by the engine.
    public var maxDecimals: Int?

    public init(_ lower: Double, _ upper: Double, lowerIncluded: Bool = true, upperIncluded: Bool = true, maxDecimals: Int? = nil) {
        self.lower = lower; self.upper = upper; self.lowerIncluded = lowerIncluded
        self.upperIncluded = upperIncluded; self.maxDecimals = maxDecimals
    }

    /// Whether `v` is within the bounds (decimals aside).
    public func contains(_ v: Double) -> Bool {
        v.isFinite && (lowerIncluded ? v >= lower : v > lower) && (upperIncluded ? v <= upper : v < upper)
    }

    /// The bounds as a reader writes them: `from 0 to 10,000`, `above 0 and at most 20,000`.
    public var text: String {
        let lo = ValueRange.format(lower), hi = ValueRange.format(upper)
        switch (lowerIncluded, upperIncluded) {
        case (true, true): return "from \(lo) to \(hi)"
        case (false, true): return "above \(lo) and at most \(hi)"
        case (true, false): return "at least \(lo) and below \(hi)"
        case (false, false): return "above \(lo) and below \(hi)"
        }
    }

    /// What is wrong with `v`, as a sentence fragment after the column or key name, or nil.
    /// `unit` (e.g. "yuan") follows the numbers in the message.
    public func problem(_ v: Double, what: String = "the value", unit: String = "") -> String? {
        let u = unit.isEmpty ? "" : " " + unit
        if !contains(v) {
            let found = ValueRange.format(v) + u
            let rule = "\(what) must be \(text)\(u)"
            if !v.isFinite { return "\(found) is not a finite number; \(rule)" }
            if v < lower { return "\(found) is \(lower == 0 ? "negative" : "too small"); \(rule)" }
            if v == lower { return "\(found) must be greater than \(ValueRange.format(lower)); \(rule)" }
            return "\(found) is too large; \(rule)"
        }
        if let d = maxDecimals, !ValueRange.hasAtMost(d, decimals: v) {
            let rounded = ValueRange.format((v * pow(10, Double(d))).rounded(.toNearestOrAwayFromZero) / pow(10, Double(d)))
            let tick = d == 0 ? "whole numbers" : d == 2 ? "steps of 0.01 (fen)" : "steps of 1e-\(d)"
            return "\(ValueRange.format(v, maxDecimals: 12))\(u) has more than \(d) decimal\(d == 1 ? "" : "s"); the engine counts \(what) in \(tick) and would round it to \(rounded) silently; write at most \(d) decimal\(d == 1 ? "" : "s")"
        }
        return nil
    }

    /// Whether `v` has at most `d` decimals: `v · 10^d` rounded and divided back gives `v` again.
    public static func hasAtMost(_ d: Int, decimals v: Double) -> Bool {
        let p = pow(10, Double(d))
        return (v * p).rounded() / p == v
    }

    /// `12`, `0.5`, `20,000`, `10,000,000,000` (thousands grouped, at most `maxDecimals`
    /// decimals); values beyond 10¹⁵ in exponent form.
    public static func format(_ x: Double, maxDecimals: Int = 6) -> String {
        guard x.isFinite else { return "\(x)" }
        if abs(x) >= 1e15 { return String(format: "%.3g", x) }
        let plain = Decimals.format(x, maxDecimals: maxDecimals)
        let negative = plain.hasPrefix("-")
        let body = negative ? String(plain.dropFirst()) : plain
        let parts = body.split(separator: ".", maxSplits: 1)
        var intPart = String(parts[0])
        var grouped = ""
        while intPart.count > 3 {
            grouped = "," + intPart.suffix(3) + grouped
            intPart.removeLast(3)
        }
        grouped = intPart + grouped
        return (negative ? "-" : "") + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }
}

/// The ranges of the numbers in a dataset's CSV files (docs/data-format.md, "Ranges").
///
/// They keep every integer conversion of the engine exact: capacities and supporters fit an
/// `Int32` with room to spare, distances in hundredths of a km an `Int`, quantities in ticks of
/// 10⁻⁶ units (≤ 10¹⁵ ticks) and yuan in fen (≤ 10¹² fen) an `Int64`, far below 2⁶³ ≈ 9.2·10¹⁸,
/// with room for sums over many rows.
public enum DataRanges {
    /// `children.csv` `age`.
    public static let age = ValueRange(0, 18, maxDecimals: 0)
    /// `children.csv` `supporters_wanted`.
    public static let supportersWanted = ValueRange(0, 100, maxDecimals: 0)
    /// `moms.csv` `capacity`.
    public static let capacity = ValueRange(0, 10_000, maxDecimals: 0)
    /// `moms.csv` `max_km`, and `pairing.max_km`: no two points of the Earth are farther apart
    /// than 20,015 km.
    public static let maxKm = ValueRange(0, Settings.maxKmLimit, lowerIncluded: false)
    /// `needs.csv` `priority`.
    public static let priority = ValueRange(1, 5, maxDecimals: 0)
    /// Units of a category (offers in kind, `manual_allocations.csv` `units`): counted by the
    /// allocation engine in ticks of 10⁻⁶ units.
    public static let units = ValueRange(0, 1e9, maxDecimals: 6)
    /// `needs.csv` `quantity`: as `units`, but above 0.
    public static let needQuantity = ValueRange(0, 1e9, lowerIncluded: false, maxDecimals: 6)
    /// Funds offers' `quantity`, in yuan: counted in fen.
    public static let fundsYuan = ValueRange(0, 1e10, maxDecimals: 2)
    /// `catalog.csv` `unit_cost_yuan`: counted in fen.
    public static let unitCostYuan = ValueRange(0, 1e7, lowerIncluded: false, maxDecimals: 2)
    /// `lat`.
    public static let latitude = ValueRange(-90, 90)
    /// `lon`.
    public static let longitude = ValueRange(-180, 180)
}

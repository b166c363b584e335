import Foundation

/// An exact running total of decimal amounts, as `AllocationEvaluation` needs for quantities and
/// money: each double counts as the shortest decimal that prints it (`Exact.decimal`).
///
/// Amounts whose units have at most 6 decimals (every value CareMatch writes, and nearly every
/// value a spreadsheet exports) are summed as an integer count of 10⁻ˢᶜᵃˡᵉ (millionths of a unit,
/// or of a unit times a price in fen), without any `Decimal` arithmetic; only the others go
/// through `Decimal`. Both parts together are the exact sum.
struct ExactTotal {
    /// Decimals of the integer part's unit (6: micro-units; 8: units × fen / 100 in yuan).
    let scale: Int
    /// The amounts whose units had at most 6 decimals, in 10⁻ˢᶜᵃˡᵉ.
    private(set) var scaled: Int128 = 0
    /// The amounts that had more, exactly.
    private(set) var rest: Decimal = 0

    init(scale: Int) { self.scale = scale }

    /// `x` in millionths when the shortest decimal printing `x` has at most 6 decimals, else `nil`.
    ///
    /// Below 10⁹ the doubles are closer together than 10⁻⁶ / 2, so at most one decimal with 6
    /// decimals rounds to `x`; `Double(t) / 10⁶` is that decimal correctly rounded, so when it
    /// gives back `x`, `t·10⁻⁶` is `x`'s shortest decimal (fewer digits would be another decimal
    /// with at most 6 decimals rounding to `x`).
    static func micro(_ x: Double) -> Int64? {
        guard x.isFinite, abs(x) < 1e9 else { return nil }
        let t = (x * 1_000_000).rounded()
        return Double(t) / 1_000_000 == x ? Int64(t) : nil
    }

    /// Adds `units × fen / 100` (with `scale` = 8: yuan in 10⁻⁸) or `units` (`fen` = nil, `scale` = 6).
    mutating func add(units: Double, fen: Int64? = nil) {
        if let t = ExactTotal.micro(units) {
            scaled += Int128(t) * Int128(fen ?? 1)
        } else if let fen {
            rest += Exact.decimal(units) * Decimal(fen) / 100
        } else {
            rest += Exact.decimal(units)
        }
    }

    /// Whether the total exceeds `limit` (10⁻ˢᶜᵃˡᵉ units), exactly.
    func exceeds(scaled limit: Int128) -> Bool {
        if rest == 0 { return scaled > limit }
        return value > ExactTotal.decimal(limit, scale: scale)
    }

    /// Whether the total exceeds `limit` read as its shortest decimal, exactly.
    func exceeds(_ limit: Double) -> Bool {
        if rest == 0, scale == 6, let l = ExactTotal.micro(limit) { return scaled > Int128(l) }
        return value > Exact.decimal(limit)
    }

    /// The total as a decimal (for messages and the slow comparisons).
    var value: Decimal { ExactTotal.decimal(scaled, scale: scale) + rest }

    /// `n · 10⁻ˢᶜᵃˡᵉ` as a decimal.
    static func decimal(_ n: Int128, scale: Int) -> Decimal {
        let magnitude = Decimal(string: String(n.magnitude), locale: Locale(identifier: "en_US_POSIX")) ?? 0
        return Decimal(sign: n < 0 ? .minus : .plus, exponent: -scale, significand: magnitude)
    }
}

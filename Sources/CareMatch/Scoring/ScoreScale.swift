import Foundation

/// Exact fixed-point arithmetic for the scores.
///
/// Distances are whole hundredths of a km, and the weights of the contract are short decimals,
/// so every term of the pairing score is a whole number of `1/unitsPerPoint` points. Working in
/// those integer units makes the optimum, its certificate and ties exact. `unitsPerPoint` is the
/// smallest power of ten from 100 to 10⁹ that makes every term integral, found in decimal
/// arithmetic on the settings as written (1.2 × 33.3 is 39.96, not 39.959999…); when none does
/// (`isExact` false), `PairingWeights.magnitudeProblem` refuses the settings.
public struct ScoreScale: Sendable, Hashable {
    public let unitsPerPoint: Int64
    public let isExact: Bool

    public init(settings s: Settings) {
        let terms = ScoreScale.terms(s).map(\.value)
        var k: Int64 = 100
        var exact = false
        while true {
            if terms.allSatisfy({ ScoreScale.isWhole($0 * Decimal(k)) }) { exact = true; break }
            if k >= ScoreScale.finest { break }
            k *= 10
        }
        unitsPerPoint = k
        isExact = exact
    }

    /// The finest unit: 10⁻⁹ point.
    public static let finest: Int64 = 1_000_000_000

    /// The terms of the pairing score per unit of distance or pair, exactly, with the setting
    /// that makes each: `w · lead_reward`, `w · support_reward` per group, `fit_bonus`,
    /// `continuity_bonus`, `km_cost / 100` (per hundredth of a km).
    static func terms(_ s: Settings) -> [(value: Decimal, key: String)] {
        var out = [(Decimal, String)]()
        for g in ChildGroup.allCases {
            out.append((decimal(s.weight(g)) * decimal(s.leadReward), "pairing.lead_reward"))
            out.append((decimal(s.weight(g)) * decimal(s.supportReward), "pairing.support_reward"))
        }
        out.append((decimal(s.fitBonus), "pairing.fit_bonus"))
        out.append((decimal(s.continuityBonus), "pairing.continuity_bonus"))
        out.append((decimal(s.kmCost) / 100, "pairing.km_cost"))
        return out
    }

    /// A double as the decimal it was written as (its shortest round-trip text: `1.2`, `1e-07`).
    static func decimal(_ x: Double) -> Decimal {
        guard x.isFinite else { return Decimal(x) }
        let text = "\(x)".lowercased()
        let parts = text.split(separator: "e")
        guard let mantissa = Decimal(string: String(parts[0]), locale: Locale(identifier: "en_US_POSIX")) else { return Decimal(x) }
        let e = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        if e == 0 { return mantissa }
        return e > 0 ? mantissa * pow(Decimal(10), e) : mantissa / pow(Decimal(10), -e)
    }

    static func isWhole(_ x: Decimal) -> Bool {
        var v = x, r = Decimal()
        NSDecimalRound(&r, &v, 0, .plain)
        return r == x
    }

    /// An exact number of points in integer units (rounded half away from zero; clamped as `units`).
    public func units(exact points: Decimal) -> Int64 {
        var v = points * Decimal(unitsPerPoint), r = Decimal()
        NSDecimalRound(&r, &v, 0, .plain)
        let limit = Decimal(string: "4611686018427387904")!
        if r.isNaN || r >= limit { return Int64(ScoreScale.limit) }
        if r <= -limit { return -Int64(ScoreScale.limit) }
        return Int64(r.description) ?? 0
    }

    /// `points` in integer units.
    ///
    /// Never traps: a value beyond ±2⁶² units (or NaN) gives ±2⁶², and
    /// `PairingWeights.magnitudeProblem` refuses every setting that comes near that, before a
    /// solve (validation, and the pairing network itself) — so no score is ever computed from
    /// a clamped value.
    @inlinable public func units(_ points: Double) -> Int64 {
        let x = (points * Double(unitsPerPoint)).rounded(.toNearestOrAwayFromZero)
        guard abs(x) < ScoreScale.limit else { return x < 0 ? -Int64(ScoreScale.limit) : Int64(ScoreScale.limit) }
        return Int64(x)
    }

    /// 2⁶², the clamp of `units`.
    @usableFromInline static let limit = 4_611_686_018_427_387_904.0

    /// Integer units back to points.
    @inlinable public func points(_ units: Int64) -> Double { Double(units) / Double(unitsPerPoint) }
}

/// The pairing terms of contract section 5 in integer units of a `ScoreScale`.
public struct PairingWeights: Sendable {
    public let scale: ScoreScale
    /// `w(group) · lead_reward`, by `ChildGroup` position in `allCases`.
    public let lead: [Int64]
    /// `w(group) · support_reward`.
    public let support: [Int64]
    public let fit: Int64
    public let continuity: Int64
    /// `km_cost` per hundredth of a km.
    public let perCentikm: Int64
    public let maxCentikm: Int

    public init(_ s: Settings) {
        let scale = ScoreScale(settings: s)
        self.scale = scale
        let d = ScoreScale.decimal
        lead = ChildGroup.allCases.map { scale.units(exact: d(s.weight($0)) * d(s.leadReward)) }
        support = ChildGroup.allCases.map { scale.units(exact: d(s.weight($0)) * d(s.supportReward)) }
        fit = scale.units(exact: d(s.fitBonus))
        continuity = scale.units(exact: d(s.continuityBonus))
        perCentikm = scale.units(exact: d(s.kmCost) / 100)
        maxCentikm = PairingWeights.centikm(s.maxKm) ?? 0
    }

    /// No two points of the Earth are farther apart than π · 6371 km = 20,015.09 km: a reach of
    /// 20,016 km allows every pair, so larger ones are the same.
    public static let everywhereKm = 20_016.0

    /// A reach in whole hundredths of a km (rounded down, with a tolerance for 0.29 = 28.999…),
    /// larger values (also +∞) as `everywhereKm`; nil for NaN.
    @inlinable static func centikm(_ km: Double) -> Int? {
        guard !km.isNaN else { return nil }
        return Int((min(km, everywhereKm) * 100 + 1e-9).rounded(.down))
    }

    /// Why the pairing's integer arithmetic could overflow with these settings on a dataset of
    /// this size, or nil when it cannot.
    ///
    /// The network's arc costs are at most C units: the largest of `w · lead_reward`,
    /// `w · support_reward`, `fit_bonus + continuity_bonus` and `km_cost · max_km`, times
    /// `unitsPerPoint`. A node potential is the cost of a simple path (at most n · C for n nodes),
    /// cost scaling multiplies costs and potentials by n + 1, and a reduced cost adds three such
    /// numbers; so C · (n + 1)² ≤ 2⁶¹ keeps every sum below 2⁶³. With the default weights this
    /// holds up to about 12 million children and moms.
    public static func magnitudeProblem(_ s: Settings, children: Int, moms: Int) -> (key: String, message: String)? {
        guard s.problems().isEmpty else { return nil }  // reported as range errors
        let scale = ScoreScale(settings: s)
        if !scale.isExact {
            let key = ScoreScale.terms(s).first { !ScoreScale.isWhole($0.value * Decimal(ScoreScale.finest)) }?.key ?? "pairing.km_cost"
            return (key, "has more decimals than the pairing counts exactly: its terms (group weight × reward, the bonuses, km_cost / 100 per hundredth of a km) must be whole numbers of 10⁻⁹ points; write the weights with fewer decimals")
        }
        var largest: (points: Double, key: String, what: String) = (0, "pairing.lead_reward", "")
        func consider(_ v: Double, _ key: String, _ what: String) { if v > largest.points { largest = (v, key, what) } }
        for g in ChildGroup.allCases {
            consider(s.weight(g) * s.leadReward, "pairing.lead_reward", "group_weight.\(g.rawValue) × pairing.lead_reward")
            consider(s.weight(g) * s.supportReward, "pairing.support_reward", "group_weight.\(g.rawValue) × pairing.support_reward")
        }
        consider(s.fitBonus + s.continuityBonus, "pairing.continuity_bonus", "pairing.fit_bonus + pairing.continuity_bonus")
        consider(s.kmCost * min(s.maxKm, everywhereKm), "pairing.km_cost", "pairing.km_cost × pairing.max_km")
        let n = Double(1 + children + moms) + 1
        let units = largest.points * Double(scale.unitsPerPoint)
        let budget = 2_305_843_009_213_693_952.0  // 2⁶¹
        guard units * n * n > budget else { return nil }
        let allowed = budget / (n * n) / Double(scale.unitsPerPoint)
        let decimals = scale.unitsPerPoint > 100 ? " (the weights' decimals make the engine count in 1/\(ValueRange.format(Double(scale.unitsPerPoint))) of a point; fewer decimals allow larger values)" : ""
        return (largest.key, "the largest pairing term, \(largest.what) = \(ValueRange.format(largest.points)) points, is too large for exact integer arithmetic with \(ValueRange.format(Double(children))) children and \(ValueRange.format(Double(moms))) moms: it must stay at most \(ValueRange.format(allowed, maxDecimals: 2)) points\(decimals); lower the weights (only their ratios matter)")
    }

    @inlinable public func leadReward(_ g: ChildGroup) -> Int64 { lead[g.ordinal] }
    @inlinable public func supportReward(_ g: ChildGroup) -> Int64 { support[g.ordinal] }

    /// v(m,c) in units.
    @inlinable public func pairValue(centikm: Int, shared: Bool, continued: Bool) -> Int64 {
        (shared ? fit : 0) + (continued ? continuity : 0) - perCentikm * Int64(centikm)
    }

    /// The reach of a mom in hundredths of a km: `min(mom.max_km, pairing.max_km)`.
    @inlinable public func reachCentikm(_ momMaxKm: Double?) -> Int {
        PairingWeights.reachCentikm(momMaxKm, maxCentikm: maxCentikm)
    }

    /// The same rule for a `pairing.max_km` of `maxCentikm` hundredths of a km, for callers
    /// without the weights (the validator).
    @inlinable public static func reachCentikm(_ momMaxKm: Double?, maxCentikm: Int) -> Int {
        guard let m = momMaxKm, let c = centikm(m) else { return maxCentikm }
        return min(maxCentikm, c)
    }
}

extension ChildGroup {
    /// Position in `allCases`.
    @inlinable public var ordinal: Int {
        switch self { case .leftBehind: 0; case .disadvantaged: 1; case .specialNeeds: 2 }
    }
}

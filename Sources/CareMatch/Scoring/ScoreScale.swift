/// Exact fixed-point arithmetic for the scores.
///
/// Distances are whole hundredths of a km, and the weights of the contract are short decimals,
/// so every term of the pairing score is a whole number of `1/unitsPerPoint` points. Working in
/// those integer units makes the optimum, its certificate and ties exact. `unitsPerPoint` is the
/// smallest power of ten (≥ 100) that makes every term integral; weights with more than eight
/// decimals are rounded to eight (said in `isExact`).
public struct ScoreScale: Sendable, Hashable {
    public let unitsPerPoint: Int64
    public let isExact: Bool

    public init(settings s: Settings) {
        let terms: [Double] = ChildGroup.allCases.flatMap { [s.weight($0) * s.leadReward, s.weight($0) * s.supportReward] }
            + [s.fitBonus, s.continuityBonus, s.kmCost / 100]
        var k: Int64 = 100
        var exact = false
        for _ in 0..<7 {
            if terms.allSatisfy({ ScoreScale.isWhole($0 * Double(k)) }) { exact = true; break }
            k *= 10
        }
        unitsPerPoint = k
        isExact = exact
    }

    static func isWhole(_ x: Double) -> Bool {
        abs(x - x.rounded()) <= 1e-7 * max(1, abs(x))
    }

    /// `points` in integer units.
    @inlinable public func units(_ points: Double) -> Int64 {
        Int64((points * Double(unitsPerPoint)).rounded(.toNearestOrAwayFromZero))
    }

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
        lead = ChildGroup.allCases.map { scale.units(s.weight($0) * s.leadReward) }
        support = ChildGroup.allCases.map { scale.units(s.weight($0) * s.supportReward) }
        fit = scale.units(s.fitBonus)
        continuity = scale.units(s.continuityBonus)
        perCentikm = scale.units(s.kmCost / 100)
        maxCentikm = Int((s.maxKm * 100 + 1e-9).rounded(.down))
    }

    @inlinable public func leadReward(_ g: ChildGroup) -> Int64 { lead[g.ordinal] }
    @inlinable public func supportReward(_ g: ChildGroup) -> Int64 { support[g.ordinal] }

    /// v(m,c) in units.
    @inlinable public func pairValue(centikm: Int, shared: Bool, continued: Bool) -> Int64 {
        (shared ? fit : 0) + (continued ? continuity : 0) - perCentikm * Int64(centikm)
    }

    /// The reach of a mom in hundredths of a km: `min(mom.max_km, pairing.max_km)`.
    @inlinable public func reachCentikm(_ momMaxKm: Double?) -> Int {
        guard let m = momMaxKm else { return maxCentikm }
        return min(maxCentikm, Int((m * 100 + 1e-9).rounded(.down)))
    }
}

extension ChildGroup {
    /// Position in `allCases`.
    @inlinable public var ordinal: Int {
        switch self { case .leftBehind: 0; case .disadvantaged: 1; case .specialNeeds: 2 }
    }
}

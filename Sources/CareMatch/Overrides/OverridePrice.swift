import Foundation

/// What one line of `overrides.csv` costs: the score the plan would gain without it, everything
/// else (the other overrides included) re-optimized — the difference of two proven optima.
public struct OverridePrice: Sendable, Codable, Hashable {
    /// The line in `overrides.csv`.
    public var line: Int
    public var kind: String
    /// Ids only: `lock_pair C0001–M0002 (lead)`.
    public var label: String
    public var note: String
    /// `exact` (both solves proven optimal), `bounded` (one not proven), `not_computed` (the
    /// plan's deadline came first, or the re-solve failed: `reason`).
    public var status: String
    /// Points of the pairing score (pair overrides) or the allocation score (allocation
    /// overrides) the plan would gain without this line; 0 when it costs nothing.
    public var points: Double?
    public var reason: String?
    /// Pair overrides: the children whose moms differ without this line (ids, sorted).
    public var childrenAffected: [String] = []
    /// Pair overrides: km of all pairs with the line minus without it.
    public var extraKm: Double?
    /// A locked pair beyond the mom's reach (`max_km`), kept because it is locked.
    public var beyondReach: Bool = false
}

/// The overrides part of `summary.json`: both optima and the price of the overrides.
public struct OverrideSummary: Sendable, Codable, Hashable {
    /// A score with and without the overrides, and their difference (the total price).
    public struct Optima: Sendable, Codable, Hashable {
        public var withOverrides: Double
        public var withoutOverrides: Double
        /// `withoutOverrides − withOverrides`, exact before rounding.
        public var price: Double
        public var provenWith: Bool
        public var provenWithout: Bool
    }
    public var lines: Int
    public var pairing: Optima
    public var allocation: Optima
    /// Sum of both prices.
    public var totalPrice: Double
    public var prices: [OverridePrice]
}

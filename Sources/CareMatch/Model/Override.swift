/// What a coordinator's decision in `overrides.csv` does.
public enum OverrideKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The mom must be paired with the child, in the given role.
    case lockPair = "lock_pair"
    /// The mom must not be paired with the child (in the given role, or at all).
    case forbidPair = "forbid_pair"
    /// At least `units` from the source must go to the need.
    case lockAllocation = "lock_allocation"
    /// Nothing from the source may go to the need (or to any need of the child).
    case forbidAllocation = "forbid_allocation"

    /// Pair overrides act on the pairing, the others on the allocation.
    public var isPairing: Bool { self == .lockPair || self == .forbidPair }
}

/// One row of `overrides.csv`: a decision the plan must honour (contract section 2,
/// "overrides.csv", and `docs/overrides.md`).
public struct Override: Sendable, Hashable {
    public var kind: OverrideKind
    public var childID: String?
    public var momID: String?
    /// For `lock_pair` always set; for `forbid_pair`, `nil` forbids both roles.
    public var role: PairingRole?
    public var sourceID: String?
    public var needID: String?
    /// Units locked (`lock_allocation` only), in the need's category's unit.
    public var units: Double?
    /// The coordinator's free text, carried to the report.
    public var note: String
    /// Physical line in `overrides.csv` (1-based, header = 1).
    public var line: Int

    public init(kind: OverrideKind, childID: String? = nil, momID: String? = nil, role: PairingRole? = nil,
                sourceID: String? = nil, needID: String? = nil, units: Double? = nil, note: String = "", line: Int = 0) {
        self.kind = kind; self.childID = childID; self.momID = momID; self.role = role
        self.sourceID = sourceID; self.needID = needID; self.units = units; self.note = note; self.line = line
    }

    /// A short, id-only description: `lock_pair C0001–M0002 (lead)`.
    public var label: String {
        switch kind {
        case .lockPair, .forbidPair:
            return "\(kind.rawValue) \(childID ?? "?")–\(momID ?? "?")" + (role.map { " (\($0.rawValue))" } ?? "")
        case .lockAllocation:
            return "\(kind.rawValue) \(sourceID ?? "?")→\(needID ?? "?") ≥ \(Decimals.format(units ?? 0, maxDecimals: 6))"
        case .forbidAllocation:
            return "\(kind.rawValue) \(sourceID ?? "?")→\(needID ?? ("every need of " + (childID ?? "?")))"
        }
    }
}

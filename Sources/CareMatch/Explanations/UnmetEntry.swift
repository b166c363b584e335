/// One row of `unmet.csv` (contract section 7): a child without a lead mom, a child short of
/// supporting moms, or a need not fully covered, with a reason one can act on.
public struct UnmetEntry: Sendable, Hashable {
    /// What is missing.
    public enum Kind: String, Sendable, Hashable {
        /// A child without a lead mom.
        case child
        /// A child with a lead mom but fewer supporting moms than `supporters_wanted`.
        case supporting
        /// A need not fully covered.
        case need
    }

    public var kind: Kind
    /// The child's id (`child`, `supporting`) or the need's id (`need`).
    public var id: String
    public var childID: String
    public var group: ChildGroup
    public var county: String
    public var township: String
    /// The need's priority (needs only).
    public var priority: Int?
    /// Moms wanted (`child`: 1 + supporters_wanted), supporting moms missing (`supporting`), or
    /// units missing in the category's unit (`need`).
    public var missing: Double
    /// A stable code a spreadsheet can filter by.
    public var code: UnmetReasonCode
    /// The facts behind the code, in one English sentence.
    public var reason: String
}

/// Why something is unmet: stable codes, written in `unmet.csv`'s `reason_code` column.
public enum UnmetReasonCode: String, Sendable, Hashable, CaseIterable {
    // Children (kinds `child` and `supporting`).
    /// No mom with capacity lives within the distance limit that applies to the pair.
    case noMomInReach = "no_mom_in_reach"
    /// Moms are within reach, but every one of them is already at capacity.
    case momsInReachFull = "moms_in_reach_full"
    /// A mom within reach has free capacity, but the pair would lower the score (its distance
    /// costs more points than the reward gives).
    case notWorthPairing = "not_worth_pairing"
    /// A mom within reach has free capacity and the pair would raise the score: the pairing
    /// stopped before its optimum (its time limit), which never leaves such a pair.
    case momsLeftUnused = "moms_left_unused"
    // Needs.
    /// No offer or fund serves the category in the child's county for the child's group.
    case noSource = "no_source"
    /// The category has no `unit_cost_yuan` and no in-kind offer serves the need.
    case notPurchasable = "not_purchasable"
    /// Every source that could serve the need is used up (by other needs, or less than a unit left).
    case sourcesUsedElsewhere = "sources_used_elsewhere"
    /// Money that could buy it is left, but `fund_penalty × price` exceeds the points per unit.
    case notWorthBuying = "not_worth_buying"
    /// A source that could serve the need still has something left (the plan stopped within
    /// its MIP gap, or whole units do not fit).
    case sourcesLeftUnused = "sources_left_unused"
}

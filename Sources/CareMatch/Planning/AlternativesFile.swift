extension PlanTables {
    /// `alternatives.csv`: `child_id,rank,mom_id,distance_km,score_change,displaced_child_id`, by
    /// child id then rank (`PairingAlternatives`); `displaced_child_id` lists the other children
    /// whose moms change, `;`-separated by id, empty when none. Header only when there are none
    /// (`pairing.alternatives` = 0, a pairing that is not proven, or supporting locks and
    /// role-specific forbids in `overrides.csv`).
    public static func alternatives(_ d: Dataset, _ a: PairingAlternatives?) -> PlanTable {
        let scale = ScoreScale(settings: d.settings)
        return PlanTable(name: "alternatives",
                         columns: [("child_id", .text), ("rank", .count), ("mom_id", .text), ("distance_km", .km),
                                   ("score_change", .points), ("displaced_child_id", .text)],
                         rows: (a?.rows ?? []).map { r in
                             [.text(d.children[r.child].id), .number(Double(r.rank)), .text(d.moms[r.mom].id),
                              .number(Double(r.centikm) / 100), .number(scale.points(r.scoreChangeUnits)),
                              .text(r.changedChildren.map { d.children[$0].id }.joined(separator: ";"))]
                         })
    }
}

/// The `alternatives` part of `summary.json`: how many rows, and what the deadline left out.
public struct AlternativesSummaryPart: Codable, Sendable {
    /// `pairing.alternatives`.
    public var perChild: Int
    public var rows: Int
    /// Children the plan's deadline left without their alternatives.
    public var childrenNotComputed: Int
    /// False when the pairing was not proven optimal, so no exact change exists (no rows).
    public var exact: Bool
    /// Leads forced one by one, candidates answered by a child's single fan-out search, answered
    /// by the distances' bound and a flow attaining it, and ruled out by that bound, and nodes
    /// all searches settled (work measures).
    public var forcedEvaluated: Int
    public var fannedOut: Int
    public var answeredByBound: Int
    public var prunedByBound: Int
    public var settledNodes: Int
    public var seconds: Double
    /// True when rows were asked but `overrides.csv` locks a supporting mom or forbids a pair in a
    /// single role, so none were computed (`PairingAlternatives.skippedForPairOverrides`).
    public var skippedForPairOverrides: Bool

    public init(_ a: PairingAlternatives) {
        perChild = a.perChild
        rows = a.rows.count
        childrenNotComputed = a.childrenNotComputed
        exact = a.exact
        forcedEvaluated = a.forcedEvaluated
        fannedOut = a.fannedOut
        answeredByBound = a.answeredByBound
        prunedByBound = a.prunedByBound
        settledNodes = a.settledNodes
        seconds = a.seconds
        skippedForPairOverrides = a.skippedForPairOverrides
    }
}

import Foundation

/// What a plan hands out: each organization its deliveries, each mom her children, each county
/// its waiting children and open needs, and why each unmet item is unmet.
public struct PlanHandout: Sendable {
    public var deliveries: [Delivery]
    public var organizations: [OrganizationTotals]
    public var moms: [MomAssignment]
    public var counties: [CountySummary]
    /// `child`, then `supporting`, then `need` rows.
    public var unmet: [UnmetEntry]

    public init(_ plan: PlanResult) {
        let d = plan.dataset
        let pairs = plan.pairing.evaluation.pairs
        deliveries = Delivery.sheet(d, rows: plan.allocation.rows)
        organizations = OrganizationTotals.compute(d, deliveries: deliveries)
        moms = MomAssignment.list(d, pairs: pairs)
        counties = CountySummary.compute(d, pairs: pairs, deliveries: deliveries,
                                         unmetNeedIDs: Set(plan.allocation.unmet.map(\.needID)))
        unmet = ChildShortfallReasons.explain(d, pairs: pairs, momDual: plan.pairing.momDual)
            + UnmetNeedReasons.explain(d, rows: plan.allocation.rows, unmet: plan.allocation.unmet)
    }
}

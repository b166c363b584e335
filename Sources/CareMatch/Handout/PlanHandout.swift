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
        // The children's reasons (the longest part: counts of moms in reach) beside the rest.
        let (children, rest) = Concurrently.both({ ChildShortfallReasons.explain(d, pairs: pairs, momDual: plan.pairing.momDual) },
                                                 { Self.sheets(plan) })
        (deliveries, organizations, moms, counties) = (rest.deliveries, rest.organizations, rest.moms, rest.counties)
        unmet = children + rest.needs
    }

    /// Everything but the children's reasons: the sheets by organization, mom and county, and
    /// each open need's reason.
    private static func sheets(_ plan: PlanResult) -> (deliveries: [Delivery], organizations: [OrganizationTotals],
                                                      moms: [MomAssignment], counties: [CountySummary], needs: [UnmetEntry]) {
        let d = plan.dataset
        let pairs = plan.pairing.evaluation.pairs
        let deliveries = Delivery.sheet(d, rows: plan.allocation.rows)
        return (deliveries, OrganizationTotals.compute(d, deliveries: deliveries), MomAssignment.list(d, pairs: pairs),
                CountySummary.compute(d, pairs: pairs, deliveries: deliveries, unmetNeedIDs: Set(plan.allocation.unmet.map(\.needID))),
                Self.withAdditions(d, UnmetNeedReasons.explain(d, rows: plan.allocation.rows, unmet: plan.allocation.unmet),
                                   plan.allocation.explanations.marginals))
    }

    /// Each open need's reason, followed by what one more unit of its category in its county
    /// would bring, from the plan's marginal values (exact or as a proven interval).
    static func withAdditions(_ d: Dataset, _ entries: [UnmetEntry], _ marginals: [MarginalValue]) -> [UnmetEntry] {
        guard !marginals.isEmpty else { return entries }
        let index = d.index
        var byPlace: [String: MarginalValue] = [:]
        for m in marginals where m.kind == "in_kind" { byPlace[m.category + "\u{0}" + (m.county ?? "")] = m }
        return entries.map { e in
            guard e.kind == .need, let n = index.needByID[e.id], let m = byPlace[d.needs[n].category + "\u{0}" + e.county],
                  let points = m.points else { return e }
            var out = e
            let value = m.status == .exact ? "+\(Decimals.format(Decimals.round(points), maxDecimals: 2)) points"
                : "between +\(Decimals.format(Decimals.round(points), maxDecimals: 2)) and +\(Decimals.format(Decimals.roundUp(m.pointsUpperBound ?? points), maxDecimals: 2)) points"
            out.reason += "; one more \(m.unit) of \(m.category) in \(e.county) would bring \(value) to the plan (report, \"what more would bring\")."
            return out
        }
    }
}

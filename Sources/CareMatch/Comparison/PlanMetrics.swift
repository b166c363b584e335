/// One figure of a plan that coordinators compare between plans.
public struct PlanMetric: Sendable, Hashable, Codable {
    /// A stable key (CSV column value), e.g. `children_reached`.
    public var key: String
    /// What it is, in coordinators' words.
    public var label: String
    public var value: Double
    /// Decimals shown.
    public var decimals: Int
    /// Whether a larger value is an improvement (distances and yuan spent are not).
    public var higherIsBetter: Bool
}

/// The figures of a plan (pairing + allocation), computed the same way for every plan: the
/// engine's, a hand-made one, or a scenario's.
public enum PlanMetrics {
    /// The headline figures (the `compare` list). With `detailed`, also children reached and
    /// need units covered by group and by county (the `whatif` list).
    public static func of(dataset d: Dataset, pairing: PairingEvaluation, allocation: AllocationEvaluation,
                          detailed: Bool = false) -> [PlanMetric] {
        var out: [PlanMetric] = []
        func add(_ key: String, _ label: String, _ value: Double, _ decimals: Int = 0, _ higher: Bool = true) {
            out.append(PlanMetric(key: key, label: label, value: value, decimals: decimals, higherIsBetter: higher))
        }
        let k = pairing.kpis
        let ak = allocation.kpis
        add("children_reached", "children with a lead mom", Double(k.childrenWithLead))
        add("special_needs_reached", "special-needs children with a lead mom", Double(k.specialNeedsWithLead))
        add("support_slots_filled", "supporting slots filled", Double(k.supportSlotsFilled))
        add("pairs", "pairs", Double(k.pairs))
        add("mean_distance_km", "mean distance (km)", k.meanDistanceKm, 2, false)
        add("p90_distance_km", "90th-percentile distance (km)", k.p90DistanceKm, 2, false)
        add("shared_interest_pairs", "pairs sharing an interest", Double(k.sharedInterestPairs))
        add("continuity_kept", "pairs kept from last quarter", Double(k.continuityKept))
        var byPriority = [Double](repeating: 0, count: 6)
        var wantedByPriority = [Double](repeating: 0, count: 6)
        for (n, need) in d.needs.enumerated() {
            let p = min(5, max(1, need.priority))
            byPriority[p] += min(allocation.covered[n], need.quantity)
            wantedByPriority[p] += need.quantity
        }
        for p in stride(from: 5, through: 1, by: -1) {
            add("units_covered_priority_\(p)", "need units covered, priority \(p) (of \(Decimals.format(wantedByPriority[p], maxDecimals: 2)))", byPriority[p], 2)
        }
        add("needs_fully_covered", "needs fully covered", Double(ak.needsFullyCovered))
        add("units_covered", "need units covered (all)", ak.unitsCovered, 2)
        add("yuan_spent", "yuan spent", ak.yuanSpent, 2, false)
        if detailed {
            add("children", "children", Double(k.children))
            add("needs", "needs", Double(ak.needs))
            add("yuan_available", "yuan available", ak.yuanAvailable, 2)
            for g in ChildGroup.allCases.map(\.rawValue).sorted(by: { $0.precedesInCodePoints($1) }) {
                add("children_reached.\(g)", "children with a lead mom: \(g) (of \(k.childrenByGroup[g] ?? 0))", Double(k.withLeadByGroup[g] ?? 0))
            }
            for c in k.childrenByCounty.keys.sorted(by: { $0.precedesInCodePoints($1) }) {
                add("children_reached.\(c)", "children with a lead mom in \(c) (of \(k.childrenByCounty[c] ?? 0))", Double(k.withLeadByCounty[c] ?? 0))
            }
            for g in ak.byGroup { add("units_covered.\(g.key)", "need units covered: \(g.key) (of \(Decimals.format(g.unitsWanted, maxDecimals: 2)))", g.unitsCovered, 2) }
            for c in ak.byCounty { add("units_covered.\(c.key)", "need units covered in \(c.key) (of \(Decimals.format(c.unitsWanted, maxDecimals: 2)))", c.unitsCovered, 2) }
            for f in ak.byEarmark { add("yuan_spent.\(f.earmark)", "yuan spent, earmark \(f.earmark) (of \(Decimals.format(f.yuanAvailable, maxDecimals: 2)))", f.yuanSpent, 2, false) }
        }
        add("pairing_score", "pairing score", Decimals.round(pairing.score), 2)
        add("allocation_score", "allocation score", Decimals.round(allocation.score), 2)
        return out
    }

    /// The figures of a solved plan (coverage per need from its allocation's self-check by
    /// `AllocationEvaluation`, which gives the same score as the solver's).
    public static func of(_ plan: PlanResult, detailed: Bool = false) -> [PlanMetric] {
        var m = of(dataset: plan.dataset, pairing: plan.pairing.evaluation, allocation: plan.allocation.evaluation, detailed: detailed)
        // The solver's own score is the stated one (identical up to summation order).
        if let i = m.firstIndex(where: { $0.key == "allocation_score" }) { m[i].value = Decimals.round(plan.allocation.score) }
        return m
    }
}

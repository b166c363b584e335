/// Whether a larger value of a figure is better, smaller is better, or neither (money: spending
/// less is not better in itself, spending more is not worse).
public enum MetricDirection: Sendable, Hashable {
    case higher, lower, neutral
}

/// The pages' names and directions of the figures of `PlanMetrics` (by key), in both languages.
/// The CSV files keep the English `label` of `PlanMetric`.
public enum MetricTexts {
    /// The better direction of the figure `key`. Coverage, children reached and pairs: higher;
    /// distances: lower; money, counts of children and needs: neutral. Scores: higher (the
    /// pages mark scores under other weights as not comparable).
    public static func direction(_ key: String) -> MetricDirection {
        if key.hasPrefix("yuan_") || key == "children" || key == "needs" { return .neutral }
        if key.hasSuffix("distance_km") { return .lower }
        return .higher
    }

    /// Whether `key` is a score (comparable only under the same weights).
    public static func isScore(_ key: String) -> Bool { key == "pairing_score" || key == "allocation_score" }

    /// The figure's name; `plan` supplies the totals written as "(of N)".
    public static func label(_ key: String, plan: PlanResult, texts t: Texts) -> String {
        let d = plan.dataset
        let k = plan.pairing.evaluation.kpis
        let ak = plan.allocation.kpis
        func of(_ s: String, _ total: Double) -> String { t(.ofTotal, s, HTML.num(total)) }
        switch key {
        case "children_reached": return of(t(.mChildrenReached), Double(k.children))
        case "special_needs_reached": return of(t(.mSpecialReached), Double(k.specialNeedsChildren))
        case "support_slots_filled": return of(t(.mSupportFilled), Double(k.supportSlotsWanted))
        case "pairs": return t(.mPairs)
        case "mean_distance_km": return t(.mMeanDistance)
        case "p90_distance_km": return t(.mP90Distance)
        case "shared_interest_pairs": return t(.mShared)
        case "continuity_kept": return t(.mContinuity)
        case "needs_fully_covered": return of(t(.mNeedsFullyCovered), Double(ak.needs))
        case "units_covered": return of(t(.mUnitsCovered), ak.unitsWanted)
        case "yuan_spent": return of(t(.mYuanSpent), ak.yuanAvailable)
        case "children": return t(.mChildren)
        case "needs": return t(.mNeeds)
        case "yuan_available": return t(.mYuanAvailable)
        case "pairing_score": return t(.mPairingScore)
        case "allocation_score": return t(.mAllocationScore)
        default: break
        }
        let prefix = "units_covered_priority_"
        if key.hasPrefix(prefix), let p = Int(key.dropFirst(prefix.count)) {
            let wanted = d.needs.filter { min(5, max(1, $0.priority)) == p }.reduce(0.0) { $0 + $1.quantity }
            return of(t(.mUnitsPriority, p), wanted)
        }
        if key.hasPrefix("children_reached.") {
            let x = String(key.dropFirst("children_reached.".count))
            if ChildGroup(rawValue: x) != nil { return of(t(.mChildrenReachedIn, t.group(x)), Double(k.childrenByGroup[x] ?? 0)) }
            return of(t(.mChildrenReachedIn, t.county(x)), Double(k.childrenByCounty[x] ?? 0))
        }
        if key.hasPrefix("units_covered.") {
            let x = String(key.dropFirst("units_covered.".count))
            let wanted = (ak.byGroup + ak.byCounty).first { $0.key == x }?.unitsWanted ?? 0
            let name = ChildGroup(rawValue: x) != nil ? t.group(x) : t.county(x)
            return of(t(.mUnitsCoveredIn, name), wanted)
        }
        if key.hasPrefix("yuan_spent.") {
            let x = String(key.dropFirst("yuan_spent.".count))
            let available = ak.byEarmark.first { $0.earmark == x }?.yuanAvailable ?? 0
            return of(t(.mYuanSpentEarmark, x == Offer.anyCategory ? t(.unearmarked) : t.category(x)), available)
        }
        return key
    }

    /// Decimals shown for the figure `key`.
    public static func decimals(_ key: String) -> Int {
        if key.hasSuffix("_km") || key.hasPrefix("units_covered") || key.hasPrefix("yuan") || isScore(key) { return 2 }
        return 0
    }
}

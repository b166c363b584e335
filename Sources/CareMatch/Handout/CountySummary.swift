/// One row of `county_summary.csv`: a county coordinator's view of the plan.
public struct CountySummary: Sendable, Hashable {
    public var county: String
    public var children: Int
    /// Children with a lead mom.
    public var paired: Int
    /// Children without a lead mom (the `child` rows of `unmet.csv`).
    public var waiting: Int
    public var supportingWanted: Int
    public var supportingFilled: Int
    public var needs: Int
    /// Needs not fully covered (the `need` rows of `unmet.csv`).
    public var needsOpen: Int
    /// Units and yuan delivered to the county's children.
    public var unitsReceived: Double
    public var yuanReceived: Double

    /// One row per county with children, in code-point order.
    public static func compute(_ d: Dataset, pairs: [EvaluatedPair], deliveries: [Delivery], unmetNeedIDs: Set<String>) -> [CountySummary] {
        var t: [String: CountySummary] = [:]
        var pairCount = [Int](repeating: 0, count: d.children.count)
        var lead = [Bool](repeating: false, count: d.children.count)
        for p in pairs { pairCount[p.child] += 1; if p.role == .lead { lead[p.child] = true } }
        var countyOf: [String: String] = [:]
        for (i, c) in d.children.enumerated() {
            countyOf[c.id] = c.county
            var s = t[c.county] ?? CountySummary(county: c.county, children: 0, paired: 0, waiting: 0, supportingWanted: 0,
                                                 supportingFilled: 0, needs: 0, needsOpen: 0, unitsReceived: 0, yuanReceived: 0)
            s.children += 1
            if lead[i] { s.paired += 1 } else { s.waiting += 1 }
            let wanted = max(0, c.supportersWanted)
            s.supportingWanted += wanted
            s.supportingFilled += min(wanted, max(0, pairCount[i] - 1))
            t[c.county] = s
        }
        for n in d.needs {
            guard let county = countyOf[n.childID] else { continue }
            t[county]?.needs += 1
            if unmetNeedIDs.contains(n.id) { t[county]?.needsOpen += 1 }
        }
        for r in deliveries {
            if r.yuan > 0 { t[r.county]?.yuanReceived += r.yuan } else { t[r.county]?.unitsReceived += r.units }
        }
        return t.keys.sorted { $0.precedesInCodePoints($1) }.map { t[$0]! }
    }
}

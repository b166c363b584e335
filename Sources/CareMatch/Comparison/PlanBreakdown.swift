/// A plan's figures by county and by organization, for the rows of `comparison.csv` that carry
/// a `county` or an `org_id`: what a county coordinator or an organization compares.
public enum PlanBreakdown {
    /// One figure of one county or one organization.
    public struct Figure: Sendable, Hashable {
        public var key: String
        public var county: String
        public var orgID: String
        public var label: String
        public var value: Double
        public var decimals: Int
    }

    /// By county (children with a lead mom, needs fully covered, need units covered, every
    /// county with children) then by organization (units given in kind, yuan spent, every
    /// organization of `organizations.csv`), in code-point order.
    public static func of(dataset d: Dataset, pairing: PairingEvaluation, allocation: AllocationEvaluation,
                          assignments: [AllocationAssignment]) -> [Figure] {
        var out: [Figure] = []
        let k = pairing.kpis
        let byCounty = Dictionary(allocation.kpis.byCounty.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let counties = Set(d.children.map(\.county)).sorted { $0.precedesInCodePoints($1) }
        for c in counties {
            out.append(Figure(key: "children_reached", county: c, orgID: "", label: "children with a lead mom in \(c) (of \(k.childrenByCounty[c] ?? 0))",
                              value: Double(k.withLeadByCounty[c] ?? 0), decimals: 0))
            let a = byCounty[c]
            out.append(Figure(key: "needs_fully_covered", county: c, orgID: "", label: "needs fully covered in \(c) (of \(a?.needs ?? 0))",
                              value: Double(a?.needsFullyCovered ?? 0), decimals: 0))
            out.append(Figure(key: "units_covered", county: c, orgID: "",
                              label: "need units covered in \(c) (of \(Decimals.format(a?.unitsWanted ?? 0, maxDecimals: 2)))",
                              value: a?.unitsCovered ?? 0, decimals: 2))
        }
        let index = d.index
        var units: [String: Double] = [:], yuan: [String: Double] = [:]
        for a in assignments {
            guard let o = index.offerByID[a.sourceID] else { continue }
            let offer = d.offers[o]
            if offer.isFunds {
                guard let n = index.needByID[a.needID], let e = index.catalogByCategory[d.needs[n].category],
                      let price = d.catalog[e].unitCostYuan else { continue }
                yuan[offer.orgID, default: 0] += a.units * price
            } else {
                units[offer.orgID, default: 0] += a.units
            }
        }
        for org in Set(d.organizations.map(\.id)).sorted(by: { $0.precedesInCodePoints($1) }) {
            out.append(Figure(key: "units_given", county: "", orgID: org, label: "units given in kind by \(org)", value: units[org] ?? 0, decimals: 2))
            out.append(Figure(key: "yuan_spent", county: "", orgID: org, label: "yuan spent by \(org)", value: yuan[org] ?? 0, decimals: 2))
        }
        return out
    }
}

/// What one organization offered, what the plan uses and what is left, and whom it reaches.
///
/// Money and in-kind units are kept apart: yuan for funds offers, units for in-kind offers
/// (summed over its categories, each in its catalog unit).
public struct OrganizationTotals: Sendable, Hashable {
    public var orgID: String
    public var orgName: String
    /// Offers in `offers.csv`.
    public var offers: Int
    public var yuanOffered: Double
    public var yuanSpent: Double
    public var unitsOffered: Double
    public var unitsGiven: Double
    /// Needs that get something from it.
    public var needsServed: Int
    /// Distinct children that get something from it.
    public var childrenReached: Int
    /// The counties of those children, in code-point order.
    public var counties: [String]

    public var yuanLeft: Double { yuanOffered - yuanSpent }
    public var unitsLeft: Double { unitsOffered - unitsGiven }

    /// One entry per organization of `organizations.csv` (by id), plus any `org_id` of an offer
    /// that names no organization; computed from the offers and the delivery rows.
    public static func compute(_ d: Dataset, deliveries: [Delivery]) -> [OrganizationTotals] {
        var byID: [String: OrganizationTotals] = [:]
        func blank(_ id: String, _ name: String) -> OrganizationTotals {
            OrganizationTotals(orgID: id, orgName: name, offers: 0, yuanOffered: 0, yuanSpent: 0, unitsOffered: 0,
                               unitsGiven: 0, needsServed: 0, childrenReached: 0, counties: [])
        }
        for o in d.organizations where byID[o.id] == nil { byID[o.id] = blank(o.id, o.name) }
        for o in d.offers {
            var t = byID[o.orgID] ?? blank(o.orgID, "")
            t.offers += 1
            if o.isFunds { t.yuanOffered += o.quantity } else { t.unitsOffered += o.quantity }
            byID[o.orgID] = t
        }
        var needs: [String: Set<String>] = [:], children: [String: Set<String>] = [:], counties: [String: Set<String>] = [:]
        for r in deliveries {
            var t = byID[r.orgID] ?? blank(r.orgID, r.orgName)
            if r.yuan > 0 { t.yuanSpent += r.yuan } else { t.unitsGiven += r.units }
            byID[r.orgID] = t
            needs[r.orgID, default: []].insert(r.needID)
            children[r.orgID, default: []].insert(r.childID)
            if !r.county.isEmpty { counties[r.orgID, default: []].insert(r.county) }
        }
        return byID.keys.sorted { $0.precedesInCodePoints($1) }.map { id in
            var t = byID[id]!
            t.needsServed = needs[id]?.count ?? 0
            t.childrenReached = children[id]?.count ?? 0
            t.counties = (counties[id] ?? []).sorted { $0.precedesInCodePoints($1) }
            return t
        }
    }
}

/// One row of `deliveries.csv`: an allocation row with the organization's name and the child's
/// county and township, for handing out by organization (contract section 7).
public struct Delivery: Sendable, Hashable {
    public var orgID: String
    public var orgName: String
    public var sourceID: String
    public var needID: String
    public var childID: String
    public var county: String
    public var township: String
    public var category: String
    public var units: Double
    public var yuan: Double

    /// The allocation rows, each with its organization and child, sorted by organization id,
    /// then source id, then need id (code points).
    public static func sheet(_ d: Dataset, rows: [AllocationRow]) -> [Delivery] {
        let index = d.index
        let out = rows.map { r -> Delivery in
            let org = index.organizationByID[r.orgID].map { d.organizations[$0] }
            let child = index.childByID[r.childID].map { d.children[$0] }
            return Delivery(orgID: r.orgID, orgName: org?.name ?? "", sourceID: r.sourceID, needID: r.needID,
                            childID: r.childID, county: child?.county ?? "", township: child?.township ?? "",
                            category: r.category, units: r.units, yuan: r.yuan)
        }
        return out.sorted {
            if $0.orgID != $1.orgID { return $0.orgID.precedesInCodePoints($1.orgID) }
            if $0.sourceID != $1.sourceID { return $0.sourceID.precedesInCodePoints($1.sourceID) }
            return $0.needID.precedesInCodePoints($1.needID)
        }
    }
}

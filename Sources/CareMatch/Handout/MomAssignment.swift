/// One row of `mom_assignments.csv`: one child of one mom, for handing each mom her list.
public struct MomAssignment: Sendable, Hashable {
    public var momID: String
    public var momCounty: String
    public var momTownship: String
    public var capacity: Int
    /// Children she has in the plan (lead or support).
    public var children: Int
    public var childID: String
    public var role: PairingRole
    public var distanceKm: Double
    public var childCounty: String
    public var childTownship: String

    /// Every pair of the plan, by mom id, then lead before support, then child id.
    public static func list(_ d: Dataset, pairs: [EvaluatedPair]) -> [MomAssignment] {
        var count = [Int](repeating: 0, count: d.moms.count)
        for p in pairs { count[p.mom] += 1 }
        let rows = pairs.map { p -> MomAssignment in
            let m = d.moms[p.mom], c = d.children[p.child]
            return MomAssignment(momID: m.id, momCounty: m.county, momTownship: m.township, capacity: m.capacity,
                                 children: count[p.mom], childID: c.id, role: p.role, distanceKm: p.distanceKm,
                                 childCounty: c.county, childTownship: c.township)
        }
        return rows.sorted {
            if $0.momID != $1.momID { return $0.momID.precedesInCodePoints($1.momID) }
            if $0.role != $1.role { return $0.role == .lead }
            return $0.childID.precedesInCodePoints($1.childID)
        }
    }
}

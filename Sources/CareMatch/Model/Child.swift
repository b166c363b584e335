/// A child in the care directory (one row of `children.csv`).
public struct Child: Sendable, Hashable {
    public var id: String
    public var group: ChildGroup
    public var county: String
    public var township: String
    public var location: GeoPoint
    public var age: Int?
    /// Interest tags, as written (order kept, duplicates removed).
    public var interests: [String]
    /// N in "1+N": supporting moms wanted besides the lead mom.
    public var supportersWanted: Int
    /// The child's current lead mom (from last quarter), if any.
    public var pairedMomID: String?
    /// Physical line of the row in its file (1-based, header = 1); 0 when made in code.
    public var line: Int

    public init(id: String, group: ChildGroup, county: String, township: String = "",
                location: GeoPoint, age: Int? = nil, interests: [String] = [],
                supportersWanted: Int = 0, pairedMomID: String? = nil, line: Int = 0) {
        self.id = id; self.group = group; self.county = county; self.township = township
        self.location = location; self.age = age; self.interests = interests
        self.supportersWanted = supportersWanted; self.pairedMomID = pairedMomID; self.line = line
    }
}

/// A volunteer "mom" who can be paired with children (one row of `moms.csv`).
public struct Mom: Sendable, Hashable {
    public var id: String
    public var county: String
    public var township: String
    public var location: GeoPoint
    /// Most children she can take on in total, as lead or support.
    public var capacity: Int
    /// Skill tags, same vocabulary as children's interests.
    public var skills: [String]
    /// Farthest she will travel in km; `nil` means the setting `pairing.max_km`.
    public var maxKm: Double?
    public var allianceMember: Bool?
    public var line: Int

    public init(id: String, county: String, township: String = "", location: GeoPoint,
                capacity: Int, skills: [String] = [], maxKm: Double? = nil,
                allianceMember: Bool? = nil, line: Int = 0) {
        self.id = id; self.county = county; self.township = township; self.location = location
        self.capacity = capacity; self.skills = skills; self.maxKm = maxKm
        self.allianceMember = allianceMember; self.line = line
    }
}

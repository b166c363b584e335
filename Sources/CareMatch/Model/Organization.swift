/// The kinds of alliance member organizations.
public enum OrganizationKind: String, CaseIterable, Sendable, Codable {
    case socialOrganization = "social_organization"
    case chamberOfCommerce = "chamber_of_commerce"
    case enterprise = "enterprise"
    case publicInstitution = "public_institution"
    case individual = "individual"
}

/// An alliance member organization (one row of `organizations.csv`).
public struct Organization: Sendable, Hashable {
    public var id: String
    public var name: String
    public var kind: OrganizationKind
    public var county: String
    public var line: Int

    public init(id: String, name: String, kind: OrganizationKind, county: String, line: Int = 0) {
        self.id = id; self.name = name; self.kind = kind; self.county = county; self.line = line
    }
}

/// Where an offer may be used.
public enum ServiceArea: Sendable, Hashable {
    /// The offer's own county only (the default).
    case ownCounty
    /// Every county of the dataset.
    case city
    /// Exactly the listed counties.
    case counties([String])
}

/// One offer of an organization: funds (yuan) or units of a category in kind (one row of `offers.csv`).
public struct Offer: Sendable, Hashable {
    public var id: String
    public var orgID: String
    public var resource: Resource
    /// A catalog category; for funds `any` or the earmarked category.
    public var category: String
    /// Units of the category, or yuan for funds.
    public var quantity: Double
    public var county: String
    public var serves: ServiceArea
    /// `nil` means all groups.
    public var eligibleGroups: Set<ChildGroup>?
    public var line: Int

    /// The category value that marks unearmarked money.
    public static let anyCategory = "any"

    public init(id: String, orgID: String, resource: Resource, category: String, quantity: Double,
                county: String, serves: ServiceArea = .ownCounty,
                eligibleGroups: Set<ChildGroup>? = nil, line: Int = 0) {
        self.id = id; self.orgID = orgID; self.resource = resource; self.category = category
        self.quantity = quantity; self.county = county; self.serves = serves
        self.eligibleGroups = eligibleGroups; self.line = line
    }

    /// True when the offer is money (it buys units at the catalog price).
    public var isFunds: Bool { resource == .funds }

    /// The counties this offer may serve, given all counties of the dataset.
    public func servedCounties(allCounties: [String]) -> [String] {
        switch serves {
        case .ownCounty: return [county]
        case .city: return allCounties
        case .counties(let list): return list
        }
    }

    /// Whether a child of `group` is eligible.
    public func accepts(_ group: ChildGroup) -> Bool { eligibleGroups?.contains(group) ?? true }
}

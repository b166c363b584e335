/// What kind of offer provides help: money, or one of the in-kind resources.
public enum Resource: String, CaseIterable, Sendable, Codable, Comparable {
    case funds, people, venue, equipment
    public static func < (a: Resource, b: Resource) -> Bool { a.rawValue < b.rawValue }
}

/// A kind of help (category): its unit and its price when bought (one row of `catalog.csv`).
public struct CatalogEntry: Sendable, Hashable {
    public var category: String
    /// The in-kind resource that provides it (never `.funds`).
    public var resource: Resource
    public var unit: String
    /// Price of one unit when bought with funds; `nil` means it cannot be bought.
    public var unitCostYuan: Double?
    /// Only whole units can go from one source to one need.
    public var integral: Bool
    public var line: Int

    public init(category: String, resource: Resource, unit: String, unitCostYuan: Double?,
                integral: Bool, line: Int = 0) {
        self.category = category; self.resource = resource; self.unit = unit
        self.unitCostYuan = unitCostYuan; self.integral = integral; self.line = line
    }
}

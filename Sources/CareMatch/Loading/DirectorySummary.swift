import Foundation

/// Counts of a dataset for the terminal (`carematch validate`): who is in the directory and what is offered and needed.
public struct DirectorySummary: Sendable, Hashable {
    public var name: String
    public var childCount: Int
    public var childrenByGroup: [ChildGroup: Int]
    public var childrenByCounty: [String: Int]
    public var momCount: Int
    public var momsByCounty: [String: Int]
    /// Sum of the moms' capacities.
    public var momCapacity: Int
    public var organizationCount: Int
    /// Offers by resource: how many, and their total quantity (yuan for funds, units otherwise).
    public var offersByResource: [Resource: (count: Int, quantity: Double)]
    /// Total yuan of the funds offers.
    public var fundsYuan: Double
    public var needCount: Int
    /// Needs by category: how many, and their total quantity.
    public var needsByCategory: [String: (count: Int, quantity: Double)]
    public var warningCount: Int

    public init(_ d: Dataset) {
        name = d.name
        childCount = d.children.count
        childrenByGroup = [:]; childrenByCounty = [:]
        for c in d.children { childrenByGroup[c.group, default: 0] += 1; childrenByCounty[c.county, default: 0] += 1 }
        momCount = d.moms.count
        momsByCounty = [:]; momCapacity = 0
        for m in d.moms { momsByCounty[m.county, default: 0] += 1; momCapacity += max(0, m.capacity) }
        organizationCount = d.organizations.count
        offersByResource = [:]; fundsYuan = 0
        for o in d.offers {
            let cur = offersByResource[o.resource] ?? (0, 0)
            offersByResource[o.resource] = (cur.count + 1, cur.quantity + o.quantity)
            if o.isFunds { fundsYuan += o.quantity }
        }
        needCount = d.needs.count
        needsByCategory = [:]
        for n in d.needs {
            let cur = needsByCategory[n.category] ?? (0, 0)
            needsByCategory[n.category] = (cur.count + 1, cur.quantity + n.quantity)
        }
        warningCount = d.warnings.count
    }

    public static func == (a: DirectorySummary, b: DirectorySummary) -> Bool { a.render() == b.render() }
    public func hash(into h: inout Hasher) { h.combine(render()) }

    /// A plain-text block, keys in code-point order, numbers with at most 2 decimals.
    public func render() -> String {
        func n(_ x: Double) -> String { Decimals.format(x, maxDecimals: 2) }
        func sorted<V>(_ d: [String: V]) -> [(String, V)] { d.sorted { $0.key.precedesInCodePoints($1.key) }.map { ($0.key, $0.value) } }
        var s = "Dataset \(name)\n"
        s += "  children: \(childCount)\n"
        for g in ChildGroup.allCases { s += "    \(g.rawValue): \(childrenByGroup[g] ?? 0)\n" }
        s += "    by county: " + sorted(childrenByCounty).map { "\($0.0) \($0.1)" }.joined(separator: ", ") + "\n"
        s += "  moms: \(momCount), total capacity \(momCapacity)\n"
        s += "    by county: " + sorted(momsByCounty).map { "\($0.0) \($0.1)" }.joined(separator: ", ") + "\n"
        s += "  organizations: \(organizationCount)\n"
        s += "  offers: \(offersByResource.values.reduce(0) { $0 + $1.count })\n"
        for r in Resource.allCases {
            let v = offersByResource[r] ?? (0, 0)
            s += "    \(r.rawValue): \(v.count) offer\(v.count == 1 ? "" : "s"), " + (r == .funds ? "\(n(fundsYuan)) yuan" : "\(n(v.quantity)) units") + "\n"
        }
        s += "  needs: \(needCount)\n"
        for (c, v) in sorted(needsByCategory) { s += "    \(c): \(v.count) need\(v.count == 1 ? "" : "s"), \(n(v.quantity)) units\n" }
        s += "  warnings: \(warningCount)\n"
        return s
    }
}

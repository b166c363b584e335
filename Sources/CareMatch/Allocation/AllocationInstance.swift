import Foundation

/// A need class: every need of one category, from children of one group in one county.
///
/// Whether a source can serve a need depends only on the need's class: an in-kind offer serves
/// it when the categories are equal, a funds offer when its category is `any` or equal and the
/// category has a price; both when the class's county is served and its group is eligible.
public struct AllocationClassKey: Sendable, Hashable, Codable {
    public var category: String
    public var county: String
    public var group: ChildGroup
    /// Set for a need touched by `overrides.csv`: the class holds that need alone
    /// (`AllocationOverrideClasses`).
    public var need: String? = nil

    /// Code-point order of (category, county, group), then the class of all needs before the
    /// classes of single needs, by need id.
    public func precedes(_ o: AllocationClassKey) -> Bool {
        if category != o.category { return category.precedesInCodePoints(o.category) }
        if county != o.county { return county.precedesInCodePoints(o.county) }
        if group != o.group { return group.rawValue.precedesInCodePoints(o.group.rawValue) }
        return (need ?? "").precedesInCodePoints(o.need ?? "") && o.need != nil
    }
}

/// Prices, quantities and units of the allocation in exact integers.
///
/// Prices and fund amounts have at most 2 decimals, so they are held in fen (1/100 yuan).
/// Units are counted in ticks: 1 tick = 1 unit in an integral category, 10⁻⁶ unit otherwise
/// (the plan's 6 decimals).
enum Exact {
    /// Ticks per unit of a category.
    static func ticksPerUnit(integral: Bool) -> Int64 { integral ? 1 : 1_000_000 }

    /// `x` in fen (rounded to the nearest fen).
    static func fen(_ yuan: Double) -> Int64 { Int64((yuan * 100).rounded()) }

    /// `x` units in ticks, rounded to the nearest tick.
    static func ticks(_ units: Double, perUnit: Int64) -> Int64 { Int64((units * Double(perUnit)).rounded()) }

    /// A double as the decimal it was most likely written as (its shortest round-trip text,
    /// exponent notation such as `1e-06` included), never its binary expansion.
    static func decimal(_ x: Double) -> Decimal {
        let s = "\(x)"
        let posix = Locale(identifier: "en_US_POSIX")
        guard let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
            return Decimal(string: s, locale: posix) ?? Decimal(x)
        }
        guard let mantissa = Decimal(string: String(s[..<e]), locale: posix), let exponent = Int(s[s.index(after: e)...]) else {
            return Decimal(x)
        }
        return Decimal(sign: mantissa.sign, exponent: exponent, significand: mantissa.magnitude)
    }
}

/// The allocation problem of a dataset, grouped by need class (contract section 6).
///
/// Built in O(offers × classes each may serve + needs) through a dictionary keyed by
/// (category, county, group): no (source, need) pair is ever enumerated.
public struct AllocationInstance: Sendable {
    /// A class of needs and who may serve it.
    public struct NeedClass: Sendable {
        public var key: AllocationClassKey
        /// Dataset positions of the needs, sorted by need id (code points).
        public var needs: [Int]
        /// Groups of needs with the same value per unit, in order of first need id.
        public var valueGroups: [ValueGroup]
        /// Offers (dataset positions) that may serve the class, sorted by offer id.
        public var sources: [Int]
        public var integral: Bool
        /// Unit price in yuan when bought, `nil` when it cannot be bought.
        public var unitCost: Double?
    }

    /// Needs of one class with the same priority and the same quantity, whose units are worth the same.
    ///
    /// Needs of one class share the child's group, so a unit's value
    /// `need_points · w · priority / quantity` depends only on priority and quantity. Flow into
    /// the group can be split onto its needs in any way that respects each need's quantity
    /// without changing the score; in an integral category all quantities are whole, so filling
    /// needs one after another in id order keeps units whole. (Needs with the same value but
    /// another priority are kept apart, so that the units a plan covers are known by priority.)
    public struct ValueGroup: Sendable {
        public var needs: [Int]
        public var priority: Int
        /// Points per unit (need_points · w · priority / quantity).
        public var valuePerUnit: Double
        public var totalQuantity: Double
    }

    public let dataset: Dataset
    public let index: DatasetIndex
    public let counties: [String]
    public let classes: [NeedClass]
    public let classByKey: [AllocationClassKey: Int]
    /// Class of each need (dataset position), or -1 when its child or category is unknown.
    public let needClass: [Int]
    /// Classes each offer may serve, ascending.
    public let offerClasses: [[Int]]
    /// Dataset positions of offers sorted by id.
    public let offerOrder: [Int]
    /// Rank of each offer and each need in id order (code points).
    public let offerRank: [Int]
    public let needRank: [Int]
    /// Units locked by `overrides.csv` from an offer into a class (offer → class → units);
    /// empty without overrides.
    public let lockedUnits: [Int: [Int: Double]]

    public init(dataset d: Dataset) {
        let overrides = AllocationOverrideClasses(d)
        dataset = d
        index = d.index
        counties = d.counties
        let catalog = index.catalogByCategory
        // 1. Classes of the needs.
        var keyOf = [AllocationClassKey?](repeating: nil, count: d.needs.count)
        var keySet = Set<AllocationClassKey>()
        for (i, n) in d.needs.enumerated() {
            guard let c = index.childByID[n.childID], catalog[n.category] != nil else { continue }
            let child = d.children[c]
            var k = AllocationClassKey(category: n.category, county: child.county, group: child.group)
            if overrides.touched.contains(i) { k.need = n.id }
            keyOf[i] = k
            keySet.insert(k)
        }
        let keys = keySet.sorted { $0.precedes($1) }
        var byKey = [AllocationClassKey: Int](minimumCapacity: keys.count)
        for (i, k) in keys.enumerated() { byKey[k] = i }
        classByKey = byKey
        var members = [[Int]](repeating: [], count: keys.count)
        var nc = [Int](repeating: -1, count: d.needs.count)
        for i in 0..<d.needs.count { if let k = keyOf[i], let c = byKey[k] { nc[i] = c; members[c].append(i) } }
        needClass = nc
        // 2. Offers → classes, through the key index.
        let order = (0..<d.offers.count).sorted { d.offers[$0].id.precedesInCodePoints(d.offers[$1].id) }
        offerOrder = order
        var oRank = [Int](repeating: 0, count: d.offers.count)
        for (r, o) in order.enumerated() { oRank[o] = r }
        offerRank = oRank
        var nRank = [Int](repeating: 0, count: d.needs.count)
        for (r, n) in (0..<d.needs.count).sorted(by: { d.needs[$0].id.precedesInCodePoints(d.needs[$1].id) }).enumerated() { nRank[n] = r }
        needRank = nRank
        let purchasable = d.catalog.filter { $0.unitCostYuan != nil }.map(\.category)
        var oc = [[Int]](repeating: [], count: d.offers.count)
        var sources = [[Int]](repeating: [], count: keys.count)
        for o in order {
            let offer = d.offers[o]
            guard offer.quantity > 0 else { continue }
            var cats: [String]
            if offer.isFunds {
                cats = offer.category == Offer.anyCategory ? purchasable
                    : (catalog[offer.category].flatMap { d.catalog[$0].unitCostYuan } != nil ? [offer.category] : [])
            } else {
                cats = catalog[offer.category] != nil ? [offer.category] : []
            }
            cats = Array(Set(cats))
            let served = Array(Set(offer.servedCounties(allCounties: counties)))
            var list: [Int] = []
            for cat in cats {
                for county in served {
                    for g in ChildGroup.allCases where offer.accepts(g) {
                        let base = AllocationClassKey(category: cat, county: county, group: g)
                        if let c = byKey[base] { list.append(c) }
                        for n in overrides.needsByClass[base] ?? [] where !overrides.forbidden.contains(.init(offer: o, need: n)) {
                            var k = base; k.need = d.needs[n].id
                            if let c = byKey[k] { list.append(c) }
                        }
                    }
                }
            }
            list.sort()
            oc[o] = list
            for c in list { sources[c].append(o) }
        }
        offerClasses = oc
        var locked: [Int: [Int: Double]] = [:]
        for l in overrides.locks where nc[l.need] >= 0 { locked[l.offer, default: [:]][nc[l.need], default: 0] += l.units }
        lockedUnits = locked
        // 3. Value groups within each class.
        let s = d.settings
        var cls: [NeedClass] = []
        cls.reserveCapacity(keys.count)
        for (c, k) in keys.enumerated() {
            let needs = members[c].sorted { nRank[$0] < nRank[$1] }
            let entry = d.catalog[catalog[k.category]!]
            var groupOf: [String: Int] = [:]
            var groups: [ValueGroup] = []
            let w = s.weight(k.group)
            for n in needs {
                let need = d.needs[n]
                let label = Self.ratioLabel(priority: need.priority, quantity: need.quantity)
                if let g = groupOf[label] {
                    groups[g].needs.append(n); groups[g].totalQuantity += need.quantity
                } else {
                    groupOf[label] = groups.count
                    groups.append(ValueGroup(needs: [n], priority: need.priority, valuePerUnit: s.needPoints * w * Double(need.priority) / need.quantity,
                                             totalQuantity: need.quantity))
                }
            }
            cls.append(NeedClass(key: k, needs: needs, valueGroups: groups, sources: sources[c],
                                 integral: entry.integral, unitCost: entry.unitCostYuan))
        }
        classes = cls
    }

    /// The exact label of a value group: the priority and the quantity's bits.
    static func ratioLabel(priority: Int, quantity: Double) -> String {
        "\(priority)|\(quantity.bitPattern)"
    }
}

extension AllocationInstance {
    /// A valid upper bound on the allocation score that needs no solve: every need of a class
    /// that some source may serve fully covered, and no money spent.
    var fullCoverageBound: Double {
        var total = 0.0
        for cls in classes where !cls.sources.isEmpty {
            for g in cls.valueGroups { total += g.valuePerUnit * g.totalQuantity }
        }
        return total
    }
}

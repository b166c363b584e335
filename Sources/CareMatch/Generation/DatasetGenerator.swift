/// Makes a synthetic but realistic planning round for Quzhou: the care directory, the volunteer
/// moms, the alliance's organizations and offers, the children's needs, and a coordinator-like
/// manual plan (see `CoordinatorHeuristic`).
///
/// Every number comes from `SplitMix64` streams derived from `seed`, drawn in a fixed order, so
/// the same `(scale, seed)` gives the same dataset — and, through `DatasetWriter`, the same
/// bytes — on every machine. Nothing depends on dictionary or set iteration order.
///
/// Sizes at scale S (rounded half away from zero):
/// - children `2414·S`, moms `3871·S`;
/// - organizations `max(68, 68·√S)`: the alliance grows more slowly than the directory;
/// - the child-friendly charitable fund `1,430,000·S` yuan (five offers: unearmarked and
///   earmarked for rehabilitation, medical check-ups, psychological counselling and books);
/// - in-kind offers per (category, county) about `2·√S`, their quantities following demand.
///
/// - Complexity: about O(n) in the number of children and moms: neighbour searches use
///   `SpatialGrid` (through `NeighbourIndex`) with a cell size that shrinks as the density grows,
///   never an O(children × moms) loop.
///
/// Coordinates are whole micro-degrees and the scatter uses no transcendental function, so the
/// data itself does not depend on the platform's `libm`; only the contract distance (haversine)
/// used to check reach does, and it could differ in the last bit only at a 0.005 km rounding
/// boundary.
public struct DatasetGenerator: Sendable {
    public var scale: Double
    public var seed: UInt64
    /// How money is offered: Quzhou's (the default) or a differently shaped alliance, so that
    /// the engine is measured on data unlike its own generator's (see `FundingShape`).
    public var funding = FundingShape.quzhou
    /// Where moms and children live and how far they reach (see `PairingShape`).
    public var pairing = PairingShape.quzhou

    /// The seed of the bundled `Datasets/quzhou` dataset.
    public static let quzhouSeed: UInt64 = 20240601

    /// Children, moms and organizations at scale 1.
    public static let baseChildren = 2414
    public static let baseMoms = 3871
    public static let baseOrganizations = 68
    /// The child-friendly charitable fund at scale 1, yuan.
    public static let baseFundYuan = 1_430_000

    public init(scale: Double = 1, seed: UInt64 = DatasetGenerator.quzhouSeed) {
        precondition(scale > 0 && scale.isFinite, "scale must be a positive number")
        self.scale = scale; self.seed = seed
    }

    /// The tags children's interests and moms' skills are drawn from.
    public static let tags = ["reading", "sports", "arts", "science", "music", "crafts", "nature"]

    /// The catalog of the generated datasets (contract section 1).
    public static let catalog: [CatalogEntry] = [
        CatalogEntry(category: "sports_equipment", resource: .equipment, unit: "kit", unitCostYuan: 180, integral: true),
        CatalogEntry(category: "books", resource: .equipment, unit: "item", unitCostYuan: 35, integral: true),
        CatalogEntry(category: "learning_supplies", resource: .equipment, unit: "kit", unitCostYuan: 120, integral: true),
        CatalogEntry(category: "tutoring", resource: .people, unit: "hour", unitCostYuan: 80, integral: false),
        CatalogEntry(category: "medical_checkup", resource: .people, unit: "session", unitCostYuan: 300, integral: true),
        CatalogEntry(category: "rehabilitation", resource: .people, unit: "session", unitCostYuan: 260, integral: true),
        CatalogEntry(category: "psych_counseling", resource: .people, unit: "session", unitCostYuan: 200, integral: true),
        CatalogEntry(category: "activity_venue", resource: .venue, unit: "seat", unitCostYuan: nil, integral: true),
        CatalogEntry(category: "exchange_trip", resource: .venue, unit: "seat", unitCostYuan: 600, integral: true),
        CatalogEntry(category: "family_education", resource: .people, unit: "session", unitCostYuan: 150, integral: true),
    ]

    /// Share of the fund in each of its offers: (category, share, eligible groups).
    static let fundSplit: [(String, Double, Set<ChildGroup>?)] = [
        ("rehabilitation", 250_000.0 / 1_430_000, [.specialNeeds]),
        ("medical_checkup", 150_000.0 / 1_430_000, nil),
        ("psych_counseling", 100_000.0 / 1_430_000, nil),
        ("books", 100_000.0 / 1_430_000, [.leftBehind, .disadvantaged]),
        (Offer.anyCategory, 830_000.0 / 1_430_000, nil),
    ]

    /// In-kind supply as a share of demand, per category (before the county's factor).
    static let supplyRatio: [String: Double] = [
        "sports_equipment": 0.50, "books": 0.45, "learning_supplies": 0.40, "tutoring": 0.45,
        "medical_checkup": 0.55, "rehabilitation": 0.30, "psych_counseling": 0.40,
        "activity_venue": 0.95, "exchange_trip": 0.30, "family_education": 0.65,
    ]

    /// Relative frequency of each need category for each group (catalog order).
    static func needWeights(_ g: ChildGroup) -> [Double] {
        switch g {
        //                 sport books supp tutor med  rehab psych venue trip  family
        case .leftBehind: return [0.6, 1.2, 0.6, 1.6, 0.4, 0.0, 0.6, 0.7, 0.4, 1.2]
        case .disadvantaged: return [0.8, 1.0, 1.4, 1.0, 0.8, 0.0, 0.3, 0.5, 0.3, 0.5]
        case .specialNeeds: return [0.3, 0.3, 0.5, 0.4, 1.0, 2.2, 1.6, 0.3, 0.1, 0.5]
        }
    }

    static func rounded(_ x: Double) -> Int { Int(x.rounded(.toNearestOrAwayFromZero)) }

    static func id(_ prefix: String, _ n: Int, width: Int) -> String {
        let digits = String(n)
        return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func width(_ count: Int, atLeast w: Int) -> Int { max(w, String(count).count) }

    /// A coordinate in whole micro-degrees, so it is written and read back exactly.
    static func micro(_ x: Double) -> Double { (x * 1_000_000).rounded(.toNearestOrAwayFromZero) / 1_000_000 }

    /// A point scattered around (lat, lon) with a Gaussian of `sigmaKm`.
    static func scatter(_ r: inout SplitMix64, lat: Double, lon: Double, sigmaKm: Double) -> GeoPoint {
        let dy = r.gaussian() * sigmaKm, dx = r.gaussian() * sigmaKm
        return GeoPoint(lat: micro(lat + dy / QuzhouGeography.kmPerDegreeLat),
                        lon: micro(lon + dx / QuzhouGeography.kmPerDegreeLon))
    }

    /// Tags in vocabulary order.
    static func drawTags(_ r: inout SplitMix64, count: Int, weights: [Double]) -> [String] {
        r.distinct(count, weights: weights).map { tags[$0] }
    }

    /// A grid cell size suited to `n` points over the city (about 50 points per 25 km disc).
    static func cellKm(for n: Int) -> Double { min(5, max(0.2, 25 / (Double(max(n, 1)) / 50).squareRoot())) }

    /// The dataset.
    public func generate() -> Dataset {
        let geo = QuzhouGeography.counties
        let s = scale, root = scale.squareRoot()
        let nChildren = Self.rounded(Double(Self.baseChildren) * s)
        let nMoms = Self.rounded(Double(Self.baseMoms) * s)
        let nOrgs = max(Self.baseOrganizations, Self.rounded(Double(Self.baseOrganizations) * root))
        let settings = Settings()

        // MARK: moms (stream 1)
        var r = SplitMix64(seed: seed, stream: 1)
        var momSlots: [(Int, Int)] = []
        for (ci, n) in apportion(nMoms, weights: geo.map(\.momShare)).enumerated() {
            for (ti, k) in apportion(n, weights: geo[ci].townships.map(\.momWeight)).enumerated() {
                momSlots += Array(repeating: (ci, ti), count: k)
            }
        }
        r.shuffle(&momSlots)
        let momWidth = Self.width(nMoms, atLeast: 6)
        let skillWeights = [1.3, 1.0, 1.0, 0.8, 0.8, 1.1, 0.7]
        var moms: [Mom] = []
        moms.reserveCapacity(nMoms)
        for (i, (ci, ti)) in momSlots.enumerated() {
            let t = geo[ci].townships[ti]
            let p = Self.scatter(&r, lat: t.lat, lon: t.lon, sigmaKm: t.sigmaKm)
            let capacity = [0, 1, 2, 3][r.weighted([0.04, 0.35, 0.38, 0.23])]
            let skills = Self.drawTags(&r, count: 1 + r.weighted([0.45, 0.40, 0.15]), weights: skillWeights)
            let maxKm: Double? = r.chance(0.3) ? [10, 12, 15, 20][r.index(4)] : nil
            let member: Bool? = [true, false, nil][r.weighted([0.4, 0.5, 0.1])]
            moms.append(Mom(id: Self.id("M", i + 1, width: momWidth), county: geo[ci].name,
                            township: t.name, location: p, capacity: capacity, skills: skills,
                            maxKm: maxKm, allianceMember: member))
        }
        let momGrid = NeighbourIndex(points: moms.map(\.location), cellKm: Self.cellKm(for: nMoms))
        func reach(_ m: Mom) -> Double { min(m.maxKm ?? settings.maxKm, settings.maxKm) }

        // MARK: children (stream 2)
        r = SplitMix64(seed: seed, stream: 2)
        var childSlots: [(county: Int, township: Int, remote: Bool)] = []
        for (ci, n) in apportion(nChildren, weights: geo.map(\.childShare)).enumerated() {
            let c = geo[ci]
            let remote = c.remote.isEmpty ? 0 : min(n, Self.rounded(Double(c.remoteChildren) * s))
            for (ti, k) in apportion(remote, weights: c.remote.map(\.childWeight)).enumerated() {
                childSlots += Array(repeating: (ci, ti, true), count: k)
            }
            for (ti, k) in apportion(n - remote, weights: c.townships.map(\.childWeight)).enumerated() {
                childSlots += Array(repeating: (ci, ti, false), count: k)
            }
        }
        r.shuffle(&childSlots)
        let childWidth = Self.width(nChildren, atLeast: 6)
        let interestWeights = [1.2, 1.3, 1.0, 0.9, 0.8, 0.7, 0.8]
        var children: [Child] = []
        children.reserveCapacity(nChildren)
        for (i, slot) in childSlots.enumerated() {
            let c = geo[slot.county]
            let t = slot.remote ? c.remote[slot.township] : c.townships[slot.township]
            var p = Self.scatter(&r, lat: t.lat, lon: t.lon, sigmaKm: t.sigmaKm)
            if slot.remote {
                // Push the village outward (away from the county seat) until no mom is within reach.
                var step = 0
                while step < 60 {
                    var any = false
                    momGrid.forEach(within: settings.maxKm, of: p) { _, _ in any = true }
                    if !any { break }
                    step += 1
                    let dy = t.lat - c.lat, dx = t.lon - c.lon
                    let norm = (dy * dy + dx * dx).squareRoot()
                    p = GeoPoint(lat: Self.micro(p.lat + 0.01 * dy / norm), lon: Self.micro(p.lon + 0.01 * dx / norm))
                }
            }
            let pLeft = c.leftBehindRate, pSpecial = 0.15
            let group: ChildGroup = [.leftBehind, .disadvantaged, .specialNeeds][
                r.weighted([pLeft, 1 - pLeft - pSpecial, pSpecial])]
            let age = 3 + r.index(14)
            let interests = Self.drawTags(&r, count: 1 + r.weighted([0.35, 0.45, 0.20]), weights: interestWeights)
            let supporters = group == .specialNeeds
                ? 1 + r.weighted([0.30, 0.45, 0.25])
                : r.weighted([0.50, 0.35, 0.15])
            children.append(Child(id: Self.id("C", i + 1, width: childWidth), group: group,
                                  county: c.name, township: t.name, location: p, age: age,
                                  interests: interests, supportersWanted: supporters))
        }

        // MARK: last quarter's lead moms (stream 3)
        r = SplitMix64(seed: seed, stream: 3)
        var pairedCount = [Int](repeating: 0, count: moms.count)
        for i in children.indices {
            guard r.chance(0.37) else { continue }
            let p = children[i].location
            var radius = momGrid.cellKm
            var chosen: Int?
            while true {
                var cands: [Int] = []
                momGrid.forEach(within: radius, of: p) { m, d in
                    if pairedCount[m] < moms[m].capacity && Double(d) <= reach(moms[m]) * 100 + 1e-9 { cands.append(m) }
                }
                if cands.count >= 3 || (radius >= settings.maxKm && !cands.isEmpty) {
                    cands.sort()
                    chosen = cands[r.index(cands.count)]
                    break
                }
                if radius >= settings.maxKm { break }
                radius = min(settings.maxKm, radius * 2)
            }
            if let m = chosen {
                children[i].pairedMomID = moms[m].id
                pairedCount[m] += 1
            }
        }

        // MARK: needs (stream 4)
        r = SplitMix64(seed: seed, stream: 4)
        let catalog = Self.catalog
        let catIndex = Dictionary(uniqueKeysWithValues: catalog.enumerated().map { ($1.category, $0) })
        var needs: [Need] = []
        needs.reserveCapacity(nChildren * 2)
        var raw: [(child: Int, cat: Int, qty: Double, priority: Int)] = []
        for (i, child) in children.enumerated() {
            let k = 1 + r.weighted([0.35, 0.40, 0.25])
            for cat in r.distinct(k, weights: Self.needWeights(child.group)) {
                let qty: Double
                switch catalog[cat].category {
                case "tutoring": qty = Double(16 + r.index(33)) / 2          // 8…24 h, half hours
                case "books": qty = Double(2 + r.index(7))                    // 2…8 items
                case "learning_supplies": qty = Double(1 + r.index(2))
                case "sports_equipment": qty = 1
                case "medical_checkup": qty = child.group == .specialNeeds && r.chance(0.4) ? 2 : 1
                case "rehabilitation": qty = Double(6 + r.index(11))         // 6…16 sessions
                case "psych_counseling": qty = Double(2 + r.index(7))        // 2…8 sessions
                case "activity_venue": qty = Double(1 + r.index(4))
                case "exchange_trip": qty = 1
                default: qty = Double(1 + r.index(4))                          // family_education
                }
                var priority: Int
                switch child.group {
                case .specialNeeds: priority = 3 + r.index(3)
                case .leftBehind: priority = 2 + r.index(4)
                case .disadvantaged: priority = 1 + r.index(4)
                }
                if ["rehabilitation", "medical_checkup"].contains(catalog[cat].category) { priority = min(5, priority + 1) }
                raw.append((i, cat, qty, priority))
            }
        }
        let needWidth = Self.width(raw.count, atLeast: 6)
        for (j, n) in raw.enumerated() {
            needs.append(Need(id: Self.id("N", j + 1, width: needWidth), childID: children[n.child].id,
                              category: catalog[n.cat].category, quantity: n.qty, priority: n.priority))
        }

        // MARK: organizations (stream 5)
        r = SplitMix64(seed: seed, stream: 5)
        let orgWidth = Self.width(nOrgs, atLeast: 3)
        var organizations = [Organization(id: Self.id("ORG", 1, width: orgWidth), name: "衢州市儿童友好慈善基金",
                                          kind: .socialOrganization, county: "Kecheng")]
        let kinds: [OrganizationKind] = [.socialOrganization, .chamberOfCommerce, .enterprise, .publicInstitution, .individual]
        let kindCounts = apportion(nOrgs - 1, weights: [0.28, 0.12, 0.32, 0.18, 0.10])
        var orgKinds: [OrganizationKind] = []
        for (k, n) in kindCounts.enumerated() { orgKinds += Array(repeating: kinds[k], count: n) }
        r.shuffle(&orgKinds)
        var usedNames = Set(organizations.map(\.name))
        var anonymous = 0
        for (i, kind) in orgKinds.enumerated() {
            let ci = r.weighted([0.30, 0.16, 0.15, 0.15, 0.12, 0.12])
            let c = geo[ci]
            var name = OrganizationNames.make(kind: kind, county: c.chinese, rng: &r, anonymous: &anonymous)
            if usedNames.contains(name) {
                var k = 2
                while usedNames.contains(name + "（\(k)）") { k += 1 }
                name += "（\(k)）"
            }
            usedNames.insert(name)
            organizations.append(Organization(id: Self.id("ORG", i + 2, width: orgWidth), name: name,
                                              kind: kind, county: c.name))
        }

        // MARK: offers (stream 6)
        r = SplitMix64(seed: seed, stream: 6)
        var offerSpecs: [(org: Int, resource: Resource, category: String, qty: Double, county: String,
                          serves: ServiceArea, groups: Set<ChildGroup>?)] = []
        // The child-friendly charitable fund: shares of round(1,430,000·S), the last one absorbing rounding.
        let fundTotal = Self.rounded(Double(Self.baseFundYuan) * s)
        var fundLeft = fundTotal
        for (k, part) in Self.fundSplit.enumerated() {
            let yuan = k == Self.fundSplit.count - 1 ? fundLeft : Self.rounded(Double(fundTotal) * part.1)
            fundLeft -= yuan
            offerSpecs.append((0, .funds, part.0, Double(yuan), "Kecheng", .city, part.2))
        }
        // In kind: per (category, county), a share of the demand, split among a few organizations.
        var demand = [[Double]](repeating: [Double](repeating: 0, count: geo.count), count: catalog.count)
        let countyIndex = Dictionary(uniqueKeysWithValues: geo.enumerated().map { ($1.name, $0) })
        let childIndex = Dictionary(uniqueKeysWithValues: children.enumerated().map { ($1.id, $0) })
        for n in needs { demand[catIndex[n.category]!][countyIndex[children[childIndex[n.childID]!].county]!] += n.quantity }
        func suitable(_ res: Resource) -> [OrganizationKind] {
            switch res {
            case .people: return [.socialOrganization, .publicInstitution, .individual]
            case .venue: return [.publicInstitution, .socialOrganization, .enterprise]
            default: return [.enterprise, .chamberOfCommerce, .socialOrganization]
            }
        }
        for (cat, entry) in catalog.enumerated() {
            for (ci, c) in geo.enumerated() {
                let target = demand[cat][ci] * Self.supplyRatio[entry.category]! * c.supplyFactor * r.uniform(0.8, 1.2)
                let k = max(1, Self.rounded(r.uniform(1, 3.5) * root))
                let w = (0..<k).map { _ in r.uniform(0.5, 1.5) }
                let wSum = w.reduce(0, +)
                let kinds = suitable(entry.resource)
                let local = organizations.indices.filter { $0 > 0 && organizations[$0].county == c.name && kinds.contains(organizations[$0].kind) }
                let anywhere = organizations.indices.filter { $0 > 0 && kinds.contains(organizations[$0].kind) }
                for j in 0..<k {
                    let step = entry.integral ? 1.0 : 0.5
                    let q = (target * w[j] / wSum / step).rounded(.toNearestOrAwayFromZero) * step
                    let pool = !local.isEmpty && r.chance(0.8) ? local : anywhere
                    let org = pool[r.index(pool.count)]
                    guard q > 0 else { continue }
                    let serves: ServiceArea
                    switch r.weighted([0.70, 0.15, 0.15]) {
                    case 0: serves = .ownCounty
                    case 1: serves = .counties([c.name] + [QuzhouGeography.neighbours[c.name]![0]])
                    default: serves = .city
                    }
                    var groups: Set<ChildGroup>? = nil
                    switch entry.category {
                    case "rehabilitation": if r.chance(0.7) { groups = [.specialNeeds] }
                    case "psych_counseling": if r.chance(0.25) { groups = [.leftBehind, .specialNeeds] }
                    case "tutoring": if r.chance(0.15) { groups = [.leftBehind] }
                    case "family_education": if r.chance(0.3) { groups = [.leftBehind] }
                    default: break
                    }
                    offerSpecs.append((org, entry.resource, entry.category, q, c.name, serves, groups))
                }
            }
        }
        // Organizations' own money: enterprises, chambers of commerce and individuals.
        let donors = organizations.indices.filter { [.enterprise, .chamberOfCommerce, .individual].contains(organizations[$0].kind) }
        let priced = ["books", "learning_supplies", "sports_equipment", "tutoring", "medical_checkup"]
        for _ in 0..<Self.rounded(10 * root) where !donors.isEmpty {
            let org = donors[r.index(donors.count)]
            let yuan = Double(Self.rounded(r.uniform(50, 300) * root)) * 100
            let category = r.chance(0.6) ? Offer.anyCategory : priced[r.index(priced.count)]
            let county = organizations[org].county
            let serves: ServiceArea
            switch r.weighted([0.60, 0.25, 0.15]) {
            case 0: serves = .ownCounty
            case 1: serves = .city
            default: serves = .counties([county] + QuzhouGeography.neighbours[county]!)
            }
            offerSpecs.append((org, .funds, category, yuan, county, serves, nil))
        }
        let offerWidth = Self.width(offerSpecs.count, atLeast: 4)
        let offers = offerSpecs.enumerated().map { j, o in
            Offer(id: Self.id("OF", j + 1, width: offerWidth), orgID: organizations[o.org].id,
                  resource: o.resource, category: o.category, quantity: o.qty, county: o.county,
                  serves: o.serves, eligibleGroups: o.groups)
        }

        var dataset = Dataset(name: "quzhou", children: children, moms: moms, organizations: organizations,
                              catalog: catalog, offers: offers, needs: needs, settings: settings)
        if funding != .quzhou { funding.reshape(&dataset, seed: seed) }
        if pairing != .quzhou { pairing.reshape(&dataset, seed: seed) }
        dataset.manualPairings = CoordinatorHeuristic.pairings(for: dataset)
        dataset.manualAllocations = CoordinatorHeuristic.allocations(for: dataset)
        return dataset
    }
}

/// Synthetic organization names (plain, generic Chinese; any likeness to a real body is chance).
enum OrganizationNames {
    static let words = ["春晖", "阳光", "同心", "启航", "明德", "衢韵", "暖阳", "向日葵", "彩虹", "南孔", "橙乡", "钱江源"]

    static func make(kind: OrganizationKind, county: String, rng r: inout SplitMix64, anonymous: inout Int) -> String {
        let w = words[r.index(words.count)]
        switch kind {
        case .socialOrganization:
            return county + w + ["公益服务中心", "志愿者协会", "社会工作服务社", "青少年发展中心"][r.index(4)]
        case .chamberOfCommerce:
            return county + ["青年企业家", "女企业家", "餐饮", "建材", "电子", "物流", "温州"][r.index(7)] + "商会"
        case .enterprise:
            return "衢州" + w + ["科技", "食品", "文化传媒", "建设", "纺织", "新材料", "物流", "农业"][r.index(8)] + "有限公司"
        case .publicInstitution:
            return county + ["青少年宫", "图书馆", "妇幼保健所", "残疾人康复中心", "文化馆", "体育中心", "心理健康服务站"][r.index(7)]
        case .individual:
            anonymous += 1
            return "爱心人士（匿名）" + String(anonymous)
        }
    }
}

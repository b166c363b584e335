/// What coordinators read off a pairing: reach, distances, fit and continuity.
public struct PairingKPIs: Sendable, Codable, Hashable {
    public var children: Int
    public var childrenWithLead: Int
    public var specialNeedsChildren: Int
    public var specialNeedsWithLead: Int
    public var supportSlotsWanted: Int
    public var supportSlotsFilled: Int
    public var pairs: Int
    public var meanDistanceKm: Double
    public var p90DistanceKm: Double
    public var sharedInterestPairs: Int
    /// Pairs where the mom is the child's `paired_mom_id`.
    public var continuityKept: Int
    /// Children with a `paired_mom_id` that the plan no longer pairs them with.
    public var changesFromLastQuarter: Int
    /// Children with a lead mom, by group raw value.
    public var withLeadByGroup: [String: Int]
    public var childrenByGroup: [String: Int]
    /// Children with a lead mom, by county.
    public var withLeadByCounty: [String: Int]
    public var childrenByCounty: [String: Int]
    /// Pairs by distance band: "0-2", "2-5", "5-10", "10-15", "15-20", "20-25", "25+" km.
    public var distanceHistogram: [Int]
    public static let distanceBands: [(String, Int)] = [("0–2 km", 200), ("2–5 km", 500), ("5–10 km", 1000), ("10–15 km", 1500), ("15–20 km", 2000), ("20–25 km", 2500), ("over 25 km", Int.max)]

    init(dataset d: Dataset, instance inst: PairingInstance, pairs: [EvaluatedPair]) {
        children = d.children.count
        var hasLead = [Bool](repeating: false, count: inst.childCount)
        var pairedWith = Set<Int64>()
        var shared = 0, cont = 0, filled = 0
        var dists: [Int] = []
        dists.reserveCapacity(pairs.count)
        var hist = [Int](repeating: 0, count: PairingKPIs.distanceBands.count)
        var supportCount = [Int](repeating: 0, count: inst.childCount)
        for p in pairs {
            if p.role == .lead { hasLead[p.child] = true } else { supportCount[p.child] += 1 }
            pairedWith.insert(Int64(p.child) * Int64(inst.momCount) + Int64(p.mom))
            if p.shared { shared += 1 }
            if p.continued { cont += 1 }
            dists.append(p.centikm)
            hist[PairingKPIs.distanceBands.firstIndex { p.centikm <= $0.1 } ?? hist.count - 1] += 1
        }
        var wanted = 0
        var changes = 0
        var byGroup: [String: Int] = [:], leadByGroup: [String: Int] = [:]
        var byCounty: [String: Int] = [:], leadByCounty: [String: Int] = [:]
        var sn = 0, snLead = 0
        for (c, child) in d.children.enumerated() {
            wanted += max(0, child.supportersWanted)
            filled += min(supportCount[c], max(0, child.supportersWanted))
            byGroup[child.group.rawValue, default: 0] += 1
            byCounty[child.county, default: 0] += 1
            if hasLead[c] {
                leadByGroup[child.group.rawValue, default: 0] += 1
                leadByCounty[child.county, default: 0] += 1
            }
            if child.group == .specialNeeds { sn += 1; if hasLead[c] { snLead += 1 } }
            if child.pairedMomID != nil {
                let m = inst.childPairedMom[c]
                if m < 0 || !pairedWith.contains(Int64(c) * Int64(inst.momCount) + Int64(m)) { changes += 1 }
            }
        }
        dists.sort()
        childrenWithLead = hasLead.filter { $0 }.count
        specialNeedsChildren = sn; specialNeedsWithLead = snLead
        supportSlotsWanted = wanted; supportSlotsFilled = filled
        self.pairs = pairs.count
        meanDistanceKm = dists.isEmpty ? 0 : Double(dists.reduce(0, +)) / Double(dists.count) / 100
        p90DistanceKm = dists.isEmpty ? 0 : Double(dists[Swift.min(dists.count - 1, Int((0.9 * Double(dists.count)).rounded(.up)) - 1)]) / 100
        sharedInterestPairs = shared; continuityKept = cont; changesFromLastQuarter = changes
        withLeadByGroup = leadByGroup; childrenByGroup = byGroup
        withLeadByCounty = leadByCounty; childrenByCounty = byCounty
        distanceHistogram = hist
    }
}

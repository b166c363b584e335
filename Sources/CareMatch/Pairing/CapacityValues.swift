/// What one more unit of mom capacity is worth in one area (a county or a township).
///
/// The gain of one more unit for one mom m lies between two proven figures:
/// - at most `λ_m`, her capacity's dual price: the optimal pairing's value is concave in her
///   capacity, and any optimal dual bounds its slope (a mom with free capacity has `λ_m = 0`:
///   more capacity changes nothing);
/// - at least the best single pair the unit makes possible on its own: a child within her reach
///   who wants one more mom (no lead mom: `w·lead_reward + v(m,c)`; short of supporting moms and
///   not hers already: `w·support_reward + v(m,c)`), every other pair kept.
///
/// For an area, `points` is the best lower figure over its moms at capacity and
/// `pointsUpperBound` the best upper one; when they agree (to 0.005) the value is `exact`.
/// `childrenWaiting` counts the area's children without a lead mom whose moms within reach are
/// all at capacity: capacity near them is what reaches more children.
public struct CapacityValue: Sendable, Codable, Hashable {
    public var area: String
    public var moms: Int
    public var momsAtCapacity: Int
    /// Points one more unit of capacity in the area is proven to gain (at least).
    public var points: Double
    /// Points it can gain at most.
    public var pointsUpperBound: Double
    /// `exact`, `bounded`, or `not_needed` (no mom of the area is at capacity).
    public var status: MarginalStatus
    /// The upper figure, as before (kept for readers of older summaries).
    public var maxPointsPerUnit: Double
    public var meanPointsPerUnitAtCapacity: Double
    public var childrenWaiting: Int
}

/// The capacity values of a pairing, by county and by "county/township".
public struct CapacityReport: Sendable, Hashable {
    public var counties: [CapacityValue]
    public var townships: [CapacityValue]
}

enum CapacityValues {
    /// Per county and per "county/township", sorted by area name (code points).
    /// - Complexity: one query of the mom grid per child short of moms.
    static func compute(_ d: Dataset, _ inst: PairingInstance, _ ev: PairingEvaluation, momDual: [Double]) -> CapacityReport {
        var load = [Int](repeating: 0, count: d.moms.count)
        var pairs = [Int](repeating: 0, count: d.children.count)
        var pairedWith = Set<Int64>()
        for p in ev.pairs {
            load[p.mom] += 1; pairs[p.child] += 1
            pairedWith.insert(Int64(p.child) * Int64(d.moms.count) + Int64(p.mom))
        }
        func full(_ m: Int) -> Bool { d.moms[m].capacity > 0 && load[m] >= d.moms[m].capacity }
        // The best single pair one more unit of each full mom makes possible, and who waits.
        var lower = [Double](repeating: 0, count: d.moms.count)
        var waiting: [Int] = []
        let scale = inst.weights.scale
        for c in 0..<d.children.count where pairs[c] < Int(inst.childSlots[c]) {
            let reward = pairs[c] == 0 ? inst.leadReward(c) : inst.supportReward(c)
            var inReach = 0, fullInReach = 0
            inst.forEachAllowedMom(of: c, within: inst.maxReach) { m, f in
                inReach += 1
                guard full(m) else { return }
                fullInReach += 1
                guard !pairedWith.contains(Int64(c) * Int64(d.moms.count) + Int64(m)) else { return }
                lower[m] = max(lower[m], scale.points(reward + f.value))
            }
            if pairs[c] == 0 && inReach > 0 && fullInReach == inReach { waiting.append(c) }
        }
        func build(_ key: (Mom) -> String, _ childKey: (Child) -> String) -> [CapacityValue] {
            var acc: [String: CapacityValue] = [:]
            var sums: [String: Double] = [:]
            func empty(_ k: String) -> CapacityValue {
                CapacityValue(area: k, moms: 0, momsAtCapacity: 0, points: 0, pointsUpperBound: 0, status: .notNeeded,
                              maxPointsPerUnit: 0, meanPointsPerUnitAtCapacity: 0, childrenWaiting: 0)
            }
            for (m, mom) in d.moms.enumerated() {
                let k = key(mom)
                var v = acc[k] ?? empty(k)
                v.moms += 1
                if full(m) {
                    v.momsAtCapacity += 1
                    v.pointsUpperBound = max(v.pointsUpperBound, momDual[m])
                    v.points = max(v.points, min(lower[m], momDual[m]))
                    sums[k, default: 0] += momDual[m]
                }
                acc[k] = v
            }
            for c in waiting {
                let k = childKey(d.children[c])
                var v = acc[k] ?? empty(k)
                v.childrenWaiting += 1
                acc[k] = v
            }
            return acc.keys.sorted { $0.precedesInCodePoints($1) }.map { k in
                var v = acc[k]!
                v.points = Decimals.round(v.points)
                v.pointsUpperBound = Decimals.roundUp(v.pointsUpperBound)
                v.maxPointsPerUnit = v.pointsUpperBound
                v.status = v.momsAtCapacity == 0 ? .notNeeded : (v.pointsUpperBound - v.points <= 0.005 ? .exact : .bounded)
                v.meanPointsPerUnitAtCapacity = v.momsAtCapacity == 0 ? 0 : Decimals.round((sums[k] ?? 0) / Double(v.momsAtCapacity))
                return v
            }
        }
        func area(_ county: String, _ township: String) -> String { township.isEmpty ? county : county + "/" + township }
        return CapacityReport(counties: build({ $0.county }, { $0.county }),
                              townships: build({ area($0.county, $0.township) }, { area($0.county, $0.township) }))
    }
}

extension PairingSolution {
    /// Mom capacity values by county and by township (see `CapacityValue`).
    public func capacityValues(_ d: Dataset) -> (counties: [CapacityValue], townships: [CapacityValue]) {
        (capacity.counties, capacity.townships)
    }
}

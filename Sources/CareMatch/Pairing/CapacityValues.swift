/// What mom capacity is worth in one area (a county or a township), from the pairing's duals.
///
/// `λ_m` prices one unit of mom m's capacity. The engine raises the potentials to the largest
/// values the optimum allows (they make the pricing proof cheapest), so `λ_m` is what the *last*
/// unit of her capacity is worth: `maxPointsPerUnit` is therefore an upper estimate of what one
/// more unit in the area brings. `childrenWaiting` counts the area's children without a lead mom
/// whose reachable moms are all at capacity: capacity near them is what reaches more children.
public struct CapacityValue: Sendable, Codable, Hashable {
    public var area: String
    public var moms: Int
    public var momsAtCapacity: Int
    public var maxPointsPerUnit: Double
    public var meanPointsPerUnitAtCapacity: Double
    public var childrenWaiting: Int
}

enum CapacityValues {
    /// Per county and per "county/township", sorted by area name (code points).
    static func compute(_ d: Dataset, _ ev: PairingEvaluation, momDual: [Double], unmet: [UnmetChild]) -> (counties: [CapacityValue], townships: [CapacityValue]) {
        var load = [Int](repeating: 0, count: d.moms.count)
        for p in ev.pairs { load[p.mom] += 1 }
        let waiting = unmet.filter { $0.reason.hasPrefix("moms within reach are all at capacity") }.map(\.child)
        func build(_ key: (Mom) -> String, _ childKey: (Child) -> String) -> [CapacityValue] {
            var acc: [String: CapacityValue] = [:]
            var sums: [String: Double] = [:]
            for (m, mom) in d.moms.enumerated() {
                let k = key(mom)
                var v = acc[k] ?? CapacityValue(area: k, moms: 0, momsAtCapacity: 0, maxPointsPerUnit: 0, meanPointsPerUnitAtCapacity: 0, childrenWaiting: 0)
                v.moms += 1
                if mom.capacity > 0 && load[m] >= mom.capacity {
                    v.momsAtCapacity += 1
                    v.maxPointsPerUnit = max(v.maxPointsPerUnit, momDual[m])
                    sums[k, default: 0] += momDual[m]
                }
                acc[k] = v
            }
            for c in waiting {
                let k = childKey(d.children[c])
                var v = acc[k] ?? CapacityValue(area: k, moms: 0, momsAtCapacity: 0, maxPointsPerUnit: 0, meanPointsPerUnitAtCapacity: 0, childrenWaiting: 0)
                v.childrenWaiting += 1
                acc[k] = v
            }
            return acc.keys.sorted { $0.precedesInCodePoints($1) }.map { k in
                var v = acc[k]!
                v.maxPointsPerUnit = Decimals.round(v.maxPointsPerUnit)
                v.meanPointsPerUnitAtCapacity = v.momsAtCapacity == 0 ? 0 : Decimals.round((sums[k] ?? 0) / Double(v.momsAtCapacity))
                return v
            }
        }
        return (build({ $0.county }, { $0.county }),
                build({ $0.township.isEmpty ? $0.county : $0.county + "/" + $0.township },
                      { $0.township.isEmpty ? $0.county : $0.county + "/" + $0.township }))
    }
}

extension PairingSolution {
    /// Mom capacity values by county and by township (see `CapacityValue`).
    public func capacityValues(_ d: Dataset) -> (counties: [CapacityValue], townships: [CapacityValue]) {
        CapacityValues.compute(d, evaluation, momDual: momDual, unmet: unmet)
    }
}

import Dispatch

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
    /// - Complexity: bounded grid walks, whichever way is cheaper. With few children short of
    ///   moms (a proven pairing), one query of the moms' grid per such child; with many (a
    ///   pairing cut short by the deadline on a dense map), one walk per full mom of a grid of
    ///   those children, nearest first, stopping where no child farther away can beat the best
    ///   pair found, and one walk per child without a lead that stops at her first mom in reach
    ///   with room.
    static func compute(_ d: Dataset, _ inst: PairingInstance, _ ev: PairingEvaluation, momDual: [Double]) -> CapacityReport {
        let (lower, waiting) = bestSinglePairs(d, inst, ev, byMom: nil)
        return report(d, inst, ev, momDual: momDual, lower: lower, waiting: waiting)
    }

    /// For each full mom, the best single pair one more unit of her capacity makes possible (in
    /// points; 0 when none), and the children without a lead whose moms in reach are all full.
    /// `byMom` forces the way (nil: the cheaper one, see `compute`); both give the same result.
    static func bestSinglePairs(_ d: Dataset, _ inst: PairingInstance, _ ev: PairingEvaluation,
                                byMom: Bool?) -> (lower: [Double], waiting: [Int]) {
        let (load, pairs, pairedWith) = tally(d, ev)
        let full = (0..<d.moms.count).map { d.moms[$0].capacity > 0 && load[$0] >= d.moms[$0].capacity }
        let short = (0..<d.children.count).filter { pairs[$0] < Int(inst.childSlots[$0]) }
        let fullCount = full.reduce(0) { $0 + ($1 ? 1 : 0) }
        let scale = inst.weights.scale
        @Sendable func reward(_ c: Int) -> Int64 { pairs[c] == 0 ? inst.leadReward(c) : inst.supportReward(c) }
        var lower = [Double](repeating: 0, count: d.moms.count)
        var waiting: [Int] = []
        // The cheaper way: each short child's moms in reach costs about short × (moms in reach,
        // sampled on up to 16 of them); the walks from the full moms about a few dozen children
        // each.
        func childSideIsCheaper() -> Bool {
            let sample = short.prefix(16)
            guard !sample.isEmpty else { return true }
            var inReach = 0
            for c in sample { inst.forEachAllowedMom(of: c, within: inst.maxReach) { _, _ in inReach += 1 } }
            return short.count * inReach / sample.count <= 64 * fullCount
        }
        if !(byMom ?? !childSideIsCheaper()) {
            // Few children short of moms: each one's moms in reach.
            for c in short {
                var inReach = 0, fullInReach = 0
                inst.forEachAllowedMom(of: c, within: inst.maxReach) { m, f in
                    inReach += 1
                    guard full[m] else { return }
                    fullInReach += 1
                    guard !pairedWith.contains(Int64(c) * Int64(d.moms.count) + Int64(m)) else { return }
                    lower[m] = max(lower[m], scale.points(reward(c) + f.value))
                }
                if pairs[c] == 0 && inReach > 0 && fullInReach == inReach { waiting.append(c) }
            }
            return (lower, waiting)
        }
        // Many: per full mom, the children short of moms nearest first, one grid per reward
        // (group, and lead or supporting mom wanted), largest reward first. A child of reward r
        // at distance d gains at most `r + fit·[shares an interest] − km_cost·d`; once a ring's
        // (or a cell's) lower bound on d leaves no more than the best found, nothing farther can
        // do better. Children whose current mom is m (the continuity bonus) are taken apart.
        let w = inst.weights
        let per = w.perCentikm
        let fitMax = max(0, w.fit)
        let rewards = Array(Set(short.map { reward($0) })).sorted(by: >)
        let classes: [(reward: Int64, children: [Int], grid: SpatialGrid, masks: [UInt64])] = rewards.map { r in
            let children = short.filter { reward($0) == r }
            let points = children.map { d.children[$0].location }
            let grid = SpatialGrid(points: points, cellKm: SpatialGrid.cellKm(for: points, perCell: 8, minKm: 0.25, maxKm: 2))
            var masks = [UInt64](repeating: 0, count: grid.cellCount)
            for cell in 0..<grid.cellCount {
                for k in grid.pointRange(ofCell: cell) { masks[cell] |= inst.interests.masks[children[grid.point(at: k)]] }
            }
            return (r, children, grid, masks)
        }
        let continuing: [[Int32]] = {
            var list = [[Int32]](repeating: [], count: d.moms.count)
            for c in short where inst.childPairedMom[c] >= 0 { list[Int(inst.childPairedMom[c])].append(Int32(c)) }
            return list
        }()
        let moms = (0..<d.moms.count).filter { full[$0] }
        let chunkCount = moms.count < 2_000 ? 1 : 16
        let found = ChunkResults<[(mom: Int32, units: Int64)]>(count: chunkCount, empty: [])
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var out: [(mom: Int32, units: Int64)] = []
            for m in moms[moms.count * chunk / chunkCount..<moms.count * (chunk + 1) / chunkCount] {
                var best = Int64.min
                func consider(_ c: Int, _ dist: Int) {
                    guard !pairedWith.contains(Int64(c) * Int64(d.moms.count) + Int64(m)) else { return }
                    best = max(best, reward(c) + inst.facts(mom: m, child: c, centikm: dist).value)
                }
                for c32 in continuing[m] {
                    let c = Int(c32)
                    let dist = Distance.centikm(inst.momLocation[m], inst.childLocation[c])
                    if dist <= Int(inst.momReach[m]) { consider(c, dist) }
                }
                let skills = inst.skills.masks[m]
                for cls in classes {
                    if best != .min && cls.reward + fitMax <= best { continue }
                    guard let q = cls.grid.query(withinCentikm: Int(inst.momReach[m]), of: inst.momLocation[m]) else { continue }
                    cls.grid.forEachCellByRings(q, ring: { gap in best == .min || cls.reward + fitMax - per * Int64(gap) > best }) { cell, near in
                        let cellFit = cls.masks[cell] & skills != 0 ? fitMax : 0
                        guard best == .min || cls.reward + cellFit - per * Int64(near) > best else { return }
                        for k in cls.grid.pointRange(ofCell: cell) {
                            let i = cls.grid.point(at: k), c = cls.children[i]
                            guard inst.childPairedMom[c] != Int32(m), let lb = cls.grid.nearestCentikm(q, i) else { continue }
                            let f = inst.interests.shares(c, with: inst.skills, m) ? fitMax : 0
                            guard best == .min || cls.reward + f - per * Int64(lb) > best else { continue }
                            let dist = cls.grid.centikm(q, i)
                            if dist <= q.limit { consider(c, dist) }
                        }
                    }
                }
                if best != .min { out.append((Int32(m), best)) }
            }
            found.buffer[chunk] = out
        }
        for list in found.buffer { for (m, units) in list { lower[Int(m)] = max(lower[Int(m)], scale.points(units)) } }
        // Children without a lead: waiting when some mom is in reach and every such mom is full;
        // the walk stops at the first one with room.
        for c in short where pairs[c] == 0 {
            guard let q = inst.momGrid.query(withinCentikm: inst.maxReach, of: inst.childLocation[c]) else { continue }
            var inReach = false, room = false
            inst.momGrid.forEachCellByRings(q, ring: { _ in !room }) { cell, _ in
                for k in inst.momGrid.pointRange(ofCell: cell) where !room {
                    let point = inst.momGrid.point(at: k), m = Int(inst.activeMoms[point])
                    guard inst.momGrid.nearestCentikm(q, point) != nil else { continue }
                    guard inst.momGrid.centikm(q, point) <= Int(inst.momReach[m]) else { continue }
                    inReach = true
                    if !full[m] { room = true }
                }
            }
            if inReach && !room { waiting.append(c) }
        }
        return (lower, waiting)
    }

    /// Each mom's number of children, each child's number of moms, and the pairs (`child · moms + mom`).
    private static func tally(_ d: Dataset, _ ev: PairingEvaluation) -> (load: [Int], pairs: [Int], pairedWith: Set<Int64>) {
        var load = [Int](repeating: 0, count: d.moms.count)
        var pairs = [Int](repeating: 0, count: d.children.count)
        var pairedWith = Set<Int64>()
        for p in ev.pairs {
            load[p.mom] += 1; pairs[p.child] += 1
            pairedWith.insert(Int64(p.child) * Int64(d.moms.count) + Int64(p.mom))
        }
        return (load, pairs, pairedWith)
    }

    /// The areas' values from each full mom's best single pair and the waiting children.
    private static func report(_ d: Dataset, _ inst: PairingInstance, _ ev: PairingEvaluation, momDual: [Double],
                               lower: [Double], waiting: [Int]) -> CapacityReport {
        var load = [Int](repeating: 0, count: d.moms.count)
        for p in ev.pairs { load[p.mom] += 1 }
        func full(_ m: Int) -> Bool { d.moms[m].capacity > 0 && load[m] >= d.moms[m].capacity }
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

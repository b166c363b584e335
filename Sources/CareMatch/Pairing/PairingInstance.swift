/// The pairing problem of contract section 5, precomputed for fast pair evaluation.
///
/// Children and moms keep their dataset positions. A pair (m, c) is allowed when the mom has
/// capacity and the rounded distance is within `min(mom.max_km, pairing.max_km)`. Values are in
/// the integer units of `weights.scale`.
public struct PairingInstance: Sendable {
    public let weights: PairingWeights
    public let childCount: Int
    public let momCount: Int
    let childLocation: [GeoPoint]
    let momLocation: [GeoPoint]
    /// 1 + supporters_wanted.
    let childSlots: [Int32]
    let childGroup: [ChildGroup]
    /// Dataset position of the child's current lead mom, or -1.
    let childPairedMom: [Int32]
    let momCapacity: [Int32]
    let momReach: [Int32]
    let interests: TagSets
    let skills: TagSets
    let momIDs: [String]
    let childIDs: [String]
    /// Grid over the moms with capacity > 0 (indices into `activeMoms`).
    let momGrid: SpatialGrid
    /// Dataset positions of moms with capacity > 0, in grid order.
    let activeMoms: [Int32]
    /// Grid over the children (indices are child positions), for pricing from the moms' side.
    let childGrid: SpatialGrid
    /// The largest reach of any mom, centikm.
    let maxReach: Int
    /// Settings too large for exact integer arithmetic on this many nodes
    /// (`PairingWeights.magnitudeProblem`); the network refuses to solve then.
    let magnitudeProblem: (key: String, message: String)?
    /// Pairs (`child · momCount + mom`) allowed whatever their distance: locked by `overrides.csv`.
    var lockedPairs: Set<Int64> = []
    /// Pairs (`child · momCount + mom`) never allowed: forbidden in both roles by `overrides.csv`
    /// (set by `PairingAlternatives`, which works under such lines; the pairing engines leave
    /// them out of their models themselves).
    var forbiddenPairs: Set<Int64> = [] { didSet { hasForbiddenPairs = !forbiddenPairs.isEmpty } }
    /// `!forbiddenPairs.isEmpty`, kept as a field: `facts` reads it for every pair the pricing
    /// measures, where the set's own count is a load further.
    private(set) var hasForbiddenPairs = false

    public init(dataset d: Dataset) {
        let w = PairingWeights(d.settings)
        weights = w
        childCount = d.children.count
        momCount = d.moms.count
        childLocation = d.children.map(\.location)
        momLocation = d.moms.map(\.location)
        // Checked conversions: validation keeps capacity ≤ 10,000 and supporters_wanted ≤ 100;
        // beyond Int32 (a dataset made in code) the value is clamped, which changes nothing, as
        // no mom can take more children, and no child more moms, than there are.
        childSlots = d.children.map { Int32(clamping: min(max(0, $0.supportersWanted), Int(Int32.max) - 1) + 1) }
        childGroup = d.children.map(\.group)
        var momByID = [String: Int32](minimumCapacity: d.moms.count)
        for (i, m) in d.moms.enumerated() where momByID[m.id] == nil { momByID[m.id] = Int32(i) }
        childPairedMom = d.children.map { c in c.pairedMomID.flatMap { momByID[$0] } ?? -1 }
        momCapacity = d.moms.map { Int32(clamping: max(0, $0.capacity)) }
        momReach = d.moms.map { Int32(clamping: w.reachCentikm($0.maxKm)) }
        magnitudeProblem = PairingWeights.magnitudeProblem(d.settings, children: d.children.count, moms: d.moms.count)
        (interests, skills) = TagSets.pair(children: d.children.map(\.interests), moms: d.moms.map(\.skills))
        momIDs = d.moms.map(\.id)
        childIDs = d.children.map(\.id)
        let active = d.moms.indices.filter { d.moms[$0].capacity > 0 }
        activeMoms = active.map { Int32($0) }
        // About 8 moms per occupied cell: 2 km cells on the bundled map, finer ones on dense
        // generated maps, where pricing would otherwise read hundreds per cell (most moms have
        // λ_m = 0, so a cell's order by λ_m stops nothing): 6 s instead of 39 s for the
        // children's side of the first round at scale 100.
        let momPoints = active.map { d.moms[$0].location }
        momGrid = SpatialGrid(points: momPoints, cellKm: SpatialGrid.cellKm(for: momPoints, perCell: 8, minKm: 0.25, maxKm: 2))
        // Children's λ_c spread widely, and each cell's children are read by increasing λ_c, so
        // coarse cells cost little: finer ones made pricing from the moms' side twice as slow
        // at scale 100 (their circles are as wide as the neediest child's).
        childGrid = SpatialGrid(points: d.children.map(\.location), cellKm: 2)
        let reach = momReach
        maxReach = active.map { Int(reach[$0]) }.max() ?? 0
    }

    /// Facts about one pair, whether or not it is allowed.
    public struct PairFacts: Sendable, Hashable {
        public var centikm: Int
        public var shared: Bool
        public var continued: Bool
        public var value: Int64
        public var allowed: Bool
    }

    /// Evaluates the pair (mom `m`, child `c`), dataset positions.
    @inline(__always)
    public func facts(mom m: Int, child c: Int) -> PairFacts {
        let d = Distance.centikm(momLocation[m], childLocation[c])
        return facts(mom: m, child: c, centikm: d)
    }

    @inline(__always)
    func facts(mom m: Int, child c: Int, centikm d: Int) -> PairFacts {
        let shared = interests.shares(c, with: skills, m)
        let continued = childPairedMom[c] == Int32(m)
        let v = weights.pairValue(centikm: d, shared: shared, continued: continued)
        return PairFacts(centikm: d, shared: shared, continued: continued, value: v,
                         allowed: momCapacity[m] > 0 && (d <= Int(momReach[m])
                                    || (!lockedPairs.isEmpty && lockedPairs.contains(Int64(c) * Int64(momCount) + Int64(m))))
                                  && (!hasForbiddenPairs || !forbiddenPairs.contains(Int64(c) * Int64(momCount) + Int64(m))))
    }

    /// Calls `body(mom, facts)` for every allowed pair of child `c` with a mom within `radiusCentikm`.
    @inline(__always)
    func forEachAllowedMom(of c: Int, within radiusCentikm: Int, _ body: (Int, PairFacts) -> Void) {
        let r = min(radiusCentikm, maxReach)
        guard r >= 0 else { return }
        // Through a pointer: a closure capturing the instance itself copied it (a retain of
        // each of its arrays) at every cell of the query.
        withUnsafePointer(to: self) { inst in
            momGrid.forEach(withinCentikm: r, of: childLocation[c]) { k, d in
                let m = Int(inst.pointee.activeMoms[k])
                if d <= Int(inst.pointee.momReach[m]) {
                    body(m, inst.pointee.facts(mom: m, child: c, centikm: d))
                }
            }
        }
    }

    public func leadReward(_ c: Int) -> Int64 { weights.leadReward(childGroup[c]) }
    public func supportReward(_ c: Int) -> Int64 { weights.supportReward(childGroup[c]) }
}

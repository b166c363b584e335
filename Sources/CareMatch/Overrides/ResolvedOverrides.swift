import Foundation

/// The overrides of a dataset with ids resolved to dataset positions, checked against the data
/// (`OverrideChecks`), ready for the engines.
public struct ResolvedOverrides: Sendable {
    /// A locked pair (dataset positions); `index` is the override's position in `dataset.overrides`.
    public struct PairLock: Sendable, Hashable { public var child: Int; public var mom: Int; public var role: PairingRole; public var index: Int }
    /// A forbidden pair; `role == nil` forbids both roles.
    public struct PairForbid: Sendable, Hashable { public var child: Int; public var mom: Int; public var role: PairingRole?; public var index: Int }
    /// At least `units` from offer `offer` to need `need`.
    public struct AllocationLock: Sendable, Hashable { public var offer: Int; public var need: Int; public var units: Double; public var index: Int }
    /// Nothing from offer `offer` to need `need`.
    public struct AllocationForbid: Sendable, Hashable { public var offer: Int; public var need: Int; public var index: Int }

    public var pairLocks: [PairLock] = []
    public var pairForbids: [PairForbid] = []
    public var allocationLocks: [AllocationLock] = []
    public var allocationForbids: [AllocationForbid] = []

    public var isEmpty: Bool { pairLocks.isEmpty && pairForbids.isEmpty && allocationLocks.isEmpty && allocationForbids.isEmpty }
    public var hasPairing: Bool { !pairLocks.isEmpty || !pairForbids.isEmpty }
    public var hasAllocation: Bool { !allocationLocks.isEmpty || !allocationForbids.isEmpty }

    /// Needs (dataset positions) touched by an allocation override: each gets its own class.
    public var touchedNeeds: Set<Int> { Set(allocationLocks.map(\.need) + allocationForbids.map(\.need)) }

    /// Resolves `d.overrides`, leaving out the one at position `excluded` (for its price), and
    /// rows whose ids are unknown (`OverrideChecks` reports those). `index` may be passed when
    /// the caller holds one of the same dataset (the overrides aside).
    public init(_ d: Dataset, excluding excluded: Set<Int> = [], index given: DatasetIndex? = nil) {
        let index = given ?? d.index
        for (i, o) in d.overrides.enumerated() where !excluded.contains(i) {
            switch o.kind {
            case .lockPair, .forbidPair:
                guard let c = o.childID.flatMap({ index.childByID[$0] }), let m = o.momID.flatMap({ index.momByID[$0] }) else { continue }
                if o.kind == .lockPair { pairLocks.append(PairLock(child: c, mom: m, role: o.role ?? .lead, index: i)) }
                else { pairForbids.append(PairForbid(child: c, mom: m, role: o.role, index: i)) }
            case .lockAllocation:
                guard let s = o.sourceID.flatMap({ index.offerByID[$0] }), let n = o.needID.flatMap({ index.needByID[$0] }) else { continue }
                allocationLocks.append(AllocationLock(offer: s, need: n, units: o.units ?? 0, index: i))
            case .forbidAllocation:
                guard let s = o.sourceID.flatMap({ index.offerByID[$0] }) else { continue }
                if let id = o.needID {
                    guard let n = index.needByID[id] else { continue }
                    allocationForbids.append(AllocationForbid(offer: s, need: n, index: i))
                } else if let child = o.childID {
                    for (n, need) in d.needs.enumerated() where need.childID == child {
                        allocationForbids.append(AllocationForbid(offer: s, need: n, index: i))
                    }
                }
            }
        }
    }
}

/// The contract's order of a child's moms for the lead (section 5): higher pair value, then
/// smaller distance, then smaller mom id.
enum LeadRank {
    /// Whether mom `a` ranks above mom `b` as child `c`'s lead.
    static func above(_ inst: PairingInstance, child c: Int, _ a: Int, _ b: Int) -> Bool {
        let fa = inst.facts(mom: a, child: c), fb = inst.facts(mom: b, child: c)
        return above(fa, a, fb, b, inst)
    }

    static func above(_ fa: PairingInstance.PairFacts, _ a: Int, _ fb: PairingInstance.PairFacts, _ b: Int, _ inst: PairingInstance) -> Bool {
        if fa.value != fb.value { return fa.value > fb.value }
        if fa.centikm != fb.centikm { return fa.centikm < fb.centikm }
        return inst.momIDs[a].precedesInCodePoints(inst.momIDs[b])
    }
}

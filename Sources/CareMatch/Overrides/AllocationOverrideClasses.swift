/// How the allocation model makes `overrides.csv`'s allocation lines exact.
///
/// The model routes units through need classes (`AllocationInstance`), in which needs cannot be
/// told apart. A need touched by an override therefore gets a class of its own (its key carries
/// the need id): the sources of that class are those of its (category, county, group) minus the
/// forbidden ones, and a locked (source, need) is the lower bound of the link column from that
/// source into that class, so the split (`AllocationSplit`) gives the locked units to exactly
/// that row of `allocations.csv`.
struct AllocationOverrideClasses {
    struct Link: Hashable { var offer: Int; var need: Int }
    /// Needs (dataset positions) with their own class.
    var touched: Set<Int> = []
    /// Touched needs by the class they would otherwise belong to.
    var needsByClass: [AllocationClassKey: [Int]] = [:]
    var forbidden: Set<Link> = []
    var locks: [ResolvedOverrides.AllocationLock] = []

    init(_ d: Dataset) {
        guard d.overrides.contains(where: { !$0.kind.isPairing }) else { return }
        let ov = ResolvedOverrides(d)
        let index = d.index
        touched = ov.touchedNeeds
        for n in touched.sorted() {
            let need = d.needs[n]
            guard let c = index.childByID[need.childID] else { continue }
            let child = d.children[c]
            needsByClass[AllocationClassKey(category: need.category, county: child.county, group: child.group), default: []].append(n)
        }
        forbidden = Set(ov.allocationForbids.map { Link(offer: $0.offer, need: $0.need) })
        locks = ov.allocationLocks
    }
}

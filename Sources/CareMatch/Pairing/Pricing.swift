import Dispatch

/// Pricing of the allowed pairs left out of the restricted model.
///
/// A left-out pair can improve the plan only if its reduced cost `v(m,c) − λ_m − λ_c` is
/// positive. Since `λ_m ≥ 0` and `v(m,c) ≤ fit_c − km_cost·d(m,c)` (the continuity pair is
/// always in the model), no pair farther than `(fit_c − λ_c) / km_cost` from child c can: the
/// search around each child stops there, and children with `λ_c ≥ fit_c` need no search.
/// Within the circle, bounds skip work without changing the result: each grid cell's moms are
/// read by increasing `λ_m`, and the scan of a cell stops as soon as `fit·[a mom of the cell
/// shares an interest] − km_cost·(nearest distance to the cell) − λ_m − λ_c ≤ 0`; a mom is
/// skipped before her exact distance is computed when `fit·[shared] − km_cost·(lower bound on
/// her distance from their chord, `SpatialGrid.nearestCentikm`) − λ_m − λ_c ≤ 0`. Cells are read
/// nearest first, and once a child has her `perChild` best pairs, a cell or mom whose bound is
/// below the last of them is skipped too: the pairs added are exactly those a full scan would add.
enum Pricing {
    /// Adds, per child, the (at most `perChild`) left-out pairs of highest positive reduced cost,
    /// ties by mom position; returns how many allowed pairs had their reduced cost computed.
    /// Adding a few per child and round converges in a few more rounds, with far smaller models.
    /// With `only`, only the children it marks are priced. Returns nil, adding nothing, when
    /// `deadline` passed before every child was priced (checked every 128 children).
    @discardableResult
    static func addImproving(_ inst: PairingInstance, _ duals: PairingDuals, _ cols: inout PairColumns, perChild: Int, block: (Blocks, Int)? = nil,
                             only: [Bool]? = nil, until deadline: Deadline = .none) -> Int? {
        // Found against `cols` as passed (borrowed), added after: no copy of the model.
        guard let results = findImproving(inst, duals, cols, perChild: perChild, block: block, only: only, deadline: deadline) else { return nil }
        return addFound(results, to: &cols)
    }

    /// Pairs found by one pricing pass, per parallel chunk, in child (or mom) order.
    typealias Found = (child: Int32, mom: Int32, facts: PairingInstance.PairFacts)

    /// Adds the pairs found, chunk by chunk; returns how many reduced costs were computed.
    static func addFound(_ results: ChunkResults<(found: [Found], priced: Int)>, to cols: inout PairColumns) -> Int {
        var priced = 0
        for r in results.buffer {
            priced += r.priced
            for p in r.found { cols.add(mom: Int(p.mom), child: Int(p.child), facts: p.facts) }
        }
        return priced
    }

    private static func findImproving(_ inst: PairingInstance, _ duals: PairingDuals, _ existing: PairColumns, perChild: Int, block: (Blocks, Int)?,
                                      only: [Bool]?, deadline: Deadline) -> ChunkResults<(found: [Found], priced: Int)>? {
        let grid = inst.momGrid
        let masks = inst.skills.masks
        // Per cell: its moms by increasing λ_m, and the union of their skills.
        let cells = CellsByPrice(grid, price: { duals.mom[Int(inst.activeMoms[$0])] }, mask: { masks[Int(inst.activeMoms[$0])] },
                                 include: { point in block.map { $0.0.mom[Int(inst.activeMoms[point])] == $0.1 } ?? true })
        // Per block of cells: the cheapest mom and the union of skills, to skip whole blocks.
        let (cheapest, skillsOfBlock) = cells.blocks(grid, price: { duals.mom[Int(inst.activeMoms[$0])] })
        let per = inst.weights.perCentikm
        let (order, first, skillsOfCell) = (cells.order, cells.first, cells.masks)
        // Children are priced in parallel chunks; their pairs are added in child order, so the
        // result does not depend on the threads.
        let chunkCount = inst.childCount < 2_000 ? 1 : 16
        let results = ChunkResults<(found: [Found], priced: Int)>(count: chunkCount, empty: ([], 0))
        let stopped = ChunkResults<Bool>(count: chunkCount, empty: false)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var found: [Found] = []
            var priced = 0
            var best = BestPairs(limit: perChild)
            let lower = inst.childCount * chunk / chunkCount, upper = inst.childCount * (chunk + 1) / chunkCount
            for c in lower..<upper {
                if (c - lower) & 127 == 0 && deadline.hasPassed { stopped.buffer[chunk] = true; break }
                if let (b, k) = block, b.child[c] != k { continue }
                if let only, !only[c] { continue }
                let childMask = inst.interests.masks[c]
                let fit = childMask == 0 ? 0 : inst.weights.fit
                let lc = duals.child[c]
                let room = fit - lc
                guard room > 0 else { continue }
                let radius = per > 0 ? Int(min(Int64(inst.maxReach), (room - 1) / per)) : inst.maxReach
                guard let q = grid.query(withinCentikm: min(radius, inst.maxReach), of: inst.childLocation[c]) else { continue }
                best.removeAll()
                // Rings of blocks outward: once the best pairs kept outrank the bound of a whole
                // ring (λ_m ≥ 0), the rest of the circle cannot change them (a tie on reduced
                // cost still may, by mom, hence ≥). A block, then a cell, is read only if its
                // cheapest mom could rank, and a cell's moms by increasing λ_m until none can.
                grid.forEachCellByBlockRings(q, ring: { gap in
                    fit - per * Int64(gap) - lc >= best.floor
                }, block: { b, near in
                    guard cheapest[b] != .max else { return false }
                    let blockFit = skillsOfBlock[b] & childMask != 0 ? fit : 0
                    return blockFit - per * Int64(near) - lc - cheapest[b] >= best.floor
                }) { cell, nearest32 in
                    guard first[cell] < first[cell + 1] else { return }
                    let cellFit = skillsOfCell[cell] & childMask != 0 ? fit : 0
                    let cellRoom = cellFit - per * Int64(nearest32) - lc
                    for idx in Int(first[cell])..<Int(first[cell + 1]) {
                        let point = Int(order[idx]), m = Int(inst.activeMoms[point])
                        let lm = duals.mom[m]
                        if cellRoom - lm < best.floor { break }
                        let f = inst.interests.shares(c, with: inst.skills, m) ? fit : 0
                        guard let near = grid.nearestCentikm(q, point), f - per * Int64(near) - lm - lc >= best.floor else { continue }
                        let d = grid.centikm(q, point)
                        guard d <= q.limit, d <= Int(inst.momReach[m]) else { continue }
                        priced += 1
                        let facts = inst.facts(mom: m, child: c, centikm: d)
                        let rc = facts.value - lm - lc
                        guard best.ranks(rc, m), !existing.contains(mom: m, child: c) else { continue }
                        best.insert(rc, m, facts)
                    }
                }
                for p in best.items { found.append((Int32(c), Int32(p.partner), p.facts)) }
            }
            results.buffer[chunk] = (found, priced)
        }
        return stopped.buffer.contains(true) ? nil : results
    }
}

/// One slot per parallel chunk, each written by exactly one thread and read after all finish.
final class ChunkResults<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>
    init(count: Int, empty: T) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: empty)
    }
    deinit { buffer.deinitialize(); buffer.deallocate() }
}

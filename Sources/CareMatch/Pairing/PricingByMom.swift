import Dispatch

extension Pricing {
    /// Pricing from the moms' side: adds, per mom, the (at most `perMom`) left-out pairs of
    /// highest positive reduced cost, ties by child position; returns how many allowed pairs
    /// had their reduced cost computed. The same bounds as `addImproving`, with the roles of
    /// the grids swapped: each cell's children are read by increasing `λ_c`, cells nearest first.
    /// A mom near a region short of moms links to the children who want her most, so the
    /// frontier of such a region moves by more than one ring of moms per round.
    /// Returns nil, adding nothing, when `deadline` passed before every mom was priced.
    @discardableResult
    static func addImprovingByMom(_ inst: PairingInstance, _ duals: PairingDuals, _ cols: inout PairColumns, perMom: Int,
                                  until deadline: Deadline = .none) -> Int? {
        guard let results = findImprovingByMom(inst, duals, cols, perMom: perMom, deadline: deadline) else { return nil }
        return addFound(results, to: &cols)
    }

    private static func findImprovingByMom(_ inst: PairingInstance, _ duals: PairingDuals, _ existing: PairColumns, perMom: Int,
                                           deadline: Deadline) -> ChunkResults<(found: [Found], priced: Int)>? {
        let grid = inst.childGrid
        let cells = CellsByPrice(grid, price: { duals.child[$0] }, mask: { inst.interests.masks[$0] })
        guard let lowest = duals.child.min() else { return ChunkResults(count: 0, empty: ([], 0)) }
        let per = inst.weights.perCentikm
        let (order, first, interestsOfCell) = (cells.order, cells.first, cells.masks)
        let moms = inst.activeMoms
        let chunkCount = moms.count < 2_000 ? 1 : 16
        let results = ChunkResults<(found: [Found], priced: Int)>(count: chunkCount, empty: ([], 0))
        let stopped = ChunkResults<Bool>(count: chunkCount, empty: false)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var found: [Found] = []
            var priced = 0
            var best = BestPairs(limit: perMom)
            let lower = moms.count * chunk / chunkCount, upper = moms.count * (chunk + 1) / chunkCount
            var momList = Array(moms[lower..<upper])
            momList.sort()
            for (k, m32) in momList.enumerated() {
                if k & 127 == 0 && deadline.hasPassed { stopped.buffer[chunk] = true; break }
                let m = Int(m32)
                let momMask = inst.skills.masks[m]
                let fitMax = momMask == 0 ? 0 : inst.weights.fit
                let lm = duals.mom[m]
                let room = fitMax - lm - lowest
                guard room > 0 else { continue }
                let radius = per > 0 ? Int(min(Int64(inst.momReach[m]), (room - 1) / per)) : Int(inst.momReach[m])
                guard let q = grid.query(withinCentikm: radius, of: inst.momLocation[m]) else { continue }
                best.removeAll()
                grid.forEachCellByRings(q, ring: { gap in
                    fitMax - per * Int64(gap) - lm - lowest >= best.floor
                }) { cell, nearest32 in
                    let cellFit = interestsOfCell[cell] & momMask != 0 ? fitMax : 0
                    let cellRoom = cellFit - per * Int64(nearest32) - lm
                    for idx in Int(first[cell])..<Int(first[cell + 1]) {
                        let c = Int(order[idx])
                        let lc = duals.child[c]
                        if cellRoom - lc < best.floor { break }
                        let f = inst.interests.shares(c, with: inst.skills, m) ? fitMax : 0
                        guard let near = grid.nearestCentikm(q, c), f - per * Int64(near) - lm - lc >= best.floor else { continue }
                        let d = grid.centikm(q, c)
                        guard d <= q.limit else { continue }
                        priced += 1
                        let facts = inst.facts(mom: m, child: c, centikm: d)
                        let rc = facts.value - lm - lc
                        guard best.ranks(rc, c), !existing.contains(mom: m, child: c) else { continue }
                        best.insert(rc, c, facts)
                    }
                }
                for p in best.items { found.append((Int32(p.partner), Int32(m), p.facts)) }
            }
            results.buffer[chunk] = (found, priced)
        }
        return stopped.buffer.contains(true) ? nil : results
    }
}

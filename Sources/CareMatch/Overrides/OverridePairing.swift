import Foundation
import GLPK

/// The proven-optimal pairing under the coordinators' pair overrides (`overrides.csv`).
///
/// The model is the contract's (section 5) with:
/// - a forbidden pair (both roles) absent, and for a child with a locked lead every mom ranking
///   above her absent;
/// - a locked pair's column with lower bound 1 (allowed whatever its distance);
/// - side rows on the lead order for the roles that are not implied by that:
///   `lock_pair … support` (m,c): `Σ_{m' above m} x(m',c) ≥ 1`;
///   `forbid_pair … lead` (m,c): `x(m,c) − Σ_{m' above m} x(m',c) ≤ 0`;
///   `forbid_pair … support` (m,c): `(1+N)·x(m,c) + Σ_{m' above m} x(m',c) ≤ 1+N`.
///
/// It is solved by column generation on its LP relaxation in GLPK (every allowed pair priced
/// against the duals until none prices out: the LP bound holds for all pairs), then as a MIP by
/// GLPK's branch-and-cut on the restricted pairs after adding every pair whose reduced cost is
/// at least −(LP bound − incumbent): a pair left out has a reduced cost below that, so no
/// plan using it beats the incumbent, and the MIP's optimum is the optimum over all pairs.
/// Without side rows the matrix is a network matrix with whole bounds, and the LP optimum is
/// already whole.
///
/// Starts: the plan's first solve starts the simplex from the pairing without overrides and its
/// proven duals (`setStartingBasis`, a tree of reduced-cost-0 arcs); each price's re-solve from
/// the plan's optimal basis (`Basis`), which takes 0–40 pivots on `Datasets/quzhou` instead of
/// about 8,500. Branch-and-cut starts from the LP's optimal basis, with GLPK's objective
/// tolerance below half a score unit.
enum OverridePairing {
    struct SideRow: Sendable, Equatable { var child: Int; var pivot: Int; var pivotCoef: Double; var aboveCoef: Double; var bounds: Bounds
        var pivotFacts: PairingInstance.PairFacts }

    /// The optimal basis of a solve's LP relaxation (statuses of its rows and columns, in model
    /// order), from which a re-solve under nearly the same overrides starts: the same rows (a
    /// side row of a line left out is made free, one of a line added comes last), the same
    /// columns first (a pair no longer allowed is fixed at 0, a lock no longer there is free
    /// between 0 and 1 at its value 1, a new lock fixed at 1). That basis is still valid and
    /// near-optimal, so the simplex needs a few pivots instead of some 8,500 from a plan's
    /// diagonal basis.
    struct Basis: Sendable {
        var columns: [(child: Int, mom: Int)]
        var columnStatus: [BasisStatus]
        var rowStatus: [BasisStatus]
        var side: [SideRow]
    }

    /// Solves `d`'s pairing under `ov`. `warm`: pairs (child, mom) of a good plan to start from.
    static func solve(_ d: Dataset, _ ov: ResolvedOverrides, warm: [(child: Int, mom: Int)] = [],
                      deadline: Deadline = .none) throws -> PairingSolution {
        try solveKeepingColumns(d, ov, warm: warm, deadline: deadline).solution
    }

    /// Every pair within reach of a dataset, by child (mom, value, centikm), computed once and
    /// shared by the re-solves that price each override.
    final class Candidates: @unchecked Sendable {
        let list: [[(mom: Int32, value: Int64, centikm: Int32)]]
        /// The instance they were enumerated from (it reads children, moms and settings only,
        /// so it serves every re-solve of the same dataset under other overrides).
        let instance: PairingInstance
        init(_ inst: PairingInstance) {
            instance = inst
            var l = [[(mom: Int32, value: Int64, centikm: Int32)]](repeating: [], count: inst.childCount)
            for c in 0..<inst.childCount {
                inst.forEachAllowedMom(of: c, within: inst.maxReach) { m, f in l[c].append((Int32(m), f.value, Int32(f.centikm))) }
                l[c].sort { $0.mom < $1.mom }
            }
            list = l
        }
    }

    /// `solve`, also returning the pairs of its final restricted model (a warm start for a
    /// re-solve under nearly the same overrides); `candidates` saves enumerating the pairs.
    /// Without `basis`, the simplex starts from `warm`'s pairs (`setStartingBasis`), and from a
    /// tree basis when `freeDuals` are the proven duals of the pairing without overrides.
    static func solveKeepingColumns(_ d: Dataset, _ ov: ResolvedOverrides, warm: [(child: Int, mom: Int)] = [],
                                    basis warmBasis: Basis? = nil, freeDuals: (mom: [Int64], child: [Int64])? = nil,
                                    deadline: Deadline = .none, candidates: Candidates? = nil, bestPerChild: Int = 8,
                                    explain: Bool = true) throws
        -> (solution: PairingSolution, columns: [(child: Int, mom: Int)], basis: Basis?) {
        let clock = ContinuousClock(), t0 = clock.now
        var inst = candidates?.instance ?? PairingInstance(dataset: d)
        let nm = Int64(inst.momCount)
        func key(_ c: Int, _ m: Int) -> Int64 { Int64(c) * nm + Int64(m) }
        inst.lockedPairs = Set(ov.pairLocks.map { key($0.child, $0.mom) })
        var forbiddenOf = [Int: Set<Int32>]()
        var leadLock = [Int: Int]()
        var side: [SideRow] = []
        for l in ov.pairLocks where l.role == .lead { leadLock[l.child] = l.mom }
        for f in ov.pairForbids {
            let slots = Double(inst.childSlots[f.child])
            let pf = inst.facts(mom: f.mom, child: f.child)
            switch f.role {
            case nil: forbiddenOf[f.child, default: []].insert(Int32(f.mom))
            case .lead?: side.append(SideRow(child: f.child, pivot: f.mom, pivotCoef: 1, aboveCoef: -1, bounds: .upper(0), pivotFacts: pf))
            case .support?: side.append(SideRow(child: f.child, pivot: f.mom, pivotCoef: slots, aboveCoef: 1, bounds: .upper(slots), pivotFacts: pf))
            }
        }
        for l in ov.pairLocks where l.role == .support && leadLock[l.child] == nil {
            side.append(SideRow(child: l.child, pivot: l.mom, pivotCoef: 0, aboveCoef: 1, bounds: .lower(1),
                                pivotFacts: inst.facts(mom: l.mom, child: l.child)))
        }
        // A re-solve keeps the warm basis's side rows in their order; those of lines left out
        // stay as free rows, so the basis keeps its shape; rows of lines added come last, with
        // their slacks basic.
        var freeSide = Set<Int>()
        if let wb = warmBasis {
            for (r, row) in wb.side.enumerated() where !side.contains(row) { freeSide.insert(r) }
            side = wb.side + side.filter { !wb.side.contains($0) }
        }
        var sideOf = [Int: [Int]]()
        for (r, s) in side.enumerated() { sideOf[s.child, default: []].append(r) }

        // Every allowed pair, per child (value and distance kept for pricing).
        var cand = [[(mom: Int32, value: Int64, centikm: Int32)]](repeating: [], count: inst.childCount)
        let all = candidates ?? Candidates(inst)
        var locksOf = [Int: [Int]]()
        for l in ov.pairLocks { locksOf[l.child, default: []].append(l.mom) }
        for c in 0..<inst.childCount {
            let lf = leadLock[c].map { (m: $0, f: inst.facts(mom: $0, child: c)) }
            let forbiddenHere = forbiddenOf[c]
            guard lf != nil || forbiddenHere != nil || locksOf[c] != nil else { cand[c] = all.list[c]; continue }
            for e in all.list[c] {
                let m = Int(e.mom)
                if let fh = forbiddenHere, fh.contains(e.mom) { continue }
                if let lf, m != lf.m, LeadRank.above(PairingInstance.PairFacts(centikm: Int(e.centikm), shared: false, continued: false, value: e.value, allowed: true),
                                                     m, lf.f, lf.m, inst) { continue }
                cand[c].append(e)
            }
            for l in locksOf[c] ?? [] where !cand[c].contains(where: { $0.mom == Int32(l) }) {
                let f = inst.facts(mom: l, child: c)
                cand[c].append((Int32(l), f.value, Int32(f.centikm)))
            }
            cand[c].sort { $0.mom < $1.mom }
        }

        // The restricted LP.
        let p = Problem(name: "pairing_overrides", direction: .maximize)
        var momRow = [Int](repeating: -1, count: inst.momCount)
        var rows = 0
        for m in 0..<inst.momCount where inst.momCapacity[m] > 0 { momRow[m] = rows; rows += 1 }
        let firstChildRow = rows
        rows += inst.childCount
        let firstSideRow = rows
        rows += side.count
        if rows > 0 { _ = try p.addRows(rows) }
        for m in 0..<inst.momCount where momRow[m] >= 0 { try p.setRowBounds(momRow[m], .upper(Double(inst.momCapacity[m]))) }
        for c in 0..<inst.childCount { try p.setRowBounds(firstChildRow + c, .fixed(0)) }
        for (r, s) in side.enumerated() { try p.setRowBounds(firstSideRow + r, freeSide.contains(r) ? .free : s.bounds) }
        if inst.childCount > 0 { _ = try p.addColumns(2 * inst.childCount) }
        for c in 0..<inst.childCount {
            try p.setColumnBounds(2 * c, .range(0, 1))
            try p.setObjectiveCoefficient(2 * c, Double(inst.leadReward(c)))
            let n = Double(inst.childSlots[c] - 1)
            try p.setColumnBounds(2 * c + 1, n > 0 ? .range(0, n) : .fixed(0))
            try p.setObjectiveCoefficient(2 * c + 1, Double(inst.supportReward(c)))
            try p.setColumnCoefficients(2 * c, rows: [firstChildRow + c], values: [-1])
            try p.setColumnCoefficients(2 * c + 1, rows: [firstChildRow + c], values: [-1])
        }
        let locked = inst.lockedPairs
        /// Pairs in the model: candidates by child and position in `cand[c]`, others (a warm
        /// basis's pairs these overrides do not allow) by key.
        var candInModel = cand.map { [Bool](repeating: false, count: $0.count) }
        var otherInModel = Set<Int64>()
        func insertInModel(_ c: Int, _ m: Int) -> Bool {
            if let k = candidateIndex(c, m) {
                if candInModel[c][k] { return false }
                candInModel[c][k] = true
                return true
            }
            return otherInModel.insert(key(c, m)).inserted
        }
        var colPair: [(child: Int, mom: Int)] = []
        /// Columns of a warm basis that these overrides do not allow (fixed at 0 for good).
        var notAllowed = Set<Int>()
        func coefficients(_ c: Int, _ m: Int, _ value: Int64, _ centikm: Int) -> (rows: [Int], values: [Double]) {
            var r = [firstChildRow + c], v = [1.0]
            if momRow[m] >= 0 { r.append(momRow[m]); v.append(1) }
            for s in sideOf[c] ?? [] {
                let row = side[s]
                if row.pivot == m { if row.pivotCoef != 0 { r.append(firstSideRow + s); v.append(row.pivotCoef) } }
                else if LeadRank.above(PairingInstance.PairFacts(centikm: centikm, shared: false, continued: false, value: value, allowed: true), m,
                                       row.pivotFacts, row.pivot, inst) { r.append(firstSideRow + s); v.append(row.aboveCoef) }
            }
            return (r, v)
        }
        func add(_ list: [(c: Int, m: Int, value: Int64, centikm: Int)]) throws {
            let fresh = list.filter { insertInModel($0.c, $0.m) }
            guard !fresh.isEmpty else { return }
            let first = try p.addColumns(fresh.count).lowerBound
            for (k, e) in fresh.enumerated() {
                let j = first + k
                let (r, v) = coefficients(e.c, e.m, e.value, e.centikm)
                try p.setColumnCoefficients(j, rows: r, values: v)
                let isLocked = locked.contains(key(e.c, e.m))
                let allowed = isLocked || isCandidate(e.c, e.m)
                if !allowed { notAllowed.insert(colPair.count) }
                try p.setColumnBounds(j, isLocked ? .fixed(1) : allowed ? .range(0, 1) : .fixed(0))
                try p.setObjectiveCoefficient(j, Double(e.value))
                colPair.append((e.c, e.m))
            }
        }
        /// Whether (c, m) may be paired under these overrides (a warm basis's column may not).
        func isCandidate(_ c: Int, _ m: Int) -> Bool { candidateIndex(c, m) != nil }
        func candidateIndex(_ c: Int, _ m: Int) -> Int? {
            var lo = 0, hi = cand[c].count
            while lo < hi { let mid = (lo + hi) / 2; if cand[c][mid].mom < Int32(m) { lo = mid + 1 } else { hi = mid } }
            return lo < cand[c].count && cand[c][lo].mom == Int32(m) ? lo : nil
        }
        // Start: the warm basis's columns in their order; locks, the warm plan's allowed pairs,
        // each child's `bestPerChild` best-valued moms.
        var start: [(c: Int, m: Int, value: Int64, centikm: Int)] = []
        if let wb = warmBasis {
            for e in wb.columns {
                let f = inst.facts(mom: e.mom, child: e.child)
                start.append((e.child, e.mom, f.value, f.centikm))
            }
        }
        var warmOf = [[Int]](repeating: [], count: inst.childCount)
        for w in warm { warmOf[w.child].append(w.mom) }
        for c in 0..<inst.childCount {
            let best = bestPerChild == 0 ? [] : cand[c].sorted { $0.value != $1.value ? $0.value > $1.value : $0.mom < $1.mom }.prefix(bestPerChild)
            var mine = warmOf[c]
            if let l = locksOf[c] { mine += l }
            if mine.count > 1 { mine.sort() }
            for (i, m) in mine.enumerated() where i == 0 || mine[i - 1] != m {
                if let k = candidateIndex(c, m) { let e = cand[c][k]; start.append((c, m, e.value, Int(e.centikm))) }
            }
            for e in best { start.append((c, Int(e.mom), e.value, Int(e.centikm))) }
            // The pairs of reduced cost 0 under the duals of a start's tree basis.
            if let fd = freeDuals, warmBasis == nil {
                for e in cand[c] where e.value - fd.mom[Int(e.mom)] - fd.child[c] == 0 { start.append((c, Int(e.mom), e.value, Int(e.centikm))) }
            }
            // A child with a side row has all her pairs from the start: the restricted model is
            // then feasible exactly when the whole one is (only side rows can make it infeasible).
            if sideOf[c] != nil { for e in cand[c] { start.append((c, Int(e.mom), e.value, Int(e.centikm))) } }
        }
        try add(start)
        if let wb = warmBasis {
            try restoreBasis(p, wb, freeSide: freeSide, firstSideRow: firstSideRow)
        } else {
            try setStartingBasis(p, inst, colPair: colPair, chosen: warm, locked: locked, key: key,
                                 momRow: momRow, firstChildRow: firstChildRow, duals: freeDuals)
        }

        // Column generation on the LP relaxation.
        let tol = 1e-6
        var cutShort = false
        var rounds = 0
        var duals: [Double] = []
        func reducedCost(_ c: Int, _ e: (mom: Int32, value: Int64, centikm: Int32)) -> Double {
            let m = Int(e.mom)
            var rc = Double(e.value) - duals[firstChildRow + c] - (momRow[m] >= 0 ? duals[momRow[m]] : 0)
            guard sideOf[c] != nil else { return rc }
            let (r, v) = coefficients(c, m, e.value, Int(e.centikm))
            for (i, row) in r.enumerated().dropFirst(momRow[m] >= 0 ? 2 : 1) { rc -= v[i] * duals[row] }
            return rc
        }
        while true {
            let st = try p.simplex(SimplexOptions())
            guard st.isOptimal else { throw PairingError.solverFailed("the pairing under overrides has no optimal LP (\(st.termination), \(st.status)); check overrides.csv") }
            duals = p.rowDuals()
            rounds += 1
            var adding: [(c: Int, m: Int, value: Int64, centikm: Int)] = []
            for c in 0..<inst.childCount {
                var best: [(Double, Int)] = []
                let hasSide = sideOf[c] != nil, childDual = duals[firstChildRow + c]
                let here = cand[c], flags = candInModel[c]
                for k in 0..<here.count where !flags[k] {
                    let e = here[k], m = Int(e.mom)
                    let rc = hasSide ? reducedCost(c, e) : Double(e.value) - childDual - (momRow[m] >= 0 ? duals[momRow[m]] : 0)
                    if rc > tol { best.append((rc, k)) }
                }
                best.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
                for (_, k) in best.prefix(4) { let e = cand[c][k]; adding.append((c, Int(e.mom), e.value, Int(e.centikm))) }
            }
            if adding.isEmpty { break }
            if deadline.hasPassed { cutShort = true; break }
            try add(adding)
        }
        let lpBound = p.objectiveValue
        let finalBasis = Basis(columns: colPair, columnStatus: (0..<p.columnCount).map { p.columnStatus($0) },
                               rowStatus: (0..<p.rowCount).map { p.rowStatus($0) }, side: side)
        let momDualUnits = (0..<inst.momCount).map { momRow[$0] >= 0 ? duals[momRow[$0]] : 0 }
        // Whole solution: branch-and-cut on the restricted pairs, completed by threshold pricing.
        var values: [Double]
        var mipBound = lpBound
        var mipOptimal = true
        // Without side rows the LP optimum (a vertex of a network polytope) is whole already.
        let lpValues = p.columnValues()
        if side.isEmpty, !cutShort, lpValues.allSatisfy({ abs($0 - $0.rounded()) < 1e-9 }) {
            var pairs: [(child: Int, mom: Int)] = []
            for (k, e) in colPair.enumerated() where lpValues[2 * inst.childCount + k] > 0.5 { pairs.append(e) }
            return (finish(d, inst, pairs, boundUnits: Int64((lpBound - 1e-6).rounded(.up)), proven: true, cutShort: false,
                          rounds: rounds, columns: colPair.count, initial: start.count, rows: rows, t0: t0,
                          momDualUnits: momDualUnits, childDualUnits: (0..<inst.childCount).map { duals[firstChildRow + $0] }, explain: explain,
                          priced: cand.reduce(0) { $0 + $1.count } * rounds), colPair, finalBasis)
        }
        // Reduced-cost fixing in two steps. (1) Only the pairs of reduced cost 0 (and locks):
        // a small MIP whose optimum is a plan, the incumbent z. (2) Every pair, in the model or
        // not, whose reduced cost is at least −(LP bound − z): a plan using any other pair
        // scores at most LP bound + its reduced cost < z, so this MIP's optimum is the optimum.
        // Scores are whole units, so a gap below 1 needs no step (2).
        let pairRC = p.reducedCosts()
        let firstPairColumn = 2 * inst.childCount
        func fixBelow(_ threshold: Double) throws {
            for (k, e) in colPair.enumerated() where !locked.contains(key(e.child, e.mom)) && !notAllowed.contains(k) {
                try p.setColumnBounds(firstPairColumn + k, pairRC[firstPairColumn + k] < threshold ? .fixed(0) : .range(0, 1))
            }
        }
        // Branch-and-cut from the LP's optimal basis (warm, no presolve: the presolver would
        // solve the root LP again from scratch). GLPK discards a subproblem whose bound is within
        // `tol_obj · (1 + |incumbent|)` of the incumbent; scores are whole units, so that must
        // stay below half a unit, or a better plan could be discarded and the incumbent called
        // optimal (GLPK's default 1e-7 is 4 units on `Datasets/quzhou`).
        func mipFromLP() throws -> MIPResult {
            for j in 0..<p.columnCount { try p.setColumnKind(j, .integer) }
            let lp = try p.simplex(SimplexOptions())
            guard lp.isOptimal else { throw PairingError.solverFailed("the pairing under overrides has no optimal LP (\(lp.termination), \(lp.status))") }
            var o = MIPOptions(); o.presolve = false
            o.objectiveTolerance = min(1e-7, 0.5 / (1 + abs(p.objectiveValue)))
            o.timeLimit = deadline.remainingSeconds.map { max(1, $0) }
            return try p.intopt(o)
        }
        try fixBelow(-tol)
        var r = try mipFromLP()
        let incumbent = r.objective
        let gap = incumbent.map { lpBound - $0 } ?? Double.infinity
        if gap >= 1 - 1e-6, !cutShort {
            try fixBelow(gap.isFinite ? -gap - tol : -Double.infinity)
            var more: [(c: Int, m: Int, value: Int64, centikm: Int)] = []
            for c in 0..<inst.childCount {
                for (k, e) in cand[c].enumerated() where !candInModel[c][k] && (!gap.isFinite || reducedCost(c, e) >= -gap - tol) {
                    more.append((c, Int(e.mom), e.value, Int(e.centikm)))
                }
            }
            if !more.isEmpty { try add(more) }
            r = try mipFromLP()
        }
        guard r.objective != nil else { throw PairingError.solverFailed("the pairing under overrides has no whole solution (\(r.termination)); check overrides.csv") }
        mipOptimal = r.status == .optimal && r.termination == .ok
        // Step (1) alone: plans score whole units, so none exceeds ⌊LP bound⌋ < z + 1.
        let globalBound = gap < 1 - 1e-6 ? (lpBound + 1e-6).rounded(.down) : (r.bound ?? lpBound)
        mipBound = cutShort ? max(r.objective ?? 0, Double(inst.weights.scale.units(PairingBound.coarse(inst)))) : globalBound
        values = p.mipColumnValues()
        var pairs: [(child: Int, mom: Int)] = []
        for (k, e) in colPair.enumerated() where values[2 * inst.childCount + k] > 0.5 { pairs.append(e) }
        return (finish(d, inst, pairs, boundUnits: Int64((mipBound - 1e-6).rounded(.up)), proven: mipOptimal, cutShort: cutShort,
                      rounds: rounds, columns: colPair.count, initial: start.count, rows: rows, t0: t0,
                      momDualUnits: momDualUnits, childDualUnits: (0..<inst.childCount).map { duals[firstChildRow + $0] }, explain: explain,
                      priced: cand.reduce(0) { $0 + $1.count } * rounds), colPair, finalBasis)
    }

    /// Restores a warm `Basis` on a model built from it (its rows first, then side rows of lines
    /// it did not have, whose slacks are basic; its columns first, in its order). A column whose
    /// bounds changed gets the status that keeps its value where it can: a lock left out stays
    /// at 1 (upper bound), a new lock is fixed at 1, a pair no longer allowed is fixed at 0; a
    /// free side row's slack, if it was not basic, is non-basic free. The basis stays valid (as
    /// many basic variables as rows, and the new rows' slacks only add unit columns).
    static func restoreBasis(_ p: Problem, _ b: Basis, freeSide: Set<Int>, firstSideRow: Int) throws {
        for (r, st) in b.rowStatus.enumerated() {
            let isFree = r >= firstSideRow && freeSide.contains(r - firstSideRow)
            try p.setRowStatus(r, isFree && st != .basic ? .free : st)
        }
        for r in b.rowStatus.count..<p.rowCount { try p.setRowStatus(r, .basic) }
        for (j, st) in b.columnStatus.enumerated() {
            guard st != .basic else { try p.setColumnStatus(j, .basic); continue }
            switch try p.columnBounds(j) {
            case .fixed: try p.setColumnStatus(j, .fixed)
            case .range: try p.setColumnStatus(j, st == .fixed ? .upperBound : st)
            default: try p.setColumnStatus(j, st)
            }
        }
        for j in b.columnStatus.count..<p.columnCount { try p.setColumnStatus(j, .lowerBound) }
    }

    /// A starting basis from the pairs of a plan near the optimum, as `PairingLP.setStartingBasis`
    /// makes one: the plan's pairs (and the locks) non-basic at 1, other pairs at 0; mom and side
    /// rows' slacks basic; in each child row the slack is basic unless the child has supporting
    /// moms strictly between 0 and N, then her `y_sup` is. The basis matrix is diagonal, so it is
    /// never singular, whatever the overrides. It need not be feasible (a forbidden pair of the
    /// plan is simply at 0, a mom may be over capacity): the primal simplex starts with its first
    /// phase from there, a few pivots instead of thousands from the all-slack basis.
    static func setStartingBasis(_ p: Problem, _ inst: PairingInstance, colPair: [(child: Int, mom: Int)],
                                 chosen: [(child: Int, mom: Int)], locked: Set<Int64>, key: (Int, Int) -> Int64,
                                 momRow: [Int], firstChildRow: Int, duals: (mom: [Int64], child: [Int64])? = nil) throws {
        var at1 = Set<Int64>()
        for c in chosen { at1.insert(key(c.child, c.mom)) }
        var count = [Int](repeating: 0, count: inst.childCount)
        let firstPairColumn = 2 * inst.childCount
        for (k, e) in colPair.enumerated() {
            let j = firstPairColumn + k, kk = key(e.child, e.mom)
            if locked.contains(kk) {
                try p.setColumnStatus(j, .fixed)
                count[e.child] += 1
            } else if at1.contains(kk), momRow[e.mom] >= 0 {
                try p.setColumnStatus(j, .upperBound)
                count[e.child] += 1
            } else {
                try p.setColumnStatus(j, .lowerBound)
            }
        }
        for r in 0..<p.rowCount { try p.setRowStatus(r, .basic) }
        var supportInside = [Bool](repeating: false, count: inst.childCount)
        for c in 0..<inst.childCount {
            let k = count[c], n = Int(inst.childSlots[c]) - 1
            try p.setColumnStatus(2 * c, k >= 1 ? .upperBound : .lowerBound)
            if n <= 0 {
                try p.setColumnStatus(2 * c + 1, .fixed)
            } else if k <= 1 {
                try p.setColumnStatus(2 * c + 1, .lowerBound)
            } else if k - 1 >= n {
                try p.setColumnStatus(2 * c + 1, .upperBound)
            } else {
                try p.setColumnStatus(2 * c + 1, .basic)
                try p.setRowStatus(firstChildRow + c, .fixed)
                supportInside[c] = true
            }
        }
        guard let duals else { return }
        // With the optimal duals of the pairing without overrides, a spanning tree of arcs of
        // reduced cost 0 instead (`PairingTreeBasis`'s construction on this model): nodes are the
        // ground, the mom rows and the child rows; a mom's slack and a child's `y_lead`, `y_sup`
        // and row slack join a node to the ground, a pair joins a mom and a child. Arcs strictly
        // inside their bounds first (a mom with capacity left, a child with some but not all
        // supporting moms), then the tight ones; nodes still apart get their row slack. Its
        // duals are the given ones, so the simplex starts dual feasible wherever the overrides
        // leave the model as it was.
        let moms = inst.momCount
        var parent = Array(0...(1 + moms + inst.childCount))
        func find(_ v: Int) -> Int {
            var r = v
            while parent[r] != r { r = parent[r] }
            var x = v
            while parent[x] != r { let nx = parent[x]; parent[x] = r; x = nx }
            return r
        }
        func join(_ a: Int, _ b: Int) -> Bool {
            let u = find(a), v = find(b)
            guard u != v else { return false }
            parent[u] = v
            return true
        }
        for r in 0..<(firstChildRow + inst.childCount) { try p.setRowStatus(r, r < firstChildRow ? .upperBound : .fixed) }
        for c in 0..<inst.childCount where !supportInside[c] {
            let n = Int(inst.childSlots[c]) - 1
            if n > 0 { try p.setColumnStatus(2 * c + 1, count[c] <= 1 ? .lowerBound : .upperBound) }
        }
        var used = [Int](repeating: 0, count: moms)
        for (k, e) in colPair.enumerated() where p.columnStatus(firstPairColumn + k) != .lowerBound { used[e.mom] += 1 }
        for m in 0..<moms where momRow[m] >= 0 && used[m] < Int(inst.momCapacity[m]) {
            if join(0, 1 + m) { try p.setRowStatus(momRow[m], .basic) }
        }
        for c in 0..<inst.childCount where supportInside[c] {
            if join(0, 1 + moms + c) { try p.setColumnStatus(2 * c + 1, .basic) }
            else { try p.setColumnStatus(2 * c + 1, .lowerBound) }
        }
        for m in 0..<moms where momRow[m] >= 0 && duals.mom[m] == 0 {
            if join(0, 1 + m) { try p.setRowStatus(momRow[m], .basic) }
        }
        for c in 0..<inst.childCount {
            if inst.leadReward(c) + duals.child[c] == 0, join(0, 1 + moms + c) { try p.setColumnStatus(2 * c, .basic) }
            if inst.childSlots[c] > 1, inst.supportReward(c) + duals.child[c] == 0, join(0, 1 + moms + c) { try p.setColumnStatus(2 * c + 1, .basic) }
        }
        for (k, e) in colPair.enumerated() where momRow[e.mom] >= 0 {
            let f = inst.facts(mom: e.mom, child: e.child)
            if f.value - duals.mom[e.mom] - duals.child[e.child] == 0, join(1 + e.mom, 1 + moms + e.child) {
                try p.setColumnStatus(firstPairColumn + k, .basic)
            }
        }
        for m in 0..<moms where momRow[m] >= 0 { if join(0, 1 + m) { try p.setRowStatus(momRow[m], .basic) } }
        for c in 0..<inst.childCount { if join(0, 1 + moms + c) { try p.setRowStatus(firstChildRow + c, .basic) } }
    }

    /// The solution of `pairs`, with its certificate: proven when the solver proved it and its
    /// score reaches the bound. `explain` false (a price's re-solve, which only needs the score
    /// and the pairs) leaves out the unmet children's reasons and the capacity values.
    static func finish(_ d: Dataset, _ inst: PairingInstance, _ pairs: [(child: Int, mom: Int)], boundUnits: Int64,
                       proven solverProven: Bool, cutShort: Bool, rounds: Int, columns: Int, initial: Int, rows: Int,
                       t0: ContinuousClock.Instant, momDualUnits: [Double], childDualUnits: [Double], explain: Bool = true,
                       priced: Int) -> PairingSolution {
        let evaluation = PairingEvaluation(dataset: d, instance: inst, pairs: pairs)
        let scale = inst.weights.scale
        let bound = max(evaluation.score, scale.points(boundUnits))
        let proven = !cutShort && solverProven && evaluation.isFeasible && boundUnits <= evaluation.scoreUnits
        var cert = PairingCertificate(primal: evaluation.score, dual: bound, gap: evaluation.score - bound,
                                      maxComplementarySlacknessViolation: 0, pairsPriced: priced, proven: proven)
        cert.cutShortByDeadline = cutShort
        var stats = PairingStatistics()
        stats.pricingRounds = rounds
        stats.finalColumns = columns
        stats.initialColumns = initial
        stats.rows = rows
        stats.cutShortByDeadline = cutShort
        stats.totalSeconds = (ContinuousClock.now - t0).seconds
        let perPoint = Double(scale.unitsPerPoint)
        let momDual = momDualUnits.map { $0 / perPoint }
        var solution = PairingSolution(evaluation: evaluation, certificate: cert, statistics: stats,
                                       unmet: explain ? UnmetChild.withoutLead(evaluation, ids: d.children.map(\.id)) : [], momDual: momDual,
                                       childDual: childDualUnits.map { $0 / perPoint })
        if explain { solution.capacity = CapacityValues.compute(d, inst, evaluation, momDual: momDual) }
        return solution
    }
}


import Foundation
import GLPK

/// What 10,000 more yuan per earmark, and one more unit of each category in each county, would
/// bring: the allocation re-solved with the addition, warm from the plan, in parallel.
///
/// Each probe is the plan's model plus one virtual source (`AllocationProbe`). The plan, with
/// the new source unused, stays feasible, so it is the probe's first incumbent: a value is never
/// negative. The gain is `probe optimum − plan optimum`; both are proven (status `exact`, to
/// 0.005 points) unless the deadline cut a search short (status `bounded`, with the interval).
/// A probe that only reaches saturated classes (every need covered, no money spent, in its whole
/// connected component) is 0 without a solve (`not_needed`). Probes the deadline leaves no time
/// for are `not_computed`.
///
/// Each worker thread builds its own model (one GLPK environment per thread); every probe starts
/// from the plan's basis on a model holding only the plan and that probe, so its answer does not
/// depend on the thread that ran it or on the order of the probes.
struct AllocationMarginals {
    /// The solved plan, as the probes start from it.
    struct Base: Sendable {
        /// Column values of the plan's model (integer columns whole).
        var values: [Double]
        var objective: Double
        /// Proven upper bound on the plan's optimum.
        var bound: Double
        var rowStatus: [BasisStatus]
        var columnStatus: [BasisStatus]
        var coveredTicks: [Int64]
    }

    let inst: AllocationInstance
    let base: Base
    let options: AllocationOptions
    /// GLPK time over all probes and threads.
    private(set) var glpkSeconds = 0.0
    /// Branch-and-bound nodes over all probes.
    private(set) var nodes = 0

    /// Two values closer than this are the same figure once written with two decimals.
    static let exactTolerance = 0.005
    /// Branch-and-bound nodes a probe may use to close its interval (a node limit, not a time
    /// limit, so that the values do not depend on the machine's speed): 200 on a model of 3,000
    /// columns (`Datasets/quzhou`, where all 67 values are then exact), fewer on larger models
    /// whose nodes cost more, at least 25.
    static func probeNodeLimit(columns: Int) -> Int { max(25, min(200, 600_000 / max(1, columns))) }

    init(inst: AllocationInstance, base: Base, options: AllocationOptions) {
        self.inst = inst; self.base = base; self.options = options
    }

    /// The probes: each earmark present (city-wide, all groups), then each (category, county)
    /// with needs, in code-point order.
    func probes() -> [AllocationProbe] {
        let d = inst.dataset
        var out: [AllocationProbe] = []
        let earmarks = Set(d.offers.filter(\.isFunds).map(\.category)).sorted { $0.precedesInCodePoints($1) }
        for e in earmarks {
            let classes = inst.classes.indices.filter { inst.classes[$0].unitCost != nil && (e == Offer.anyCategory || inst.classes[$0].key.category == e) }
            guard !classes.isEmpty else { continue }
            out.append(AllocationProbe(kind: "funds", category: e, county: nil, added: options.fundIncrement, unit: "yuan", funds: true, classes: classes))
        }
        var byKey: [String: (category: String, county: String, classes: [Int])] = [:]
        for (k, c) in inst.classes.enumerated() {
            byKey[c.key.category + "\u{0}" + c.key.county, default: (c.key.category, c.key.county, [])].classes.append(k)
        }
        for key in byKey.keys.sorted(by: { $0.precedesInCodePoints($1) }) {
            let e = byKey[key]!
            let unit = inst.index.catalogByCategory[e.category].map { d.catalog[$0].unit } ?? "unit"
            out.append(AllocationProbe(kind: "in_kind", category: e.category, county: e.county, added: 1, unit: unit, funds: false, classes: e.classes.sorted()))
        }
        return out
    }

    /// Every probe's value; `saturated` are the classes no addition can improve
    /// (`AllocationExplainer.saturatedComponents`).
    mutating func compute(components saturated: Set<Int>) -> [MarginalValue] {
        let probes = probes()
        var out = probes.map { p in
            MarginalValue(kind: p.kind, category: p.category, county: p.county, added: p.added, unit: p.unit, points: nil,
                          pointsUpperBound: nil, status: .notComputed, reason: "the plan's deadline came first",
                          unitsCovered: [:], yuanSpent: 0, coverage: [])
        }
        var toSolve: [Int] = []
        for (i, p) in probes.enumerated() {
            if p.classes.allSatisfy({ saturated.contains($0) }) {
                out[i].points = 0; out[i].pointsUpperBound = 0; out[i].status = .notNeeded
                out[i].reason = p.funds
                    ? "every need this money could buy for, or free other help for, is already covered without spending"
                    : "every need in reach is already covered, and no money is spent that this could replace"
            } else {
                toSolve.append(i)
            }
        }
        guard !toSolve.isEmpty else { return out }
        let queue = WorkQueue(count: toSolve.count)
        let results = ResultSlots<(MarginalValue, Double, Int)>(count: toSolve.count)
        let threads = max(1, min(options.threads, toSolve.count))
        let inst = self.inst, base = self.base, options = self.options
        let progress = options.progress
        let pending = toSolve, initial = out
        let done = WorkQueue(count: toSolve.count)
        WorkerThreads.run(threads) { _ in
            var model: AllocationModel?
            while let q = queue.next() {
                let i = pending[q]
                var value = initial[i]
                var seconds = 0.0, nodes = 0
                if !options.deadline.hasPassed {
                    do {
                        if model == nil { model = try AllocationModel(inst) }
                        let share = options.deadline.remainingSeconds.map { $0 * Double(threads) / Double(max(1, queue.left + threads)) }
                        let clock = ContinuousClock(), t0 = clock.now
                        (value, nodes) = try Self.solve(probes[i], value, model: model!, inst: inst, base: base, options: options, timeLimit: share)
                        seconds = (clock.now - t0).seconds
                    } catch {
                        value.status = .notComputed
                        value.reason = "the re-solve failed (\(error)); please report it"
                        model = nil
                    }
                }
                results.store(q, (value, seconds, nodes))
                if let progress, let n = done.next() { progress("explanations: probe \(n + 1) of \(pending.count)") }
            }
        }
        for (q, r) in results.values.enumerated() {
            guard let (value, seconds, n) = r else { continue }
            out[toSolve[q]] = value
            glpkSeconds += seconds
            nodes += n
        }
        return out
    }

    /// One probe on `model` (which holds the plan's model only): appended, solved warm from the
    /// plan, read, removed; with the branch-and-bound nodes it took.
    static func solve(_ probe: AllocationProbe, _ value: MarginalValue, model: AllocationModel, inst: AllocationInstance,
                      base: Base, options: AllocationOptions, timeLimit: Double?) throws -> (MarginalValue, nodes: Int) {
        var v = value
        let p = model.problem
        let extent = try model.appendProbe(probe)
        defer { try? model.removeProbe(extent) }
        for (i, s) in base.rowStatus.enumerated() { try p.setRowStatus(i, s) }
        for (j, s) in base.columnStatus.enumerated() { try p.setColumnStatus(j, s) }
        // The plan with the addition unused is feasible; the plan's purchases kept and the rest
        // re-optimized with the addition is usually better still, and often the optimum.
        var start = (values: base.values + [Double](repeating: 0, count: extent.columns.count), objective: base.objective)
        if let kept = try keepingPurchases(model, base), kept.objective > start.objective { start = kept }
        var o = options
        o.marginals = false
        // Measured on Datasets/quzhou: the same values with 7.2 s of probe time without GLPK's
        // cuts and 12.3 s with them (the trees are as large; the cuts cost at every node); and,
        // starting from the plan's purchases, 3.9 s without a dive of the probe's relaxation
        // against 6.1 s with one (all 67 exact either way).
        o.cuts = false
        // When the plan itself is not proven optimal, no probe can be exact (its gain is measured
        // from the plan's score, whose own gap is open): the interval from the starting plans
        // and the relaxation is all a longer search could give, so no branching is done.
        let baseProven = base.bound - base.objective <= exactTolerance
        let r = try AllocationSolver.solveModel(model, inst.dataset.settings, o, start: start,
                                                timeLimit: timeLimit, nodeLimit: baseProven ? probeNodeLimit(columns: model.baseColumns) : 1, dive: false)
        guard let objective = r.objective else {
            v.status = .notComputed; v.reason = "the plan's deadline came first"
            return (v, r.nodes)
        }
        let bound = max(objective, r.bound ?? objective)
        v.points = max(0, objective - base.objective)
        v.pointsUpperBound = max(v.points!, bound - base.objective)
        if (bound - objective) + (base.bound - base.objective) <= exactTolerance {
            v.status = .exact; v.reason = nil
            v.pointsUpperBound = v.points
        } else {
            v.status = .bounded
            v.reason = base.bound - base.objective > exactTolerance
                ? "the plan itself was not proven optimal (its proof stopped at its node limit or the deadline)"
                : options.deadline.hasPassed ? "the re-solve was cut short by the plan's deadline"
                : "the re-solve's proof stopped at its \(probeNodeLimit(columns: model.baseColumns)) branch-and-bound nodes"
        }
        if objective - base.objective > exactTolerance {
            (v.unitsCovered, v.coverage) = coverageChange(model: model, extent: extent, inst: inst, base: base, values: r.values)
            var spent = 0.0
            for (j, price) in extent.spending { spent += price * r.values[j] }
            spent += yuanSpent(model, inst, r.values) - yuanSpent(model, inst, base.values)
            v.yuanSpent = (spent * 100).rounded() / 100
        } else {
            v.points = 0
            if v.status == .exact { v.pointsUpperBound = 0 }
        }
        return (v, r.nodes)
    }

    /// The best plan that keeps the base plan's whole-unit purchases and re-optimizes the rest
    /// (the probe's own purchases dived to whole units), or `nil`. Bounds are restored.
    static func keepingPurchases(_ model: AllocationModel, _ base: Base) throws -> (values: [Double], objective: Double)? {
        let p = model.problem
        let kept = model.integerColumns.filter { $0 < model.baseColumns }
        var saved: [(Int, Bounds)] = []
        defer { for (j, b) in saved { try? p.setColumnBounds(j, b) } }
        for j in kept {
            saved.append((j, try p.columnBounds(j)))
            try p.setColumnBounds(j, .fixed(base.values[j]))
        }
        guard try p.simplex(SimplexOptions(method: .dualPrimal)).isOptimal else { return nil }
        return try AllocationDive.incumbent(model)
    }

    /// Yuan spent by the plan's own funds in `values`.
    static func yuanSpent(_ model: AllocationModel, _ inst: AllocationInstance, _ values: [Double]) -> Double {
        let d = inst.dataset
        var t = 0.0
        for (j, l) in model.links.enumerated() where d.offers[l.offer].isFunds && !inst.classes[l.cls].integral {
            t += (inst.classes[l.cls].unitCost ?? 0) * values[j]
        }
        for (q, e) in model.purchases.enumerated() {
            let price = d.catalog[inst.index.catalogByCategory[e.category]!].unitCostYuan ?? 0
            t += price * values[model.firstPurchaseColumn + q]
        }
        return t
    }

    /// Units covered by priority, and where, between the plan and a probe's solution: value
    /// groups filled in need-id order (as the plan's split does), compared in ticks.
    static func coverageChange(model: AllocationModel, extent: ProbeExtent, inst: AllocationInstance, base: Base,
                               values: [Double]) -> ([String: Double], [CoverageChange]) {
        let d = inst.dataset
        var columns: [(cls: Int, group: Int, column: Int, inBase: Bool)] = []
        for (g, e) in model.groups.enumerated() { columns.append((e.cls, e.group, model.firstGroupColumn + g, true)) }
        for e in extent.extraGroups { columns.append((e.cls, e.group, e.column, false)) }
        struct Key: Hashable { var category: String; var county: String; var priority: Int }
        var units: [Key: Int64] = [:], needs: [Key: Int] = [:], children: [Key: Set<String>] = [:]
        var perUnitOf: [Key: Int64] = [:]
        for c in columns {
            let cls = inst.classes[c.cls]
            let per = Exact.ticksPerUnit(integral: cls.integral)
            let before = c.inBase ? max(0, Exact.ticks(base.values[c.column], perUnit: per)) : 0
            let after = max(0, Exact.ticks(values[c.column], perUnit: per))
            guard before != after else { continue }
            let vg = cls.valueGroups[c.group]
            let key = Key(category: cls.key.category, county: cls.key.county, priority: vg.priority)
            units[key, default: 0] += after - before
            perUnitOf[key] = per
            var leftBefore = before, leftAfter = after
            for n in vg.needs {
                let q = Exact.ticks(d.needs[n].quantity, perUnit: per)
                let a = min(q, leftBefore), b = min(q, leftAfter)
                leftBefore -= a; leftAfter -= b
                if a != b { needs[key, default: 0] += 1; children[key, default: []].insert(d.needs[n].childID) }
            }
        }
        var byPriority: [String: Double] = [:]
        var list: [CoverageChange] = []
        for (key, t) in units where t != 0 {
            let u = Double(t) / Double(perUnitOf[key]!)
            byPriority[String(key.priority), default: 0] += u
            list.append(CoverageChange(category: key.category, county: key.county, priority: key.priority, units: u,
                                       needs: needs[key] ?? 0, children: children[key]?.count ?? 0))
        }
        for (k, u) in byPriority { byPriority[k] = (u * 1_000_000).rounded() / 1_000_000 }
        list.sort {
            if $0.units != $1.units { return $0.units > $1.units }
            if $0.priority != $1.priority { return $0.priority > $1.priority }
            if $0.category != $1.category { return $0.category.precedesInCodePoints($1.category) }
            return $0.county.precedesInCodePoints($1.county)
        }
        return (byPriority.filter { $0.value != 0 }, Array(list.prefix(20)))
    }
}

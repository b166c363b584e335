import Foundation
import GLPK

/// The allocation MIP routed through need classes (see `AllocationSolver` and
/// `Guides/Allocation.md`), with integer variables only where integrality is not implied.
///
/// Columns, all continuous except `z`:
/// - `x(s,k)` for every source s and class k it may serve: units given (in kind) or bought
///   (funds). Objective `−fund_penalty · price` when a fund buys a continuous category, else 0.
/// - `y(k,g)` for every value group g of class k: units received by the group's needs.
///   Objective `need_points · w · priority / quantity`, bounds `[0, Σ quantity]`.
/// - `z(f,c)` **integer**, for every fund f and integral category c it can buy: the whole units f
///   buys of c. Objective `−fund_penalty · price(c)`.
///
/// Rows:
/// - in kind: `Σ_k x(s,k) ≤ quantity(s)`;
/// - funds: `Σ_c price(c)·z(f,c) + Σ_{k continuous} price(k)·x(f,k) ≤ yuan(f)`;
/// - per (fund, integral category): `Σ_{k of c} x(f,k) − z(f,c) = 0`;
/// - per class: `Σ_s x(s,k) − Σ_g y(k,g) = 0`.
///
/// **Why only `z` needs to be integer.** Fix `z` at whole values. The fund rows then hold only
/// continuous categories' columns, which need no integrality. The columns of integral categories
/// form a bipartite network — supply nodes (in-kind offers, (fund, category) pairs) against
/// classes, each `x` with +1 in one supply row and one class row, each `y` with −1 in one class
/// row — whose matrix is totally unimodular, with whole right-hand sides and bounds (in-kind
/// quantities of integral categories are whole, `z` is whole, group totals are whole). The
/// polytope with `z` fixed is the product of that network's polytope and the continuous part's,
/// so each of its vertices — the simplex's answer — is whole on integral categories.
final class AllocationModel {
    let inst: AllocationInstance
    let problem: Problem
    /// Column j < links.count is x(links[j].offer, links[j].cls).
    var links: [(offer: Int, cls: Int)] = []
    /// Column `firstGroupColumn + g` is y(groups[g].cls, groups[g].group).
    var groups: [(cls: Int, group: Int)] = []
    /// Column `firstPurchaseColumn + p` is z(purchases[p].offer, purchases[p].category); its
    /// balance row is `purchaseRow[p]`.
    var purchases: [(offer: Int, category: String)] = []
    var purchaseRow: [Int] = []
    var offerRow: [Int]
    var classRow: [Int]
    /// The z columns (the only integer columns), ascending.
    var integerColumns: [Int] = []
    var originalBounds: [Int: Bounds] = [:]
    var matrix = SparseMatrix()
    /// Rows and columns of the model proper; probes (`AllocationProbe`) are appended after them.
    private(set) var baseRows = 0
    private(set) var baseColumns = 0

    var firstGroupColumn: Int { links.count }
    var firstPurchaseColumn: Int { links.count + groups.count }

    init(_ inst: AllocationInstance, names: Bool = false) throws {
        self.inst = inst
        let d = inst.dataset
        problem = Problem(name: "carematch_allocation", direction: .maximize)
        offerRow = .init(repeating: -1, count: d.offers.count)
        classRow = .init(repeating: -1, count: inst.classes.count)
        var rows = 0
        for o in inst.offerOrder where !inst.offerClasses[o].isEmpty {
            offerRow[o] = rows; rows += 1
            var bought: [String] = []
            for k in inst.offerClasses[o] {
                links.append((o, k))
                let cls = inst.classes[k]
                if d.offers[o].isFunds && cls.integral && cls.unitCost != nil && !bought.contains(cls.key.category) {
                    bought.append(cls.key.category)
                }
            }
            for c in bought.sorted(by: { $0.precedesInCodePoints($1) }) { purchases.append((o, c)) }
        }
        for p in 0..<purchases.count { _ = p; purchaseRow.append(rows); rows += 1 }
        for (k, cls) in inst.classes.enumerated() where !cls.sources.isEmpty {
            classRow[k] = rows; rows += 1
            for g in 0..<cls.valueGroups.count { groups.append((k, g)) }
        }
        guard rows > 0 else { return }
        try problem.addRows(rows)
        try problem.addColumns(links.count + groups.count + purchases.count)
        baseRows = rows
        baseColumns = problem.columnCount
        let s = d.settings
        var purchaseIndex: [Int: [String: Int]] = [:]
        for (p, e) in purchases.enumerated() { purchaseIndex[e.offer, default: [:]][e.category] = p }
        matrix.reserveCapacity(2 * links.count + groups.count + 2 * purchases.count)
        for o in inst.offerOrder where offerRow[o] >= 0 {
            try problem.setRowBounds(offerRow[o], .upper(d.offers[o].quantity))
            if names { try problem.setRowName(offerRow[o], "src\(o)") }
        }
        for (p, e) in purchases.enumerated() {
            try problem.setRowBounds(purchaseRow[p], .fixed(0))
            if names { try problem.setRowName(purchaseRow[p], "buy\(e.offer)_\(p)") }
        }
        for k in 0..<inst.classes.count where classRow[k] >= 0 {
            try problem.setRowBounds(classRow[k], .fixed(0))
            if names { try problem.setRowName(classRow[k], "cls\(k)") }
        }
        for (j, l) in links.enumerated() {
            let offer = d.offers[l.offer], cls = inst.classes[l.cls]
            var ub = min(offer.isFunds ? Self.unitsAffordable(offer, cls) : offer.quantity, cls.demand)
            if cls.integral { ub = ub.rounded(.down) }
            let lb = inst.lockedUnits[l.offer]?[l.cls] ?? 0
            try problem.setColumnBounds(j, ub > lb ? .range(lb, ub) : .fixed(lb))
            matrix.append(row: classRow[l.cls], column: j, value: 1)
            if offer.isFunds {
                let price = cls.unitCost ?? 0
                if cls.integral, let p = purchaseIndex[l.offer]?[cls.key.category] {
                    matrix.append(row: purchaseRow[p], column: j, value: 1)
                } else {
                    if price > 0 { matrix.append(row: offerRow[l.offer], column: j, value: price) }
                    try problem.setObjectiveCoefficient(j, -s.fundPenalty * price)
                }
            } else {
                matrix.append(row: offerRow[l.offer], column: j, value: 1)
            }
            if names { try problem.setColumnName(j, "x\(l.offer)_\(l.cls)") }
        }
        for (g, e) in groups.enumerated() {
            let j = firstGroupColumn + g
            let cls = inst.classes[e.cls], vg = cls.valueGroups[e.group]
            try problem.setColumnBounds(j, .range(0, cls.integral ? vg.totalQuantity.rounded(.down) : vg.totalQuantity))
            try problem.setObjectiveCoefficient(j, vg.valuePerUnit)
            matrix.append(row: classRow[e.cls], column: j, value: -1)
            if names { try problem.setColumnName(j, "y\(e.cls)_\(e.group)") }
        }
        var demandByPurchase = [Double](repeating: 0, count: purchases.count)
        for l in links {
            let cls = inst.classes[l.cls]
            if cls.integral, let p = purchaseIndex[l.offer]?[cls.key.category] { demandByPurchase[p] += cls.demand }
        }
        for (p, e) in purchases.enumerated() {
            let j = firstPurchaseColumn + p
            let offer = d.offers[e.offer]
            let price = d.catalog[inst.index.catalogByCategory[e.category]!].unitCostYuan!
            let ub = min(Double(Exact.fen(offer.quantity) / max(1, Exact.fen(price))), demandByPurchase[p].rounded(.down))
            try problem.setColumnBounds(j, ub > 0 ? .range(0, ub) : .fixed(0))
            try problem.setColumnKind(j, .integer)
            try problem.setObjectiveCoefficient(j, -s.fundPenalty * price)
            matrix.append(row: offerRow[e.offer], column: j, value: price)
            matrix.append(row: purchaseRow[p], column: j, value: -1)
            integerColumns.append(j)
            if names { try problem.setColumnName(j, "z\(e.offer)_\(p)") }
        }
        try problem.loadMatrix(matrix)
    }

    /// Units of class `cls` a fund could buy with all its money (whole units in fen arithmetic
    /// for integral categories; unbounded when the category costs nothing).
    static func unitsAffordable(_ offer: Offer, _ cls: AllocationInstance.NeedClass) -> Double {
        guard let price = cls.unitCost, price > 0 else { return cls.demand }
        return cls.integral ? Double(Exact.fen(offer.quantity) / max(1, Exact.fen(price))) : offer.quantity / price
    }

    /// Fixes every integer column at its rounded value in `values` (remembering the bounds).
    func fixIntegers(_ values: [Double]) throws {
        for j in integerColumns {
            if originalBounds[j] == nil { originalBounds[j] = try problem.columnBounds(j) }
            try problem.setColumnBounds(j, .fixed(values[j].rounded()))
        }
    }

    /// Restores the bounds changed by `fixIntegers`.
    func unfixIntegers() throws {
        for j in integerColumns { if let b = originalBounds[j] { try problem.setColumnBounds(j, b) } }
    }

    /// `values` with every integer column rounded to the nearest whole number (GLPK accepts
    /// integrality within its tolerance; a starting solution must be exact).
    func roundedIntegers(_ values: [Double]) -> [Double] {
        var v = values
        for j in integerColumns where j < v.count { v[j] = v[j].rounded() }
        return v
    }
}

extension AllocationInstance.NeedClass {
    /// Units wanted by all the class's needs.
    var demand: Double { valueGroups.reduce(0) { $0 + $1.totalQuantity } }
}

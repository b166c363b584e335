import Foundation
import GLPK

/// The allocation MIP routed through need classes (see `AllocationSolver`).
///
/// Columns:
/// - `x(s,k)` for every source s and class k it may serve: units given (in kind) or bought
///   (funds, at the class category's price). Objective 0 in kind, `−fund_penalty · price` bought.
/// - `y(k,g)` for every value group g of class k: units received by the group's needs.
///   Objective `need_points · w · priority / quantity`, bounds `[0, Σ quantity]`.
/// Both are integer in an integral category.
///
/// Rows:
/// - one per source: `Σ_k x(s,k) ≤ quantity(s)` (units), or `Σ_k price(k)·x(s,k) ≤ quantity(s)` (yuan);
/// - one per class: `Σ_s x(s,k) − Σ_g y(k,g) = 0`.
///
/// Probe rows (for marginal values) can be appended after the solve: a virtual source whose row
/// is `≤ 0` until a scenario opens it.
final class AllocationModel {
    let inst: AllocationInstance
    let problem: Problem
    /// Column j < links.count is x(links[j].offer, links[j].cls).
    var links: [(offer: Int, cls: Int)] = []
    /// Column links.count + g is y(groups[g].cls, groups[g].group).
    var groups: [(cls: Int, group: Int)] = []
    var offerRow: [Int]
    var classRow: [Int]
    var integerColumns: [Int] = []
    var originalBounds: [Int: Bounds] = [:]
    var matrix = SparseMatrix()
    /// Probe scenarios appended by `addProbe`.
    var probes: [(row: Int, columns: [Int])] = []

    var firstGroupColumn: Int { links.count }

    init(_ inst: AllocationInstance, names: Bool = false) throws {
        self.inst = inst
        let d = inst.dataset
        problem = Problem(name: "carematch_allocation", direction: .maximize)
        offerRow = .init(repeating: -1, count: d.offers.count)
        classRow = .init(repeating: -1, count: inst.classes.count)
        var rows = 0
        for o in inst.offerOrder where !inst.offerClasses[o].isEmpty {
            offerRow[o] = rows; rows += 1
            for k in inst.offerClasses[o] { links.append((o, k)) }
        }
        for (k, cls) in inst.classes.enumerated() where !cls.sources.isEmpty {
            classRow[k] = rows; rows += 1
            for g in 0..<cls.valueGroups.count { groups.append((k, g)) }
        }
        guard rows > 0 else { return }
        try problem.addRows(rows)
        try problem.addColumns(links.count + groups.count)
        let s = d.settings
        matrix.reserveCapacity(2 * links.count + groups.count)
        for o in inst.offerOrder where offerRow[o] >= 0 {
            try problem.setRowBounds(offerRow[o], .upper(d.offers[o].quantity))
            if names { try problem.setRowName(offerRow[o], "src\(o)") }
        }
        for k in 0..<inst.classes.count where classRow[k] >= 0 {
            try problem.setRowBounds(classRow[k], .fixed(0))
            if names { try problem.setRowName(classRow[k], "cls\(k)") }
        }
        for (j, l) in links.enumerated() {
            let offer = d.offers[l.offer], cls = inst.classes[l.cls]
            let demand = cls.valueGroups.reduce(0) { $0 + $1.totalQuantity }
            var ub: Double
            if offer.isFunds {
                let price = cls.unitCost ?? 0
                if price > 0 {
                    ub = cls.integral ? Double(Exact.fen(offer.quantity) / max(1, Exact.fen(price))) : offer.quantity / price
                    matrix.append(row: offerRow[l.offer], column: j, value: price)
                } else { ub = demand }
                try problem.setObjectiveCoefficient(j, -s.fundPenalty * price)
            } else {
                ub = offer.quantity
                matrix.append(row: offerRow[l.offer], column: j, value: 1)
            }
            ub = min(ub, demand)
            if cls.integral { ub = ub.rounded(.down) }
            try problem.setColumnBounds(j, ub > 0 ? .range(0, ub) : .fixed(0))
            matrix.append(row: classRow[l.cls], column: j, value: 1)
            if cls.integral { try problem.setColumnKind(j, .integer); integerColumns.append(j) }
            if names { try problem.setColumnName(j, "x\(l.offer)_\(l.cls)") }
        }
        for (g, e) in groups.enumerated() {
            let j = firstGroupColumn + g
            let cls = inst.classes[e.cls], vg = cls.valueGroups[e.group]
            var ub = vg.totalQuantity
            if cls.integral { ub = ub.rounded(.down) }
            try problem.setColumnBounds(j, .range(0, ub))
            try problem.setObjectiveCoefficient(j, vg.valuePerUnit)
            matrix.append(row: classRow[e.cls], column: j, value: -1)
            if cls.integral { try problem.setColumnKind(j, .integer); integerColumns.append(j) }
            if names { try problem.setColumnName(j, "y\(e.cls)_\(e.group)") }
        }
        try problem.loadMatrix(matrix)
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

    /// Appends a virtual source serving `classes` (closed: its row is `≤ 0`). `funds` sources buy
    /// at each class's price. Returns the probe's number.
    func addProbe(classes: [Int], funds: Bool) throws -> Int {
        let row = try problem.addRows(1).lowerBound
        try problem.setRowBounds(row, .upper(0))
        var cols: [Int] = []
        let usable = classes.filter { classRow[$0] >= 0 }
        if !usable.isEmpty {
            let range = try problem.addColumns(usable.count)
            for (j, k) in zip(range, usable) {
                let cls = inst.classes[k]
                let price = cls.unitCost ?? 0
                let demand = cls.valueGroups.reduce(0) { $0 + $1.totalQuantity }
                try problem.setColumnBounds(j, .range(0, cls.integral ? demand.rounded(.down) : demand))
                if funds {
                    try problem.setObjectiveCoefficient(j, -inst.dataset.settings.fundPenalty * price)
                    if price > 0 { matrix.append(row: row, column: j, value: price) }
                } else {
                    matrix.append(row: row, column: j, value: 1)
                }
                matrix.append(row: classRow[k], column: j, value: 1)
                if cls.integral { try problem.setColumnKind(j, .integer) }
                cols.append(j)
            }
        }
        probes.append((row, cols))
        return probes.count - 1
    }

    /// Units received by value groups, summed, in `values`; only those of `classes` if given
    /// (units of different categories are different things: hours, items, seats).
    func unitsCovered(_ values: [Double], classes: Set<Int>? = nil) -> Double {
        var t = 0.0
        for g in 0..<groups.count where classes?.contains(groups[g].cls) ?? true { t += values[firstGroupColumn + g] }
        return t
    }
}

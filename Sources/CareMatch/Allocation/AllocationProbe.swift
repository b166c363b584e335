import Foundation
import GLPK

/// A virtual extra source appended to an allocation model, for a marginal value: `added` yuan
/// (funds, buying at each class's price) or `added` units in kind, serving `classes`.
struct AllocationProbe: Sendable {
    var kind: String
    var category: String
    var county: String?
    var added: Double
    var unit: String
    var funds: Bool
    /// Classes the addition may serve, ascending.
    var classes: [Int]
}

/// The rows and columns a probe appended, to read its solution and remove it again.
struct ProbeExtent {
    var rows: Range<Int>
    var columns: Range<Int>
    /// Value-group columns of classes that had no source (and so no row) in the model.
    var extraGroups: [(cls: Int, group: Int, column: Int)] = []
    /// Columns that spend money, with their price per unit.
    var spending: [(column: Int, price: Double)] = []
}

extension AllocationModel {
    /// Appends `probe` as an open source (its row bound is `probe.added`), with the class rows and
    /// value groups of classes that had no source, and its purchases of integral categories as
    /// integer columns (as for a real fund). Remove it with `removeProbe`.
    func appendProbe(_ probe: AllocationProbe) throws -> ProbeExtent {
        let p = problem
        let d = inst.dataset
        let s = d.settings
        let firstRow = p.rowCount, firstColumn = p.columnCount
        var extent = ProbeExtent(rows: firstRow..<firstRow, columns: firstColumn..<firstColumn)
        var rowOf: [Int: Int] = [:]
        func newRow(_ b: Bounds) throws -> Int { let r = try p.addRows(1).lowerBound; try p.setRowBounds(r, b); return r }
        func newColumn(_ b: Bounds, objective: Double, rows: [Int], values: [Double]) throws -> Int {
            let j = try p.addColumns(1).lowerBound
            try p.setColumnBounds(j, b)
            try p.setObjectiveCoefficient(j, objective)
            try p.setColumnCoefficients(j, rows: rows, values: values)
            return j
        }
        let sourceRow = try newRow(.upper(probe.added))
        // Classes without a row get one, with their value groups.
        for k in probe.classes {
            if classRow[k] >= 0 { rowOf[k] = classRow[k]; continue }
            let r = try newRow(.fixed(0))
            rowOf[k] = r
            let cls = inst.classes[k]
            for (g, vg) in cls.valueGroups.enumerated() {
                let j = try newColumn(.range(0, cls.integral ? vg.totalQuantity.rounded(.down) : vg.totalQuantity),
                                      objective: vg.valuePerUnit, rows: [r], values: [-1])
                extent.extraGroups.append((k, g, j))
            }
        }
        // Purchases of integral categories: one balance row and one integer column per category.
        var purchaseRowOf: [String: Int] = [:]
        if probe.funds {
            let categories = Set(probe.classes.filter { inst.classes[$0].integral && inst.classes[$0].unitCost != nil }.map { inst.classes[$0].key.category })
            for c in categories.sorted(by: { $0.precedesInCodePoints($1) }) { purchaseRowOf[c] = try newRow(.fixed(0)) }
        }
        var demandOf: [String: Double] = [:]
        for k in probe.classes {
            let cls = inst.classes[k]
            var ub = cls.demand
            if probe.funds {
                guard let price = cls.unitCost else { continue }
                if price > 0 { ub = min(ub, cls.integral ? Double(Exact.fen(probe.added) / max(1, Exact.fen(price))) : probe.added / price) }
            } else {
                ub = min(ub, probe.added)
            }
            if cls.integral { ub = ub.rounded(.down) }
            let bounds: Bounds = ub > 0 ? .range(0, ub) : .fixed(0)
            if probe.funds, cls.integral, let pr = purchaseRowOf[cls.key.category] {
                _ = try newColumn(bounds, objective: 0, rows: [pr, rowOf[k]!], values: [1, 1])
                demandOf[cls.key.category, default: 0] += cls.demand
            } else if probe.funds {
                let price = cls.unitCost ?? 0
                let j = try newColumn(bounds, objective: -s.fundPenalty * price, rows: price > 0 ? [sourceRow, rowOf[k]!] : [rowOf[k]!],
                                      values: price > 0 ? [price, 1] : [1])
                extent.spending.append((j, price))
            } else {
                _ = try newColumn(bounds, objective: 0, rows: [sourceRow, rowOf[k]!], values: [1, 1])
            }
        }
        for (c, row) in purchaseRowOf.sorted(by: { $0.key.precedesInCodePoints($1.key) }) {
            let price = d.catalog[inst.index.catalogByCategory[c]!].unitCostYuan!
            let ub = min(Double(Exact.fen(probe.added) / max(1, Exact.fen(price))), (demandOf[c] ?? 0).rounded(.down))
            let j = try newColumn(ub > 0 ? .range(0, ub) : .fixed(0), objective: -s.fundPenalty * price,
                                  rows: [sourceRow, row], values: [price, -1])
            try p.setColumnKind(j, .integer)
            integerColumns.append(j)
            extent.spending.append((j, price))
        }
        extent.rows = firstRow..<p.rowCount
        extent.columns = firstColumn..<p.columnCount
        return extent
    }

    /// Removes what `appendProbe` added.
    func removeProbe(_ extent: ProbeExtent) throws {
        integerColumns.removeAll { extent.columns.contains($0) }
        for j in extent.columns { originalBounds[j] = nil }
        try problem.deleteColumns(extent.columns)
        try problem.deleteRows(extent.rows)
    }
}

import GLPK

/// A cheap incumbent for the allocation MIP near a known whole plan `reference` (a probe's base
/// plan): every whole-unit purchase may only shrink from its reference value (continuously), the
/// LP is solved, and each purchase is then fixed at its value rounded to the nearest whole number
/// (or rounded down, if that is not feasible), the rest re-optimized.
///
/// Rounding every purchase down always keeps the LP feasible (it only frees money, and the
/// purchased units' rows are then served by fewer units), so the last LP cannot fail for lack of
/// a plan.
enum AllocationRounding {
    /// The rounded plan (integer columns exactly whole) and its objective, or `nil` if the LPs
    /// did not end optimal. The integer columns' bounds are restored before returning; the
    /// problem is left holding the last LP (re-solve the relaxation before branching).
    /// - Complexity: at most three warm dual-simplex solves.
    static func incumbent(_ model: AllocationModel, reference: [Double]) throws -> (values: [Double], objective: Double)? {
        let p = model.problem
        var saved: [(column: Int, bounds: Bounds)] = []
        defer { for (j, b) in saved { try? p.setColumnBounds(j, b) } }
        for j in model.integerColumns { saved.append((j, try p.columnBounds(j))) }
        for (j, b) in saved where j < reference.count {
            let hi = min(b.upperValue ?? .infinity, reference[j])
            let lo = min(b.lowerValue ?? 0, hi)
            try p.setColumnBounds(j, .range(lo, hi))
        }
        guard try p.simplex(SimplexOptions(method: .dualPrimal)).isOptimal else { return nil }
        let relaxed = p.columnValues()
        for rule in [FloatingPointRoundingRule.toNearestOrAwayFromZero, .down] {
            for (j, b) in saved {
                var v = relaxed[j].rounded(rule)
                if let lower = b.lowerValue { v = max(v, lower.rounded(.up)) }
                if let upper = b.upperValue { v = min(v, upper.rounded(.down)) }
                try p.setColumnBounds(j, .fixed(v))
            }
            if try p.simplex(SimplexOptions(method: .dualPrimal)).isOptimal {
                return (model.roundedIntegers(p.columnValues()), p.objectiveValue)
            }
        }
        return nil
    }
}

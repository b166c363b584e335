import GLPK

/// A first incumbent for the allocation MIP by diving: from the relaxation, fix one fractional
/// purchase at a time — up or down, whichever keeps the better LP value — and re-solve warm,
/// until every purchase is whole. Each step keeps the LP feasible (rounding down only frees
/// money), so the dive always ends with a plan; with the network structure of the rest
/// (`AllocationModel`) that plan is whole wherever it must be.
///
/// It stays close to the relaxation's value (at scale 10: 0.12 points below it, where rounding
/// every purchase down at once lost 272), so branch-and-cut starts with a gap that is often
/// below what the plan's figures can show.
enum AllocationDive {
    /// The dive from the relaxation `model.problem` currently holds (optimal). Returns the
    /// plan (integer columns exactly whole) and its objective, or `nil` if an LP failed.
    /// The bounds of the integer columns are restored before returning.
    /// - Complexity: at most one warm LP per integer column; in practice one per fund whose money
    ///   the relaxation splits.
    static func incumbent(_ model: AllocationModel) throws -> (values: [Double], objective: Double)? {
        let p = model.problem
        var saved: [(Int, Bounds)] = []
        defer { for (j, b) in saved { try? p.setColumnBounds(j, b) } }
        var values = p.columnValues()
        for _ in 0...model.integerColumns.count {
            // The most fractional purchase, lowest column first among ties.
            var pick = -1, pickFraction = 0.0
            for j in model.integerColumns {
                let f = values[j] - values[j].rounded(.down)
                let distance = min(f, 1 - f)
                if distance > 1e-6 && distance > pickFraction + 1e-12 { pick = j; pickFraction = distance }
            }
            guard pick >= 0 else {
                return (model.roundedIntegers(values), p.objectiveValue)
            }
            let b = try p.columnBounds(pick)
            saved.append((pick, b))
            // Both directions; the better LP value wins (down first on ties: it spends less).
            let down = values[pick].rounded(.down), up = values[pick].rounded(.up)
            try p.setColumnBounds(pick, .fixed(up))
            let upLP = try p.simplex(SimplexOptions(method: .dualPrimal))
            let upValue = upLP.isOptimal ? p.objectiveValue : -Double.infinity
            try p.setColumnBounds(pick, .fixed(down))
            let downLP = try p.simplex(SimplexOptions(method: .dualPrimal))
            let downValue = downLP.isOptimal ? p.objectiveValue : -Double.infinity
            if upValue > downValue {
                try p.setColumnBounds(pick, .fixed(up))
                guard try p.simplex(SimplexOptions(method: .dualPrimal)).isOptimal else { return nil }
            } else if !downLP.isOptimal {
                return nil
            }
            values = p.columnValues()
        }
        return nil
    }
}

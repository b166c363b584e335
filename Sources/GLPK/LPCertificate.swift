/// A solver-independent optimality report for an LP solution (primal x, row duals y, reduced costs).
///
/// For `min c·x + c0` subject to `r = A x`, row bounds on r and column bounds on x, with row duals
/// y and reduced costs d = c − Aᵀy (GLPK's sign convention; for maximization all signs of the
/// duals flip), the solution is optimal when
/// - the primal is feasible (`primalInfeasibility`, from A x recomputed here and the bounds),
/// - each dual has the sign its active bound allows (`dualInfeasibility`; d ≥ 0 where there is no
///   upper bound, d ≤ 0 where there is no lower bound, for minimization; the mismatch between the
///   given reduced costs and c − Aᵀy counts too),
/// - complementary slackness holds (`complementarityViolation`: |d| × distance to the bound the
///   sign of d points at),
/// - and the dual objective c0 + Σ y·(active row bound) + Σ d·(active column bound) equals the
///   primal objective (`gap`).
///
/// Everything is computed in Swift from the data; GLPK is only used to read the problem.
public struct LPCertificate: Sendable, Equatable {
    public var primalInfeasibility: Double
    public var dualInfeasibility: Double
    public var complementarityViolation: Double
    public var primalObjective: Double
    public var dualObjective: Double

    /// |primal objective − dual objective|.
    public var gap: Double { abs(primalObjective - dualObjective) }

    /// `true` when every measure is within `tolerance`, scaled by 1 + |objective| for the gap.
    public func isOptimal(tolerance: Double = 1e-6) -> Bool {
        primalInfeasibility <= tolerance && dualInfeasibility <= tolerance
            && complementarityViolation <= tolerance * (1 + abs(primalObjective))
            && gap <= tolerance * (1 + abs(primalObjective))
    }

    /// Checks a solution of an LP given as plain data (0-based).
    public static func check(direction: OptimizationDirection, objective c: [Double], constant: Double = 0,
                             matrix: SparseMatrix, rowBounds: [Bounds], columnBounds: [Bounds],
                             columnValues x: [Double], rowDuals y: [Double],
                             reducedCosts d: [Double]? = nil) -> LPCertificate {
        let m = rowBounds.count, n = columnBounds.count
        precondition(c.count == n && x.count == n && y.count == m && (d?.count ?? n) == n, "LPCertificate: dimension mismatch")
        let s: Double = direction == .minimize ? 1 : -1
        var ax = [Double](repeating: 0, count: m)
        var aty = [Double](repeating: 0, count: n)
        for k in 0..<matrix.count {
            let i = matrix.rows[k], j = matrix.columns[k], a = matrix.values[k]
            ax[i] += a * x[j]
            aty[j] += a * y[i]
        }
        var pinf = 0.0, dinf = 0.0, comp = 0.0
        var dual = s * constant
        func bounds(_ b: Bounds) -> (Double, Double) {
            switch b {
            case .free: return (-.infinity, .infinity)
            case .lower(let l): return (l, .infinity)
            case .upper(let u): return (-.infinity, u)
            case .range(let l, let u): return (l, u)
            case .fixed(let v): return (v, v)
            }
        }
        // One variable (row or column) with value v, bounds b and min-sense multiplier g.
        func visit(value v: Double, bounds b: Bounds, multiplier g: Double) {
            let (l, u) = bounds(b)
            pinf = max(pinf, l - v, v - u, 0)
            if g > 0 {
                if l.isFinite { comp = max(comp, g * abs(v - l)); dual += g * l } else { dinf = max(dinf, g); dual += g * v }
            } else if g < 0 {
                if u.isFinite { comp = max(comp, -g * abs(u - v)); dual += g * u } else { dinf = max(dinf, -g); dual += g * v }
            }
        }
        for i in 0..<m { visit(value: ax[i], bounds: rowBounds[i], multiplier: s * y[i]) }
        var primal = constant
        for j in 0..<n {
            primal += c[j] * x[j]
            let computed = c[j] - aty[j]
            if let d { dinf = max(dinf, abs(d[j] - computed)) }
            visit(value: x[j], bounds: columnBounds[j], multiplier: s * computed)
        }
        return LPCertificate(primalInfeasibility: pinf, dualInfeasibility: dinf, complementarityViolation: comp,
                             primalObjective: primal, dualObjective: s * dual)
    }

    /// Checks `problem`'s current LP solution (the last `simplex` or `interior` solve).
    public static func check(_ problem: Problem) throws -> LPCertificate {
        let m = problem.rowCount, n = problem.columnCount
        return check(direction: problem.direction,
                     objective: try (0..<n).map { try problem.objectiveCoefficient($0) },
                     constant: problem.objectiveConstant, matrix: problem.matrix(),
                     rowBounds: try (0..<m).map { try problem.rowBounds($0) },
                     columnBounds: try (0..<n).map { try problem.columnBounds($0) },
                     columnValues: problem.columnValues(), rowDuals: problem.rowDuals(),
                     reducedCosts: problem.reducedCosts())
    }
}

import CGLPK
import CGLPKShim

/// The range over which an objective coefficient can vary with the basis staying optimal.
///
/// The corresponding C function is `glp_analyze_coef`.
public struct CoefficientRange: Sendable, Equatable {
    /// Smallest coefficient keeping the basis optimal (`-infinity` if none).
    public var lower: Double
    /// Largest coefficient keeping the basis optimal (`+infinity` if none).
    public var upper: Double
    /// Objective value at `lower` (after the basis change it triggers).
    public var objectiveAtLower: Double
    /// Objective value at `upper`.
    public var objectiveAtUpper: Double
}

extension Problem {
    /// Ensures an optimal basic solution with a valid factorization exists (factorizing if needed).
    func requireOptimalBasis(_ what: String) throws {
        guard lastSolve == .simplex, glp_get_status(prob) == GLP_OPT else {
            throw GLPKError.notAvailable("\(what) needs an optimal basic solution from simplex")
        }
        if glp_bf_exists(prob) == 0 {
            var ret: Int32 = 0
            guard cmglp_guarded_factorize(prob, &ret) == CMGLP_OK else { throw caughtFatalError() }
            guard ret == 0 else {
                throw GLPKError.solverFailed(code: Int(ret), "\(what): glp_factorize failed")
            }
        }
    }

    private func infinite(_ v: Double) -> Double {
        v >= Double.greatestFiniteMagnitude ? .infinity : (v <= -Double.greatestFiniteMagnitude ? -.infinity : v)
    }

    private func analyzeBound(k: Int32, basic: Bool, what: String) throws -> (lower: Double, upper: Double) {
        try requireOptimalBasis(what)
        guard !basic else { throw GLPKError.notAvailable("\(what): the variable is basic (only non-basic variables can be ranged)") }
        var v1 = 0.0, v2 = 0.0
        var k1: Int32 = 0, k2: Int32 = 0
        guard cmglp_guarded_analyze_bound(prob, k, &v1, &k1, &v2, &k2) == CMGLP_OK else { throw caughtFatalError() }
        return (infinite(v1), infinite(v2))
    }

    /// The range of the active bound of non-basic column `j` over which the basis stays primal
    /// feasible (and so optimal). Needs an optimal basic solution. The corresponding C function
    /// is `glp_analyze_bound`.
    public func analyzeBound(column j: Int) throws -> (lower: Double, upper: Double) {
        try check()
        let c = try checkColumn(j, "analyzeBound")
        return try analyzeBound(k: Int32(rowCount) + c, basic: glp_get_col_stat(prob, c) == GLP_BS, what: "analyzeBound(column: \(j))")
    }

    /// The range of the active bound of non-basic row `i` (right-hand-side ranging). The
    /// corresponding C function is `glp_analyze_bound`.
    public func analyzeBound(row i: Int) throws -> (lower: Double, upper: Double) {
        try check()
        let r = try checkRow(i, "analyzeBound")
        return try analyzeBound(k: r, basic: glp_get_row_stat(prob, r) == GLP_BS, what: "analyzeBound(row: \(i))")
    }

    /// Objective-coefficient ranging for column `j`. Needs an optimal basic solution. The
    /// corresponding C function is `glp_analyze_coef`.
    public func analyzeCoefficient(column j: Int) throws -> CoefficientRange {
        try check()
        let c = try checkColumn(j, "analyzeCoefficient")
        try requireOptimalBasis("analyzeCoefficient(column: \(j))")
        var c1 = 0.0, o1 = 0.0, c2 = 0.0, o2 = 0.0
        var k1: Int32 = 0, k2: Int32 = 0
        guard cmglp_guarded_analyze_coef(prob, Int32(rowCount) + c, &c1, &k1, &o1, &c2, &k2, &o2) == CMGLP_OK else {
            throw caughtFatalError()
        }
        return CoefficientRange(lower: infinite(c1), upper: infinite(c2),
                                objectiveAtLower: infinite(o1), objectiveAtUpper: infinite(o2))
    }
}

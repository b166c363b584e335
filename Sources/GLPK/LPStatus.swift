import CGLPK

/// Why a GLPK solver stopped: its return code, mapped.
///
/// Only `.ok` (return code 0) means the solution status was computed to completion; the other
/// cases still come with whatever solution status GLPK reports. Infeasible or unbounded problems
/// are *results* (`SolutionStatus`), not errors.
///
/// | GLPK code | case |
/// |---|---|
/// | 0 | `ok` |
/// | `GLP_EBADB` | `invalidBasis` |
/// | `GLP_ESING` | `singularBasis` |
/// | `GLP_ECOND` | `illConditionedBasis` |
/// | `GLP_EBOUND` | `invalidBounds` |
/// | `GLP_EFAIL` | `solverFailed` |
/// | `GLP_EOBJLL`, `GLP_EOBJUL` | `objectiveLimit` |
/// | `GLP_EITLIM` | `iterationLimit` |
/// | `GLP_ETMLIM` | `timeLimit` |
/// | `GLP_ENOPFS` | `noPrimalFeasible` (presolver) |
/// | `GLP_ENODFS` | `noDualFeasible` (presolver) |
/// | `GLP_EROOT` | `rootLPNotOptimal` |
/// | `GLP_ESTOP` | `stopped` |
/// | `GLP_EMIPGAP` | `gapReached` |
/// | `GLP_ENOFEAS` | `noFeasible` (interior point) |
/// | `GLP_ENOCVG` | `noConvergence` |
/// | `GLP_EINSTAB` | `numericalInstability` |
/// | other | `other(code)` |
public enum Termination: Sendable, Equatable {
    case ok
    case invalidBasis
    case singularBasis
    case illConditionedBasis
    case invalidBounds
    case solverFailed
    case objectiveLimit
    case iterationLimit
    case timeLimit
    case noPrimalFeasible
    case noDualFeasible
    case rootLPNotOptimal
    case stopped
    case gapReached
    case noFeasible
    case noConvergence
    case numericalInstability
    case other(Int)

    init(code: Int32) {
        switch code {
        case 0: self = .ok
        case GLP_EBADB: self = .invalidBasis
        case GLP_ESING: self = .singularBasis
        case GLP_ECOND: self = .illConditionedBasis
        case GLP_EBOUND: self = .invalidBounds
        case GLP_EFAIL: self = .solverFailed
        case GLP_EOBJLL, GLP_EOBJUL: self = .objectiveLimit
        case GLP_EITLIM: self = .iterationLimit
        case GLP_ETMLIM: self = .timeLimit
        case GLP_ENOPFS: self = .noPrimalFeasible
        case GLP_ENODFS: self = .noDualFeasible
        case GLP_EROOT: self = .rootLPNotOptimal
        case GLP_ESTOP: self = .stopped
        case GLP_EMIPGAP: self = .gapReached
        case GLP_ENOFEAS: self = .noFeasible
        case GLP_ENOCVG: self = .noConvergence
        case GLP_EINSTAB: self = .numericalInstability
        default: self = .other(Int(code))
        }
    }
}

/// The status of a solution (or of its primal or dual part).
///
/// The corresponding C constants are `GLP_OPT`, `GLP_FEAS`, `GLP_INFEAS`, `GLP_NOFEAS`,
/// `GLP_UNBND`, `GLP_UNDEF`.
public enum SolutionStatus: Sendable, Equatable {
    /// Optimal.
    case optimal
    /// Feasible, not proven optimal.
    case feasible
    /// The current solution is infeasible (nothing proven about the problem).
    case infeasible
    /// The problem has no feasible solution (proven).
    case noFeasible
    /// The problem is unbounded (proven).
    case unbounded
    /// Undefined: no solution information.
    case undefined

    init(glpValue: Int32) {
        switch glpValue {
        case GLP_OPT: self = .optimal
        case GLP_FEAS: self = .feasible
        case GLP_INFEAS: self = .infeasible
        case GLP_NOFEAS: self = .noFeasible
        case GLP_UNBND: self = .unbounded
        default: self = .undefined
        }
    }
}

/// The outcome of an LP solve, in two levels: why the solver stopped, then the solution status.
///
/// When the presolver proves infeasibility (`noPrimalFeasible`), `status` and `primal` are set to
/// `.noFeasible` even though GLPK leaves them undefined; when it proves the absence of a dual
/// feasible solution (`noDualFeasible`), `dual` is `.noFeasible` and `status` stays `.undefined`
/// (the primal may be unbounded or infeasible). The corresponding C functions are `glp_simplex`
/// / `glp_interior` (termination) and `glp_get_status`, `glp_get_prim_stat`, `glp_get_dual_stat`
/// / `glp_ipt_status` (status).
public struct LPStatus: Sendable, Equatable {
    /// Why the solver stopped.
    public var termination: Termination
    /// The overall solution status.
    public var status: SolutionStatus
    /// Primal status (simplex only; for interior point equal to `status`).
    public var primal: SolutionStatus
    /// Dual status (simplex only; for interior point equal to `status`).
    public var dual: SolutionStatus
    /// Simplex iterations of this solve (from `glp_get_it_cnt`), or 0 for interior point.
    public var iterations: Int

    /// `termination == .ok && status == .optimal`.
    public var isOptimal: Bool { termination == .ok && status == .optimal }
}

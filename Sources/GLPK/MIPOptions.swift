import CGLPK

/// A snapshot of branch-and-bound progress, passed to `MIPOptions.progress`.
public struct MIPProgress: Sendable, Equatable {
    /// The best proven bound over the active subproblems (`glp_ios_best_node` /
    /// `glp_ios_node_bound`), if one is known.
    public var bestBound: Double?
    /// The objective of the best integer solution found so far.
    public var incumbent: Double?
    /// The relative gap (`glp_ios_mip_gap`), when an incumbent exists.
    public var gap: Double?
    /// Active subproblems (`glp_ios_tree_size` `a_cnt`).
    public var activeNodes: Int
    /// Subproblems created so far (`t_cnt`).
    public var totalNodes: Int
    /// `true` when this report is for a new incumbent (`GLP_IBINGO`).
    public var isNewIncumbent: Bool
}

/// Control parameters of the branch-and-cut solver.
///
/// The corresponding C type is `glp_iocp` (filled with `glp_init_iocp`).
public struct MIPOptions {
    /// Use the MIP presolver (default `true`). With `false`, `Problem.intopt` first solves the LP
    /// relaxation with the simplex method unless an optimal basis is already there.
    public var presolve: Bool = true
    /// Relative MIP gap tolerance (`mip_gap`); 0 means prove optimality.
    public var relativeGap: Double = 0
    /// Time limit in seconds (`nil`: none).
    public var timeLimit: Double? = nil
    /// Relative tolerance on the objective (`tol_obj`, GLPK's default 1e-7): branch-and-bound
    /// discards a subproblem whose bound is within `objectiveTolerance · (1 + |incumbent|)` of the
    /// incumbent, and still reports the incumbent as optimal. On an objective of 1.9 million that
    /// discards improvements of up to 0.19; set it to `absolute / (1 + |objective|)` for a proof
    /// to a known absolute precision. Must be in (0, 1).
    public var objectiveTolerance: Double = 1e-7
    /// Mixed-integer rounding cuts (`mir_cuts`).
    public var mirCuts: Bool = false
    /// Gomory mixed-integer cuts (`gmi_cuts`).
    public var gomoryCuts: Bool = false
    /// Mixed cover cuts (`cov_cuts`).
    public var coverCuts: Bool = false
    /// Clique cuts (`clq_cuts`).
    public var cliqueCuts: Bool = false
    /// Feasibility pump heuristic (`fp_heur`).
    public var feasibilityPump: Bool = false
    /// How much GLPK prints. Default `.off`.
    public var messageLevel: MessageLevel = .off
    /// Where printed lines go when `messageLevel != .off`.
    public var output: TerminalOutput = .logger
    /// Called on the solving thread for each new incumbent and at most every `progressInterval`
    /// seconds while selecting subproblems. Return `true` to stop the search (termination
    /// `.stopped`). It must not call GLPK.
    public var progress: ((MIPProgress) -> Bool)? = nil
    /// Seconds between periodic progress reports.
    public var progressInterval: Double = 1
    /// A known integer feasible solution (one value per column, 0-based), handed to GLPK as the
    /// first incumbent at the root (`glp_ios_heur_sol`), so a bound and gap are known from the
    /// start and the result is never worse than it. GLPK does not check its feasibility: the
    /// caller must (integer columns must hold whole values, which `intopt` checks). It is used
    /// only without presolve (GLPK's presolver renumbers the columns).
    public var startingSolution: [Double]? = nil

    public init(presolve: Bool = true, relativeGap: Double = 0, timeLimit: Double? = nil,
                messageLevel: MessageLevel = .off, output: TerminalOutput = .logger,
                progress: ((MIPProgress) -> Bool)? = nil) {
        self.presolve = presolve
        self.relativeGap = relativeGap
        self.timeLimit = timeLimit
        self.messageLevel = messageLevel
        self.output = output
        self.progress = progress
    }

    func makeParameters() throws -> glp_iocp {
        var parm = glp_iocp()
        glp_init_iocp(&parm)
        parm.msg_lev = messageLevel.glpValue
        parm.presolve = presolve ? GLP_ON : GLP_OFF
        guard relativeGap.isFinite, relativeGap >= 0 else {
            throw GLPKError.invalidArgument("MIPOptions.relativeGap \(relativeGap) must be finite and >= 0")
        }
        parm.mip_gap = relativeGap
        guard objectiveTolerance > 0, objectiveTolerance < 1 else {
            throw GLPKError.invalidArgument("MIPOptions.objectiveTolerance \(objectiveTolerance) must be in (0, 1)")
        }
        parm.tol_obj = objectiveTolerance
        if let t = timeLimit { parm.tm_lim = try milliseconds(t, "MIPOptions.timeLimit") }
        parm.mir_cuts = mirCuts ? GLP_ON : GLP_OFF
        parm.gmi_cuts = gomoryCuts ? GLP_ON : GLP_OFF
        parm.cov_cuts = coverCuts ? GLP_ON : GLP_OFF
        parm.clq_cuts = cliqueCuts ? GLP_ON : GLP_OFF
        parm.fp_heur = feasibilityPump ? GLP_ON : GLP_OFF
        guard progressInterval.isFinite, progressInterval >= 0 else {
            throw GLPKError.invalidArgument("MIPOptions.progressInterval must be finite and >= 0")
        }
        return parm
    }
}

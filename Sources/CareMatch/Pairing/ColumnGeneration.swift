import GLPK

/// The pricing loop: solve the restricted model warm, read and tighten the potentials, add the
/// left-out pairs that price out, until none does.
struct ColumnGeneration {
    let inst: PairingInstance
    let options: PairingOptions
    var duals: PairingDuals
    /// Allowed pairs examined by pricing, over all rounds.
    var priced = 0

    init(inst: PairingInstance, options: PairingOptions) {
        self.inst = inst
        self.options = options
        duals = PairingDuals(mom: .init(repeating: 0, count: inst.momCount),
                             child: (0..<inst.childCount).map { -inst.leadReward($0) })
    }

    /// Runs rounds on `lp` (which already holds `cols`). With a block, only children and moms
    /// of that block are priced (the block is solved apart). Returns whether no pair of the
    /// priced set improves the plan (the proof, for the whole model).
    mutating func generate(_ lp: PairingLP, _ cols: inout PairColumns, _ chosen: inout [Bool],
                           block: (Blocks, Int)?, stats: inout PairingStatistics) throws -> Bool {
        let clock = ContinuousClock()
        var inModel = (0..<inst.childCount).map { lp.childRow[$0] >= 0 }
        for m in 0..<inst.momCount { duals.mom[m] = 0 }
        for c in 0..<inst.childCount { duals.child[c] = -inst.leadReward(c) }
        var rounds = 0
        while true {
            rounds += 1
            stats.pricingRounds += 1
            let t0 = clock.now
            var opts = SimplexOptions()
            opts.method = .primal
            opts.presolve = false
            let result = try lp.problem.simplex(opts)
            let t1 = clock.now
            stats.glpkSeconds += (t1 - t0).seconds
            stats.simplexIterations += result.iterations
            guard result.isOptimal else {
                throw PairingError.solverFailed("GLPK's simplex ended with \(result)")
            }
            let x = lp.problem.columnValues()
            for j in 0..<cols.count { chosen[j] = x[Int(lp.pairColumn[j])] > 0.5 }
            let y = lp.problem.rowDuals()
            for m in 0..<inst.momCount where lp.momRow[m] >= 0 { duals.mom[m] = Int64(y[Int(lp.momRow[m])].rounded()) }
            for c in 0..<inst.childCount where inModel[c] { duals.child[c] = Int64(y[Int(lp.childRow[c])].rounded()) }
            // Tightening shrinks the pricing search but gives other potentials than GLPK's; from
            // the flow's optimal basis GLPK's own potentials already price out nothing.
            if options.start != .optimalFlow { duals.tighten(inst, cols, chosen, inModel: inModel) }
            let violation = duals.maxViolation(inst, cols, chosen, inModel: inModel)
            guard violation == 0 else {
                throw PairingError.solverFailed("the restricted optimum's potentials violate a dual constraint by \(inst.weights.scale.points(violation)) points")
            }
            let before = cols.count
            // At the deadline (passed already, or during the pass) nothing more is priced: the
            // pairs priced would not enter the model, and the plan is the restricted optimum.
            guard let n = Pricing.addImproving(inst, duals, &cols, perChild: options.pricedPerChild, block: block, until: options.deadline) else {
                stats.pricingSeconds += (clock.now - t1).seconds
                stats.cutShortByDeadline = true
                options.progress?("pairing: deadline reached; GLPK's optimum of the pairs found so far is kept, not proven optimal")
                return false
            }
            priced += n
            stats.pricingSeconds += (clock.now - t1).seconds
            stats.rounds.append(.init(columns: before, iterations: result.iterations,
                                      glpkSeconds: (t1 - t0).seconds, added: cols.count - before))
            options.progress?("pairing\(block.map { " (\($0.0.names[$0.1]))" } ?? ""): round \(rounds), \(before) pairs in the model, \(cols.count - before) added by pricing")
            if cols.count == before { return true }
            if rounds >= options.maxRounds || options.deadline.hasPassed {
                if options.deadline.hasPassed { stats.cutShortByDeadline = true }
                // The pairs just priced are not in GLPK's model: the plan holds only its pairs.
                cols = cols.keeping { $0 < before }.columns
                return false
            }
            try lp.addPairs(cols, from: before)
            chosen.append(contentsOf: repeatElement(false, count: cols.count - before))
            inModel = (0..<inst.childCount).map { lp.childRow[$0] >= 0 }
        }
    }
}

/// Regions solved apart before the whole: by default the counties of children and moms.
struct Blocks {
    let names: [String]
    let mom: [Int32]
    let child: [Int32]
    var count: Int { names.count }

    init(_ d: Dataset) {
        let names = Set(d.children.map(\.county) + d.moms.map(\.county)).sorted { $0.precedesInCodePoints($1) }
        var number = [String: Int32]()
        for (i, n) in names.enumerated() { number[n] = Int32(i) }
        self.names = names
        mom = d.moms.map { number[$0.county]! }
        child = d.children.map { number[$0.county]! }
    }
}

/// The optimal bases of the blocks, joined into a starting basis of the whole model.
///
/// Block columns touch only their block's rows, and pairs across blocks start non-basic at 0,
/// so the joined basis matrix is block-diagonal with nonsingular blocks (plus the identity of
/// slack rows no block had): a valid, primal-feasible basis.
struct JoinedStart {
    let inst: PairingInstance
    var cols: PairColumns
    var chosen: [Bool] = []
    var pairStatus: [BasisStatus] = []
    var momRowStatus: [BasisStatus?]
    var childRowStatus: [BasisStatus?]
    var leadStatus: [BasisStatus?]
    var supportStatus: [BasisStatus?]

    init(_ inst: PairingInstance) {
        self.inst = inst
        cols = PairColumns(momCount: inst.momCount)
        momRowStatus = .init(repeating: nil, count: inst.momCount)
        childRowStatus = .init(repeating: nil, count: inst.childCount)
        leadStatus = .init(repeating: nil, count: inst.childCount)
        supportStatus = .init(repeating: nil, count: inst.childCount)
    }

    mutating func record(_ lp: PairingLP, _ local: PairColumns, _ localChosen: [Bool]) throws {
        for j in 0..<local.count {
            cols.add(mom: Int(local.mom[j]), child: Int(local.child[j]), value: local.value[j], centikm: local.centikm[j])
            chosen.append(localChosen[j])
            pairStatus.append(lp.problem.columnStatus(Int(lp.pairColumn[j])))
        }
        for m in 0..<inst.momCount where lp.momRow[m] >= 0 { momRowStatus[m] = lp.problem.rowStatus(Int(lp.momRow[m])) }
        for c in 0..<inst.childCount where lp.childRow[c] >= 0 {
            childRowStatus[c] = lp.problem.rowStatus(Int(lp.childRow[c]))
            leadStatus[c] = lp.problem.columnStatus(Int(lp.leadColumn[c]))
            supportStatus[c] = lp.problem.columnStatus(Int(lp.supportColumn[c]))
        }
    }

    mutating func addCross(mom m: Int, child c: Int, value: Int64, centikm: Int32) {
        if cols.add(mom: m, child: c, value: value, centikm: centikm) {
            chosen.append(false)
            pairStatus.append(.lowerBound)
        }
    }

    func apply(to lp: PairingLP) throws {
        for j in 0..<cols.count { try lp.problem.setColumnStatus(Int(lp.pairColumn[j]), pairStatus[j]) }
        for m in 0..<inst.momCount where lp.momRow[m] >= 0 {
            try lp.problem.setRowStatus(Int(lp.momRow[m]), momRowStatus[m] ?? .basic)
        }
        for c in 0..<inst.childCount where lp.childRow[c] >= 0 {
            try lp.problem.setRowStatus(Int(lp.childRow[c]), childRowStatus[c] ?? .basic)
            try lp.problem.setColumnStatus(Int(lp.leadColumn[c]), leadStatus[c] ?? .lowerBound)
            try lp.problem.setColumnStatus(Int(lp.supportColumn[c]), supportStatus[c] ?? (inst.childSlots[c] > 1 ? .lowerBound : .fixed))
        }
    }
}

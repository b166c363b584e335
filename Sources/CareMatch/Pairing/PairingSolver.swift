import Foundation
import GLPK

/// Proven-optimal "1+N" pairing (contract section 5) by column generation, proven by GLPK.
///
/// See `Guides/Pairing.md`. A first restricted model holds each child's nearest moms, nearest
/// moms sharing an interest and current mom. By default (`PairingStart.optimalFlow`) it is
/// optimized in Swift and extended by pricing until no allowed pair prices out, then loaded into
/// GLPK with the flow's optimal spanning-tree basis; GLPK's simplex confirms it and its duals are
/// priced once more against every allowed pair (only within the radius around each child where a
/// reduced cost can be positive). Should a pair price out, GLPK's loop continues warm. When none
/// does, the plan is optimal for the full set of allowed pairs, with the dual objective as
/// certificate.
public enum PairingSolver {
    /// Solves the pairing of `dataset`. Children and moms are first put in id order (code
    /// points), so the plan does not depend on the order of the input rows, even among ties.
    public static func solve(_ dataset: Dataset, options: PairingOptions = PairingOptions()) throws -> PairingSolution {
        let childOrder = dataset.children.indices.sorted { dataset.children[$0].id.precedesInCodePoints(dataset.children[$1].id) }
        let momOrder = dataset.moms.indices.sorted { dataset.moms[$0].id.precedesInCodePoints(dataset.moms[$1].id) }
        var canonical = dataset
        canonical.children = childOrder.map { dataset.children[$0] }
        canonical.moms = momOrder.map { dataset.moms[$0] }
        let s = try solveInOrder(canonical, instance: PairingInstance(dataset: canonical), options: options)
        let pairs = s.evaluation.pairs.map { (child: childOrder[$0.child], mom: momOrder[$0.mom]) }
        let inst = PairingInstance(dataset: dataset)
        let evaluation = PairingEvaluation(dataset: dataset, instance: inst, pairs: pairs)
        var momDual = [Double](repeating: 0, count: dataset.moms.count)
        for (k, m) in momOrder.enumerated() { momDual[m] = s.momDual[k] }
        var childDual = [Double](repeating: 0, count: dataset.children.count)
        for (k, c) in childOrder.enumerated() { childDual[c] = s.childDual[k] }
        var solution = PairingSolution(evaluation: evaluation, certificate: s.certificate, statistics: s.statistics,
                                       unmet: UnmetChild.withoutLead(evaluation, ids: dataset.children.map(\.id)),
                                       momDual: momDual, childDual: childDual)
        solution.capacity = CapacityValues.compute(dataset, inst, evaluation, momDual: momDual)
        return solution
    }

    /// Solves with children and moms in the order given.
    static func solveInOrder(_ dataset: Dataset, instance inst: PairingInstance, options: PairingOptions) throws -> PairingSolution {
        let clock = ContinuousClock()
        let start = clock.now
        var stats = PairingStatistics()
        let initial = InitialCandidates.build(inst, nearest: options.nearest, sharing: options.sharing)
        stats.initialColumns = initial.count
        stats.candidateSeconds = (clock.now - start).seconds

        var run = ColumnGeneration(inst: inst, options: options)
        // GLPK's model, unless the deadline stopped the flow phase (see below).
        var lp: PairingLP?
        var cols: PairColumns
        var chosen: [Bool]
        // Children with a row (set by either path: GLPK's model, or the flow's network).
        var inModel: [Bool] = []
        switch options.start {
        case .optimalFlow:
            cols = initial
            let (net, tree, priced) = try FlowStart.run(inst, &cols, options: options, treeWhenCut: options.exportDirectory != nil, stats: &stats)
            run.priced += priced
            stats.flowColumns = cols.count
            if stats.cutShortByDeadline && options.exportDirectory == nil {
                // Stopped by the deadline, GLPK would only confirm the optimum of the pairs found
                // (the proof needs the pricing that the deadline stops), and at province scale
                // loading a model cut after its first rounds takes minutes: the flow's optimum
                // and its potentials are the plan and its prices.
                chosen = (0..<cols.count).map { net.flow(net.pairArc[$0]) > 0 }
                run.duals = net.duals(inst)
                inModel = (0..<inst.childCount).map { net.leadArc[$0] >= 0 }
                break
            }
            // GLPK gets the pairs with flow or reduced cost 0 (the tree's arcs among them), and
            // every continuity pair (pricing's distance bound leaves out the continuity bonus,
            // so those pairs stay in the model). The others sit at 0 with a reduced cost of the
            // right sign, in the basis as well as outside the model, so the final pricing covers
            // them like any pair left out: 1.75 M pairs at scale 10 became 0.12 M in GLPK.
            let (kept, from) = cols.keeping { j in
                net.isTightOrUsed(j) || inst.childPairedMom[Int(cols.child[j])] == cols.mom[j]
            }
            cols = kept
            let model = PairingLP(inst)
            try model.addPairs(cols, from: 0)
            chosen = from.map { net.flow(net.pairArc[Int($0)]) > 0 }
            if cols.count > 0 {
                let basis = PairingTreeBasis(net, tree: tree, inst, model)
                stats.treeUnreached = basis.unreached
                try basis.apply(to: model, net, inst, columns: from)
            }
            lp = model
        case .countyBases where Blocks(dataset).count > 1:
            let blocks = Blocks(dataset)
            // Solve each county apart, then join their optimal bases as the whole model's start.
            var joined = JoinedStart(inst)
            for b in 0..<blocks.count {
                var local = PairColumns(momCount: inst.momCount)
                for j in 0..<initial.count where blocks.mom[Int(initial.mom[j])] == b && blocks.child[Int(initial.child[j])] == b {
                    local.add(mom: Int(initial.mom[j]), child: Int(initial.child[j]), value: initial.value[j], centikm: initial.centikm[j])
                }
                guard local.count > 0 else { continue }
                let blockLP = PairingLP(inst)
                var blockChosen = GreedyPairing.choose(inst, local)
                try blockLP.addPairs(local, from: 0)
                try blockLP.setStartingBasis(chosen: blockChosen, local)
                _ = try run.generate(blockLP, &local, &blockChosen, block: (blocks, b), stats: &stats)
                try joined.record(blockLP, local, blockChosen)
            }
            stats.blockSeconds = (clock.now - start).seconds - stats.candidateSeconds
            for j in 0..<initial.count where blocks.mom[Int(initial.mom[j])] != blocks.child[Int(initial.child[j])] {
                joined.addCross(mom: Int(initial.mom[j]), child: Int(initial.child[j]), value: initial.value[j], centikm: initial.centikm[j])
            }
            cols = joined.cols
            chosen = joined.chosen
            let model = PairingLP(inst)
            try model.addPairs(cols, from: 0)
            if cols.count > 0 { try joined.apply(to: model) }
            lp = model
        case .countyBases, .greedy:
            cols = initial
            let model = PairingLP(inst)
            chosen = GreedyPairing.choose(inst, cols)
            try model.addPairs(cols, from: 0)
            if cols.count > 0 { try model.setStartingBasis(chosen: chosen, cols) }
            lp = model
        }
        var proven = cols.count == 0
        if let lp, cols.count > 0 { proven = try run.generate(lp, &cols, &chosen, block: nil, stats: &stats) }
        let cutShort = stats.cutShortByDeadline
        stats.finalColumns = cols.count
        if let lp {
            stats.rows = lp.problem.rowCount
            if let dir = options.exportDirectory {
                try lp.problem.writeMPS(to: dir + "/pairing.mps")
                try lp.problem.writeCPLEXLP(to: dir + "/pairing.lp")
            }
            inModel = (0..<inst.childCount).map { lp.childRow[$0] >= 0 }
        }
        let duals = run.duals

        var pairs: [(child: Int, mom: Int)] = []
        for j in 0..<cols.count where chosen[j] { pairs.append((Int(cols.child[j]), Int(cols.mom[j]))) }
        let evaluation = PairingEvaluation(dataset: dataset, instance: inst, pairs: pairs)
        let dualUnits = duals.objective(inst, cols, inModel: inModel)
        let violation = duals.maxViolation(inst, cols, chosen, inModel: inModel)
        let scale = inst.weights.scale
        var certificate = PairingCertificate(
            primal: evaluation.score, dual: scale.points(dualUnits),
            gap: scale.points(evaluation.scoreUnits - dualUnits),
            maxComplementarySlacknessViolation: scale.points(violation),
            pairsPriced: run.priced, proven: !cutShort && proven && violation == 0 && dualUnits == evaluation.scoreUnits && evaluation.isFeasible)
        if cutShort {
            // The restricted model's dual is no bound for the full set of pairs: state one that
            // is, from its mom prices (`PairingBound.lagrangianAlong`; the coarse one under locks).
            let coarse = PairingBound.coarse(inst)
            // Its passes come after the deadline: 5 % of the time spent so far, at least 2 s.
            let budget = max(2, 0.05 * (clock.now - start).seconds)
            let priced = inst.lockedPairs.isEmpty
                ? scale.points(PairingBound.lagrangianAlong(inst, momPrice: duals.mom, budgetSeconds: budget)) : coarse
            let bound = max(evaluation.score, min(coarse, priced))
            certificate.dual = bound
            certificate.gap = evaluation.score - bound
            certificate.cutShortByDeadline = true
        }
        stats.totalSeconds = (clock.now - start).seconds
        return PairingSolution(evaluation: evaluation, certificate: certificate, statistics: stats,
                               unmet: [],
                               momDual: duals.mom.map { scale.points($0) },
                               childDual: duals.child.map { scale.points($0) })
    }
}

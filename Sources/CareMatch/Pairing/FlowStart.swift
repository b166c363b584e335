/// The first phase of the pricing loop, run in Swift on `PairingNetwork`: optimize the
/// restricted model (successive shortest paths; cost scaling for warm rounds that add many
/// pairs), price every allowed pair left out against the exact potentials, add those that price
/// out, re-optimize warm, until none does.
///
/// What it hands over is an optimal flow for the full set of allowed pairs, but no proof: the
/// proof is GLPK's. `PairingSolver` loads the final restricted model into GLPK with the flow's
/// spanning-tree basis (`PairingTreeBasis`), GLPK's simplex confirms or improves it, and
/// GLPK's duals are priced once more against every allowed pair.
///
/// The plan's deadline is checked inside rounds too, since one round takes minutes at province
/// scale: a warm round stopped during its optimization falls back to the round before (rebuilt
/// from its `WarmStart`), and a pricing pass stopped adds nothing; either way the hand-over is
/// an optimal flow of the pairs it holds, not proven optimal for all allowed pairs.
enum FlowStart {
    /// Runs the phase from the pairs `cols`; returns the optimized network (holding `cols` as
    /// extended by pricing), its shortest-path tree from the ground (see `PairingTreeBasis`)
    /// and the number of allowed pairs priced.
    /// A phase stopped by the deadline returns an empty tree unless `treeWhenCut` (GLPK is then
    /// given the model anyway): at province scale the tree costs seconds, and the flow's own
    /// potentials are optimal for its pairs too.
    static func run(_ inst: PairingInstance, _ cols: inout PairColumns, options: PairingOptions, treeWhenCut: Bool,
                    stats: inout PairingStatistics) throws -> (network: PairingNetwork, tree: [Int32], priced: Int) {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = options.deadline
        var network: PairingNetwork? = nil
        var priced = 0
        var rounds = 0
        var tree: [Int32] = []
        var repriced: RepricedChildren? = nil
        roundLoop: while true {
            rounds += 1
            let previousCount = network?.pairArc.count ?? 0
            let added = cols.count - previousCount
            // Only the flow and potentials are kept, so that two networks never coexist.
            let warm = options.flowWarmRounds ? network?.warmStart() : nil
            network = nil
            network = PairingNetwork(inst, cols, previous: warm)
            // Many new pairs: cost scaling; few: shortest paths repair them locally (measured at
            // scale 10: 48.7 s with cost scaling from n/16 new pairs, 57.9 s from n/2).
            let scaled = rounds > 1 && options.flowCostScaling && 16 * added >= network!.nodeCount
            // A warm round stopped by the deadline falls back to the round before (its flow and
            // potentials are `warm`); the first round has nothing to fall back to and runs out.
            let until = warm != nil ? deadline : .none
            let finished = scaled ? try network!.costScale(until: until) : try network!.repair(until: until)
            if !finished, let warm {
                network = nil
                cols = cols.keeping { $0 < previousCount }.columns
                let back = PairingNetwork(inst, cols, previous: warm)
                try back.repair()
                back.normalizeUnusedMoms()
                tree = treeWhenCut ? back.shortestPathTree() : []
                network = back
                stats.flowSearches += back.searches
                stats.flowSettledNodes += back.settledNodes
                options.progress?("pairing: deadline reached during round \(rounds); the plan keeps round \(rounds - 1)'s pairs, not proven optimal")
                stats.cutShortByDeadline = true
                stats.flowRoundAbandoned = true
                break roundLoop
            }
            let net = network!
            stats.flowSearches += net.searches
            stats.flowSettledNodes += net.settledNodes
            net.normalizeUnusedMoms()
            let t = clock.now
            let before = cols.count
            // After a local repair, price against the shortest-path tree's potentials at once:
            // they are the ones GLPK will find (and must price out nothing), and pricing against
            // the repair's potentials first only delays the pairs they price out (measured: 2–3
            // fewer rounds at scale 10, see the guide). Only the children whose pricing can have
            // changed are priced.
            let light = rounds > 1 && !scaled
            if light { tree = net.shortestPathTree() }
            let duals = net.duals(inst)
            let only = light ? repriced?.children(inst, at: duals) : nil
            // Pricing stopped by the deadline adds nothing: the network is optimal for its pairs.
            var complete = true
            if let n = Pricing.addImproving(inst, duals, &cols, perChild: options.flowPricedPerChild, only: only, until: deadline) {
                priced += n
                repriced = RepricedChildren(inst, duals: duals, cols, addedFrom: before, perChild: options.flowPricedPerChild)
                // In rounds that add many pairs, the moms' side too: see `addImprovingByMom`.
                if options.flowPricedPerMom > 0 && 64 * (cols.count - before) >= net.nodeCount {
                    if let n = Pricing.addImprovingByMom(inst, duals, &cols, perMom: options.flowPricedPerMom, until: deadline) {
                        priced += n
                    } else { complete = false }
                }
                if complete && cols.count == before && !light {
                    // The tree basis's potentials (shortest distances from the ground) are the ones
                    // GLPK will find; they must price out nothing either.
                    tree = net.shortestPathTree()
                    let treeDuals = net.duals(inst)
                    if let n = Pricing.addImproving(inst, treeDuals, &cols, perChild: options.flowPricedPerChild, until: deadline) {
                        priced += n
                        repriced = RepricedChildren(inst, duals: treeDuals, cols, addedFrom: before, perChild: options.flowPricedPerChild)
                    } else { complete = false }
                }
            } else { complete = false }
            stats.pricingSeconds += (clock.now - t).seconds
            let elapsed = (clock.now - start).seconds
            options.progress?("pairing (flow): round \(rounds), \(before) pairs, \(stats.flowSearches) path searches, \(cols.count - before) pairs added by pricing, \(Int(elapsed.rounded())) s")
            if complete && cols.count == before { break }
            if !complete || rounds >= options.maxRounds || deadline.hasPassed {
                if !complete || deadline.hasPassed {
                    options.progress?("pairing: deadline reached after round \(rounds); the plan keeps the pairs found so far, not proven optimal")
                    stats.cutShortByDeadline = true
                }
                // The pairs just priced are not in the network: the hand-over holds only its pairs.
                cols = cols.keeping { $0 < before }.columns
                tree = treeWhenCut || !stats.cutShortByDeadline ? net.shortestPathTree() : []
                break
            }
        }
        stats.flowRounds = rounds
        stats.flowSeconds = (clock.now - start).seconds
        return (network!, tree, priced)
    }
}

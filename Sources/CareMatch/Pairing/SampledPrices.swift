/// Approximate mom prices (potentials `λ_m`) from a sample of the instance, to start the
/// pricing loop near the optimum.
///
/// The pricing loop started from each child's nearest moms learns the prices of a region short
/// of moms one ring of moms per round: 14 rounds and 2.1 M pairs at scale 10, and no end in
/// sight at scale 100. A sample of every `stride`-th child and mom keeps each region's balance
/// of children and moms, so its optimal prices sketch the full instance's: the sample is solved
/// by the same loop (and, when still large, from its own sample), and each mom of the full
/// instance takes her own price if she was sampled, else the price of the nearest sampled mom.
/// The prices only choose the first pairs and the first potentials; the proof is unchanged.
enum SampledPrices {
    /// Estimated `λ_m` (units) for every mom of `dataset`, whose positions `inst` uses.
    static func estimate(_ dataset: Dataset, _ inst: PairingInstance, options: PairingOptions,
                         stats: inout PairingStatistics) throws -> [Int64] {
        let clock = ContinuousClock()
        let start = clock.now
        defer { stats.sampleSeconds += (clock.now - start).seconds }
        let stride = options.sampleStride
        var sample = dataset
        sample.children = Swift.stride(from: 0, to: dataset.children.count, by: stride).map { dataset.children[$0] }
        sample.moms = Swift.stride(from: 0, to: dataset.moms.count, by: stride).map { dataset.moms[$0] }
        let sampleInst = PairingInstance(dataset: sample)
        var sampleOptions = options
        let progress = options.progress
        sampleOptions.progress = progress.map { report in { @Sendable line in report("sample 1/\(stride): " + line) } }
        var sampleStats = PairingStatistics()
        let samplePrices = sampleInst.childCount >= options.sampleMinChildren
            ? try estimate(sample, sampleInst, options: sampleOptions, stats: &sampleStats) : nil
        var cols = InitialCandidates.build(sampleInst, nearest: options.nearest, sharing: options.sharing)
        let (network, _, _) = try FlowStart.run(sampleInst, &cols, prices: samplePrices, options: sampleOptions, stats: &sampleStats)
        let sampled = network.duals(sampleInst).mom
        var price = [Int64](repeating: 0, count: inst.momCount)
        for m in 0..<inst.momCount where inst.momCapacity[m] > 0 {
            if m % stride == 0 { price[m] = sampled[m / stride]; continue }
            if let k = nearest(sampleInst.momGrid, to: inst.momLocation[m], within: 2 * inst.maxReach) {
                price[m] = sampled[Int(sampleInst.activeMoms[k])]
            }
        }
        return price
    }

    /// The point of `grid` nearest to `location` (ties: smaller index) within `limit` centikm.
    private static func nearest(_ grid: SpatialGrid, to location: GeoPoint, within limit: Int) -> Int? {
        var radius = min(limit, 100)
        while true {
            var best: (d: Int, k: Int)? = nil
            grid.forEach(withinCentikm: radius, of: location) { k, d in
                if best == nil || (d, k) < (best!.d, best!.k) { best = (d, k) }
            }
            if let best { return best.k }
            if radius >= limit { return nil }
            radius = min(limit, 2 * radius)
        }
    }
}

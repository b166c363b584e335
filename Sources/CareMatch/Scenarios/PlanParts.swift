/// Which pairings and allocations a set of datasets needs solved, sharing equal inputs: the
/// pairing reads only a dataset's children, moms and settings (it is solved without the
/// overrides, which `Planner.applyOverrides` adds per dataset), the allocation only its children,
/// needs, offers, catalog, settings and overrides. In the bundled what-if scenarios, an organization leaving
/// or the funds being cut changes no pairing input, and more mom capacity no allocation input.
struct PlanParts: Sendable {
    enum Part: Hashable, Sendable { case pairing, allocation }

    /// One solve: `part` of `datasets[dataset]`.
    struct Job: Hashable, Sendable {
        var dataset: Int
        var part: Part
    }

    private struct PairingInputs: Hashable {
        var children: [Child], moms: [Mom], settings: Settings
    }

    private struct AllocationInputs: Hashable {
        var children: [Child], needs: [Need], offers: [Offer], catalog: [CatalogEntry], settings: Settings, overrides: [Override]
    }

    /// For each dataset, the dataset whose pairing (allocation) it uses: itself, or an earlier one
    /// with the same inputs.
    let pairingSource: [Int]
    let allocationSource: [Int]

    init(_ datasets: [Dataset]) {
        var pairingFirst: [PairingInputs: Int] = [:], allocationFirst: [AllocationInputs: Int] = [:]
        var p: [Int] = [], a: [Int] = []
        for (i, d) in datasets.enumerated() {
            let pk = PairingInputs(children: d.children, moms: d.moms, settings: d.settings)
            let ak = AllocationInputs(children: d.children, needs: d.needs, offers: d.offers, catalog: d.catalog, settings: d.settings,
                                      overrides: d.overrides)
            if pairingFirst[pk] == nil { pairingFirst[pk] = i }
            if allocationFirst[ak] == nil { allocationFirst[ak] = i }
            p.append(pairingFirst[pk]!)
            a.append(allocationFirst[ak]!)
        }
        pairingSource = p
        allocationSource = a
    }

    /// The solves to run, each once, in dataset order, the allocation (usually the longer, with
    /// its explanations) before the pairing.
    var jobs: [Job] {
        var out: [Job] = []
        for i in pairingSource.indices {
            if allocationSource[i] == i { out.append(Job(dataset: i, part: .allocation)) }
            if pairingSource[i] == i { out.append(Job(dataset: i, part: .pairing)) }
        }
        return out
    }

    /// Datasets whose two parts are both in `solved` now that `job` is (and were not before).
    func datasets(completedBy job: Job, solved: Set<Job>) -> [Int] {
        pairingSource.indices.filter { i in
            let needs = [Job(dataset: pairingSource[i], part: .pairing), Job(dataset: allocationSource[i], part: .allocation)]
            return needs.contains(job) && needs.allSatisfy { solved.contains($0) }
        }
    }
}

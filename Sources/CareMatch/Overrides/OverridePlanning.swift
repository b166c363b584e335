import Foundation

/// The plan's view of `overrides.csv`: the optima without the overrides, and the price of each.
public struct OverrideOutcome: Sendable {
    /// The optimal pairing and allocation when `overrides.csv` is ignored.
    public var freePairing: PairingSolution
    public var freeAllocation: AllocationSolution
    public var prices: [OverridePrice]

    /// The summary's part, given the plan made under the overrides.
    public func summary(pairing: PairingSolution, allocation: AllocationSolution) -> OverrideSummary {
        func optima(_ with: Double, _ without: Double, _ pw: Bool, _ pwo: Bool) -> OverrideSummary.Optima {
            .init(withOverrides: Decimals.round(with), withoutOverrides: Decimals.round(without),
                  price: Decimals.round(without - with), provenWith: pw, provenWithout: pwo)
        }
        let p = optima(pairing.evaluation.score, freePairing.evaluation.score, pairing.certificate.proven, freePairing.certificate.proven)
        let a = optima(allocation.score, freeAllocation.score, allocation.status == .optimal, freeAllocation.status == .optimal)
        return OverrideSummary(lines: prices.count, pairing: p, allocation: a,
                               totalPrice: Decimals.round((freePairing.evaluation.score - pairing.evaluation.score)
                                                          + (freeAllocation.score - allocation.score)),
                               prices: prices)
    }
}

/// Makes the plan under `overrides.csv` (contract section 2) and prices it.
///
/// The allocation engine reads the overrides itself (`AllocationOverrideClasses`); the pairing
/// under overrides is `OverridePairing`. Both optima without the overrides are solved as well,
/// then each override's price by one re-solve without that line (warm from the plan), on the
/// plan's worker threads, within its deadline: what the deadline cuts is `not_computed`.
enum OverridePlanning {
    static func apply(_ r: PlanResult, pairing freePairing: PairingSolution, options: PlannerOptions,
                      deadline: Deadline) throws -> PlanResult {
        let d = r.dataset
        let free: Dataset = { var f = d; f.overrides = []; return f }()
        let ov = ResolvedOverrides(d)
        var allocationOptions = options.allocation
        allocationOptions.marginals = false
        allocationOptions.threads = 1
        allocationOptions.deadline = deadline
        allocationOptions.progress = nil
        let a = allocationOptions
        let warm = freePairing.evaluation.pairs.map { (child: $0.child, mom: $0.mom) }
        let candidates = OverridePairing.Candidates(PairingInstance(dataset: d))
        // The pairing without overrides is proven optimal with these duals (integer units): the
        // plan's solve under the overrides starts from a tree basis with them.
        let perPoint = Double(candidates.instance.weights.scale.unitsPerPoint)
        let freeDuals = freePairing.certificate.proven
            ? (mom: freePairing.momDual.map { Int64(($0 * perPoint).rounded()) }, child: freePairing.childDual.map { Int64(($0 * perPoint).rounded()) })
            : nil
        let pairingSlot = ResultSlots<Result<(solution: PairingSolution, columns: [(child: Int, mom: Int)], basis: OverridePairing.Basis?), Error>>(count: 1)
        let allocationSlot = ResultSlots<Result<AllocationSolution, Error>>(count: 1)
        let hasPairing = ov.hasPairing
        options.progress?("overrides: the pairing under \(d.overrides.count) lines, the allocation without them")
        WorkerThreads.run(2) { w in
            if w == 0 {
                pairingSlot.store(0, Result { hasPairing ? try OverridePairing.solveKeepingColumns(d, ov, warm: warm, freeDuals: freeDuals, deadline: deadline, candidates: candidates)
                                                         : (freePairing, warm, nil) })
            } else {
                allocationSlot.store(0, Result { try AllocationSolver.solve(free, options: a) })
            }
        }
        let (pairing, columns, planBasis) = try pairingSlot.values[0]!.get()
        let freeAllocation = try allocationSlot.values[0]!.get()

        // One re-solve per override without it.
        let n = d.overrides.count
        let planPairs = columns
        // Allocation lines first (one allocation solve each, quick), then pair lines.
        let order = d.overrides.indices.sorted { (d.overrides[$0].kind.isPairing ? 1 : 0, $0) < (d.overrides[$1].kind.isPairing ? 1 : 0, $1) }
        let queue = WorkQueue(count: n)
        let out = ResultSlots<OverridePrice>(count: n)
        var inst = PairingInstance(dataset: d)
        inst.lockedPairs = Set(ov.pairLocks.map { Int64($0.child) * Int64(inst.momCount) + Int64($0.mom) })
        let lockedInstance = inst
        let plan = r
        let threads = max(1, min(n, options.allocation.threads))
        WorkerThreads.run(threads) { _ in
            while let q = queue.next() {
                options.progress?("overrides: price of line \(q + 1) of \(n)")
                let i = order[q]
                let o = d.overrides[i]
                var price = OverridePrice(line: o.line, kind: o.kind.rawValue, label: o.label, note: o.note, status: "not_computed")
                if o.kind == .lockPair, let c = o.childID, let m = o.momID,
                   let ci = lockedInstance.childIDs.firstIndex(of: c), let mi = lockedInstance.momIDs.firstIndex(of: m) {
                    let f = lockedInstance.facts(mom: mi, child: ci)
                    price.beyondReach = f.centikm > Int(lockedInstance.momReach[mi])
                }
                if deadline.hasPassed {
                    price.reason = "the plan's time limit came first"
                    out.store(i, price); continue
                }
                do {
                    if o.kind.isPairing {
                        let without = ResolvedOverrides(d, excluding: [i])
                        let s = without.hasPairing ? try OverridePairing.solveKeepingColumns(d, without, warm: planPairs, basis: planBasis, deadline: deadline, candidates: candidates,
                                                                                                    bestPerChild: 0, explain: false).solution : freePairing
                        price.points = Decimals.round(s.evaluation.score - pairing.evaluation.score)
                        price.status = s.certificate.proven && pairing.certificate.proven ? "exact" : "bounded"
                        let diff = PairingDifference(with: pairing.evaluation, without: s.evaluation, d)
                        price.childrenAffected = diff.children
                        price.extraKm = Decimals.round(diff.extraKm)
                    } else {
                        var less = d
                        less.overrides.remove(at: i)
                        let s = try AllocationSolver.solve(less, options: a)
                        price.points = Decimals.round(s.score - plan.allocation.score)
                        price.status = s.status == .optimal && plan.allocation.status == .optimal ? "exact" : "bounded"
                    }
                    if deadline.hasPassed && price.status == "bounded" { price.status = "not_computed"; price.points = nil; price.reason = "the plan's time limit came first" }
                } catch {
                    price.reason = deadline.hasPassed ? "the plan's time limit came first" : "the re-solve without this line failed: \(error)"
                }
                out.store(i, price)
            }
        }
        var result = r
        result.pairing = pairing
        result.overrides = OverrideOutcome(freePairing: freePairing, freeAllocation: freeAllocation,
                                           prices: out.values.map { $0! })
        return result
    }
}

/// What changes in a pairing when one override is removed: the children whose moms differ,
/// and the km of all pairs with minus without.
struct PairingDifference {
    var children: [String]
    var extraKm: Double

    init(with a: PairingEvaluation, without b: PairingEvaluation, _ d: Dataset) {
        var ma = [Int: Set<Int>](), mb = [Int: Set<Int>]()
        var ka = 0, kb = 0
        for p in a.pairs { ma[p.child, default: []].insert(p.mom); ka += p.centikm }
        for p in b.pairs { mb[p.child, default: []].insert(p.mom); kb += p.centikm }
        let changed = Set(ma.keys).union(mb.keys).filter { ma[$0] != mb[$0] }
        children = changed.map { d.children[$0].id }.sorted { $0.precedesInCodePoints($1) }
        extraKm = Double(ka - kb) / 100
    }
}

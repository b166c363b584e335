import Foundation

/// `compare --price-manual`: each pair of a hand-made pairing taken as a lock on its own, and what
/// it costs — the plan's pairing score minus the optimum with that pair locked (in its role) on
/// top of the dataset's own overrides, everything else re-optimized. A pair the optimal plan
/// already has in that role costs exactly 0 (no solve). Pairs that cannot be a lock (unknown ids,
/// a role the lead order rules out, no capacity) are `not_computed` with the reason.
public enum ManualPairPrices {
    /// `progress` gets "price k of n" lines as the re-solves start.
    public static func compute(_ plan: PlanResult, manual: [PairAssignment], threads: Int = 2,
                               deadline: Deadline = .none, progress: (@Sendable (String) -> Void)? = nil) -> [OverridePrice] {
        let d = plan.dataset
        let planRole = Dictionary(plan.pairing.evaluation.pairs.map { ("\(d.children[$0.child].id)|\(d.moms[$0.mom].id)", $0.role) },
                                  uniquingKeysWith: { a, _ in a })
        let base = d.overrides
        let candidates = OverridePairing.Candidates(PairingInstance(dataset: d))
        let index = d.index
        let warm = plan.pairing.evaluation.pairs.map { (child: $0.child, mom: $0.mom) }
        // The plan's pairing solved once more by the overrides' model, for its optimal basis:
        // each lock's re-solve starts there (a few pivots instead of thousands).
        let base0 = try? OverridePairing.solveKeepingColumns(d, ResolvedOverrides(d), warm: warm, deadline: deadline,
                                                              candidates: candidates)
        let queue = WorkQueue(count: manual.count)
        let out = ResultSlots<OverridePrice>(count: manual.count)
        WorkerThreads.run(max(1, min(threads, manual.count))) { _ in
            while let i = queue.next() {
                if i % 10 == 0 || i == manual.count - 1 { progress?("manual pairs: price \(i + 1) of \(manual.count)") }
                let a = manual[i]
                let lock = Override(kind: .lockPair, childID: a.childID, momID: a.momID, role: a.role, line: a.line)
                var price = OverridePrice(line: a.line, kind: lock.kind.rawValue, label: lock.label, note: "", status: "not_computed")
                if planRole["\(a.childID)|\(a.momID)"] == a.role {
                    price.points = 0; price.status = "exact"
                    out.store(i, price); continue
                }
                var locked = d
                locked.overrides = base + [lock]
                // The dataset's own lines are valid: any error is this lock's.
                let problems = OverrideChecks.check(locked, index: index, instance: candidates.instance)
                if let p = problems.first {
                    price.reason = "not possible as a lock: \(p.message)"
                    out.store(i, price); continue
                }
                if deadline.hasPassed { price.reason = "the time limit came first"; out.store(i, price); continue }
                do {
                    let s = try OverridePairing.solveKeepingColumns(locked, ResolvedOverrides(locked, index: index), warm: base0?.columns ?? warm,
                                                                    basis: base0?.basis, deadline: deadline,
                                                                    candidates: candidates, bestPerChild: 0, explain: false).solution
                    if s.certificate.cutShortByDeadline { price.reason = "the time limit came first"; out.store(i, price); continue }
                    price.points = Decimals.round(plan.pairing.evaluation.score - s.evaluation.score)
                    price.status = s.certificate.proven && plan.pairing.certificate.proven ? "exact" : "bounded"
                    let diff = PairingDifference(with: s.evaluation, without: plan.pairing.evaluation, d)
                    price.childrenAffected = diff.children
                    price.extraKm = Decimals.round(diff.extraKm)
                    if let c = index.childByID[a.childID], let m = index.momByID[a.momID] {
                        price.beyondReach = !candidates.instance.facts(mom: m, child: c).allowed
                    }
                } catch {
                    price.reason = "the re-solve failed: \(error)"
                }
                out.store(i, price)
            }
        }
        return out.values.map { $0! }
    }

    /// `manual_prices.csv`: `line,child_id,mom_id,role,status,price_points,extra_km,children_affected,beyond_reach,reason`.
    public static func csv(_ prices: [OverridePrice], _ manual: [PairAssignment], byteOrderMark: Bool) -> CSVWriter {
        var w = CSVWriter(header: ["line", "child_id", "mom_id", "role", "status", "price_points", "extra_km", "children_affected",
                                   "beyond_reach", "reason"], byteOrderMark: byteOrderMark)
        for (p, a) in zip(prices, manual) {
            w.appendRow([.number("\(a.line)"), .text(a.childID), .text(a.momID), .text(a.role.rawValue), .text(p.status),
                         p.points.map { .number(Decimals.format($0, maxDecimals: 2)) } ?? .text(""),
                         p.extraKm.map { .number(Decimals.format($0, maxDecimals: 2)) } ?? .text(""),
                         .text(p.childrenAffected.joined(separator: ";")), .text(p.beyondReach ? "true" : "false"), .text(p.reason ?? "")])
        }
        return w
    }
}

/// The one-screen summary `carematch plan` prints, in the language of the report settings.
public enum PlanTerminalSummary {
    public static func render(_ plan: PlanResult, folder: String, texts t: Texts) -> String {
        let d = plan.dataset
        let k = plan.pairing.evaluation.kpis, c = plan.pairing.certificate
        let a = plan.allocation, ak = a.kpis
        func n(_ x: Double, _ dec: Int = 2) -> String { HTML.num(x, dec) }
        var lines: [String] = []
        lines.append(t(.termWritten, d.name, folder))
        // A limit too short for the dataset's size: say what the solves had, when one was cut.
        let cut = plan.pairing.certificate.cutShortByDeadline || [.timeLimit, .noSolution].contains(plan.allocation.status)
        if let b = plan.timeBudget, b.reserveExceedsShare, cut {
            lines.append(t(.termLimitTooShort, n(b.limitSeconds, 1), n(b.readSeconds + b.reservedSeconds, 1), n(b.solvingSeconds, 1)))
        }
        lines.append(t(.termPairing, n(Decimals.round(c.primal)), n(Decimals.roundUp(c.dual)),
                       c.proven ? t(.provenOptimal) : c.cutShortByDeadline ? t(.pairingCutShort) : t(.notProven)))
        lines.append(t(.termPairingKPIs, k.childrenWithLead, k.children, k.specialNeedsWithLead, k.specialNeedsChildren, k.supportSlotsFilled, k.supportSlotsWanted))
        lines.append(t(.termDistances, n(k.meanDistanceKm), n(k.p90DistanceKm), k.sharedInterestPairs, k.continuityKept))
        if let failure = a.failure {
            lines.append(t(.termAllocationFailed, failure))
        } else {
            let status = a.status == .optimal ? t(.provenOptimal)
                : a.status == .noSolution ? t(.allocationNoneInTime)
                : a.status == .timeLimit ? t(.allocationAtDeadline, n(a.gap * 100, 4))
                : a.status == .nodeLimit ? t(.allocationAtNodeLimit, n(a.gap * 100, 4)) : t(.allocationStopped, a.status.rawValue, n(a.gap * 100, 4))
            lines.append(t(.termAllocation, n(Decimals.round(a.score)), n(Decimals.roundUp(a.bound)), status))
        }
        lines.append(t(.termAllocationKPIs, ak.needsFullyCovered, ak.needs, ak.needsPartlyCovered, t.yuan(ak.yuanSpent), t.yuan(ak.yuanAvailable)))
        let m = a.explanations.marginals
        if !m.isEmpty {
            let count = { (s: MarginalStatus) in m.filter { $0.status == s }.count }
            lines.append(t(.termExplained, m.count, count(.exact), count(.notNeeded), count(.bounded), count(.notComputed)))
        }
        if let alt = plan.alternatives, alt.skippedForPairOverrides {
            lines.append(t(.termAlternativesOverrides))
        } else if let alt = plan.alternatives, alt.perChild > 0, alt.exact {
            lines.append(alt.childrenNotComputed > 0 ? t(.termAlternativesCut, alt.childrenNotComputed, alt.rows.count)
                                                     : t(.termAlternatives, alt.rows.count, alt.perChild))
        }
        lines += OverrideReport.terminal(plan, t)
        lines.append(t(.termUnmet, plan.pairing.unmet.count, a.unmet.count))
        if !d.warnings.isEmpty { lines.append(t(.termWarnings, d.warnings.count)) }
        return lines.joined(separator: "\n")
    }
}

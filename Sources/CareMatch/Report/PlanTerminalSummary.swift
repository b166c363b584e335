/// The one-screen summary `carematch plan` prints, in the language of the report settings.
public enum PlanTerminalSummary {
    public static func render(_ plan: PlanResult, folder: String, texts t: Texts) -> String {
        let d = plan.dataset
        let k = plan.pairing.evaluation.kpis, c = plan.pairing.certificate
        let a = plan.allocation, ak = a.kpis
        func n(_ x: Double, _ dec: Int = 2) -> String { HTML.num(x, dec) }
        var lines: [String] = []
        lines.append(t(.termWritten, d.name, folder))
        lines.append(t(.termPairing, n(Decimals.round(c.primal)), n(Decimals.roundUp(c.dual)), c.proven ? t(.provenOptimal) : t(.notProven)))
        lines.append(t(.termPairingKPIs, k.childrenWithLead, k.children, k.specialNeedsWithLead, k.specialNeedsChildren, k.supportSlotsFilled, k.supportSlotsWanted))
        lines.append(t(.termDistances, n(k.meanDistanceKm), n(k.p90DistanceKm), k.sharedInterestPairs, k.continuityKept))
        let status = a.status == .optimal ? t(.provenOptimal) : t(.allocationStopped, a.status.rawValue, n(a.gap * 100, 4))
        lines.append(t(.termAllocation, n(Decimals.round(a.score)), n(Decimals.roundUp(a.bound)), status))
        lines.append(t(.termAllocationKPIs, ak.needsFullyCovered, ak.needs, ak.needsPartlyCovered, t.yuan(ak.yuanSpent), t.yuan(ak.yuanAvailable)))
        lines.append(t(.termUnmet, plan.pairing.unmet.count, a.unmet.count))
        if !d.warnings.isEmpty { lines.append(t(.termWarnings, d.warnings.count)) }
        return lines.joined(separator: "\n")
    }
}

import Foundation

/// A solved plan: the dataset, the pairing and the allocation, ready to be written.
public struct PlanResult: Sendable {
    public var dataset: Dataset
    public var pairing: PairingSolution
    public var allocation: AllocationSolution
    public var timings: [String: Double]

    public var summary: PlanSummary {
        PlanSummary(dataset: dataset, pairing: pairing, allocation: AllocationSummaryPart(allocation), timings: timings)
    }

    /// The one-screen summary printed on the terminal.
    public func terminalSummary(folder: String) -> String {
        let k = pairing.evaluation.kpis
        let c = pairing.certificate
        var lines: [String] = []
        lines.append("Plan for \(dataset.name) written to \(folder)")
        lines.append("Pairing   score \(Decimals.format(Decimals.round(c.primal), maxDecimals: 2))  bound \(Decimals.format(Decimals.roundUp(c.dual), maxDecimals: 2))  \(c.proven ? "proven optimal" : c.cutShortByDeadline ? "NOT proven optimal: stopped at the deadline (the bound is a coarse one)" : "NOT proven optimal")")
        lines.append("          children with a lead mom \(k.childrenWithLead)/\(k.children) (special needs \(k.specialNeedsWithLead)/\(k.specialNeedsChildren)), supporting slots \(k.supportSlotsFilled)/\(k.supportSlotsWanted)")
        lines.append("          mean distance \(Decimals.format(k.meanDistanceKm, maxDecimals: 2)) km, 90th percentile \(Decimals.format(k.p90DistanceKm, maxDecimals: 2)) km, shared interests \(k.sharedInterestPairs) pairs, continuity kept \(k.continuityKept)")
        let a = allocation
        let ak = a.kpis
        if let failure = a.failure {
            lines.append("Allocation NOT WRITTEN: \(failure)")
        } else {
            lines.append("Allocation score \(Decimals.format(Decimals.round(a.score), maxDecimals: 2))  bound \(Decimals.format(Decimals.roundUp(a.bound), maxDecimals: 2))  \(a.status == .optimal ? "proven optimal" : a.status == .timeLimit ? "stopped at the deadline, gap \(Decimals.format(a.gap * 100, maxDecimals: 4)) %" : "\(a.status.rawValue), gap \(Decimals.format(a.gap * 100, maxDecimals: 4)) %")")
        }
        lines.append("          needs fully covered \(ak.needsFullyCovered)/\(ak.needs), partly \(ak.needsPartlyCovered); yuan spent \(Decimals.format(ak.yuanSpent, maxDecimals: 2)) of \(Decimals.format(ak.yuanAvailable, maxDecimals: 2))")
        let m = a.explanations.marginals
        if !m.isEmpty {
            let count = { (s: MarginalStatus) in m.filter { $0.status == s }.count }
            var parts = ["\(count(.exact)) exact", "\(count(.notNeeded)) not needed (proven 0)"]
            if count(.bounded) > 0 { parts.append("\(count(.bounded)) bounded (cut short at the deadline)") }
            if count(.notComputed) > 0 { parts.append("\(count(.notComputed)) not computed (deadline)") }
            lines.append("Explained what more would bring for \(m.count) additions: " + parts.joined(separator: ", "))
        }
        lines.append("Unmet     \(pairing.unmet.count) children without a lead mom, \(a.unmet.count) needs not fully covered (unmet.csv)")
        if !dataset.warnings.isEmpty { lines.append("Warnings  \(dataset.warnings.count) (listed in summary.json)") }
        return lines.joined(separator: "\n")
    }
}

import Foundation

/// Everything a plan folder holds: the plan's own files (`PlanResult.files`: CSV files and
/// `summary.json`) and the page that reads them (`report.html`). Planning does not know about
/// pages; this is where they are put together.
public enum PlanFolderContents {
    /// The files of the plan folder. With `comparison`, the report sets the hand-made plan
    /// beside this one; `comparison: nil` and a dataset with a hand-made plan compares with it.
    public static func files(_ plan: PlanResult, report: ReportSettings = ReportSettings(), byteOrderMark: Bool = false,
                             workbook: Bool = false, comparison: PlanComparison? = nil,
                             compareWithHandMade: Bool = true) throws -> [(name: String, data: Data)] {
        // Two at a time, on two cores (at scale 100 the folder took 25 s on one, most of a short
        // limit's reserve): first the handout (its unmet rows serve both `unmet.csv` and the
        // report's table) beside the hand-made comparison, then the tables beside the report.
        let (handout, c) = Concurrently.both({ PlanHandout(plan) },
                                             { comparison ?? (compareWithHandMade ? handMadeComparison(plan) : nil) })
        let (files, page) = Concurrently.both({ Result { try plan.files(byteOrderMark: byteOrderMark, workbook: workbook, handout: handout) } },
                                              { Data(ReportHTML.render(plan, report: report, comparison: c, unmet: handout.unmet,
                                                                        organizations: handout.organizations).utf8) })
        return try files.get() + [("report.html", page)]
    }

    /// The dataset's own hand-made plan (`manual_pairings.csv` / `manual_allocations.csv`)
    /// scored against `plan`, when the dataset has one.
    public static func handMadeComparison(_ plan: PlanResult) -> PlanComparison? {
        let d = plan.dataset
        guard d.manualPairings != nil || d.manualAllocations != nil else { return nil }
        return PlanComparison(dataset: d, pairings: d.manualPairings ?? [], allocations: d.manualAllocations ?? [], plan: plan)
    }
}

import Foundation

extension PlanResult {
    /// The plan's own files (contract section 7): the tables of `PlanTables` as CSV,
    /// `summary.json`, and `plan.xlsx` when `workbook` is true. The pages that read them are
    /// added by the report layer.
    public func files(byteOrderMark: Bool, workbook: Bool = false) throws -> [(name: String, data: Data)] {
        try files(byteOrderMark: byteOrderMark, workbook: workbook, handout: PlanHandout(self))
    }

    /// The same from the plan's handout, when the caller has made it already.
    public func files(byteOrderMark: Bool, workbook: Bool = false, handout: PlanHandout) throws -> [(name: String, data: Data)] {
        let tables = PlanTables.all(self, handout)
        var out: [(name: String, data: Data)] = tables.map { ($0.name + ".csv", $0.csv(byteOrderMark: byteOrderMark).data) }
        out.append(("alternatives.csv", PlanTables.alternatives(dataset, alternatives).csv(byteOrderMark: byteOrderMark).data))
        if let w = OverrideReport.csv(self, byteOrderMark: byteOrderMark) { out.append(("override_prices.csv", w.data)) }
        out.append(("summary.json", try summary.json()))
        if workbook { out.append(("plan.xlsx", try PlanWorkbook.data(self, tables: tables))) }
        return out
    }
}

import Foundation

extension PlanResult {
    /// The files of the plan folder (contract section 7).
    public func files(byteOrderMark: Bool) throws -> [(name: String, data: Data)] {
        let pairings = PairingFiles.pairings(dataset, pairing.evaluation, byteOrderMark: byteOrderMark)
        var unmet = CSVWriter(header: ["kind", "id", "missing", "reason"], byteOrderMark: byteOrderMark)
        for row in PairingFiles.unmetRows(dataset, pairing.unmet) { unmet.appendRow(row) }
        for row in AllocationFiles.unmetRows(allocation.unmet) { unmet.appendRow(row) }
        let allocations = AllocationFiles.allocations(allocation.rows, byteOrderMark: byteOrderMark)
        return [("pairings.csv", pairings.data), ("allocations.csv", allocations.data), ("unmet.csv", unmet.data),
                ("summary.json", try summary.json()),
                ("report.html", Data(ReportHTML.render(self).utf8))]
    }
}

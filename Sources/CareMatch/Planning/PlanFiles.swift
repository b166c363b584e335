import Foundation

extension PlanResult {
    /// The plan's own files (contract section 7): the CSV files and `summary.json`. The pages
    /// that read them are added by the report layer.
    public func files(byteOrderMark: Bool) throws -> [(name: String, data: Data)] {
        let pairings = PairingFiles.pairings(dataset, pairing.evaluation, byteOrderMark: byteOrderMark)
        var unmet = CSVWriter(header: ["kind", "id", "missing", "reason"], byteOrderMark: byteOrderMark)
        for row in PairingFiles.unmetRows(dataset, pairing.unmet) { unmet.appendRow(row) }
        for row in AllocationFiles.unmetRows(allocation.unmet) { unmet.appendRow(row) }
        let allocations = AllocationFiles.allocations(allocation.rows, byteOrderMark: byteOrderMark)
        return [("pairings.csv", pairings.data), ("allocations.csv", allocations.data), ("unmet.csv", unmet.data),
                ("summary.json", try summary.json())]
    }
}

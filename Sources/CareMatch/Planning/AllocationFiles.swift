/// The allocation part of a plan folder as CSV (contract section 7).
public enum AllocationFiles {
    /// `allocations.csv`: `source_id,org_id,need_id,child_id,category,units,yuan`, one row per
    /// (source, need) with units > 0, numbers with at most 6 decimals.
    public static func allocations(_ rows: [AllocationRow], byteOrderMark: Bool = false) -> CSVWriter {
        var w = CSVWriter(header: ["source_id", "org_id", "need_id", "child_id", "category", "units", "yuan"], byteOrderMark: byteOrderMark)
        for r in rows {
            w.appendRow([.text(r.sourceID), .text(r.orgID), .text(r.needID), .text(r.childID), .text(r.category),
                         .number(CSVWriter.number(r.units)), .number(CSVWriter.number(r.yuan))])
        }
        return w
    }

    /// The `unmet.csv` rows of needs not fully covered: `missing` in the category's unit.
    public static func unmetRows(_ unmet: [UnmetNeed]) -> [[CSVWriter.Cell]] {
        unmet.map { [.text("need"), .text($0.needID), .number(CSVWriter.number($0.missing)), .text($0.reason)] }
    }
}

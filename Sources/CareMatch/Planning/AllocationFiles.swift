/// The allocation part of a plan folder as CSV (contract section 7).
public enum AllocationFiles {
    /// `allocations.csv`: `source_id,org_id,need_id,child_id,category,units,yuan`, one row per
    /// (source, need) with units > 0, numbers with at most 6 decimals.
    public static func allocations(_ rows: [AllocationRow], byteOrderMark: Bool = false) -> CSVWriter {
        PlanTables.allocations(rows).csv(byteOrderMark: byteOrderMark)
    }
}

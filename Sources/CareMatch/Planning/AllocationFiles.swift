/// The allocation part of a plan folder as CSV (contract section 7).
public enum AllocationFiles {
    /// `allocations.csv`: `source_id,org_id,need_id,child_id,category,units,yuan`, one row per
    /// (source, need) with units > 0, numbers with at most 6 decimals.
    public static func allocations(_ rows: [AllocationRow], byteOrderMark: Bool = false) -> CSVWriter {
        PlanTables.allocations(rows).csv(byteOrderMark: byteOrderMark)
    }

    /// `deliveries.csv`: the same rows with the organization's name and the child's county and
    /// township, sorted by organization, source and need.
    public static func deliveries(_ d: Dataset, _ rows: [AllocationRow], byteOrderMark: Bool = false) -> CSVWriter {
        PlanTables.deliveries(Delivery.sheet(d, rows: rows)).csv(byteOrderMark: byteOrderMark)
    }
}

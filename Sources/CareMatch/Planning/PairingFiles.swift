/// The pairing part of a plan folder as CSV (contract section 7).
public enum PairingFiles {
    /// `pairings.csv`: `child_id,mom_id,role,distance_km,shared_interest,continued`, by child id,
    /// lead first, then supporting moms by mom id.
    public static func pairings(_ d: Dataset, _ ev: PairingEvaluation, byteOrderMark: Bool = false) -> CSVWriter {
        PlanTables.pairings(d, ev).csv(byteOrderMark: byteOrderMark)
    }
}

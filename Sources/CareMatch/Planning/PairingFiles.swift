/// The pairing part of a plan folder as CSV (contract section 7).
public enum PairingFiles {
    /// `pairings.csv`: `child_id,mom_id,role,distance_km,shared_interest,continued`, by child id,
    /// lead first, then supporting moms by mom id.
    public static func pairings(_ d: Dataset, _ ev: PairingEvaluation, byteOrderMark: Bool = false) -> CSVWriter {
        var w = CSVWriter(header: ["child_id", "mom_id", "role", "distance_km", "shared_interest", "continued"], byteOrderMark: byteOrderMark)
        for p in ev.pairs {
            w.appendRow([.text(d.children[p.child].id), .text(d.moms[p.mom].id), .text(p.role.rawValue),
                         .number(CSVWriter.number(p.distanceKm, decimals: 2)),
                         .text(p.shared ? "true" : "false"), .text(p.continued ? "true" : "false")])
        }
        return w
    }

    /// The `unmet.csv` rows for children without a lead mom: `missing` is the number of moms
    /// wanted (1 + supporters_wanted).
    public static func unmetRows(_ d: Dataset, _ unmet: [UnmetChild]) -> [[CSVWriter.Cell]] {
        unmet.map { u in
            let c = d.children[u.child]
            return [.text("child"), .text(c.id), .number(String(1 + max(0, c.supportersWanted))), .text(u.reason)]
        }
    }
}

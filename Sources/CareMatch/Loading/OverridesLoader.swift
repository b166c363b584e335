import Foundation

extension DatasetFile {
    /// The coordinators' decisions (optional): locked and forbidden pairs and allocations.
    public static let overrides = "overrides.csv"
}

/// Reads `overrides.csv` cell by cell (the checks that need the rest of the dataset are
/// `OverrideChecks`). Which cells a row needs depends on its `kind`:
///
/// | kind | needs | must be empty |
/// |---|---|---|
/// | `lock_pair` | `child_id`, `mom_id`, `role` | `source_id`, `need_id`, `units` |
/// | `forbid_pair` | `child_id`, `mom_id` (`role` optional: empty forbids both) | `source_id`, `need_id`, `units` |
/// | `lock_allocation` | `source_id`, `need_id`, `units` > 0 | `mom_id`, `role` |
/// | `forbid_allocation` | `source_id`, and `need_id` or `child_id` | `mom_id`, `role`, `units` |
enum OverridesLoader {
    static let columns = ["kind", "child_id", "mom_id", "role", "source_id", "need_id", "units", "note"]

    static func parse(_ t: CSVTable, _ diags: inout [Diagnostic]) -> [Override] {
        guard var p = TableParser(file: DatasetFile.overrides, table: t, required: ["kind"],
                                  optional: Array(columns.dropFirst()), diagnostics: &diags) else { return [] }
        var out = [Override]()
        for r in t.rows {
            guard let kind = p.enumValue(r, "kind", OverrideKind.self) else { continue }
            var o = Override(kind: kind, note: p.text(r, "note"), line: r.line)
            func unused(_ column: String) {
                if !p.text(r, column).isEmpty {
                    p.error(r, column, "must be empty for \(kind.rawValue) (it has no \(column)); move the value to the right column or change the kind")
                }
            }
            switch kind {
            case .lockPair, .forbidPair:
                o.childID = p.required(r, "child_id", "a child_id of children.csv")
                o.momID = p.required(r, "mom_id", "a mom_id of moms.csv")
                if kind == .lockPair || !p.text(r, "role").isEmpty {
                    guard let role = p.enumValue(r, "role", PairingRole.self) else { continue }
                    o.role = role
                }
                unused("source_id"); unused("need_id"); unused("units")
                if o.childID == nil || o.momID == nil { continue }
            case .lockAllocation:
                o.sourceID = p.required(r, "source_id", "an offer_id of offers.csv")
                o.needID = p.required(r, "need_id", "a need_id of needs.csv")
                guard let units = p.number(r, "units", required: true), let u = units else { continue }
                if !(u > 0) { p.error(r, "units", "is \(Decimals.format(u, maxDecimals: 6)); expected a number of units greater than 0"); continue }
                o.units = u
                o.childID = p.optionalText(r, "child_id")
                unused("mom_id"); unused("role")
                if o.sourceID == nil || o.needID == nil { continue }
            case .forbidAllocation:
                o.sourceID = p.required(r, "source_id", "an offer_id of offers.csv")
                o.needID = p.optionalText(r, "need_id")
                o.childID = p.optionalText(r, "child_id")
                if o.needID == nil && o.childID == nil {
                    p.error(r, "need_id", "is empty and so is child_id; expected a need_id of needs.csv, or a child_id to forbid the source for every need of that child")
                    continue
                }
                unused("mom_id"); unused("role"); unused("units")
                if o.sourceID == nil { continue }
            }
            out.append(o)
        }
        diags += p.diagnostics
        return out
    }
}

/// The texts a workbook shows: sheet titles and column headers, in one table per language so
/// another language is one more table. Keys are the contract's file and column names.
public enum SheetTexts {
    /// The workbook's language. Only English exists so far.
    public enum Language: String, Sendable { case english = "en" }

    /// The title of a table's sheet (≤ 31 characters, as Excel requires).
    public static func sheetTitle(_ table: String, _ language: Language = .english) -> String {
        englishSheets[table] ?? table
    }

    /// The header text of a column, falling back to the column's contract name.
    public static func header(_ column: String, _ language: Language = .english) -> String {
        englishHeaders[column] ?? column
    }

    static let englishSheets: [String: String] = [
        "summary": "Summary", "pairings": "Pairings", "allocations": "Allocations", "deliveries": "Deliveries",
        "organization_totals": "Organizations", "mom_assignments": "Moms", "county_summary": "Counties", "unmet": "Unmet",
    ]

    static let englishHeaders: [String: String] = [
        "item": "Item", "value": "Value",
        "child_id": "Child", "mom_id": "Mom", "role": "Role", "distance_km": "Distance (km)",
        "shared_interest": "Shared interest", "continued": "Continued",
        "source_id": "Source (offer)", "org_id": "Organization", "org_name": "Organization name", "need_id": "Need",
        "category": "Category", "units": "Units", "yuan": "Yuan", "county": "County", "township": "Township",
        "offers": "Offers", "yuan_offered": "Yuan offered", "yuan_spent": "Yuan spent", "yuan_left": "Yuan left",
        "units_offered": "Units offered", "units_given": "Units given", "units_left": "Units left",
        "needs_served": "Needs served", "children_reached": "Children reached", "counties": "Counties",
        "mom_county": "Mom's county", "mom_township": "Mom's township", "capacity": "Capacity", "children": "Children",
        "child_county": "Child's county", "child_township": "Child's township",
        "paired": "With a lead mom", "waiting": "Waiting", "supporting_wanted": "Supporting moms wanted",
        "supporting_filled": "Supporting moms found", "needs": "Needs", "needs_open": "Needs open",
        "units_received": "Units received", "yuan_received": "Yuan received",
        "kind": "Kind", "id": "Id", "group": "Group", "priority": "Priority", "missing": "Missing",
        "reason_code": "Reason code", "reason": "Reason",
    ]
}

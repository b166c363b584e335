/// The report's per-organization table: what each member organization offered, what the plan
/// uses, whom it reaches and where (the figures of `organization_totals.csv`). Organizations are
/// named by id only: the report is shared widely, and an `individual` member's name is
/// personal data (the names are in deliveries.csv and organization_totals.csv).
enum OrganizationSection {
    /// The section's HTML: a heading and one row per organization, by organization id.
    static func html(_ totals: [OrganizationTotals]) -> String {
        var b = "<h2>Organizations (\(totals.count))</h2>\n"
        guard !totals.isEmpty else { return b + "<p>No organization in organizations.csv.</p>\n" }
        b += "<p class=\"note\">Each organization's deliveries are in deliveries.csv (and plan.xlsx with --xlsx). Yuan for money offers; units for in-kind offers, each in its category's unit.</p>\n"
        let rows = totals.map { t -> [String] in
            [t.orgID, "\(t.offers)",
             HTML.num(t.yuanOffered), HTML.num(t.yuanSpent), HTML.num(t.yuanLeft),
             HTML.num(t.unitsOffered, 4), HTML.num(t.unitsGiven, 4), HTML.num(t.unitsLeft, 4),
             "\(t.childrenReached)", t.counties.joined(separator: ", ")]
        }
        b += HTML.table(["org_id", "offers", "yuan offered", "yuan spent", "yuan left",
                         "units offered", "units given", "units left", "children reached", "counties"],
                        rows, numeric: [1, 2, 3, 4, 5, 6, 7, 8])
        return b
    }

    /// The section for a plan.
    static func html(_ plan: PlanResult) -> String {
        let deliveries = Delivery.sheet(plan.dataset, rows: plan.allocation.rows)
        return html(OrganizationTotals.compute(plan.dataset, deliveries: deliveries))
    }
}

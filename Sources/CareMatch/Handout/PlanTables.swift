import Foundation

/// The tables of a plan folder (contract section 7), in the order of the workbook's sheets.
public enum PlanTables {
    /// `pairings.csv`: by child id, lead first, then supporting moms by mom id.
    public static func pairings(_ d: Dataset, _ ev: PairingEvaluation) -> PlanTable {
        PlanTable(name: "pairings", columns: [("child_id", .text), ("mom_id", .text), ("role", .text), ("distance_km", .km),
                                              ("shared_interest", .text), ("continued", .text)],
                  rows: ev.pairs.map { p in
                      [.text(d.children[p.child].id), .text(d.moms[p.mom].id), .text(p.role.rawValue), .number(p.distanceKm),
                       .text(p.shared ? "true" : "false"), .text(p.continued ? "true" : "false")]
                  })
    }

    /// `allocations.csv`: one row per (source, need) with units > 0, as the solution orders them.
    public static func allocations(_ rows: [AllocationRow]) -> PlanTable {
        PlanTable(name: "allocations", columns: [("source_id", .text), ("org_id", .text), ("need_id", .text), ("child_id", .text),
                                                 ("category", .text), ("units", .units), ("yuan", .yuan)],
                  rows: rows.map { r in
                      [.text(r.sourceID), .text(r.orgID), .text(r.needID), .text(r.childID), .text(r.category),
                       .number(r.units), .number(r.yuan)]
                  })
    }

    /// `deliveries.csv`: the rows of `allocations.csv` by organization, source and need.
    public static func deliveries(_ rows: [Delivery]) -> PlanTable {
        PlanTable(name: "deliveries", columns: [("org_id", .text), ("org_name", .text), ("source_id", .text), ("need_id", .text),
                                                ("child_id", .text), ("county", .text), ("township", .text), ("category", .text),
                                                ("units", .units), ("yuan", .yuan)],
                  rows: rows.map { r in
                      [.text(r.orgID), .text(r.orgName), .text(r.sourceID), .text(r.needID), .text(r.childID), .text(r.county),
                       .text(r.township), .text(r.category), .number(r.units), .number(r.yuan)]
                  })
    }

    /// `organization_totals.csv`: one row per organization.
    public static func organizations(_ rows: [OrganizationTotals]) -> PlanTable {
        PlanTable(name: "organization_totals",
                  columns: [("org_id", .text), ("org_name", .text), ("offers", .count), ("yuan_offered", .yuan), ("yuan_spent", .yuan),
                            ("yuan_left", .yuan), ("units_offered", .units), ("units_given", .units), ("units_left", .units),
                            ("needs_served", .count), ("children_reached", .count), ("counties", .text)],
                  rows: rows.map { t in
                      [.text(t.orgID), .text(t.orgName), .number(Double(t.offers)), .number(t.yuanOffered), .number(t.yuanSpent),
                       .number(t.yuanLeft), .number(t.unitsOffered), .number(t.unitsGiven), .number(t.unitsLeft),
                       .number(Double(t.needsServed)), .number(Double(t.childrenReached)), .text(t.counties.joined(separator: ";"))]
                  })
    }

    /// `mom_assignments.csv`: one row per pair, by mom.
    public static func moms(_ rows: [MomAssignment]) -> PlanTable {
        PlanTable(name: "mom_assignments",
                  columns: [("mom_id", .text), ("mom_county", .text), ("mom_township", .text), ("capacity", .count), ("children", .count),
                            ("child_id", .text), ("role", .text), ("distance_km", .km), ("child_county", .text), ("child_township", .text)],
                  rows: rows.map { m in
                      [.text(m.momID), .text(m.momCounty), .text(m.momTownship), .number(Double(m.capacity)), .number(Double(m.children)),
                       .text(m.childID), .text(m.role.rawValue), .number(m.distanceKm), .text(m.childCounty), .text(m.childTownship)]
                  })
    }

    /// `county_summary.csv`: one row per county with children.
    public static func counties(_ rows: [CountySummary]) -> PlanTable {
        PlanTable(name: "county_summary",
                  columns: [("county", .text), ("children", .count), ("paired", .count), ("waiting", .count),
                            ("supporting_wanted", .count), ("supporting_filled", .count), ("needs", .count), ("needs_open", .count),
                            ("units_received", .units), ("yuan_received", .yuan)],
                  rows: rows.map { c in
                      [.text(c.county), .number(Double(c.children)), .number(Double(c.paired)), .number(Double(c.waiting)),
                       .number(Double(c.supportingWanted)), .number(Double(c.supportingFilled)), .number(Double(c.needs)),
                       .number(Double(c.needsOpen)), .number(c.unitsReceived), .number(c.yuanReceived)]
                  })
    }

    /// `unmet.csv`: `kind,id,child_id,group,county,township,priority,missing,reason_code,reason`.
    public static func unmet(_ rows: [UnmetEntry]) -> PlanTable {
        PlanTable(name: "unmet",
                  columns: [("kind", .text), ("id", .text), ("child_id", .text), ("group", .text), ("county", .text), ("township", .text),
                            ("priority", .count), ("missing", .units), ("reason_code", .text), ("reason", .text)],
                  rows: rows.map { u in
                      [.text(u.kind.rawValue), .text(u.id), .text(u.childID), .text(u.group.rawValue), .text(u.county), .text(u.township),
                       u.priority.map { .number(Double($0)) } ?? .empty, .number(u.missing), .text(u.code.rawValue), .text(u.reason)]
                  })
    }

    /// Every table of a plan, in sheet order.
    public static func all(_ plan: PlanResult, _ h: PlanHandout) -> [PlanTable] {
        [pairings(plan.dataset, plan.pairing.evaluation), allocations(plan.allocation.rows), deliveries(h.deliveries),
         organizations(h.organizations), moms(h.moms), counties(h.counties), unmet(h.unmet)]
    }
}

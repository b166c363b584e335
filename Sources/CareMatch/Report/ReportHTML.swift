/// The human report of a plan folder (`report.html`, contract section 7): one self-contained
/// HTML file with inline CSS and inline SVG charts, nothing fetched from anywhere.
///
/// It shows ids only (never names), escapes every text taken from the input, and is
/// deterministic: the same plan gives the same bytes (timings are not shown).
public enum ReportHTML {
    /// At most this many rows in each long table; the CSV files hold them all.
    public static let tableLimit = 300
    /// At most this many marginal values of money and in-kind help (largest gains first).
    public static let marginalLimit = 15

    public static func render(_ plan: PlanResult) -> String {
        let d = plan.dataset
        let k = plan.pairing.evaluation.kpis
        let cert = plan.pairing.certificate
        let a = plan.allocation
        let ak = a.kpis
        let e = HTML.escape
        var b = ""

        b += "<h1>CareMatch plan — \(e(d.name))</h1>\n"
        b += "<p class=\"sub\">\(d.children.count) children, \(d.moms.count) moms, \(d.offers.count) offers, \(d.needs.count) needs. Engine \(e(EngineVersion.string)). Ids only; no names appear in this report.</p>\n"

        // Headline figures.
        b += "<h2>Headline</h2>\n<div class=\"cards\">\n"
        func card(_ value: String, _ label: String, _ cls: String = "") -> String {
            "<div class=\"card\"><div class=\"v \(cls)\">\(value)</div><div class=\"l\">\(e(label))</div></div>\n"
        }
        b += card(e("\(k.childrenWithLead) / \(k.children)"), "children with a lead mom")
        b += card(e("\(k.specialNeedsWithLead) / \(k.specialNeedsChildren)"), "special-needs children with a lead mom")
        b += card(e("\(k.supportSlotsFilled) / \(k.supportSlotsWanted)"), "supporting slots filled")
        b += card(e("\(ak.needsFullyCovered) / \(ak.needs)"), "needs fully covered (\(ak.needsPartlyCovered) partly)")
        b += card(e(HTML.num(ak.unitsCovered) + " / " + HTML.num(ak.unitsWanted)), "need units covered")
        b += card(e(HTML.num(ak.yuanSpent) + " ¥"), "yuan spent of " + HTML.num(ak.yuanAvailable) + " available")
        let pOK = cert.proven
        b += card(pOK ? "proven optimal" : "NOT proven", "pairing: score \(HTML.num(Decimals.round(cert.primal))), bound \(HTML.num(Decimals.roundUp(cert.dual)))", pOK ? "ok" : "bad")
        let aOK = a.status == .optimal
        b += card(aOK ? "proven optimal" : e("\(a.status.rawValue), gap \(HTML.num(a.gap * 100, 4)) %"),
                  "allocation: score \(HTML.num(Decimals.round(a.score))), bound \(HTML.num(Decimals.roundUp(a.bound)))", aOK ? "ok" : "warn")
        b += card(e("\(HTML.num(k.meanDistanceKm)) km"), "mean distance (90th percentile \(HTML.num(k.p90DistanceKm)) km)")
        b += card(e("\(k.sharedInterestPairs) / \(k.pairs)"), "pairs sharing an interest")
        b += card(e("\(k.continuityKept)"), "pairs kept from last quarter (\(k.changesFromLastQuarter) changes)")
        b += card(e("\(d.warnings.count)"), "warnings in the input", d.warnings.isEmpty ? "" : "warn")
        b += "</div>\n"

        // Coverage by group and county.
        b += "<h2>Coverage by group</h2>\n<div class=\"charts\">\n"
        let groups = ChildGroup.allCases.map(\.rawValue).sorted { $0.precedesInCodePoints($1) }
        b += HTML.shareBars(title: "Children with a lead mom", groups.compactMap { g in
            guard let n = k.childrenByGroup[g] else { return nil }
            let got = k.withLeadByGroup[g] ?? 0
            return HTML.Bar(label: g, value: Double(got), total: Double(n), text: "\(got)/\(n) (\(HTML.num(pct(got, n), 1)) %)")
        })
        b += HTML.shareBars(title: "Need units covered", ak.byGroup.map { g in
            HTML.Bar(label: g.key, value: g.unitsCovered, total: g.unitsWanted, text: "\(HTML.num(g.unitsCovered))/\(HTML.num(g.unitsWanted)) (\(HTML.num(pctD(g.unitsCovered, g.unitsWanted), 1)) %)")
        })
        b += "</div>\n"
        b += "<h2>Coverage by county</h2>\n<div class=\"charts\">\n"
        let counties = Set(k.childrenByCounty.keys).union(ak.byCounty.map(\.key)).sorted { $0.precedesInCodePoints($1) }
        b += HTML.shareBars(title: "Children with a lead mom", counties.compactMap { c in
            guard let n = k.childrenByCounty[c] else { return nil }
            let got = k.withLeadByCounty[c] ?? 0
            return HTML.Bar(label: c, value: Double(got), total: Double(n), text: "\(got)/\(n) (\(HTML.num(pct(got, n), 1)) %)")
        })
        b += HTML.shareBars(title: "Need units covered", ak.byCounty.map { g in
            HTML.Bar(label: g.key, value: g.unitsCovered, total: g.unitsWanted, text: "\(HTML.num(g.unitsCovered))/\(HTML.num(g.unitsWanted)) (\(HTML.num(pctD(g.unitsCovered, g.unitsWanted), 1)) %)")
        })
        b += "</div>\n"
        b += HTML.table(["category", "needs", "fully covered", "units wanted", "units covered", "yuan spent"],
                        ak.byCategory.map { [$0.key, "\($0.needs)", "\($0.needsFullyCovered)", HTML.num($0.unitsWanted), HTML.num($0.unitsCovered), HTML.num($0.yuan)] },
                        numeric: [1, 2, 3, 4, 5])

        // Distances and funds.
        b += "<h2>Distances and fund use</h2>\n<div class=\"charts\">\n"
        b += HTML.columns(title: "Pairs by distance between mom and child", labels: PairingKPIs.distanceBands.map(\.0), counts: k.distanceHistogram)
        b += HTML.shareBars(title: "Fund use by earmark (yuan)", ak.byEarmark.map { f in
            HTML.Bar(label: f.earmark == Offer.anyCategory ? "unearmarked" : f.earmark, value: f.yuanSpent, total: f.yuanAvailable,
                     text: "\(HTML.num(f.yuanSpent, 0))/\(HTML.num(f.yuanAvailable, 0))")
        })
        b += "</div>\n"

        // Binding resources.
        b += "<h2>Binding resources: what more would bring</h2>\n"
        let st = d.settings
        b += "<p class=\"note\">A point is a unit of the plan's score: a child with a lead mom earns \(HTML.num(st.leadReward)) × her group weight (special needs \(HTML.num(st.groupWeightSpecialNeeds)), left-behind \(HTML.num(st.groupWeightLeftBehind)), disadvantaged \(HTML.num(st.groupWeightDisadvantaged))), each supporting mom \(HTML.num(st.supportReward)) × the weight, each km between mom and child costs \(HTML.num(st.kmCost)); covering a need fully earns \(HTML.num(st.needPoints)) × the weight × its priority (1–5), and each yuan spent costs \(HTML.num(st.fundPenalty, 4)). Mom capacity: what one more unit of capacity for the best mom of the area gains, between the best pair it makes possible at once and her capacity's dual price (exact when the two agree). Money and in-kind units: the allocation re-solved with the addition, from the plan.</p>\n"
        var lines: [String] = []
        let capacity = plan.pairing.capacityValues(d).counties
            .filter { $0.status != .notNeeded && $0.pointsUpperBound > 0 }
            .sorted { ($0.pointsUpperBound, $1.area) > ($1.pointsUpperBound, $0.area) }
        for c in capacity {
            let value = c.status == .exact ? "+\(HTML.num(c.points)) points"
                : "between +\(HTML.num(c.points)) and +\(HTML.num(c.pointsUpperBound)) points (proven interval)"
            let waits = c.childrenWaiting == 0 ? "no child there waits for capacity"
                : "\(c.childrenWaiting) \(c.childrenWaiting == 1 ? "child" : "children") there \(c.childrenWaiting == 1 ? "waits" : "wait") for capacity"
            lines.append("One more unit of mom capacity in \(c.area): \(value); \(waits) (\(c.momsAtCapacity) of \(c.moms) moms at capacity).")
        }
        var zero = 0, hidden = 0, shown = 0
        for m in a.explanations.marginals.sorted(by: MarginalSentences.precedes) {
            guard let line = MarginalSentences.sentence(m) else { zero += 1; continue }
            if shown >= marginalLimit { hidden += 1; continue }
            shown += 1
            lines.append(line)
        }
        if lines.isEmpty { lines.append("No resource limits the plan.") }
        b += "<ul class=\"plain\">\n" + lines.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        if hidden > 0 { b += "<p class=\"note\">… and \(hidden) smaller gains (all in summary.json, allocation.explanations.marginals).</p>\n" }
        if zero > 0 { b += "<p class=\"note\">\(zero) other additions tested would change nothing.</p>\n" }
        let exhausted = a.explanations.exhausted
        if !exhausted.isEmpty {
            b += "<p>Offers and funds used up completely (\(exhausted.count)): \(e(exhausted.joined(separator: ", ")))</p>\n"
        }
        if !a.explanations.unusable.isEmpty {
            b += "<h3>Offers nobody can use</h3>\n"
            b += HTML.table(["offer_id", "reason"], a.explanations.unusable.prefix(tableLimit).map { [$0.offerID, $0.reason] })
        }

        b += OrganizationSection.html(plan)

        // Unmet.
        b += "<h2>Children without a lead mom (\(plan.pairing.unmet.count))</h2>\n"
        if plan.pairing.unmet.isEmpty { b += "<p>Every child has a lead mom.</p>\n" } else {
            let rows = plan.pairing.unmet.prefix(tableLimit).map { u -> [String] in
                let c = d.children[u.child]
                return [c.id, c.group.rawValue, c.county, c.township, "\(1 + max(0, c.supportersWanted))", u.reason]
            }
            b += HTML.table(["child_id", "group", "county", "township", "moms wanted", "reason"], rows, numeric: [4])
            b += more(plan.pairing.unmet.count)
        }
        b += "<h2>Needs not fully covered (\(a.unmet.count))</h2>\n"
        if a.unmet.isEmpty { b += "<p>Every need is fully covered.</p>\n" } else {
            let rows = a.unmet.prefix(tableLimit).map { [$0.needID, $0.childID, $0.category, HTML.num($0.missing, 4), $0.reason] }
            b += HTML.table(["need_id", "child_id", "category", "missing", "reason"], rows, numeric: [3])
            b += more(a.unmet.count)
        }

        // Warnings.
        b += "<h2>Warnings (\(d.warnings.count))</h2>\n"
        if d.warnings.isEmpty { b += "<p>None.</p>\n" } else {
            b += "<ul class=\"plain\">\n" + d.warnings.prefix(tableLimit).map { "<li>\(e($0.description))</li>\n" }.joined() + "</ul>\n"
            b += more(d.warnings.count)
        }
        return HTML.page(title: "CareMatch plan — \(d.name)", body: b)
    }

    static func more(_ n: Int) -> String {
        n > tableLimit ? "<p class=\"note\">… and \(n - tableLimit) more (see unmet.csv and summary.json).</p>\n" : ""
    }
    static func pct(_ a: Int, _ b: Int) -> Double { b > 0 ? Double(a) / Double(b) * 100 : 0 }
    static func pctD(_ a: Double, _ b: Double) -> Double { b > 0 ? a / b * 100 : 0 }
}

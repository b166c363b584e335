/// The "binding resources" section of `report.html`: what one more unit of mom capacity, more
/// money or more in-kind help would bring, the offers used up, and the offers nobody can use.
/// A section of its own so that the marginal values can change without touching the page.
public enum ReportResources {
    /// At most this many marginal values of money and in-kind help (largest gains first).
    public static let marginalLimit = 15

    public static func section(_ plan: PlanResult, texts t: Texts) -> String {
        let d = plan.dataset, a = plan.allocation
        let e = HTML.escape
        var b = "<h2 id=\"resources\">\(e(t(.resourcesHeading)))</h2>\n<p class=\"note\">\(e(t(.resourcesNote)))</p>\n"
        var lines: [String] = []
        let capacity = plan.pairing.capacityValues(d).counties
            .filter { $0.momsAtCapacity > 0 || $0.childrenWaiting > 0 }
            .sorted { ($0.maxPointsPerUnit, $1.area) > ($1.maxPointsPerUnit, $0.area) }
        for c in capacity {
            lines.append(t(.capacityLine, t.county(c.area), HTML.num(c.maxPointsPerUnit), c.childrenWaiting, c.momsAtCapacity, c.moms))
        }
        let units = Dictionary(d.catalog.map { ($0.category, $0.unit) }, uniquingKeysWith: { x, _ in x })
        let marginals = a.explanations.marginals.sorted { x, y in
            if x.points != y.points { return x.points > y.points }
            if x.kind != y.kind { return x.kind.precedesInCodePoints(y.kind) }
            if x.category != y.category { return x.category.precedesInCodePoints(y.category) }
            return (x.county ?? "").precedesInCodePoints(y.county ?? "")
        }
        var zero = 0, hidden = 0, shown = 0
        for m in marginals {
            if Decimals.round(m.points) <= 0 && Decimals.round(m.unitsCovered, places: 6) <= 0 { zero += 1; continue }
            if shown >= marginalLimit { hidden += 1; continue }
            shown += 1
            let change = HTML.num(m.unitsCovered, 4)
            if m.kind == "funds" {
                let what = m.category == Offer.anyCategory ? t(.unearmarkedShort) : t(.earmarkedFor, t.category(m.category))
                lines.append(t(.fundsLine, t.yuan(m.added, decimals: 0), what, HTML.num(m.points), change))
            } else {
                lines.append(t(.inKindLine, HTML.num(m.added, 4), t.unit(units[m.category] ?? "unit"), t.category(m.category),
                               m.county.map { t.county($0) } ?? t(.inAnyCounty), HTML.num(m.points), change))
            }
        }
        if lines.isEmpty { lines.append(t(.noResourceLimits)) }
        b += "<ul class=\"plain\">\n" + lines.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        if hidden > 0 { b += "<p class=\"note\">\(e(t(.smallerGains, hidden)))</p>\n" }
        if zero > 0 { b += "<p class=\"note\">\(e(t(.noChangeAdditions, zero)))</p>\n" }
        b += exhausted(plan, t)
        if !a.explanations.unusable.isEmpty {
            b += "<h3>\(e(t(.unusableHeading)))</h3>\n"
            b += HTML.table([t(.offerIDColumn), t(.reasonColumn)], a.explanations.unusable.prefix(ReportHTML.tableLimit).map { [$0.offerID, $0.reason] })
        }
        return b
    }

    /// The offers used up, counted by resource and county, their ids folded away.
    static func exhausted(_ plan: PlanResult, _ t: Texts) -> String {
        let ids = plan.allocation.explanations.exhausted
        guard !ids.isEmpty else { return "" }
        let index = DatasetIndex(plan.dataset)
        var groups: [[String]: [String]] = [:]
        for id in ids {
            let o = index.offerByID[id].map { plan.dataset.offers[$0] }
            groups[[o?.resource.rawValue ?? "?", o?.county ?? "?"], default: []].append(id)
        }
        let keys = groups.keys.sorted { a, b in a[0] != b[0] ? a[0].precedesInCodePoints(b[0]) : a[1].precedesInCodePoints(b[1]) }
        let rows = keys.map { k -> [String] in
            let list = groups[k]!
            return [HTML.escape(t.resource(k[0])), HTML.escape(t.county(k[1])), HTML.num(Double(list.count)),
                    "<details><summary>\(HTML.escape(t(.showIDs)))</summary><span class=\"ids\">\(HTML.escape(list.joined(separator: ", ")))</span></details>"]
        }
        return "<h3>\(HTML.escape(t(.exhaustedHeading, ids.count)))</h3>\n"
            + HTML.table([t(.resourceColumn), t(.countyColumn), t(.offersColumn), t(.showIDs)], rows, numeric: [2], raw: true)
    }
}

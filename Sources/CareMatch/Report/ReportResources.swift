/// The "binding resources" section of `report.html`: what one more unit of mom capacity, more
/// money or more in-kind help would bring, the offers used up, and the offers nobody can use.
/// A section of its own so that the marginal values can change without touching the page.
public enum ReportResources {
    /// At most this many marginal values of money and in-kind help (largest gains first).
    public static let marginalLimit = 15

    public static func section(_ plan: PlanResult, texts t: Texts) -> String {
        let d = plan.dataset, a = plan.allocation
        let e = HTML.escape
        let st = d.settings
        let note = t(.resourcesNote, HTML.num(st.leadReward), HTML.num(st.groupWeightSpecialNeeds), HTML.num(st.groupWeightLeftBehind),
                     HTML.num(st.groupWeightDisadvantaged), HTML.num(st.supportReward), HTML.num(st.kmCost), HTML.num(st.needPoints),
                     HTML.num(st.fundPenalty, 4))
        var b = "<h2 id=\"resources\">\(e(t(.resourcesHeading)))</h2>\n<p class=\"note\">\(e(note))</p>\n"
        var lines: [String] = []
        let capacity = plan.pairing.capacityValues(d).counties
            .filter { $0.status != .notNeeded && $0.pointsUpperBound > 0 }
            .sorted { ($0.pointsUpperBound, $1.area) > ($1.pointsUpperBound, $0.area) }
        for c in capacity {
            let waits = c.childrenWaiting > 0 ? t(.capacityWaiting, c.childrenWaiting, c.momsAtCapacity, c.moms)
                : t(.capacityNoneWaiting, c.momsAtCapacity, c.moms)
            lines.append(c.status == .exact ? t(.capacityExact, t.county(c.area), HTML.num(c.points), waits)
                         : t(.capacityRange, t.county(c.area), HTML.num(c.points), HTML.num(c.pointsUpperBound), waits))
        }
        let units = Dictionary(d.catalog.map { ($0.category, $0.unit) }, uniquingKeysWith: { x, _ in x })
        var zero = 0, hidden = 0, shown = 0
        for m in a.explanations.marginals.sorted(by: precedes) {
            guard let line = sentence(m, t, units: units) else { zero += 1; continue }
            if shown >= marginalLimit { hidden += 1; continue }
            shown += 1
            lines.append(line)
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
        let index = plan.dataset.index
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

    /// One sentence for a marginal value, in words that agree with its figures; `nil` when it
    /// changes nothing (proven 0).
    static func sentence(_ m: MarginalValue, _ t: Texts, units: [String: String]) -> String? {
        let what = m.kind == "funds"
            ? t(.fundsWhat, t.yuan(m.added, decimals: 0), m.category == Offer.anyCategory ? t(.fundsAnything) : t.category(m.category))
            : t(.inKindWhat, HTML.num(m.added, 4), t.unit(m.unit), t.category(m.category), m.county.map { t.county($0) } ?? t(.inAnyCounty))
        switch m.status {
        case .notNeeded: return nil
        case .notComputed: return t(.marginalNotComputed, what)
        case .exact, .bounded:
            guard let points = m.points else { return nil }
            if m.status == .exact && Decimals.round(points) <= 0 { return nil }
            var s = m.status == .exact ? t(.marginalExact, what, HTML.num(points))
                : t(.marginalBounded, what, HTML.num(points), HTML.num(m.pointsUpperBound ?? points))
            let gains = m.coverage.filter { $0.units > 0 }.prefix(3).map {
                t(.coverageItem, HTML.num($0.units, 4), t.unit(units[$0.category] ?? "unit"), t.category($0.category), $0.children, t.county($0.county), $0.priority)
            }
            if !gains.isEmpty { s += t(.marginalCovers, gains.joined(separator: ", ")) }
            let moved = m.coverage.filter { $0.units < 0 }.count
            if moved > 0 { s += t(.marginalMoved, moved) }
            if m.yuanSpent != 0 { s += t(.marginalYuan, (m.yuanSpent > 0 ? "+" : "−") + t.yuan(abs(m.yuanSpent))) }
            return s + (t.htmlLang == "en" ? "." : "。")
        }
    }

    /// Largest proven gain first, then kind, category, county.
    static func precedes(_ x: MarginalValue, _ y: MarginalValue) -> Bool {
        let px = x.points ?? -1, py = y.points ?? -1
        if px != py { return px > py }
        if x.kind != y.kind { return x.kind.precedesInCodePoints(y.kind) }
        if x.category != y.category { return x.category.precedesInCodePoints(y.category) }
        return (x.county ?? "").precedesInCodePoints(y.county ?? "")
    }
}

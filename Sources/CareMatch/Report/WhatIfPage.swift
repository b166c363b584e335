import Foundation

/// The page and terminal table of `carematch whatif`: each scenario against the baseline, one
/// chart per headline figure, links to every scenario's own report, and the full table.
public enum WhatIfPage {
    /// The folder of the baseline plan in the output.
    public static let baselineFolder = "baseline"
    /// Terminal tables are cut into pages of scenarios that fit this many columns.
    public static let terminalColumns = 100

    /// Whether scores of a plan under `b` can be compared with scores under `a`: the same
    /// weights (limits such as `max_km` or time limits do not change the scale of a score).
    public static func sameWeights(_ a: Settings, _ b: Settings) -> Bool {
        let limits: Set<String> = ["pairing.max_km", "allocation.mip_gap", "allocation.time_limit_s", "plan.time_limit_s"]
        return Settings.keys.allSatisfy { limits.contains($0.name) || a[keyPath: $0.keyPath] == b[keyPath: $0.keyPath] }
    }

    /// `name` as a relative link to a folder of the output.
    static func href(_ folder: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#;:")
        return (folder.addingPercentEncoding(withAllowedCharacters: allowed) ?? folder) + "/report.html"
    }

    /// The headline figure keys (the `compare` list), in order.
    static func headlineKeys(_ r: WhatIfResult) -> [String] {
        let headline = Set(PlanMetrics.of(r.baseline).map(\.key))
        return r.keys.filter { headline.contains($0) }
    }

    static func direction(_ r: WhatIfResult, key: String, scenario k: Int) -> MetricDirection? {
        if MetricTexts.isScore(key) && !sameWeights(r.baseline.dataset.settings, r.scenarios[k].plan.dataset.settings) { return nil }
        return MetricTexts.direction(key)
    }

    /// The page.
    public static func html(_ r: WhatIfResult, report: ReportSettings = ReportSettings()) -> String {
        let t = Texts(report.language ?? .en)
        let e = HTML.escape
        let d = r.baseline.dataset
        let title = (report.title.map { "\($0) · " } ?? "") + t(.whatIfTitle)
        var b = "<h1>\(e(title))</h1>\n<p class=\"sub\">\(e(t(.planSub, d.name, d.children.count, d.moms.count, d.offers.count, d.needs.count)))"
        if let date = report.date { b += " \(e(t(.madeOn, date)))" }
        b += "</p>\n<p>\(e(t(.whatIfSub)))</p>\n"
        b += "<h2>\(e(t(.scenariosHeading)))</h2>\n<ul class=\"plain\">\n"
        b += "<li><b>\(e(t(.baseline)))</b> — <a href=\"\(href(baselineFolder))\">\(e(t(.reportLink)))</a></li>\n"
        var anyNotComparable = false
        for (k, s) in r.scenarios.enumerated() {
            let sc = s.scenario
            b += "<li><b>\(e(sc.scenario.name))</b> — <a href=\"\(e(href(sc.scenario.name)))\">\(e(t(.reportLink)))</a>"
            if !sc.scenario.description.isEmpty { b += " · \(e(sc.scenario.description))" }
            if !sc.notes.isEmpty { b += "<br><span class=\"note\">\(e(sc.notes.joined(separator: "; ")))</span>" }
            if direction(r, key: "pairing_score", scenario: k) == nil { anyNotComparable = true; b += " <span class=\"nc\">(\(e(t(.notComparable))))</span>" }
            b += "</li>\n"
        }
        b += "</ul>\n"
        if anyNotComparable { b += "<p class=\"note\">\(e(t(.notComparableNote)))</p>\n" }
        b += "<h2>\(e(t(.chartsHeading)))</h2>\n<p class=\"note\">\(e(t(.chartLegend)))</p>\n<div class=\"panels\">\n"
        for key in headlineKeys(r) {
            let dec = MetricTexts.decimals(key)
            var bars = [Charts.PanelBar(label: t(.baseline), value: r.values[0][key], delta: nil, isReference: true)]
            for (k, s) in r.scenarios.enumerated() {
                let v = r.values[k + 1][key]
                let delta = v.flatMap { v in r.values[0][key].map { Charts.delta(v - $0, decimals: dec, direction: direction(r, key: key, scenario: k), texts: t) } }
                bars.append(Charts.PanelBar(label: s.scenario.scenario.name, value: v, delta: delta, isReference: false))
            }
            b += Charts.panel(title: MetricTexts.label(key, plan: r.baseline, texts: t), bars, decimals: dec, texts: t)
        }
        b += "</div>\n<h2>\(e(t(.figuresHeading)))</h2>\n"
        let header = [t(.figureColumn), t(.baseline)] + r.scenarios.map(\.scenario.scenario.name)
        var rows: [[String]] = []
        for key in r.keys {
            let dec = MetricTexts.decimals(key)
            var row = [e(MetricTexts.label(key, plan: r.baseline, texts: t)), r.values[0][key].map { HTML.num($0, dec) } ?? ""]
            for k in r.scenarios.indices {
                guard let v = r.values[k + 1][key] else { row.append(""); continue }
                let delta = Charts.delta(v - (r.values[0][key] ?? v), decimals: dec, direction: direction(r, key: key, scenario: k), texts: t)
                row.append(HTML.num(v, dec) + "<br><span class=\"\(delta.cls)\">\(e(delta.text))</span>")
            }
            rows.append(row)
        }
        b += HTML.table(header, rows, numeric: Set(1..<header.count), raw: true)
        return HTML.page(title: "\(title) — \(d.name)", lang: t.htmlLang, body: b)
    }

    /// The headline figures on the terminal: value and difference per scenario, in pages of
    /// scenarios whose lines fit `columns` columns.
    public static func terminalTable(_ r: WhatIfResult, texts t: Texts, columns: Int = terminalColumns) -> String {
        let keys = headlineKeys(r)
        let labelW = 40, cellW = 26
        let labels = [""] + keys.map { TextTable.truncate(MetricTexts.label($0, plan: r.baseline, texts: t), columns: labelW) }
        let base = [t(.baseline)] + keys.map { key in r.values[0][key].map { HTML.num($0, MetricTexts.decimals(key)) } ?? "" }
        let cells: [[String]] = r.scenarios.indices.map { k in
            [TextTable.truncate(r.scenarios[k].scenario.scenario.name, columns: cellW)] + keys.map { key in
                guard let v = r.values[k + 1][key] else { return "" }
                let dec = MetricTexts.decimals(key)
                let delta = Charts.delta(v - (r.values[0][key] ?? v), decimals: dec, direction: direction(r, key: key, scenario: k), texts: t)
                let text = HTML.num(v, dec) + (delta.text == "±0" ? "" : " (\(delta.text))")
                return TextTable.truncate(text, columns: cellW)
            }
        }
        func width(_ col: [String]) -> Int { col.map(TextTable.width).max() ?? 0 }
        let fixed = width(labels) + 2 + width(base)
        var pages: [[Int]] = [], current: [Int] = [], used = fixed
        for k in cells.indices {
            let w = 2 + width(cells[k])
            if !current.isEmpty && used + w > columns { pages.append(current); current = []; used = fixed }
            current.append(k); used += w
        }
        if !current.isEmpty || pages.isEmpty { pages.append(current) }
        return pages.map { page in
            let rows = labels.indices.map { i in [labels[i], base[i]] + page.map { cells[$0][i] } }
            let head = pages.count > 1 && !page.isEmpty ? t(.termPage, page[0] + 1, page.last! + 1, cells.count) + "\n" : ""
            return head + TextTable.render(rows)
        }.joined(separator: "\n\n")
    }

    /// Every file of the output folder: `baseline/…`, `<scenario>/…` (each a plan folder with its
    /// report), `comparison.csv`, `comparison.html`.
    public static func files(_ r: WhatIfResult, report: ReportSettings = ReportSettings(), byteOrderMark: Bool = false) throws -> [(name: String, data: Data)] {
        var out: [(name: String, data: Data)] = []
        for f in try PlanFolderContents.files(r.baseline, report: report, byteOrderMark: byteOrderMark) {
            out.append((baselineFolder + "/" + f.name, f.data))
        }
        for s in r.scenarios {
            for f in try PlanFolderContents.files(s.plan, report: report, byteOrderMark: byteOrderMark, compareWithHandMade: false) {
                out.append((s.scenario.scenario.name + "/" + f.name, f.data))
            }
        }
        out.append(("comparison.csv", r.comparisonCSV(byteOrderMark: byteOrderMark).data))
        out.append(("comparison.html", Data(html(r, report: report).utf8)))
        return out
    }
}

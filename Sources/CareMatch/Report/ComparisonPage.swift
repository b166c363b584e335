import Foundation

/// `comparison.html` and the terminal table of `carematch compare`: a hand-made plan beside the
/// optimized one, one chart per figure, every rule the hand-made plan breaks, and a link to the
/// optimized plan's own report.
public enum ComparisonPage {
    /// The folder of the optimized plan inside the output of `compare`.
    public static let optimizedFolder = "optimized"

    /// The page.
    public static func html(_ c: PlanComparison, report: ReportSettings = ReportSettings()) -> String {
        let t = Texts(report.language ?? .en)
        let d = c.plan.dataset
        let e = HTML.escape
        let title = (report.title.map { "\($0) · " } ?? "") + t(.compareTitle)
        var b = "<h1>\(e(title))</h1>\n<p class=\"sub\">\(e(t(.planSub, d.name, d.children.count, d.moms.count, d.offers.count, d.needs.count)))"
        if let date = report.date { b += " \(e(t(.madeOn, date)))" }
        b += "</p>\n<p>\(e(t(.compareSub)))</p>\n"
        b += "<p><a href=\"\(optimizedFolder)/report.html\">\(e(t(.optimizedReportLink)))</a></p>\n"
        b += figures(c, texts: t)
        b += "<h2>\(e(t(.violationsHeading, c.violations.count)))</h2>\n"
        if c.violations.isEmpty { b += "<p>\(e(t(.noViolations)))</p>\n" } else {
            b += HTML.table([t(.planColumn), t(.fileColumn), t(.lineColumn), t(.problemColumn)], c.violations.map {
                [$0.plan, $0.violation.file ?? "", $0.violation.line.map(String.init) ?? "", $0.violation.message]
            }, numeric: [2])
        }
        return HTML.page(title: "\(title) — \(d.name)", lang: t.htmlLang, body: b)
    }

    /// The charts (one per figure: hand-made and optimized bars) and the table of every figure.
    /// Both plans are scored under the same settings, so scores are comparable here.
    public static func figures(_ c: PlanComparison, texts t: Texts) -> String {
        var b = "<h3>\(HTML.escape(t(.chartsHeading)))</h3>\n<p class=\"note\">\(HTML.escape(t(.chartLegend)))</p>\n<div class=\"panels\">\n"
        for r in c.rows {
            let key = r.metric.key, dec = MetricTexts.decimals(key)
            let delta = Charts.delta(r.improvement, decimals: dec, direction: MetricTexts.direction(key), texts: t)
            b += Charts.panel(title: MetricTexts.label(key, plan: c.plan, texts: t), [
                Charts.PanelBar(label: t(.handMade), value: r.manual, delta: nil, isReference: true),
                Charts.PanelBar(label: t(.optimized), value: r.optimized, delta: delta, isReference: false),
            ], decimals: dec, texts: t)
        }
        b += "</div>\n<h3>\(HTML.escape(t(.tableHeading)))</h3>\n"
        b += HTML.table([t(.figureColumn), t(.handMade), t(.optimized), t(.improvement)], c.rows.map { r in
            let key = r.metric.key, dec = MetricTexts.decimals(key)
            let d = Charts.delta(r.improvement, decimals: dec, direction: MetricTexts.direction(key), texts: t)
            return [HTML.escape(MetricTexts.label(key, plan: c.plan, texts: t)), HTML.num(r.manual, dec), HTML.num(r.optimized, dec),
                    "<span class=\"\(d.cls)\">\(HTML.escape(d.text))</span>"]
        }, numeric: [1, 2, 3], raw: true)
        return b
    }

    /// The terminal table and the first violations.
    public static func terminalTable(_ c: PlanComparison, texts t: Texts) -> String {
        var lines: [[String]] = [["", t(.handMade), t(.optimized), t(.improvement)]]
        for r in c.rows {
            let key = r.metric.key, dec = MetricTexts.decimals(key)
            lines.append([TextTable.truncate(MetricTexts.label(key, plan: c.plan, texts: t), columns: 50),
                          HTML.num(r.manual, dec), HTML.num(r.optimized, dec),
                          Charts.delta(r.improvement, decimals: dec, direction: .neutral, texts: t).text])
        }
        var s = TextTable.render(lines)
        let p = c.violations.filter { $0.plan == "pairing" }.count, a = c.violations.count - p
        s += "\n" + t(.termViolations, p, a)
        s += c.violations.isEmpty ? "" : " (violations.csv)"
        for v in c.violations.prefix(20) { s += "\n  " + v.violation.description }
        if c.violations.count > 20 { s += "\n  … \(c.violations.count - 20) more in violations.csv" }
        return s
    }

    /// The figures as a Markdown table (the README's table is this text).
    public static func markdownTable(_ c: PlanComparison, texts t: Texts) -> String {
        var s = "| KPI | \(t(.handMade)) | \(t(.optimized)) | \(t(.improvement)) |\n|---|---:|---:|---:|\n"
        for r in c.rows {
            let key = r.metric.key, dec = MetricTexts.decimals(key)
            s += "| \(MetricTexts.label(key, plan: c.plan, texts: t)) | \(HTML.num(r.manual, dec)) | \(HTML.num(r.optimized, dec)) | \(Charts.delta(r.improvement, decimals: dec, direction: .neutral, texts: t).text) |\n"
        }
        return s
    }

    /// Every file `carematch compare` writes: `comparison.csv`, `violations.csv`,
    /// `comparison.html` and the optimized plan's folder (`optimized/…`, with its report).
    public static func files(_ c: PlanComparison, report: ReportSettings = ReportSettings(), byteOrderMark: Bool = false) throws -> [(name: String, data: Data)] {
        var out: [(name: String, data: Data)] = [
            ("comparison.csv", c.comparisonCSV(byteOrderMark: byteOrderMark).data),
            ("violations.csv", c.violationsCSV(byteOrderMark: byteOrderMark).data),
            ("comparison.html", Data(html(c, report: report).utf8)),
        ]
        for f in try PlanFolderContents.files(c.plan, report: report, byteOrderMark: byteOrderMark, comparison: c) {
            out.append((optimizedFolder + "/" + f.name, f.data))
        }
        return out
    }
}

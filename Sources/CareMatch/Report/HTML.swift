/// Small building blocks for the self-contained HTML pages CareMatch writes (plan report,
/// comparison pages): escaping, tables and inline SVG charts. No script, no font and no
/// reference to anything outside the file; output depends only on the values given.
public enum HTML {
    /// Escapes text for an HTML text node or a quoted attribute value.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab / newline are dropped (they cannot be shown).
                if ch.value < 0x20 && ch != "\t" && ch != "\n" { continue }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// A number for display: at most `decimals` decimals, thousands grouped with thin commas.
    public static func num(_ x: Double, _ decimals: Int = 2) -> String {
        let s = Decimals.format(x, maxDecimals: decimals)
        var sign = "", body = Substring(s)
        if body.hasPrefix("-") { sign = "-"; body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var intPart = String(parts[0])
        var grouped = ""
        while intPart.count > 3 {
            grouped = "," + intPart.suffix(3) + grouped
            intPart = String(intPart.dropLast(3))
        }
        grouped = intPart + grouped
        return sign + grouped + (parts.count > 1 ? "." + parts[1] : "")
    }

    /// `part/whole (p %)`.
    public static func ratio(_ part: Double, _ whole: Double, _ decimals: Int = 0) -> String {
        let pct = whole > 0 ? part / whole * 100 : 0
        return "\(num(part, 2))/\(num(whole, 2)) (\(num(pct, 1)) %)"
    }

    /// The page around `body`: UTF-8, inline CSS.
    public static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    static let css = """
    body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; margin: 24px auto; max-width: 1180px; color: #1f2933; background: #fff; line-height: 1.4; }
    h1 { font-size: 26px; margin-bottom: 4px; }
    h2 { font-size: 20px; margin-top: 32px; border-bottom: 2px solid #d9e2ec; padding-bottom: 4px; }
    h3 { font-size: 16px; margin-bottom: 6px; }
    .sub { color: #52606d; margin-top: 0; }
    .cards { display: flex; flex-wrap: wrap; gap: 12px; }
    .card { border: 1px solid #d9e2ec; border-radius: 8px; padding: 10px 14px; min-width: 200px; flex: 1 1 200px; background: #f8fafc; }
    .card .v { font-size: 22px; font-weight: 600; }
    .card .l { color: #52606d; font-size: 13px; }
    .ok { color: #0b7a3e; } .bad { color: #b42318; } .warn { color: #9a6700; }
    table { border-collapse: collapse; margin: 8px 0 16px 0; font-size: 13px; }
    th, td { border: 1px solid #d9e2ec; padding: 3px 8px; text-align: left; vertical-align: top; }
    th { background: #f0f4f8; }
    td.n { text-align: right; font-variant-numeric: tabular-nums; }
    .pos { color: #0b7a3e; } .neg { color: #b42318; }
    .charts { display: flex; flex-wrap: wrap; gap: 24px; }
    .note { color: #52606d; font-size: 13px; }
    ul.plain { padding-left: 18px; }
    svg text { font-family: inherit; }
    """

    /// A table; `numeric` marks right-aligned columns. Cells are escaped here.
    public static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = [], raw: Bool = false) -> String {
        var s = "<table>\n<tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
        for r in rows {
            s += "<tr>"
            for (i, c) in r.enumerated() {
                s += numeric.contains(i) ? "<td class=\"n\">" : "<td>"
                s += raw ? c : escape(c)
                s += "</td>"
            }
            s += "</tr>\n"
        }
        return s + "</table>\n"
    }

    /// One bar of a horizontal bar chart: `value` of `total` (the bar is value/total wide).
    public struct Bar: Sendable {
        public var label: String
        public var value: Double
        public var total: Double
        public var text: String
        public init(label: String, value: Double, total: Double, text: String) {
            self.label = label; self.value = value; self.total = total; self.text = text
        }
    }

    /// A horizontal bar chart of shares (each bar shows value/total; the grey bar is the total).
    public static func shareBars(title: String, _ bars: [Bar], width: Int = 540) -> String {
        let rowH = 24, labelW = 150, textW = 180
        let barW = width - labelW - textW
        let h = 28 + rowH * max(1, bars.count)
        var s = "<svg width=\"\(width)\" height=\"\(h)\" role=\"img\" aria-label=\"\(escape(title))\">\n"
        s += "<text x=\"0\" y=\"16\" font-size=\"14\" font-weight=\"600\">\(escape(title))</text>\n"
        for (i, b) in bars.enumerated() {
            let y = 26 + i * rowH
            let frac = b.total > 0 ? min(1, max(0, b.value / b.total)) : 0
            let w = Int((Double(barW) * frac).rounded())
            s += "<text x=\"0\" y=\"\(y + 15)\" font-size=\"12\">\(escape(b.label))</text>"
            s += "<rect x=\"\(labelW)\" y=\"\(y + 3)\" width=\"\(barW)\" height=\"16\" fill=\"#e4e7eb\"/>"
            s += "<rect x=\"\(labelW)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"16\" fill=\"#2f80ed\"/>"
            s += "<text x=\"\(labelW + barW + 6)\" y=\"\(y + 15)\" font-size=\"12\">\(escape(b.text))</text>\n"
        }
        return s + "</svg>\n"
    }

    /// A vertical bar chart (histogram) of counts.
    public static func columns(title: String, labels: [String], counts: [Int], width: Int = 540, height: Int = 240) -> String {
        let top = 28, bottom = 36, left = 10
        let plotH = height - top - bottom
        let n = max(1, counts.count)
        let slot = (width - left * 2) / n
        let maxC = max(1, counts.max() ?? 1)
        var s = "<svg width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(escape(title))\">\n"
        s += "<text x=\"0\" y=\"16\" font-size=\"14\" font-weight=\"600\">\(escape(title))</text>\n"
        s += "<line x1=\"\(left)\" y1=\"\(top + plotH)\" x2=\"\(width - left)\" y2=\"\(top + plotH)\" stroke=\"#9aa5b1\"/>\n"
        for (i, c) in counts.enumerated() {
            let h = Int((Double(plotH - 16) * Double(c) / Double(maxC)).rounded())
            let x = left + i * slot + 6
            let w = max(4, slot - 12)
            s += "<rect x=\"\(x)\" y=\"\(top + plotH - h)\" width=\"\(w)\" height=\"\(h)\" fill=\"#2f80ed\"/>"
            s += "<text x=\"\(x + w / 2)\" y=\"\(top + plotH - h - 4)\" font-size=\"12\" text-anchor=\"middle\">\(c)</text>"
            s += "<text x=\"\(x + w / 2)\" y=\"\(top + plotH + 16)\" font-size=\"11\" text-anchor=\"middle\">\(escape(i < labels.count ? labels[i] : ""))</text>\n"
        }
        return s + "</svg>\n"
    }

    /// A signed delta with a colour class: `+3`, `-2.5`, `0`.
    public static func delta(_ x: Double, _ decimals: Int = 2, higherIsBetter: Bool = true) -> String {
        let r = Decimals.round(x, places: decimals)
        if r == 0 { return "0" }
        let good = (r > 0) == higherIsBetter
        return "<span class=\"\(good ? "pos" : "neg")\">\(r > 0 ? "+" : "")\(num(r, decimals))</span>"
    }
}

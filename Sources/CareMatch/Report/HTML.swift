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

    /// The page around `body`: UTF-8, inline CSS, the language's `lang` attribute.
    public static func page(title: String, lang: String = "en", body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(lang)">
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
    body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 24px auto; padding: 0 16px; max-width: 1180px; color: #1f2933; background: #fff; line-height: 1.45; }
    h1 { font-size: 26px; margin-bottom: 4px; }
    h2 { font-size: 20px; margin-top: 32px; border-bottom: 2px solid #d9e2ec; padding-bottom: 4px; }
    h3 { font-size: 16px; margin-bottom: 6px; }
    a { color: #1d4ed8; }
    .sub { color: #52606d; margin-top: 0; }
    nav.toc { font-size: 14px; } nav.toc a { margin-right: 14px; white-space: nowrap; }
    .cards { display: flex; flex-wrap: wrap; gap: 12px; }
    .card { border: 1px solid #d9e2ec; border-radius: 8px; padding: 10px 14px; min-width: 200px; flex: 1 1 200px; background: #f8fafc; }
    .card .v { font-size: 22px; font-weight: 600; overflow-wrap: anywhere; }
    .card .l { color: #52606d; font-size: 13px; }
    .ok { color: #0b7a3e; } .bad { color: #b42318; } .warn { color: #9a6700; }
    .scroll { overflow-x: auto; max-width: 100%; }
    table { border-collapse: collapse; margin: 8px 0 16px 0; font-size: 13px; }
    th, td { border: 1px solid #d9e2ec; padding: 3px 8px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
    th { background: #f0f4f8; }
    td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .pos { color: #0b7a3e; } .neg { color: #b42318; } .neutral { color: #52606d; } .nc { color: #7b8794; font-style: italic; }
    .charts { display: flex; flex-wrap: wrap; gap: 24px; }
    .panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(370px, 1fr)); gap: 12px 24px; }
    svg.chart { max-width: 100%; height: auto; }
    .note { color: #52606d; font-size: 13px; }
    ul.plain { padding-left: 18px; }
    ul.legend { list-style: none; padding-left: 0; font-size: 13px; display: flex; flex-wrap: wrap; gap: 4px 18px; }
    ul.legend svg { vertical-align: middle; margin-right: 4px; }
    .ids { font-size: 12px; color: #3e4c59; overflow-wrap: anywhere; }
    svg text { font-family: inherit; }
    .county-map { margin-top: 18px; }
    @media print {
      body { margin: 0; max-width: none; }
      nav.toc { display: none; }
      .county-map { break-before: page; }
      .scroll { overflow: visible; }
    }
    """

    /// A table; `numeric` marks right-aligned columns. Cells are escaped here.
    public static func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = [], raw: Bool = false) -> String {
        var s = "<div class=\"scroll\"><table>\n<tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
        for r in rows {
            s += "<tr>"
            for (i, c) in r.enumerated() {
                s += numeric.contains(i) ? "<td class=\"n\">" : "<td>"
                s += raw ? c : escape(c)
                s += "</td>"
            }
            s += "</tr>\n"
        }
        return s + "</table></div>\n"
    }
}

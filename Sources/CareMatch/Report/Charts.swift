import Foundation

/// Inline SVG charts of the pages. Every drawn bar carries the class `mark` and every chart the
/// class `chart`, so that the browser test can tell an empty chart from a drawn one. Labels are
/// shortened to fit their box (the full text is in the element's `<title>`).
public enum Charts {
    /// One bar of a share chart: `value` of `total`.
    public struct Share: Sendable {
        public var label: String
        public var value: Double
        public var total: Double
        public var text: String
        public init(label: String, value: Double, total: Double, text: String) {
            self.label = label; self.value = value; self.total = total; self.text = text
        }
    }

    /// A horizontal bar chart of shares in percent. The axis starts near the data when every
    /// share is high (99.4 % and 100 % must not look alike); its start is then written under it.
    public static func shares(title: String, _ bars: [Share], texts t: Texts, width: Int = 560) -> String {
        let rowH = 24, labelW = 120, textW = 200
        let barW = width - labelW - textW
        let pcts = bars.map { $0.total > 0 ? min(100, max(0, $0.value / $0.total * 100)) : 0 }
        let start = Axis.start(pcts, end: 100, decimals: 1)
        let h = 28 + rowH * max(1, bars.count) + 18
        var s = svgOpen(width: width, height: h, title: title, allZero: pcts.allSatisfy { $0 == 0 })
        s += heading(title, width: width)
        for (i, b) in bars.enumerated() {
            let y = 26 + i * rowH
            let w = Int((Double(barW) * (pcts[i] - start) / (100 - start)).rounded())
            s += label(b.label, x: 0, y: y + 15, width: labelW - 6)
            s += "<rect x=\"\(labelW)\" y=\"\(y + 3)\" width=\"\(barW)\" height=\"16\" fill=\"#e4e7eb\"/>"
            s += "<rect class=\"mark\" x=\"\(labelW)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"16\" fill=\"#2f80ed\"/>"
            s += fitted(HTML.escape(b.text), plain: b.text, x: labelW + barW + 6, y: y + 15, width: textW - 8, size: 12) + "\n"
        }
        let axisY = 26 + rowH * max(1, bars.count) + 12
        s += "<text x=\"\(labelW)\" y=\"\(axisY)\" font-size=\"11\" fill=\"#52606d\">\(HTML.escape(start > 0 ? t(.axisFrom, t.percent(start, decimals: 1)) : "0 %"))</text>"
        s += "<text x=\"\(labelW + barW)\" y=\"\(axisY)\" font-size=\"11\" fill=\"#52606d\" text-anchor=\"end\">100 %</text>\n"
        return s + "</svg>\n"
    }

    /// A vertical bar chart (histogram) of counts; the axis starts at 0.
    public static func columns(title: String, labels: [String], counts: [Int], width: Int = 540, height: Int = 240) -> String {
        let top = 28, bottom = 36, left = 10
        let plotH = height - top - bottom
        let n = max(1, counts.count)
        let slot = (width - left * 2) / n
        let maxC = max(1, counts.max() ?? 1)
        var s = svgOpen(width: width, height: height, title: title, allZero: counts.allSatisfy { $0 == 0 })
        s += heading(title, width: width)
        s += "<line x1=\"\(left)\" y1=\"\(top + plotH)\" x2=\"\(width - left)\" y2=\"\(top + plotH)\" stroke=\"#9aa5b1\"/>\n"
        for (i, c) in counts.enumerated() {
            let h = Int((Double(plotH - 16) * Double(c) / Double(maxC)).rounded())
            let x = left + i * slot + 6
            let w = max(4, slot - 12)
            s += "<rect class=\"mark\" x=\"\(x)\" y=\"\(top + plotH - h)\" width=\"\(w)\" height=\"\(h)\" fill=\"#2f80ed\"/>"
            s += "<text x=\"\(x + w / 2)\" y=\"\(top + plotH - h - 4)\" font-size=\"12\" text-anchor=\"middle\">\(c)</text>"
            s += label(i < labels.count ? labels[i] : "", x: x + w / 2, y: top + plotH + 16, width: slot - 2, size: 11, anchor: "middle") + "\n"
        }
        return s + "</svg>\n"
    }

    /// One bar of a figure panel: a plan's value and its difference from the reference plan.
    public struct PanelBar: Sendable {
        public var label: String
        public var value: Double?
        /// The difference as shown (`+84`), and its CSS class (`pos`, `neg`, `neutral`, `nc`).
        public var delta: (text: String, cls: String)?
        /// The reference plan (hand-made or baseline) is drawn grey.
        public var isReference: Bool
        public init(label: String, value: Double?, delta: (text: String, cls: String)?, isReference: Bool) {
            self.label = label; self.value = value; self.delta = delta; self.isReference = isReference
        }
    }

    /// A small chart of one figure across plans: one bar per plan, the value and the difference
    /// after it. The axis starts near the data when the values are close.
    public static func panel(title: String, _ bars: [PanelBar], decimals: Int, texts t: Texts, width: Int = 370) -> String {
        let rowH = 22, labelW = 104, textW = 142
        let barW = width - labelW - textW
        let values = bars.compactMap(\.value)
        let lo = min(0, values.min() ?? 0), hi = max(values.max() ?? 0, 0)
        let start = lo < 0 ? lo : Axis.start(values, end: hi, decimals: decimals)
        let span = hi - start
        let h = 26 + rowH * max(1, bars.count) + 16
        var s = svgOpen(width: width, height: h, title: title, allZero: values.allSatisfy { $0 == 0 })
        s += heading(title, width: width, size: 13)
        let fill = ["#2f80ed", "#7c3aed", "#0e9f6e", "#d97706", "#0891b2", "#be185d"]
        for (i, b) in bars.enumerated() {
            let y = 24 + i * rowH
            s += label(b.label, x: 0, y: y + 14, width: labelW - 6, size: 11)
            guard let v = b.value else { s += "\n"; continue }
            let w = span > 0 ? Int((Double(barW) * (v - start) / span).rounded()) : barW
            let colour = b.isReference ? "#9aa5b1" : fill[(i - 1 + fill.count) % fill.count]
            s += "<rect class=\"mark\" x=\"\(labelW)\" y=\"\(y + 3)\" width=\"\(max(0, w))\" height=\"14\" fill=\"\(colour)\"/>"
            var text = "<tspan>\(HTML.escape(HTML.num(v, decimals)))</tspan>"
            if let d = b.delta { text += " <tspan class=\"\(d.cls)\" fill=\"\(deltaFill[d.cls] ?? "#52606d")\">\(HTML.escape(d.text))</tspan>" }
            let plain = HTML.num(v, decimals) + (b.delta.map { " " + $0.text } ?? "")
            s += fitted(text, plain: plain, x: labelW + barW + 5, y: y + 14, width: textW - 6, size: 11) + "\n"
        }
        let axisY = 24 + rowH * max(1, bars.count) + 12
        let startText = start != 0 ? t(.axisFrom, HTML.num(start, decimals)) : "0"
        s += "<text x=\"\(labelW)\" y=\"\(axisY)\" font-size=\"10\" fill=\"#52606d\">\(HTML.escape(startText))</text>"
        s += "<line x1=\"\(labelW)\" y1=\"\(axisY - 10)\" x2=\"\(labelW)\" y2=\"24\" stroke=\"#9aa5b1\"/>\n"
        return s + "</svg>\n"
    }

    static let deltaFill = ["pos": "#0b7a3e", "neg": "#b42318", "neutral": "#52606d", "nc": "#7b8794"]

    /// The difference `x` as text with its class: coloured only when the figure has a better
    /// direction; `nil` direction = not comparable.
    public static func delta(_ x: Double, decimals: Int, direction: MetricDirection?, texts t: Texts) -> (text: String, cls: String) {
        guard let direction else { return (t(.notComparable), "nc") }
        let r = Decimals.round(x, places: decimals)
        if r == 0 { return ("±0", "neutral") }
        let text = (r > 0 ? "+" : "−") + HTML.num(abs(r), decimals)
        switch direction {
        case .neutral: return (text, "neutral")
        case .higher: return (text, r > 0 ? "pos" : "neg")
        case .lower: return (text, r < 0 ? "pos" : "neg")
        }
    }

    // MARK: - pieces

    static func svgOpen(width: Int, height: Int, title: String, allZero: Bool) -> String {
        "<svg class=\"chart\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTML.escape(title))\"\(allZero ? " data-all-zero=\"true\"" : "")>\n"
    }

    static func heading(_ title: String, width: Int, size: Int = 14) -> String {
        label(title, x: 0, y: 16, width: width, size: size, weight: "600") + "\n"
    }

    /// A text element shortened with … to fit `width` px; the full text as its tooltip.
    static func label(_ s: String, x: Int, y: Int, width: Int, size: Int = 12, anchor: String? = nil, weight: String? = nil) -> String {
        let short = fit(s, width: Double(width), size: Double(size))
        var attrs = "x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\""
        if let anchor { attrs += " text-anchor=\"\(anchor)\"" }
        if let weight { attrs += " font-weight=\"\(weight)\"" }
        let tip = short == s ? "" : "<title>\(HTML.escape(s))</title>"
        return "<text \(attrs)>\(tip)\(HTML.escape(short))</text>"
    }

    /// A text element of pre-built spans, scaled down (font size) when `plain` would not fit.
    static func fitted(_ spans: String, plain: String, x: Int, y: Int, width: Int, size: Int) -> String {
        var sz = Double(size)
        while sz > 8 && textWidth(plain, size: sz) > Double(width) { sz -= 0.5 }
        return "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(HTML.num(sz, 1))\">\(spans)</text>"
    }

    /// A generous estimate of the width of `s` in px at font size `size`: wide (CJK) characters
    /// one em, digits and Latin letters 0.62 em.
    static func textWidth(_ s: String, size: Double) -> Double {
        s.unicodeScalars.reduce(0) { w, u in w + (TextTable.isWide(u) ? 1.0 : 0.62) * size }
    }

    /// `s` shortened with … so that it fits `width` px.
    static func fit(_ s: String, width: Double, size: Double) -> String {
        if textWidth(s, size: size) <= width { return s }
        var out = ""
        for ch in s {
            if textWidth(out + String(ch) + "…", size: size) > width { break }
            out.append(ch)
        }
        return out + "…"
    }
}

/// Where a bar axis starts: 0, or a round number just below the data when the values are close
/// together (so that 99.4 % and 100 % look different). The start is always written on the chart.
public enum Axis {
    /// The start for `values` drawn up to `end` (≥ every value), a multiple of
    /// 10^-`decimals` (the precision the start is written with). Equal values start at 0.
    public static func start(_ values: [Double], end: Double, decimals: Int = 2) -> Double {
        guard let lo = values.min(), lo > 0, end > 0, end > lo else { return 0 }
        let spread = end - lo
        // Bars from 0 show differences well enough when the smallest is under 70 % of the end.
        if lo < 0.7 * end { return 0 }
        let margin = max(spread, end * 0.005)
        let raw = lo - margin
        let step = max(pow(10, floor(log10(max(margin, 1e-9)))), pow(10, Double(-decimals)))
        let s = floor(raw / step) * step
        return max(0, s)
    }
}

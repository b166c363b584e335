/// Plain-text tables for the terminal: first column left-aligned, the others right-aligned;
/// East Asian wide characters count as two columns.
public enum TextTable {
    public static func render(_ rows: [[String]]) -> String {
        let n = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: n)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], width(c)) } }
        return rows.map { r in
            var line = r.enumerated().map { i, c in
                let pad = String(repeating: " ", count: widths[i] - width(c))
                return i == 0 ? c + pad : pad + c
            }.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// Display width in terminal columns.
    public static func width(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { w, u in w + (isWide(u) ? 2 : 1) }
    }

    /// Whether `u` takes two terminal columns (CJK, Hangul, full-width forms).
    static func isWide(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        return (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
    }

    /// `s` cut to at most `columns` display columns (with … when cut).
    public static func truncate(_ s: String, columns: Int) -> String {
        if width(s) <= columns { return s }
        var out = ""
        for ch in s {
            if width(out + String(ch)) + 1 > columns { break }
            out.append(ch)
        }
        return out + "…"
    }
}

import Foundation

/// Parsing of one cell's text into a value, with messages that say what to write instead
/// (contract section 2). All functions trim the text first.
public enum CellParser {
    /// A plain decimal (`12`, `0.5`, `-3`, `+2`), or a message saying what is wrong and what to write.
    public static func number(_ raw: String) -> Result<Double, CellError> {
        let s = CSVReader.trim(raw)
        if s.isEmpty { return .failure(CellError("is empty; expected a number")) }
        if let d = plainDecimal(s) {
            if !d.isFinite { return .failure(CellError("'\(s)' is too large for a number; write a smaller plain decimal")) }
            return .success(d)
        }
        return .failure(CellError(explainNotNumber(s)))
    }

    /// A whole number (`3`, also `3.0`), or a message.
    public static func integer(_ raw: String) -> Result<Int, CellError> {
        switch number(raw) {
        case .failure(let e): return .failure(e)
        case .success(let d):
            if d == d.rounded() && abs(d) >= 1e15 {
                return .failure(CellError("'\(CSVReader.trim(raw))' is too large for a whole number here; see the column's range in docs/data-format.md"))
            }
            guard d == d.rounded() else {
                return .failure(CellError("'\(CSVReader.trim(raw))' is not a whole number; write a whole number such as \(Int(max(-1e15, min(1e15, d.rounded(.down)))))"))
            }
            return .success(Int(d))
        }
    }

    /// `true`/`false`, `yes`/`no`, `1`/`0` (trimmed, any case).
    public static func bool(_ raw: String) -> Result<Bool, CellError> {
        switch CSVReader.trim(raw).lowercased() {
        case "true", "yes", "1": return .success(true)
        case "false", "no", "0": return .success(false)
        default: return .failure(CellError("'\(CSVReader.trim(raw))' is not a yes/no value; write true or false (also yes/no, 1/0)"))
        }
    }

    /// One value of an enum whose raw values are lowercase (trimmed, any case).
    public static func enumValue<E: RawRepresentable & CaseIterable>(_ raw: String, _ type: E.Type) -> Result<E, CellError> where E.RawValue == String {
        let s = CSVReader.trim(raw)
        if let e = E(rawValue: s.lowercased()) { return .success(e) }
        let valid = E.allCases.map { $0.rawValue }.joined(separator: ", ")
        if s.isEmpty { return .failure(CellError("is empty; expected one of \(valid)")) }
        return .failure(CellError("'\(s)' is not one of \(valid)"))
    }

    /// A `;` list (the full-width `；` also separates), entries trimmed, empty entries dropped,
    /// duplicates removed, order kept.
    public static func list(_ raw: String) -> [String] {
        if raw.isEmpty { return [] }
        var s = raw
        if s.utf8.contains(0xEF), s.contains("；") { s = s.replacingOccurrences(of: "；", with: ";") }
        var out = [String]()
        for part in s.utf8.split(separator: 0x3B, omittingEmptySubsequences: true) {
            let t = CSVReader.trim(String(decoding: part, as: UTF8.self))
            if !t.isEmpty && !out.contains(t) { out.append(t) }
        }
        return out
    }

    /// Parses `[+-]digits[.digits]` exactly; nil for anything else.
    static func plainDecimal(_ s: String) -> Double? {
        var digits = 0, dots = 0, i = 0
        for b in s.utf8 {
            if b >= 0x30 && b <= 0x39 { digits += 1 }
            else if b == 0x2E { dots += 1 }
            else if (b == 0x2B || b == 0x2D) && i == 0 { }
            else { return nil }
            i += 1
        }
        guard digits > 0, dots <= 1 else { return nil }
        return Double(s)
    }

    static func explainNotNumber(_ s: String) -> String {
        let lower = s.lowercased()
        if ["nan", "+nan", "-nan"].contains(lower) { return "'\(s)' is not a number; write a plain decimal such as 12 or 0.5, or leave an optional cell empty" }
        if ["inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "∞"].contains(lower) {
            return "'\(s)' is infinite; write a finite plain decimal such as 12 or 0.5"
        }
        // Full-width digits and signs (Chinese input methods).
        if s.unicodeScalars.contains(where: { (0xFF10...0xFF19).contains($0.value) || $0.value == 0xFF0E || $0.value == 0xFF0D || $0.value == 0xFF0B || $0.value == 0x3002 }) {
            let ascii = String(String.UnicodeScalarView(s.unicodeScalars.map { u -> Unicode.Scalar in
                switch u.value {
                case 0xFF10...0xFF19, 0xFF0B, 0xFF0D, 0xFF0E, 0xFF0C: return Unicode.Scalar(u.value - 0xFEE0)!
                case 0x3002: return "."
                default: return u
                }
            }))
            return "'\(s)' uses full-width characters; write it with ASCII digits: \(ascii)"
        }
        // Thousands separators: 20,000 / 1,234.5 / 20 000.
        let noSep = s.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
            .replacingOccurrences(of: "'", with: "").replacingOccurrences(of: " ", with: "")
            .replacingOccurrences(of: "_", with: "")
        if noSep != s, plainDecimal(noSep) != nil {
            return "'\(s)' has thousands separators; write \(noSep) without separators"
        }
        if lower.contains("e"), let d = Double(s), d.isFinite {
            return "'\(s)' is in exponent notation; write it as a plain decimal: \(Decimals.format(d, maxDecimals: 9))"
        }
        if s.hasSuffix("%") { return "'\(s)' is a percentage; write a plain decimal" }
        let stripped = String(s.unicodeScalars.filter { !"¥￥元$ ".unicodeScalars.contains($0) }.map(Character.init))
        if stripped != s, plainDecimal(stripped) != nil {
            return "'\(s)' has a currency sign or unit; write the plain number \(stripped)"
        }
        return "'\(s)' is not a number; write a plain decimal such as 12 or 0.5"
    }
}

/// What is wrong with one cell, as a sentence fragment after the column name.
public struct CellError: Error, Sendable, Hashable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

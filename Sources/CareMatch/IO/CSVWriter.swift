import Foundation

/// Writes RFC 4180 CSV that is safe to open in Excel or WPS (contract section 7).
///
/// A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`
/// so spreadsheets do not run it as a formula; `CSVReader` removes that one quote again when it
/// reads the engine's own files. Numbers are written with `number(_:)`, never escaped.
public struct CSVWriter: Sendable {
    private(set) public var text: String = ""
    /// Write a UTF-8 byte-order mark first (Excel on Windows needs it to show Chinese).
    public let byteOrderMark: Bool

    public init(header: [String], byteOrderMark: Bool = false) {
        self.byteOrderMark = byteOrderMark
        appendRow(header.map { Cell.text($0) })
    }

    /// One cell: text (escaped against formulas) or a number already formatted.
    public enum Cell: Sendable, ExpressibleByStringLiteral {
        case text(String)
        case number(String)
        public init(stringLiteral value: String) { self = .text(value) }
    }

    /// Appends one row, ended by CRLF as RFC 4180 says.
    public mutating func appendRow(_ cells: [Cell]) {
        var first = true
        for cell in cells {
            if !first { text.append(",") }
            first = false
            switch cell {
            case .number(let s): text.append(s)
            case .text(let s): text.append(CSVWriter.escape(s))
            }
        }
        text.append("\r\n")
    }

    /// Appends a row of text cells.
    public mutating func appendRow(_ cells: [String]) { appendRow(cells.map { Cell.text($0) }) }

    /// The file's bytes.
    public var data: Data {
        var d = Data()
        if byteOrderMark { d.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        d.append(contentsOf: Array(text.utf8))
        return d
    }

    /// Formula-escapes and quotes one text cell.
    ///
    /// Works on Unicode scalars, not characters: a `"` or `,` followed by a combining mark is one
    /// `Character` that compares unequal to `"` or `,`, yet `CSVReader` sees the byte (found by fuzzing).
    public static func escape(_ raw: String) -> String {
        var s = raw
        if let f = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(f) { s = "'" + s }
        if s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            var quoted = String.UnicodeScalarView()
            quoted.append("\"")
            for u in s.unicodeScalars {
                if u == "\"" { quoted.append("\"") }
                quoted.append(u)
            }
            quoted.append("\"")
            return String(quoted)
        }
        return s
    }

    /// A number with at most `decimals` decimals, no exponent, no trailing zeros, no `-0`.
    public static func number(_ x: Double, decimals: Int = 6) -> String {
        Decimals.format(x, maxDecimals: decimals)
    }
}

/// Exact decimal formatting and rounding of the contract (half away from zero).
public enum Decimals {
    /// Rounds half away from zero to `places` decimals.
    public static func round(_ x: Double, places: Int = 2) -> Double {
        let f = pow(10.0, Double(places))
        return (x * f).rounded(.toNearestOrAwayFromZero) / f
    }

    /// Rounds up (towards +∞) to `places` decimals: for a proven bound.
    public static func roundUp(_ x: Double, places: Int = 2) -> Double {
        let f = pow(10.0, Double(places))
        // Guard against representation noise just above a grid point (e.g. 12.3400000001).
        let scaled = x * f
        let near = scaled.rounded()
        if abs(scaled - near) <= 1e-9 * max(1, abs(scaled)) { return near / f }
        return scaled.rounded(.up) / f
    }

    /// Plain decimal text with at most `maxDecimals` decimals: `12`, `0.5`, `-3.25`.
    public static func format(_ x: Double, maxDecimals: Int) -> String {
        let r = round(x, places: maxDecimals)
        if r == 0 { return "0" }
        var s = String(format: "%.\(maxDecimals)f", r)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s == "-0" ? "0" : s
    }
}

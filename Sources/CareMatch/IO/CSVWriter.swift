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

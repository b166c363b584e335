import Foundation

/// Writes RFC 4180 CSV that is safe to open in Excel or WPS (contract section 7).
///
/// A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`
/// so spreadsheets do not run it as a formula; `CSVReader` removes that one quote again when it
/// reads the engine's own files. Numbers are written with `number(_:)`, never escaped.
public struct CSVWriter: Sendable {
    /// The file's text so far, as UTF-8 bytes (a byte buffer: at scale 100 the plan's tables are
    /// millions of cells, and appending escaped `String`s cost seconds).
    private var bytes: [UInt8] = []
    /// The file's text so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
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
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            switch cell {
            case .number(let s): bytes.append(contentsOf: s.utf8)
            case .text(let s): CSVWriter.appendEscaped(s, to: &bytes)
            }
        }
        bytes.append(contentsOf: [13, 10])
    }

    /// Appends a row of text cells.
    public mutating func appendRow(_ cells: [String]) { appendRow(cells.map { Cell.text($0) }) }

    /// The file's bytes.
    public var data: Data {
        var d = Data(capacity: bytes.count + 3)
        if byteOrderMark { d.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        d.append(contentsOf: bytes)
        return d
    }

    /// Formula-escapes and quotes one text cell.
    public static func escape(_ raw: String) -> String {
        var out: [UInt8] = []
        appendEscaped(raw, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `escape(raw)`'s bytes, appended to `out`.
    ///
    /// Works on UTF-8 bytes, not characters: a `"` or `,` followed by a combining mark is one
    /// `Character` that compares unequal to `"` or `,`, yet `CSVReader` sees the byte (found by
    /// fuzzing). An ASCII byte in UTF-8 is always that character, so testing bytes is testing
    /// Unicode scalars.
    static func appendEscaped(_ raw: String, to out: inout [UInt8]) {
        let utf8 = raw.utf8
        let formula = utf8.first.map { $0 == UInt8(ascii: "=") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-")
            || $0 == UInt8(ascii: "@") || $0 == 9 || $0 == 13 } ?? false
        let quoted = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard quoted else {
            if formula { out.append(UInt8(ascii: "'")) }
            out.append(contentsOf: utf8)
            return
        }
        out.append(UInt8(ascii: "\""))
        if formula { out.append(UInt8(ascii: "'")) }
        for b in utf8 {
            if b == UInt8(ascii: "\"") { out.append(b) }
            out.append(b)
        }
        out.append(UInt8(ascii: "\""))
    }

    /// A number with at most `decimals` decimals, no exponent, no trailing zeros, no `-0`.
    public static func number(_ x: Double, decimals: Int = 6) -> String {
        Decimals.format(x, maxDecimals: decimals)
    }
}

import Foundation

/// One record of a CSV file with the physical line it starts on (1-based, the header is line 1).
public struct CSVRow: Sendable, Hashable {
    /// Physical line of the row's first character; a quoted cell spanning lines moves later rows down.
    public let line: Int
    /// The cells as written (quotes removed, the engine's formula-escape quote removed), untrimmed.
    public let cells: [String]

    public init(line: Int, cells: [String]) { self.line = line; self.cells = cells }

    /// The cell at `index`, or `""` when the row is shorter than the header.
    @inlinable public subscript(_ index: Int) -> String { index < cells.count ? cells[index] : "" }
}

/// The text encodings `CSVReader` accepts.
public enum CSVTextEncoding: String, Sendable, Hashable {
    case utf8 = "UTF-8"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    /// What Chinese Excel and WPS write for plain "CSV" (GBK is a subset).
    case gb18030 = "GB18030/GBK"
}

/// A CSV file read into memory: its header row and its data rows.
public struct CSVTable: Sendable {
    /// The header cells as written (untrimmed).
    public let header: [String]
    public let rows: [CSVRow]
    /// The encoding the bytes were decoded from.
    public let encoding: CSVTextEncoding
    /// The cell separator found (`,`, or a tab for Excel's "Unicode text").
    public let separator: Character
    /// Header names trimmed and lowercased → first column index.
    private let columnByName: [String: Int]
    /// Header names (trimmed, lowercased) that appear more than once.
    public let duplicateColumns: [String]
    /// The header's number of fields, not counting empty cells at its end (Excel writes `,,` at
    /// the end of every line of a sheet once a cell right of the table was touched).
    public let fieldCount: Int

    public init(header: [String], rows: [CSVRow], encoding: CSVTextEncoding = .utf8, separator: Character = ",") {
        self.header = header; self.rows = rows; self.encoding = encoding; self.separator = separator
        var map = [String: Int](), dups = [String]()
        for (i, h) in header.enumerated() {
            let key = CSVTable.normalize(h)
            if key.isEmpty { continue }
            if map[key] == nil { map[key] = i } else if !dups.contains(key) { dups.append(key) }
        }
        columnByName = map; duplicateColumns = dups
        fieldCount = CSVTable.countWithoutTrailingBlanks(header)
    }

    /// The number of fields of `row` when it does not have the header's number of fields, nil
    /// when it does. Trailing empty cells beyond the header's fields are not counted; a row that
    /// ends before the header's last field is short even when the missing cells would be empty.
    public func fieldCountMismatch(_ row: CSVRow) -> Int? {
        let n = row.cells.count
        if n < fieldCount { return n }
        if n == fieldCount { return nil }
        let found = CSVTable.countWithoutTrailingBlanks(row.cells)
        return found > fieldCount ? found : nil
    }

    static func countWithoutTrailingBlanks(_ cells: [String]) -> Int {
        var n = cells.count
        while n > 0 && CSVReader.isBlank(cells[n - 1]) { n -= 1 }
        return n
    }

    /// The index of the column named `name`, matched after trimming and ignoring case.
    public func column(_ name: String) -> Int? { columnByName[CSVTable.normalize(name)] }

    static func normalize(_ s: String) -> String { CSVReader.trim(s).lowercased() }
}

/// A CSV file that cannot be read at all (bad encoding, unterminated quote).
public struct CSVReadError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String
    public init(file: String, line: Int?, message: String) { self.file = file; self.line = line; self.message = message }
    public var diagnostic: Diagnostic { .error(file, line: line, message) }
    public var description: String { diagnostic.description }
}

/// Reads RFC 4180 CSV from bytes, keeping the physical line of every row.
///
/// - UTF-8 with or without a byte-order mark; UTF-16 with a byte-order mark (LE or BE); bytes that
///   are not UTF-8 but are valid GB18030 (Chinese Excel/WPS "CSV") are decoded as GB18030.
/// - LF, CRLF or lone CR line ends; quoted cells may hold commas, `""` quotes and line breaks.
/// - When the first line has tabs and no comma the separator is a tab (Excel "Unicode text").
/// - Rows whose cells are all blank are skipped. A cell starting with `'` followed by one of
///   `= + - @`, tab or CR loses that quote (`CSVWriter`'s formula escape), so ids round-trip.
///
/// - Complexity: O(bytes), one pass after decoding.
public enum CSVReader {
    /// Reads the file at `url`; `file` (default: the last path component) names it in errors.
    public static func read(contentsOf url: URL, file: String? = nil) throws -> CSVTable {
        let data = try Data(contentsOf: url)
        return try read(data: data, file: file ?? url.lastPathComponent)
    }

    /// Parses `data`, decoding it first (see the type's documentation).
    public static func read(data: Data, file: String) throws(CSVReadError) -> CSVTable {
        let (bytes, encoding) = try decode(data, file: file)
        return try parse(bytes: bytes, file: file, encoding: encoding)
    }

    /// GB18030 as Foundation knows it (`kCFStringEncodingGB_18030_2000` as an NSStringEncoding);
    /// `CFStringConvertEncodingToNSStringEncoding` is not exported on Linux, so the value is spelled out.
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// The UTF-8 bytes of the file's text (byte-order mark removed) and the encoding found.
    public static func decode(_ data: Data, file: String) throws(CSVReadError) -> ([UInt8], CSVTextEncoding) {
        let raw = [UInt8](data)
        if raw.starts(with: [0xEF, 0xBB, 0xBF]) { return try utf8(Array(raw.dropFirst(3)), file: file) }
        if raw.starts(with: [0xFF, 0xFE]) || raw.starts(with: [0xFE, 0xFF]) {
            let le = raw[0] == 0xFF
            let body = Data(raw.dropFirst(2))
            guard body.count % 2 == 0,
                  let s = String(data: body, encoding: le ? .utf16LittleEndian : .utf16BigEndian)
            else {
                throw CSVReadError(file: file, line: nil, message: "the file starts like UTF-16 text but cannot be decoded as UTF-16; open it in Excel or WPS and save it as \"CSV UTF-8 (Comma delimited)\"")
            }
            return (Array(s.utf8), le ? .utf16LittleEndian : .utf16BigEndian)
        }
        return try utf8(raw, file: file)
    }

    private static func utf8(_ bytes: [UInt8], file: String) throws(CSVReadError) -> ([UInt8], CSVTextEncoding) {
        if String(validating: bytes, as: UTF8.self) != nil { return (bytes, .utf8) }
        if let s = String(data: Data(bytes), encoding: gb18030) { return (Array(s.utf8), .gb18030) }
        // Neither: point at the first bad byte.
        var line = 1, i = 0
        let badOffset = firstInvalidUTF8(bytes)
        while i < badOffset { if bytes[i] == 0x0A { line += 1 }; i += 1 }
        throw CSVReadError(file: file, line: line, message: "the file is neither UTF-8 nor GB18030/GBK text (invalid byte 0x\(String(bytes[badOffset], radix: 16, uppercase: true))); open it in Excel or WPS and save it as \"CSV UTF-8 (Comma delimited)\"")
    }

    private static func firstInvalidUTF8(_ b: [UInt8]) -> Int {
        var i = 0
        while i < b.count {
            let c = b[i]
            let n: Int
            if c < 0x80 { n = 1 } else if c & 0xE0 == 0xC0 { n = 2 } else if c & 0xF0 == 0xE0 { n = 3 } else if c & 0xF8 == 0xF0 { n = 4 } else { return i }
            if i + n > b.count { return i }
            for k in 1..<n where b[i + k] & 0xC0 != 0x80 { return i }
            if String(validating: b[i..<(i + n)], as: UTF8.self) == nil { return i }
            i += n
        }
        return max(0, b.count - 1)
    }

    /// Parses UTF-8 bytes (already decoded, no byte-order mark).
    public static func parse(bytes: [UInt8], file: String, encoding: CSVTextEncoding = .utf8) throws(CSVReadError) -> CSVTable {
        let quote: UInt8 = 0x22, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A, comma: UInt8 = 0x2C, tab: UInt8 = 0x09
        // Separator: a tab when the first line has tabs and no comma.
        var sep = comma
        do {
            var sawTab = false, sawComma = false
            for b in bytes { if b == lf || b == cr { break }; if b == tab { sawTab = true } else if b == comma { sawComma = true } }
            if sawTab && !sawComma { sep = tab }
        }
        var rows = [CSVRow]()
        var header: [String]? = nil
        var failure: CSVReadError? = nil
        bytes.withUnsafeBufferPointer { buf in
            let n = buf.count
            var i = 0, line = 1
            var scratch = [UInt8]()
            var cells = [String]()
            cells.reserveCapacity(16)
            func makeCell(_ p: UnsafeBufferPointer<UInt8>) -> String {
                if p.count >= 2, p[0] == 0x27 {
                    let c = p[1]
                    if c == 0x3D || c == 0x2B || c == 0x2D || c == 0x40 || c == tab || c == cr {
                        return String(decoding: UnsafeBufferPointer(rebasing: p[1...]), as: UTF8.self)
                    }
                }
                return String(decoding: p, as: UTF8.self)
            }
            while i < n {
                let rowLine = line
                cells.removeAll(keepingCapacity: true)
                var allBlank = true
                while true {
                    var cell: String
                    if i < n && buf[i] == quote {
                        let quoteLine = line
                        scratch.removeAll(keepingCapacity: true)
                        i += 1
                        var closed = false
                        while i < n {
                            let c = buf[i]
                            if c == quote {
                                if i + 1 < n && buf[i + 1] == quote { scratch.append(quote); i += 2; continue }
                                i += 1; closed = true; break
                            }
                            if c == lf { line += 1 } else if c == cr && !(i + 1 < n && buf[i + 1] == lf) { line += 1 }
                            scratch.append(c); i += 1
                        }
                        if !closed {
                            failure = CSVReadError(file: file, line: quoteLine, message: "a quoted cell opened on this line is never closed (missing closing '\"')")
                            return
                        }
                        // Text between the closing quote and the separator is kept (lenient).
                        while i < n && buf[i] != sep && buf[i] != lf && buf[i] != cr { scratch.append(buf[i]); i += 1 }
                        cell = scratch.withUnsafeBufferPointer { makeCell($0) }
                    } else {
                        let start = i
                        while i < n { let c = buf[i]; if c == sep || c == lf || c == cr { break }; i += 1 }
                        cell = makeCell(UnsafeBufferPointer(rebasing: buf[start..<i]))
                    }
                    if allBlank && !isBlank(cell) { allBlank = false }
                    cells.append(cell)
                    if i < n && buf[i] == sep { i += 1; continue }
                    // End of record.
                    if i < n && buf[i] == cr { i += 1; if i < n && buf[i] == lf { i += 1 }; line += 1 }
                    else if i < n && buf[i] == lf { i += 1; line += 1 }
                    break
                }
                if allBlank { continue }
                if header == nil { header = cells } else { rows.append(CSVRow(line: rowLine, cells: cells)) }
            }
        }
        if let failure { throw failure }
        return CSVTable(header: header ?? [], rows: rows, encoding: encoding, separator: sep == tab ? "\t" : ",")
    }

    /// True when the text is empty or only white space.
    @inlinable static func isBlank(_ s: String) -> Bool {
        for u in s.unicodeScalars where !isSpace(u) { return false }
        return true
    }

    /// White space, with a fast path for ASCII (the Unicode property lookup is slow).
    @inlinable static func isSpace(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x80 { return u.value == 0x20 || (0x09...0x0D).contains(u.value) }
        return u.properties.isWhitespace
    }

    /// The text without leading and trailing white space (including the ideographic space U+3000).
    public static func trim(_ s: String) -> String {
        let u = s.unicodeScalars
        guard let f = u.first, let l = u.last else { return s }
        if !isSpace(f) && !isSpace(l) { return s }
        var a = u.startIndex, b = u.endIndex
        while a < b && isSpace(u[a]) { a = u.index(after: a) }
        while b > a && isSpace(u[u.index(before: b)]) { b = u.index(before: b) }
        return String(u[a..<b])
    }
}

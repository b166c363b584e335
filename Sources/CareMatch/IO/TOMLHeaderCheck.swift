import TOMLKit

/// A guard in front of TOMLKit: table headers that its bundled toml++ 3 parser must never see.
///
/// toml++'s `parse_table_header` hands the first character after `[` or `[[` (and spaces) to
/// `parse_key`, which asserts that it starts a key. Without `NDEBUG` (SwiftPM's default, debug and
/// release) a header such as `[*pairing]`, `[[ =x]]` or a lone `[` at the end of a line aborts the
/// process; with `NDEBUG` the assertion becomes an optimizer assumption (undefined behaviour). Found
/// by fuzzing (docs/fuzzing.md). Reading the text with this check first turns such a header into an
/// ordinary "not valid TOML" diagnostic.
///
/// Every TOML text CareMatch reads goes through `table(parsing:)`, the check followed by TOMLKit,
/// so no reader can forget it (the `[county_aliases]` reader once did: a settings file with
/// `[*pairing]` aborted `validate`, found by FuzzDataset).
///
/// - Complexity: O(n) in the text's Unicode scalars; one pass that follows strings, comments and
///   brackets so that `[` inside arrays, inline tables, strings and comments is not taken for a header.
public enum TOMLHeaderCheck {
    /// A table header toml++ must not see, at its 1-based line (`message` says what is wrong).
    public struct BadHeader: Error, Equatable {
        public let line: Int
    }

    /// The text parsed by TOMLKit after the check. Throws `BadHeader` for a header found by
    /// `badHeaderLine(_:)`, else whatever TOMLKit throws (`TOMLParseError` for invalid TOML).
    public static func table(parsing text: String) throws -> TOMLTable {
        if let line = badHeaderLine(text) { throw BadHeader(line: line) }
        return try TOMLTable(string: text)
    }

    /// The message for a header found by `badHeaderLine(_:)`.
    public static let message = "not valid TOML: after '[' or '[[' a table header needs a name, e.g. [pairing] or [[scenario]]"

    /// The 1-based line of the first table header whose name does not start with a bare-key
    /// character (`A-Z a-z 0-9 _ -`), a quote or `]`, or nil when there is none.
    public static func badHeaderLine(_ text: String) -> Int? {
        let s = Array(text.unicodeScalars)
        let n = s.count
        enum Mode { case normal, comment, basic, literal, multiBasic, multiLiteral }
        var mode = Mode.normal
        var line = 1, depth = 0, lineStart = true, i = 0
        func at(_ k: Int) -> Unicode.Scalar? { k < n ? s[k] : nil }
        func isKeyStart(_ c: Unicode.Scalar) -> Bool {
            switch c {
            case "A"..."Z", "a"..."z", "0"..."9", "_", "-", "\"", "'", "]": return true
            default: return false
            }
        }
        while i < n {
            let c = s[i]
            if c == "\n" {
                line += 1
                if mode == .comment || mode == .basic || mode == .literal { mode = .normal }
                if mode == .normal { lineStart = true }
                i += 1; continue
            }
            switch mode {
            case .comment:
                break
            case .basic:
                if c == "\\" { if at(i + 1) == "\n" { line += 1 }; i += 1 } else if c == "\"" { mode = .normal }
            case .literal:
                if c == "'" { mode = .normal }
            case .multiBasic, .multiLiteral:
                let q: Unicode.Scalar = mode == .multiBasic ? "\"" : "'"
                if mode == .multiBasic && c == "\\" {
                    if at(i + 1) == "\n" { line += 1 }
                    i += 1
                } else if c == q && at(i + 1) == q && at(i + 2) == q {
                    i += 3
                    while at(i) == q { i += 1 } // up to two quotes of content before the closing three
                    mode = .normal
                    continue
                }
            case .normal:
                switch c {
                case " ", "\t", "\r":
                    break
                case "#":
                    mode = .comment
                case "\"", "'":
                    lineStart = false
                    if at(i + 1) == c && at(i + 2) == c {
                        mode = c == "\"" ? .multiBasic : .multiLiteral
                        i += 3; continue
                    }
                    mode = c == "\"" ? .basic : .literal
                case "[":
                    if lineStart && depth == 0 {
                        // As toml++ reads it: '[', spaces, a second '[' only if no space came
                        // before it (else toml++ reports the spaces itself), spaces, the name.
                        var j = i + 1
                        while at(j) == " " || at(j) == "\t" { j += 1 }
                        if at(j) == "[" {
                            if j > i + 1 { lineStart = false; depth += 1; i += 1; continue }
                            j += 1
                            while at(j) == " " || at(j) == "\t" { j += 1 }
                        }
                        // Any other scalar, non-ASCII included (toml++ 3 has ASCII bare keys only).
                        if let k = at(j), !isKeyStart(k) { return line }
                    }
                    lineStart = false
                    depth += 1
                case "{":
                    lineStart = false
                    depth += 1
                case "]", "}":
                    lineStart = false
                    depth = max(0, depth - 1)
                default:
                    lineStart = false
                }
            }
            i += 1
        }
        return nil
    }
}

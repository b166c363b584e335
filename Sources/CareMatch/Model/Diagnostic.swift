/// A problem found in the input: an error (the dataset cannot be planned) or a warning.
///
/// It names the file, the physical line (1-based, the header is line 1) and the column by its
/// header, and says what was expected.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible, Comparable {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    public var file: String
    /// 1-based physical line; `nil` for a whole-file problem.
    public var line: Int?
    /// The column's header name; `nil` for a whole-row or whole-file problem.
    public var column: String?
    public var message: String

    public init(_ severity: Severity, file: String, line: Int? = nil, column: String? = nil, _ message: String) {
        self.severity = severity; self.file = file; self.line = line; self.column = column; self.message = message
    }

    public static func error(_ file: String, line: Int? = nil, column: String? = nil, _ message: String) -> Diagnostic {
        Diagnostic(.error, file: file, line: line, column: column, message)
    }

    public static func warning(_ file: String, line: Int? = nil, column: String? = nil, _ message: String) -> Diagnostic {
        Diagnostic(.warning, file: file, line: line, column: column, message)
    }

    /// `children.csv:12: column 'lat': expected …` — the form printed on the terminal.
    public var description: String {
        var s = file
        if let line { s += ":\(line)" }
        s += ": \(severity.rawValue)"
        if let column { s += ": column '\(column)'" }
        return s + ": " + message
    }

    /// Causes before consequences: files in the order they depend on each other (settings, then
    /// the catalog and organizations that offers and needs refer to, then children and moms, then
    /// offers and needs, then everything else by name), then line (whole-file problems first),
    /// column and message, all in code-point order, so the order is deterministic.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        let ra = fileRank(a.file), rb = fileRank(b.file)
        if ra != rb { return ra < rb }
        if a.file != b.file { return a.file.utf8.lexicographicallyPrecedes(b.file.utf8) }
        if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
        if (a.column ?? "") != (b.column ?? "") { return (a.column ?? "").utf8.lexicographicallyPrecedes((b.column ?? "").utf8) }
        if a.message != b.message { return a.message.utf8.lexicographicallyPrecedes(b.message.utf8) }
        return a.severity < b.severity
    }

    /// The files of a dataset in dependency order; `--set` overrides rank with the settings.
    public static let fileOrder = ["settings.toml", "--set", "catalog.csv", "organizations.csv", "children.csv",
                                   "moms.csv", "offers.csv", "needs.csv"]

    /// Position of `file` in `fileOrder`; files not listed (manual plans, others) come after, by name.
    static func fileRank(_ file: String) -> Int {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        return fileOrder.firstIndex(of: name) ?? fileOrder.count
    }
}

/// The input cannot be planned: every error found, in file and line order.
public struct InvalidInput: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var description: String {
        let e = errors
        return "\(e.count) error\(e.count == 1 ? "" : "s") in the input:\n" + e.map { "  " + $0.description }.joined(separator: "\n")
    }
}

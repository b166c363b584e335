import Foundation
import TOMLKit

/// Reads the `[report]` table of `settings.toml`: `language` (`"zh"` or `"en"`), `title` (text)
/// and `date` (`"2026-03-31"` or a TOML date). These label the pages; they change no plan.
enum ReportSettingsLoader {
    static let table = "report"
    static let keys = ["date", "language", "title"]

    /// The report settings read from `value` (the `[report]` entry) and the problems found.
    static func read(_ value: TOMLValueConvertible, lines: SettingsLoader.KeyLines) -> (ReportSettings, [Diagnostic]) {
        let file = SettingsLoader.file
        var out = ReportSettings()
        var diags: [Diagnostic] = []
        guard let t = value.table else {
            return (out, [.error(file, line: lines.line(table: nil, key: table), column: table,
                                 "'report' must be a table ([report]) with keys \(keys.joined(separator: ", "))")])
        }
        for key in t.keys.sorted() {
            guard let v = t[key] else { continue }
            let dotted = table + "." + key
            let line = lines.line(table: table, key: key)
            func error(_ message: String) { diags.append(.error(file, line: line, column: dotted, message)) }
            switch key {
            case "language":
                let languages = ReportLanguage.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
                guard let s = v.string else { error("must be text, \(languages), found a \(v.type)"); continue }
                guard let l = ReportLanguage(rawValue: s.trimmingCharacters(in: .whitespaces).lowercased()) else {
                    error("must be \(languages), found \"\(s)\""); continue
                }
                out.language = l
            case "title":
                guard let s = v.string else { error("must be text, e.g. title = \"2026年第一季度\", found a \(v.type)"); continue }
                let trimmed = s.trimmingCharacters(in: .whitespaces)
                if trimmed.contains(where: { $0.isNewline }) || trimmed.count > ReportSettings.maxTitleLength {
                    error("must be one line of at most \(ReportSettings.maxTitleLength) characters"); continue
                }
                out.title = trimmed.isEmpty ? nil : trimmed
            case "date":
                if let d = v.date {
                    let s = String(format: "%04d-%02d-%02d", d.year, d.month, d.day)
                    if ReportSettings.isDate(s) { out.date = s } else { error("must be a calendar date such as 2026-03-31, found \(s)") }
                } else if let s = v.string, ReportSettings.isDate(s.trimmingCharacters(in: .whitespaces)) {
                    out.date = s.trimmingCharacters(in: .whitespaces)
                } else {
                    error("must be a date written YYYY-MM-DD, e.g. date = \"2026-03-31\", found \(v.string.map { "\"\($0)\"" } ?? "a \(v.type)")")
                }
            default:
                error("unknown setting '\(dotted)'; valid keys in [report] are \(keys.map { "report." + $0 }.joined(separator: ", "))")
            }
        }
        return (out, diags)
    }
}

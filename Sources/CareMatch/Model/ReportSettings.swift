/// The language of the pages and the terminal summary.
public enum ReportLanguage: String, Sendable, Hashable, CaseIterable, Codable {
    /// English.
    case en
    /// Simplified Chinese.
    case zh
}

/// How the human pages of a plan are labelled (`[report]` in `settings.toml`, or `--lang`,
/// `--title`, `--date`): language, a title naming the period, and the date the plan was made.
///
/// None of them changes a plan: they are not weights and do not enter `summary.json`'s settings.
/// The date is never read from the clock, so that a rerun writes the same bytes.
public struct ReportSettings: Sendable, Hashable {
    /// The language of the pages; nil = English.
    public var language: ReportLanguage?
    /// A title naming the period, e.g. `2026年第一季度`; nil = none.
    public var title: String?
    /// The date the plan was made, `YYYY-MM-DD`; nil = not shown.
    public var date: String?

    public init(language: ReportLanguage? = nil, title: String? = nil, date: String? = nil) {
        self.language = language; self.title = title; self.date = date
    }

    /// These settings with every non-nil value of `other` put over them (command-line flags
    /// over the dataset's `settings.toml`).
    public func overridden(by other: ReportSettings) -> ReportSettings {
        ReportSettings(language: other.language ?? language, title: other.title ?? title, date: other.date ?? date)
    }

    /// Whether `s` is a calendar date written `YYYY-MM-DD` (years 1900–2999).
    public static func isDate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0 >= "0" && $0 <= "9" } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1900...2999).contains(y), (1...12).contains(m) else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return (1...days).contains(d)
    }

    /// The longest title accepted (characters); a title is one line of a page heading.
    public static let maxTitleLength = 80
}

import ArgumentParser
import CareMatch

/// `--lang`, `--title`, `--date`: how the pages are labelled, over the dataset's `[report]`.
struct ReportOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Language of the pages and the terminal summary: zh or en (default: [report] language in settings.toml, else en).", valueName: "zh|en"))
    var lang: ReportLanguage?

    @Option(help: ArgumentHelp("Title naming the period, e.g. \"2026年第一季度\" (default: [report] title).", valueName: "text"))
    var title: String?

    @Option(help: ArgumentHelp("Date the plan was made, YYYY-MM-DD (default: [report] date; never the clock, so reruns give the same bytes).", valueName: "date"))
    var date: String?

    func validate() throws {
        if let date, !ReportSettings.isDate(date) { throw ValidationError("--date must be a date written YYYY-MM-DD, e.g. 2026-03-31, found '\(date)'") }
        if let title, title.count > ReportSettings.maxTitleLength || title.contains(where: \.isNewline) {
            throw ValidationError("--title must be one line of at most \(ReportSettings.maxTitleLength) characters")
        }
    }

    /// The dataset's `[report]` settings with these flags over them.
    func settings(over dataset: Dataset) -> ReportSettings {
        dataset.settings.report.overridden(by: ReportSettings(language: lang, title: title, date: date))
    }
}

extension ReportLanguage: ExpressibleByArgument {}

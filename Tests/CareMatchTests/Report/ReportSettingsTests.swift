import XCTest
import Foundation
@testable import CareMatch

/// `[report]` in settings.toml: language, title, date; errors with their line; no weight changes.
final class ReportSettingsTests: XCTestCase {
    func testTheReportTableSetsLanguageTitleAndDateAndNothingElse() {
        let (s, diags) = SettingsLoader.parse(text: "[pairing]\nmax_km = 20\n\n[report]\nlanguage = \"ZH\"\ntitle = \"2026年第一季度\"\ndate = 2026-03-31\n")
        XCTAssertEqual(diags, [])
        XCTAssertEqual(s.report, ReportSettings(language: .zh, title: "2026年第一季度", date: "2026-03-31"))
        var expected = Settings()
        expected.maxKm = 20
        expected.report = s.report
        XCTAssertEqual(s, expected)
    }

    func testABadLanguageDateOrKeyIsAnErrorNamingItsLineAndKey() {
        let text = "[report]\nlanguage = \"fr\"\ndate = \"2026-02-30\"\ncolour = \"red\"\ntitle = 3\n"
        let (_, diags) = SettingsLoader.parse(text: text)
        let found = Dictionary(uniqueKeysWithValues: diags.map { ($0.column ?? "", $0.line ?? 0) })
        XCTAssertEqual(found, ["report.language": 2, "report.date": 3, "report.colour": 4, "report.title": 5], "\(diags)")
        XCTAssertTrue(diags.allSatisfy { $0.severity == .error })
        XCTAssertTrue(diags.first { $0.column == "report.language" }!.message.contains("\"zh\""))
    }

    func testDatesAreCalendarDates() {
        XCTAssertTrue(ReportSettings.isDate("2024-02-29"))
        XCTAssertFalse(ReportSettings.isDate("2026-02-29"))
        XCTAssertFalse(ReportSettings.isDate("2026-13-01"))
        XCTAssertFalse(ReportSettings.isDate("2026-3-31"))
        XCTAssertFalse(ReportSettings.isDate("31.03.2026"))
    }

    /// Quzhou's settings.toml only labels the pages: its weights are the contract's defaults,
    /// so its plans are the plans without the file.
    func testQuzhouChoosesChineseAndChangesNoWeight() throws {
        let data = try Data(contentsOf: Workflow.root.appendingPathComponent("Datasets/quzhou/settings.toml"))
        let (s, diags) = SettingsLoader.parse(data: data)
        XCTAssertEqual(diags, [])
        XCTAssertEqual(s.report.language, .zh)
        XCTAssertNotNil(s.report.date)
        var weights = s
        weights.report = ReportSettings()
        XCTAssertEqual(weights, Settings())
    }

    func testFlagsOverTheFile() {
        let file = ReportSettings(language: .zh, title: "Q1", date: "2026-03-31")
        XCTAssertEqual(file.overridden(by: ReportSettings(language: .en)), ReportSettings(language: .en, title: "Q1", date: "2026-03-31"))
    }
}

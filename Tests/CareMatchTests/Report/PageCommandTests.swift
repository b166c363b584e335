import XCTest
import Foundation
@testable import CareMatch

/// The command-line side of the pages: `--lang`, `--date`, `carematch settings`, reruns.
final class PageCommandTests: XCTestCase {
    func testSettingsListsEveryKeyWithItsDefault() throws {
        let r = try Workflow.run(["settings"])
        XCTAssertEqual(r.status, 0, r.stderr)
        for k in Settings.keys { XCTAssertTrue(r.stdout.contains(k.name), k.name) }
        XCTAssertTrue(r.stdout.contains("report.language"))
        let zh = try Workflow.run(["settings", "--lang", "zh"])
        XCTAssertTrue(zh.stdout.contains("特殊需要儿童的权重"))
    }

    func testAnUnknownLanguageOrABadDateIsAUsageError() throws {
        let out = Workflow.tempDir().appendingPathComponent("plan")
        let lang = try Workflow.run(["plan", Workflow.tiny.path, "--out", out.path, "--lang", "fr"])
        XCTAssertEqual(lang.status, 2, lang.stderr)
        XCTAssertTrue(lang.stderr.contains("--lang"), lang.stderr)
        let date = try Workflow.run(["plan", Workflow.tiny.path, "--out", out.path, "--date", "31.03.2026"])
        XCTAssertEqual(date.status, 2, date.stderr)
        XCTAssertTrue(date.stderr.contains("YYYY-MM-DD"), date.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "nothing written")
    }

    /// A Chinese plan: the summary in Chinese, the same report bytes on a rerun, the CSV files
    /// identical to the English run's (column names stay the contract).
    func testAChinesePlanIsRepeatableAndKeepsTheCSVContract() throws {
        let dir = Workflow.tempDir()
        var reports: [Data] = []
        for i in 0..<2 {
            let out = dir.appendingPathComponent("zh\(i)")
            let r = try Workflow.run(["plan", Workflow.tiny.path, "--out", out.path, "--quiet", "--lang", "zh", "--date", "2026-03-31", "--title", "2026年第一季度"])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stdout.contains("有主妈妈的儿童 9/10"), r.stdout)
            reports.append(try Data(contentsOf: out.appendingPathComponent("report.html")))
        }
        XCTAssertEqual(reports[0], reports[1])
        let en = dir.appendingPathComponent("en")
        XCTAssertEqual(try Workflow.run(["plan", Workflow.tiny.path, "--out", en.path, "--quiet"]).status, 0)
        for f in ["pairings.csv", "allocations.csv", "unmet.csv"] {
            XCTAssertEqual(try Data(contentsOf: en.appendingPathComponent(f)), try Data(contentsOf: dir.appendingPathComponent("zh0/\(f)")), f)
        }
    }
}

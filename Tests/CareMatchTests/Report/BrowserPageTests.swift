import XCTest
import Foundation
@testable import CareMatch

/// Every page the tool writes, rendered in headless Chromium (zh and en, 1280 and 800 px):
/// no empty chart, no text out of its box, a font for every Chinese character, nothing fetched
/// or referenced outside the folder. Screenshots are kept under `Browser.screenshots`
/// (`.build/screenshots`, or `CAREMATCH_SCREENSHOTS`). The checker is itself shown to fail on
/// an emptied chart, a missing Chinese font, a network reference and an overflowing box.
final class BrowserPageTests: XCTestCase {
    static let widths = [1280, 800]

    /// The pages: tiny's plan, comparison and what-if in both languages, and Quzhou's plan as
    /// `make plan` writes it (Chinese, from its settings.toml; the full map).
    static let pages: Result<[(name: String, url: URL)], Error> = Result {
        let dir = Workflow.tempDir()
        let scenarios = Workflow.golden.appendingPathComponent("whatif/scenarios.toml").path
        var out: [(String, URL)] = []
        for lang in ["en", "zh"] {
            let runs: [(String, [String], String)] = [
                ("plan", ["plan", Workflow.tiny.path], "report.html"),
                ("compare", ["compare", Workflow.tiny.path], "comparison.html"),
                ("whatif", ["whatif", Workflow.tiny.path, "--scenarios", scenarios], "comparison.html"),
            ]
            for (name, args, page) in runs {
                let folder = dir.appendingPathComponent("\(name)-\(lang)")
                let r = try Workflow.run(args + ["--out", folder.path, "--quiet", "--lang", lang, "--date", "2026-03-31"])
                guard r.status == 0 else { throw Browser.Failure(description: "\(name) \(lang) failed: \(r.stderr)") }
                out.append(("tiny-\(name)-\(lang)", folder.appendingPathComponent(page)))
            }
        }
        // The maps drawn as squares (as for a large dataset), in Chinese.
        let tiny = try DatasetLoader.load(path: Workflow.tiny.path)
        let squares = dir.appendingPathComponent("squares-zh.html")
        try ReportHTML.render(try Planner.plan(tiny), report: ReportSettings(language: .zh), mapPointLimit: 5)
            .write(to: squares, atomically: true, encoding: .utf8)
        out.append(("tiny-plan-squares-zh", squares))
        let quzhou = dir.appendingPathComponent("quzhou")
        let r = try Workflow.run(["plan", Workflow.root.appendingPathComponent("Datasets/quzhou").path, "--out", quzhou.path, "--quiet"])
        guard r.status == 0 else { throw Browser.Failure(description: "plan quzhou failed: \(r.stderr)") }
        out.append(("quzhou-plan-zh", quzhou.appendingPathComponent("report.html")))
        return out
    }

    func testEveryPageShowsItsChartsTextAndChineseOfflineAtBothWidths() throws {
        let pages = try Self.pages.get()
        for (name, url) in pages {
            for width in Self.widths {
                let check = try Browser.check(url, width: width)
                XCTAssertEqual(check.problems, [], "\(name) at \(width) px")
                XCTAssertGreaterThan(check.charts, 0, "\(name) has charts")
                XCTAssertEqual(check.width, width, "the page was laid out at \(width) px")
                if name.hasSuffix("-zh") { XCTAssertGreaterThan(check.cjk, 100, "\(name) is in Chinese") }
                try Browser.screenshot(url, width: width, to: Browser.screenshots.appendingPathComponent("\(name)-\(width).png"))
            }
        }
    }

    /// The check fails when a chart is emptied on purpose (its bars removed).
    func testTheCheckFailsWhenAChartIsEmptied() throws {
        let (_, page) = try Self.pages.get().first { $0.name == "tiny-compare-zh" }!
        let check = try Browser.check(page, width: 1280) { html in
            // Empty the first chart: drop every mark of the first <svg class="chart"> element.
            guard let a = html.range(of: "<svg class=\"chart\""), let b = html.range(of: "</svg>", range: a.upperBound..<html.endIndex) else { return html }
            let svg = String(html[a.lowerBound..<b.upperBound])
            let emptied = svg.components(separatedBy: "\n").filter { !$0.contains("class=\"mark\"") }.joined(separator: "\n")
            return html.replacingCharacters(in: a.lowerBound..<b.upperBound, with: emptied)
        }
        XCTAssertEqual(check.problems.count, 1, "\(check.problems)")
        XCTAssertTrue(check.problems.first?.hasPrefix("empty chart: ") ?? false, "\(check.problems)")
    }

    /// Without a Chinese font (fontconfig limited to DejaVu), the Chinese page fails the check.
    func testTheCheckFailsWithoutAChineseFont() throws {
        let (_, page) = try Self.pages.get().first { $0.name == "tiny-plan-zh" }!
        let dir = Workflow.tempDir()
        let conf = dir.appendingPathComponent("fonts.conf")
        try """
        <?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
        <fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>\(dir.path)/cache</cachedir></fontconfig>
        """.write(to: conf, atomically: true, encoding: .utf8)
        let check = try Browser.check(page, width: 1280, fontConfig: conf)
        XCTAssertTrue(check.problems.contains { $0.hasPrefix("no font for ") }, "\(check.problems)")
    }

    /// A reference to the network and a box too narrow for its text are both reported.
    func testTheCheckFailsOnANetworkReferenceAndOnOverflow() throws {
        let (_, page) = try Self.pages.get().first { $0.name == "tiny-plan-en" }!
        let check = try Browser.check(page, width: 800) { html in
            html.replacingOccurrences(of: "</h1>", with: "</h1><img src=\"https://example.com/x.png\" alt=\"\"><div style=\"width:60px;white-space:nowrap\">a-long-unbreakable-label-in-a-narrow-box</div>")
        }
        XCTAssertTrue(check.problems.contains { $0.contains("external reference src=\"https://example.com/x.png\"") }, "\(check.problems)")
        XCTAssertTrue(check.problems.contains { $0.hasPrefix("text overflows its box <div>") }, "\(check.problems)")
    }
}

import XCTest
import Foundation
@testable import CareMatch

/// The pages' content, checked against the plan they show (not against earlier output).
final class ReportPagesTests: XCTestCase {
    static let tiny: Dataset = try! DatasetLoader.load(path: Workflow.tiny.path)
    static let plan: PlanResult = try! Planner.plan(tiny)

    /// The first `<svg class="chart map" …>…</svg>` of a page.
    static func firstMap(_ html: String) -> String {
        let a = html.range(of: "<svg class=\"chart map\"")!
        let b = html.range(of: "</svg>", range: a.upperBound..<html.endIndex)!
        return String(html[a.lowerBound..<b.upperBound])
    }

    static func count(_ s: String, _ needle: String) -> Int { s.components(separatedBy: needle).count - 1 }

    func testPlanningWritesNoPageAndTheReportLayerAddsIt() throws {
        let plain = try Self.plan.files(byteOrderMark: false).map(\.name)
        XCTAssertFalse(plain.contains("report.html"))
        let folder = try PlanFolderContents.files(Self.plan).map(\.name)
        XCTAssertEqual(folder, plain + ["report.html"])
        // No file of Planning names the report layer (the folders depend one way).
        let planning = Workflow.root.appendingPathComponent("Sources/CareMatch/Planning")
        for f in try FileManager.default.contentsOfDirectory(atPath: planning.path) {
            let text = try String(contentsOf: planning.appendingPathComponent(f), encoding: .utf8)
            for name in ["ReportHTML", "HTML.", "Texts(", "PlanFolderContents", "ComparisonPage", "WhatIfPage"] {
                XCTAssertFalse(text.contains(name), "Planning/\(f) uses \(name)")
            }
        }
    }

    /// The table of children without a lead shows `unmet.csv`'s own sentences, whether the page
    /// works them out or is handed the handout's rows (as the plan folder does).
    func testTheUnpairedChildrensReasonsAreUnmetCsvsSentences() {
        let handout = PlanHandout(Self.plan)
        let children = handout.unmet.filter { $0.kind == .child }
        XCTAssertFalse(children.isEmpty, "the tiny plan has a child without a lead")
        let page = ReportHTML.render(Self.plan)
        XCTAssertEqual(page, ReportHTML.render(Self.plan, unmet: handout.unmet))
        for row in children { XCTAssertTrue(page.contains(HTML.escape(row.reason)), row.reason) }
    }

    /// The plan folder makes its parts at the same time and hands the handout's rows to the page:
    /// the page is the one worked out alone, byte for byte.
    func testThePlanFoldersReportIsThePageWorkedOutAlone() throws {
        let files = try PlanFolderContents.files(Self.plan, compareWithHandMade: false)
        let page = try XCTUnwrap(files.first { $0.name == "report.html" }).data
        XCTAssertEqual(String(decoding: page, as: UTF8.self), ReportHTML.render(Self.plan))
        let handout = PlanHandout(Self.plan)
        XCTAssertFalse(handout.organizations.isEmpty)
        XCTAssertEqual(ReportHTML.render(Self.plan, organizations: handout.organizations), ReportHTML.render(Self.plan))
        XCTAssertEqual(files.map(\.name), try Self.plan.files(byteOrderMark: false).map(\.name) + ["report.html"])
    }

    func testTheChineseReportUsesTheGlossarysWordsAndIsTheSameOnEveryRun() {
        let report = ReportSettings(language: .zh, title: "2026年第一季度", date: "2026-03-31")
        let html = ReportHTML.render(Self.plan, report: report)
        XCTAssertTrue(html.contains("<html lang=\"zh-CN\">"))
        XCTAssertTrue(html.contains("2026年第一季度"))
        XCTAssertTrue(html.contains("2026-03-31"))
        for word in ["留守儿童", "特殊需要儿童", "主妈妈", "¥1,520"] { XCTAssertTrue(html.contains(word), word) }
        XCTAssertFalse(html.contains(">left_behind<"), "groups are named, not shown as ids")
        XCTAssertFalse(html.contains("1,520 ¥"))
        XCTAssertEqual(html, ReportHTML.render(Self.plan, report: report))
        let en = ReportHTML.render(Self.plan)
        XCTAssertTrue(en.contains("<html lang=\"en\">"))
        XCTAssertFalse(en.contains("留守儿童"))
    }

    /// The map draws each child once in the colour of its status, read back from pairings
    /// (independently of the map's own status code), each mom once, and each pair as a line.
    func testTheMapDrawsEveryChildMomAndPairOnce() {
        let d = Self.plan.dataset
        let map = Self.firstMap(ReportHTML.render(Self.plan))
        var lead = Set<Int>(), support: [Int: Int] = [:]
        for p in Self.plan.pairing.evaluation.pairs { if p.role == .lead { lead.insert(p.child) } else { support[p.child, default: 0] += 1 } }
        var expected = [0, 0, 0]
        for (i, c) in d.children.enumerated() {
            expected[!lead.contains(i) ? 2 : (support[i, default: 0] < c.supportersWanted ? 1 : 0)] += 1
        }
        let colours = ["#16a34a", "#f59e0b", "#dc2626"]
        var drawn = [0, 0, 0]
        var moms = 0, segments = 0
        for element in map.components(separatedBy: "<path ").dropFirst() {
            let path = element.components(separatedBy: "/>")[0]
            let dAttr = path.components(separatedBy: "d=\"")[1].components(separatedBy: "\"")[0]
            let points = Self.count(dAttr, "M")
            if path.contains("stroke-width=\"3\"") { moms += points; continue }
            if path.contains("fill=\"none\"") && path.contains("stroke-width=\"0.6\"") || path.contains("#ea580c") { segments += points; continue }
            for (i, c) in colours.enumerated() where path.contains(c) { drawn[i] += points }
        }
        XCTAssertEqual(drawn, expected)
        XCTAssertEqual(moms, d.moms.count, "every mom of the dataset is drawn")
        XCTAssertEqual(segments, Self.plan.pairing.evaluation.pairs.count)
        XCTAssertGreaterThan(expected[2], 0, "tiny has a child out of reach (C10): the red class is exercised")
    }

    /// Beyond the point limit the map draws squares; their children add up to the dataset's.
    func testALargeMapIsDrawnAsSquaresHoldingEveryChild() {
        let map = MapSVG.render(Self.plan, texts: Texts(.en), pointLimit: 5)
        XCTAssertFalse(map.contains("h0"), "no single points")
        let r = try! NSRegularExpression(pattern: #"<title>([0-9]+) children, ([0-9]+) without a lead mom"#)
        var children = 0, waiting = 0
        for m in r.matches(in: map, range: NSRange(map.startIndex..., in: map)) {
            children += Int(map[Range(m.range(at: 1), in: map)!])!
            waiting += Int(map[Range(m.range(at: 2), in: map)!])!
        }
        XCTAssertEqual(children, Self.tiny.children.count)
        XCTAssertEqual(waiting, Self.plan.pairing.evaluation.kpis.children - Self.plan.pairing.evaluation.kpis.childrenWithLead)
    }

    /// 99.4 % and 100 % must look different: the axis starts near the data and says so.
    func testHighSharesStartTheAxisNearTheDataAndLabelIt() throws {
        let svg = Charts.shares(title: "t", [Charts.Share(label: "a", value: 994, total: 1000, text: ""),
                                             Charts.Share(label: "b", value: 1000, total: 1000, text: "")], texts: Texts(.en))
        let r = try NSRegularExpression(pattern: #"class="mark"[^>]* width="([0-9]+)""#)
        let widths = r.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).map { Double(svg[Range($0.range(at: 1), in: svg)!])! }
        XCTAssertEqual(widths.count, 2)
        XCTAssertLessThan(widths[0], widths[1] * 0.8, "99.4 % is drawn visibly shorter than 100 %")
        let start = Axis.start([99.4, 100], end: 100, decimals: 1)
        XCTAssertTrue(start > 90 && start < 99.4, "\(start)")
        XCTAssertTrue(svg.contains("axis from \(HTML.num(start, 1)) %"))
        XCTAssertEqual(Axis.start([20, 100], end: 100), 0, "far apart values keep the axis at 0")
        XCTAssertEqual(Axis.start([9, 9], end: 9), 0, "equal values keep the axis at 0")
    }

    func testOnlyFiguresWithABetterDirectionAreColoured() {
        let t = Texts(.en)
        XCTAssertEqual(MetricTexts.direction("yuan_spent"), .neutral)
        XCTAssertEqual(MetricTexts.direction("yuan_spent.any"), .neutral)
        XCTAssertEqual(MetricTexts.direction("mean_distance_km"), .lower)
        XCTAssertEqual(MetricTexts.direction("children_reached"), .higher)
        XCTAssertEqual(MetricTexts.direction("units_covered_priority_5"), .higher)
        XCTAssertEqual(Charts.delta(-400_470, decimals: 2, direction: .neutral, texts: t).cls, "neutral", "spending less is not green")
        XCTAssertEqual(Charts.delta(22_230.8, decimals: 2, direction: .neutral, texts: t).cls, "neutral", "spending more is not red")
        XCTAssertEqual(Charts.delta(-1.42, decimals: 2, direction: .lower, texts: t).cls, "pos")
        XCTAssertEqual(Charts.delta(84, decimals: 0, direction: .higher, texts: t).text, "+84")
        XCTAssertEqual(Charts.delta(456_767, decimals: 2, direction: nil, texts: t).text, "not comparable")
        // The compare page colours the money row grey.
        let manual = PlanComparison(dataset: Self.tiny, pairings: Self.tiny.manualPairings ?? [], allocations: Self.tiny.manualAllocations ?? [], plan: Self.plan)
        let html = ComparisonPage.html(manual)
        XCTAssertTrue(html.contains("optimized/report.html"))
        let yuanRow = html.components(separatedBy: "<tr>").first { $0.hasPrefix("<td") && $0.contains("yuan spent") }!
        XCTAssertFalse(yuanRow.contains("class=\"pos\"") || yuanRow.contains("class=\"neg\""), yuanRow)
    }

    /// A scenario with other weights has scores on another scale: marked, not compared. A
    /// scenario with another distance limit keeps the weights: compared.
    func testScoresUnderOtherWeightsAreMarkedNotComparable() throws {
        let text = """
        [[scenario]]
        name = "special needs x2"
          [scenario.settings]
          "group_weight.special_needs" = 3.0

        [[scenario]]
        name = "reach 8 km"
          [scenario.settings]
          "pairing.max_km" = 8.0
        """
        let prepared = try WhatIf.prepare(base: Self.tiny, text: text, file: "s.toml", baseDirectory: Workflow.tiny)
        let plans = try WhatIf.solveAll(prepared.map(\.dataset), threads: 1)
        let r = WhatIfResult(baseline: Self.plan, scenarios: zip(prepared, plans).map { ($0, $1) })
        let html = WhatIfPage.html(r)
        let scoreRow = html.components(separatedBy: "<tr>").first { $0.hasPrefix("<td") && $0.contains("pairing score") }!
        let cells = scoreRow.components(separatedBy: "<td")
        XCTAssertTrue(cells[3].contains("not comparable"), scoreRow)
        XCTAssertFalse(cells[4].contains("not comparable"), cells[4])
        XCTAssertTrue(WhatIfPage.terminalTable(r, texts: Texts(.en)).contains("not comparable"))
        XCTAssertTrue(html.contains("href=\"special%20needs%20x2/report.html\""))
        XCTAssertTrue(html.contains("href=\"baseline/report.html\""))
    }

    /// Many scenarios with long names: every terminal line fits 100 columns, and every scenario
    /// appears on one of the pages.
    func testTheWhatIfTerminalTableFitsAHundredColumns() throws {
        let names = (1...7).map { "scenario number \($0) with a long name" }
        let text = names.map { "[[scenario]]\nname = \"\($0)\"\n  [[scenario.capacity]]\n  add = 1\n" }.joined(separator: "\n")
        let prepared = try WhatIf.prepare(base: Self.tiny, text: text, file: "s.toml", baseDirectory: Workflow.tiny)
        let plan = Self.plan
        let r = WhatIfResult(baseline: plan, scenarios: prepared.map { ($0, plan) })
        for lang in ReportLanguage.allCases {
            let table = WhatIfPage.terminalTable(r, texts: Texts(lang))
            for line in table.split(separator: "\n") {
                XCTAssertLessThanOrEqual(TextTable.width(String(line)), 100, "\(lang): \(line)")
            }
            for i in 1...7 { XCTAssertTrue(table.contains("scenario number \(i) "), "scenario \(i) is shown") }
        }
    }

    func testTheSettingsListShowsEverySettingWithItsDefault() {
        for lang in ReportLanguage.allCases {
            let text = SettingsHelp.render(texts: Texts(lang))
            for k in Settings.keys {
                let line = text.split(separator: "\n").first { $0.hasPrefix(k.name + " ") }
                XCTAssertNotNil(line, "\(k.name) missing")
                XCTAssertTrue(line?.contains(" " + Decimals.format(Settings()[keyPath: k.keyPath], maxDecimals: 6) + " ") ?? false, "\(k.name): \(line ?? "")")
            }
            for k in ["report.language", "report.title", "report.date"] { XCTAssertTrue(text.contains(k)) }
        }
    }
}

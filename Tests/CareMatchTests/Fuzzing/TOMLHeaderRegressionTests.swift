@testable import CareMatch
import Foundation
import XCTest

/// TOML table headers that made TOMLKit's toml++ parser abort the process (an assertion in
/// `parse_key`), found by FuzzScenarios and FuzzDataset; `TOMLHeaderCheck` now refuses them with a
/// diagnostic.
/// Had the guard gone, these tests would not fail: they would abort the test run.
final class TOMLHeaderRegressionTests: XCTestCase {
    /// crash-0b1f8a761852ec6b1d1ec2ae2982c9a4bdd0dca7 (FuzzScenarios, 3 s into the first run with
    /// coverage): a mutated `Datasets/quzhou/scenarios.toml` starting `[[*scenario]]`.
    static let fuzzInput = "W1sqc2NlbmFyaW9dXQpuYW1lID0gImZ1bmQgY3V0IDMwJSIKZGVzY3JpcHRpb24gPSAiRXZ5cmUgZnVuZCAodGhlIGNhcmlvLnNjYWxlXV0KICByZXNvdXJjZSA9ICJmdW5kcyIKICBmYWN0b3IgPSAwLjcKCg=="

    func testFuzzFoundScenarioHeaderIsAnErrorOnItsLine() throws {
        let data = try XCTUnwrap(Data(base64Encoded: Self.fuzzInput))
        let text = try XCTUnwrap(String(data: data, encoding: .utf8))
        XCTAssertTrue(text.hasPrefix("[[*scenario]]\n"))
        let (scenarios, diagnostics) = ScenarioFile.parse(text: text, file: "scenarios.toml")
        XCTAssertTrue(scenarios.isEmpty)
        XCTAssertEqual(diagnostics.map(\.description), [Diagnostic.error("scenarios.toml", line: 1, TOMLHeaderCheck.message).description])
        // The same bytes as a settings.toml.
        let (_, problems) = SettingsLoader.parse(data: data)
        XCTAssertEqual(problems, [.error("settings.toml", line: 1, TOMLHeaderCheck.message)])
    }

    /// crash-9c61b329d03750510a9d2fc2a96bfc8cbdb62293 (FuzzDataset, stop 40, 4 s into its run): a
    /// `settings.toml` whose sixth line is `[\u{16}llocation]`. `SettingsLoader.parse` refused it,
    /// but the `[county_aliases]` reader parsed the same text without the check and aborted
    /// `carematch validate` (exit 134). Every reader now goes through `TOMLHeaderCheck.table`.
    static let fuzzSettings = "W3BhaXJpbmddCm1heF9rbSA9IDI1CmZpdF9ib251cyA9IDUKW2dyb3VwX3dlaWdodF0Kc3BlY2lhbF9uZWVkcyA9IDIuNQpbFmxsb2NhdGlvbl0KbWlwX2dhcCA9IDAuMDEKdGltZV9saW1pdF9zID0gNQo="

    func testFuzzFoundSettingsHeaderIsAnErrorInEveryReaderOfTheFile() throws {
        let data = try XCTUnwrap(Data(base64Encoded: Self.fuzzSettings))
        XCTAssertEqual(SettingsLoader.parse(data: data).1, [.error("settings.toml", line: 6, TOMLHeaderCheck.message)])
        let aliases = SettingsLoader.countyAliases(data: data)
        XCTAssertTrue(aliases.diagnostics.isEmpty, "parse reports it once")
        // The whole loader, as `validate` reads a folder.
        let folder = TestScratch.folder("toml-header")
        let tiny = BundledDatasetsTests.root.appendingPathComponent("Datasets/tiny")
        for name in try FileManager.default.contentsOfDirectory(atPath: tiny.path) {
            try FileManager.default.copyItem(at: tiny.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        try data.write(to: folder.appendingPathComponent("settings.toml"))
        let result = DatasetLoader.read(folder: folder)
        XCTAssertFalse(result.isValid)
        XCTAssertEqual(result.diagnostics.filter { $0.file == "settings.toml" }.map(\.line), [6])
    }

    /// No reader can skip the check: TOMLKit's parser is called in one place only.
    func testEveryTOMLTextIsParsedBehindTheCheck() throws {
        let sources = BundledDatasetsTests.root.appendingPathComponent("Sources")
        let files = try XCTUnwrap(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        XCTAssertGreaterThan(files.count, 100)
        let callers = try files.filter { try String(contentsOf: sources.appendingPathComponent($0), encoding: .utf8).contains("TOMLTable(string:") }
        XCTAssertEqual(callers, ["CareMatch/IO/TOMLHeaderCheck.swift"])
    }

    func testHeadersWithoutANameAreFoundOnTheirLine() {
        let bad: [(String, Int)] = [
            ("[*pairing]\n", 1), ("[pairing]\nmax_km = 3\n\n[ =x]\n", 4), ("[[ @scenario]]\n", 1),
            ("a = 1\n[\n", 2), ("[衢州]\n", 1), ("[\u{3000}pairing]\n", 1), ("[[ [x]]\n", 1), ("[\r\n", 1),
            ("# [ok]\n\"\"\"x\"\"\" = 1\n[.x]\n", 3),
        ]
        for (text, line) in bad {
            XCTAssertEqual(TOMLHeaderCheck.badHeaderLine(text), line, text.debugDescription)
            // And the loaders say so instead of aborting.
            XCTAssertEqual(SettingsLoader.parse(text: text).1.first?.line, line, text.debugDescription)
        }
    }

    /// Valid TOML with `[` where no header is: in arrays over several lines, strings, multi-line
    /// strings, comments, inline tables. The check must let it through to TOMLKit.
    func testBracketsThatAreNotHeadersAreLetThrough() {
        let good = [
            "[pairing]\nmax_km = 3\n",
            "[[scenario]]\nname = \"x\"\n  [[scenario.scale]]\n  factor = 2\n",
            "a = [\n  [+1, 2],\n  [{ b = 1 }],\n  [ [3] ],\n]\n",
            "s = \"\"\"\n[*not a header]\n\"\"\"\n",
            "s = '''\n[\n'''\n[pairing]\n",
            "t = { x = [1] }\n[\"quoted table\"]\n['literal']\n",
            "# [*comment]\n[ pairing ]\n",
            "q = \"\"\"a\"\"\"\"\n[x]\n",
            "[ [ x ] ]\n",  // toml++ reports the spaced brackets itself
            "[",           // end of file: toml++ reports it itself
        ]
        for text in good { XCTAssertNil(TOMLHeaderCheck.badHeaderLine(text), text.debugDescription) }
        // The first valid case still reads as settings.
        let (settings, problems) = SettingsLoader.parse(text: good[0])
        XCTAssertEqual(problems, [])
        XCTAssertEqual(settings.maxKm, 3)
    }
}

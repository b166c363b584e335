import CareMatch
import Foundation
import XCTest

/// TOML table headers that made TOMLKit's toml++ parser abort the process (an assertion in
/// `parse_key`), found by FuzzScenarios; `TOMLHeaderCheck` now refuses them with a diagnostic.
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

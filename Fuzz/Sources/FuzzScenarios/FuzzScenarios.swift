import CareMatch
import Foundation
import FuzzSupport

/// A copy of `Datasets/tiny` (scenario files may add rows from files next to them) and the dataset read from it.
let tiny = FuzzSupport.scratchCopy(of: "tiny")
let base: Dataset = {
    do { return try DatasetLoader.load(folder: tiny.folder) } catch { fatalError("fuzz set-up: Datasets/tiny does not load: \(error)") }
}()

/// libFuzzer entry point: the input is a TOML file, read both as a what-if scenario file
/// (`ScenarioFile.parse`, then `ScenarioEditor.apply` on `Datasets/tiny`) and as `settings.toml`
/// (`SettingsLoader.parse(data:)`).
///
/// Checks that neither traps; that settings without errors pass their own checks; and that
/// scenarios every edit of which is accepted plan without an internal failure (at most 3 per input).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenarios(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)

    let (settings, settingsProblems) = SettingsLoader.parse(data: bytes)
    if !settingsProblems.contains(where: { $0.severity == .error }), !settings.problems().isEmpty {
        FuzzSupport.violated("settings the loader accepts pass Settings.problems()", "\(settings.problems())")
    }

    guard let text = String(data: bytes, encoding: .utf8) else { return 0 }
    let (scenarios, diagnostics) = ScenarioFile.parse(text: text, file: "scenarios.toml")
    for d in diagnostics where d.message.isEmpty {
        FuzzSupport.violated("every diagnostic says what is wrong", d.description)
    }
    var planned = 0
    for scenario in scenarios {
        let (dataset, _, problems) = ScenarioEditor.apply(scenario, to: base, scenarioFile: "scenarios.toml", baseDirectory: tiny.folder)
        if problems.contains(where: { $0.severity == .error }) { continue }
        if planned < 3 {
            planned += 1
            FuzzSupport.planMustSucceed(dataset, what: "scenario")
        }
    }
    return 0
}

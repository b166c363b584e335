import ArgumentParser
import CareMatch
import Foundation

/// The dataset folder and setting overrides shared by the commands that read a dataset.
struct DatasetOptions: ParsableArguments {
    @Argument(help: "The dataset folder (children.csv, moms.csv, … see docs/data-format.md).")
    var dataset: String

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a setting, e.g. --set pairing.max_km=20 (repeatable); `carematch settings` lists them all.", valueName: "key=value"))
    var overrides: [String] = []

    /// The dataset folder as an input an output folder must never replace.
    var protectedInput: (what: String, path: String) { ("the dataset folder", dataset) }

    /// Loads and validates the dataset, applying the overrides.
    func load() throws -> Dataset {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dataset, isDirectory: &isDir), isDir.boolValue else {
            throw UserFacingError(message: "\(dataset): no such dataset folder", status: ExitStatus.invalidInput)
        }
        var d = try DatasetLoader.load(path: dataset)
        guard !overrides.isEmpty else { return d }
        // The validator's warnings depend on settings (reach): redo them under the overrides,
        // keeping the loader's own (file encoding).
        let before = Set(DatasetValidator.check(d).filter { $0.severity == .warning })
        d = try d.applying(overrides: overrides)   // also checks the settings against the dataset's size
        d.warnings = (d.warnings.filter { !before.contains($0) } + DatasetValidator.check(d).filter { $0.severity == .warning }).sorted()
        return d
    }
}

/// Progress lines on stderr: shown only on a terminal and without --quiet.
struct Progress: Sendable {
    let enabled: Bool
    init(quiet: Bool) { enabled = !quiet && isatty(STDERR_FILENO) != 0 }
    func callAsFunction(_ line: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    }
    func done() { if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
    var handler: (@Sendable (String) -> Void)? {
        let p = self
        return enabled ? { @Sendable line in p(line) } : nil
    }
}

/// The output folder and the output flags shared by `plan`, `compare` and `whatif`.
struct OutputOptions: ParsableArguments {
    @Option(help: "The folder to write (atomically; an existing one needs --force).")
    var out: String

    @Flag(help: "Replace an existing folder that CareMatch wrote (never the dataset, the working or home directory, nor a folder holding other files).")
    var force = false

    @Flag(help: "Write CSV files with a UTF-8 byte-order mark (Excel on Windows needs it for Chinese).")
    var excel = false

    @Flag(help: "Print the summary as JSON instead of the terminal table.")
    var json = false

    @Flag(help: "No progress lines on stderr (warnings are still printed).")
    var quiet = false

    /// The rules for `--out`, never replacing `inputs`; the command calls `check()` before any work.
    func folderGuard(protecting inputs: [(what: String, path: String)]) -> OutputFolderGuard {
        OutputFolderGuard(path: out, force: force, inputs: inputs)
    }
}

/// The `--time-limit` option's checks, shared by `plan` and `whatif`.
enum TimeLimitOption {
    /// The largest deadline accepted: one week.
    static let maximum = 604_800.0

    static func check(_ seconds: Double?) throws {
        guard let s = seconds else { return }
        guard s.isFinite, s > 0, s <= maximum else {
            throw ValidationError("--time-limit must be a number of seconds above 0 and at most \(Int(maximum)) (one week), found \(s)")
        }
    }
}

import CareMatch
import Foundation

/// What the fuzz targets share: the repository's bundled datasets, a scratch copy of one, and a
/// trap that says which property broke (libFuzzer saves the input that reached it).
public enum FuzzSupport {
    /// The repository's root: `CAREMATCH_ROOT` when set, else found from this source file's path
    /// (the fuzzers are built from the checkout, `Fuzz/Sources/FuzzSupport/FuzzSupport.swift`).
    public static let repositoryRoot: URL = {
        if let root = ProcessInfo.processInfo.environment["CAREMATCH_ROOT"], !root.isEmpty {
            return URL(fileURLWithPath: root, isDirectory: true)
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }()

    /// The files of a dataset folder the fuzzers replace, in the order the first input byte picks them.
    public static let datasetFiles: [String] = [
        DatasetFile.children, DatasetFile.moms, DatasetFile.organizations, DatasetFile.catalog,
        DatasetFile.offers, DatasetFile.needs, DatasetFile.settings, DatasetFile.manualPairings,
        DatasetFile.manualAllocations,
    ]

    /// A copy of `Datasets/<name>`'s files in a fresh temporary folder, made once per process,
    /// with the original bytes of each file (to restore after an input replaced one).
    ///
    /// The bytes are kept as `[UInt8]`, not `Data`: a `Data` held in a global is reported as leaked
    /// by LeakSanitizer (its storage reference carries enum tag bits, so the scan does not see it).
    public static func scratchCopy(of name: String) -> (folder: URL, originals: [String: [UInt8]]) {
        let source = repositoryRoot.appendingPathComponent("Datasets/\(name)", isDirectory: true)
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("carematch-fuzz-\(name)-\(getpid())", isDirectory: true)
        try? fm.removeItem(at: folder)
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            var originals: [String: [UInt8]] = [:]
            for file in try fm.contentsOfDirectory(atPath: source.path).sorted()
            where file.hasSuffix(".csv") || file.hasSuffix(".toml") {
                let data = try Data(contentsOf: source.appendingPathComponent(file))
                try data.write(to: folder.appendingPathComponent(file))
                originals[file] = [UInt8](data)
            }
            guard originals[DatasetFile.children] != nil else { throw CocoaError(.fileNoSuchFile) }
            return (folder, originals)
        } catch {
            fatalError("fuzz set-up: cannot copy \(source.path) to \(folder.path): \(error); set CAREMATCH_ROOT to the repository")
        }
    }

    /// Stops the process with a message naming the broken property (a finding for libFuzzer).
    public static func violated(_ property: String, _ detail: @autoclosure () -> String = "") -> Never {
        let d = detail()
        fatalError("fuzz property violated: \(property)\(d.isEmpty ? "" : ": \(d)")")
    }

    /// Plans a dataset that validation accepted; any error other than `InvalidInput` is the
    /// engine's bug (the CLI's exit 3), and so is a plan whose files cannot be made.
    public static func planMustSucceed(_ dataset: Dataset, what: String) {
        do {
            let plan = try Planner.plan(dataset)
            _ = try plan.files(byteOrderMark: false)
        } catch let e as InvalidInput {
            _ = e // exit 1: the input is refused with diagnostics, not a crash
        } catch {
            violated("a \(what) that validation accepts plans without an internal failure", "\(error)")
        }
    }
}

import XCTest
import Foundation
@testable import CareMatch

/// Runs the built `carematch` binary (found by `Workflow.binary()`, beside the test bundle) in a
/// chosen working directory, on copies of `Datasets/tiny` in temporary folders: nothing is ever
/// written into the repository.
enum CLI {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `carematch args…` in `cwd` (default: a fresh temporary folder) with `HOME` set to
    /// `home` when given, and waits.
    static func run(_ args: [String], cwd: URL? = nil, home: URL? = nil) throws -> Run {
        let p = Process()
        p.executableURL = try Workflow.binary()
        p.arguments = args
        p.currentDirectoryURL = cwd ?? tempDir()
        var env = ProcessInfo.processInfo.environment
        if let home { env["HOME"] = home.path }
        p.environment = env
        // stderr goes to a file, so a long stderr cannot block the child while stdout is read.
        let errFile = tempDir().appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        let err = try FileHandle(forWritingTo: errFile)
        defer { try? err.close(); try? FileManager.default.removeItem(at: errFile.deletingLastPathComponent()) }
        let out = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
                   stderr: String(decoding: try Data(contentsOf: errFile), as: UTF8.self))
    }

    /// A new empty temporary folder, symbolic links resolved.
    static func tempDir() -> URL {
        let u = TestScratch.folder("carematch-cli")
        return ResolvedPath.resolve(u.path)
    }

    /// A copy of `Datasets/tiny` named `name` inside a new temporary folder, with a coordinator's
    /// own `notes.txt` in it (the dataset of issue 12).
    static func tinyCopy(name: String = "ft") throws -> URL {
        let dir = tempDir().appendingPathComponent(name)
        try FileManager.default.copyItem(at: Workflow.tiny, to: dir)
        try "call M4 on Monday\n".write(to: dir.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        return dir
    }

    /// Every file under `folder` with its bytes, to show that nothing changed.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for e in try FolderEntries.list(folder) where e.kind != .folder {
            out[e.path] = try Data(contentsOf: folder.appendingPathComponent(e.path))
        }
        return out
    }

    /// `sha256sum -c .carematch-output` run in `folder` (GNU coreutils, an independent check of
    /// the stamp): its exit status and output.
    static func sha256sumCheck(_ folder: URL) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["sha256sum", "--strict", "-c", OutputStamp.fileName]
        p.currentDirectoryURL = folder
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self))
    }

    /// The file names listed in a folder's stamp (as `sha256sum` reads them), sorted.
    static func stampedNames(_ folder: URL) throws -> [String] {
        let text = try String(contentsOf: folder.appendingPathComponent(OutputStamp.fileName), encoding: .utf8)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { String($0.dropFirst(66)) }.sorted()
    }

    /// Every file under `folder` but the stamp, sorted.
    static func fileNames(_ folder: URL) throws -> [String] {
        try FolderEntries.list(folder).filter { $0.kind == .file && $0.path != OutputStamp.fileName }.map(\.path).sorted()
    }

    /// What the folder `parent` holds (names only), to show no temporary folder was left.
    static func names(_ parent: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted()
    }

    /// A scenario file for `whatif`: the baseline without organization ORG1.
    static func scenarioFile(in dir: URL) throws -> URL {
        let f = dir.appendingPathComponent("scenarios.toml")
        try "[[scenario]]\nname = \"no-org1\"\nremove_organizations = [\"ORG1\"]\n".write(to: f, atomically: true, encoding: .utf8)
        return f
    }
}

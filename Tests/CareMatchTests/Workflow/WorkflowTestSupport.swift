import XCTest
import Foundation
@testable import CareMatch

/// Runs the built `carematch` tool and compares outputs with checked-in golden files.
enum Workflow {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let tiny = root.appendingPathComponent("Datasets/tiny")
    static let golden = root.appendingPathComponent("Tests/CareMatchTests/Fixtures/golden")
    /// Set `CAREMATCH_UPDATE_GOLDEN=1` to rewrite the golden files (then review the diff).
    static let updating = ProcessInfo.processInfo.environment["CAREMATCH_UPDATE_GOLDEN"] == "1"

    /// The `carematch` binary `swift test` built beside the test bundle (`.build/<config>/carematch`).
    static func binary() throws -> URL {
        var candidates: [URL] = []
        let arg0 = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        var dir = arg0.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("carematch"))
            dir = dir.deletingLastPathComponent()
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("carematch"))
        candidates.append(root.appendingPathComponent(".build/debug/carematch"))
        for c in candidates where FileManager.default.isExecutableFile(atPath: c.path) { return c }
        throw BinaryNotFound(message: "carematch binary not found next to the test bundle (looked in \(candidates.map(\.path))); run `swift build` first")
    }

    struct BinaryNotFound: Error { var message: String }

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    /// Runs `carematch args…` and waits.
    static func run(_ args: [String]) throws -> Run {
        let p = Process()
        p.executableURL = try binary()
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static func tempDir() -> URL {
        let u = TestScratch.folder("carematch-workflow")
        return u
    }

    /// Asserts that `produced` equals the golden file `name` byte for byte (or rewrites it).
    static func assertGolden(_ produced: URL, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let g = golden.appendingPathComponent(name)
        let data = try Data(contentsOf: produced)
        if updating {
            try FileManager.default.createDirectory(at: g.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: g)
            return
        }
        let expected = try Data(contentsOf: g)
        XCTAssertEqual(String(decoding: data, as: UTF8.self), String(decoding: expected, as: UTF8.self),
                       "\(produced.lastPathComponent) differs from golden \(name)", file: file, line: line)
    }

    /// Rows of a CSV file as dictionaries by header.
    static func rows(_ url: URL) throws -> [[String: String]] {
        let t = try CSVReader.read(contentsOf: url)
        return t.rows.map { r in Dictionary(uniqueKeysWithValues: t.header.enumerated().map { ($1, r[$0]) }) }
    }

    /// Haversine of contract section 3, written out again here (not the engine's code), in km
    /// rounded half away from zero to 0.01.
    static func km(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let r = 6371.0, rad = Double.pi / 180
        let dphi = (lat2 - lat1) * rad, dl = (lon2 - lon1) * rad
        let h = sin(dphi / 2) * sin(dphi / 2) + cos(lat1 * rad) * cos(lat2 * rad) * sin(dl / 2) * sin(dl / 2)
        return ((2 * r * asin(sqrt(h))) * 100).rounded(.toNearestOrAwayFromZero) / 100
    }
}

import XCTest
import Foundation
@testable import CareMatch

/// The rules for output folders at the library level: path resolution, the stamp, and the check
/// repeated just before the rename (the CLI's exit statuses are in `CLIContractTests`).
final class OutputFolderGuardTests: XCTestCase {
    let fm = FileManager.default

    func tempDir() -> URL { CLI.tempDir() }

    func write(_ text: String, _ url: URL) throws {
        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func reason(_ body: () throws -> Void) -> OutputFolderError.Reason? {
        do { try body(); return nil } catch { return (error as? OutputFolderError)?.reason }
    }

    func testSpellingsOfOneFolderResolveToOnePath() throws {
        let dir = tempDir()
        let real = dir.appendingPathComponent("real")
        try fm.createDirectory(at: real.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(at: dir.appendingPathComponent("link"), withDestinationURL: real)
        for p in ["real", "./real/", "real/sub/..", "link", "link/", "\(dir.path)/link/sub/.."] {
            XCTAssertEqual(ResolvedPath.resolve(p, base: dir.path).path, real.path, p)
        }
        // Parts that do not exist yet are kept, below the resolved existing prefix.
        XCTAssertEqual(ResolvedPath.resolve("link/new/plan", base: dir.path).path, real.path + "/new/plan")
        XCTAssertEqual(ResolvedPath.resolve("new/../real", base: dir.path).path, real.path)
        XCTAssertEqual(ResolvedPath.resolve("/").path, "/")
        XCTAssertTrue(ResolvedPath.isSameOrInside(real.appendingPathComponent("sub"), real))
        XCTAssertFalse(ResolvedPath.isSameOrInside(dir.appendingPathComponent("realistic"), real), "a name prefix is not a parent")
    }

    func testTheStampReadsBackAndRejectsMalformedLines() throws {
        let hash = String(repeating: "ab", count: 32)
        let s = OutputStamp(files: ["b/x.csv": hash, "a.csv": hash])
        XCTAssertEqual(s.text.split(separator: "\n").filter { !$0.hasPrefix("#") }, ["\(hash)  a.csv", "\(hash)  b/x.csv"])
        XCTAssertEqual(OutputStamp(text: s.text), s)
        XCTAssertNil(OutputStamp(text: "abc  a.csv\n"))
        XCTAssertNil(OutputStamp(text: "\(hash) a.csv\n"), "two spaces, as sha256sum writes")
        XCTAssertEqual(OutputStamp(text: "# only a comment\n")?.files, [:])
    }

    func testAnEmptyFolderIsReplacedOnlyWithForce() throws {
        let target = tempDir().appendingPathComponent("empty")
        try fm.createDirectory(at: target, withIntermediateDirectories: true)
        XCTAssertEqual(reason { try PlanFolder.write([("a.csv", Data("1".utf8))], to: target, force: false) }, .exists)
        try PlanFolder.write([("a.csv", Data("1".utf8))], to: target, force: true)
        XCTAssertEqual(try CLI.fileNames(target), ["a.csv"])
    }

    func testForeignEntriesAreNamedAFolderOnceALinkAsForeign() throws {
        let dir = tempDir()
        let target = dir.appendingPathComponent("p")
        try PlanFolder.write([("baseline/a.csv", Data("1".utf8))], to: target, force: false)
        try write("z", dir.appendingPathComponent("outside.txt"))
        try write("x", target.appendingPathComponent("photos/one.jpg"))
        try write("y", target.appendingPathComponent("photos/two.jpg"))
        try fm.createSymbolicLink(at: target.appendingPathComponent("baseline/link"), withDestinationURL: dir.appendingPathComponent("outside.txt"))
        XCTAssertEqual(reason { try OutputFolderGuard(path: target.path, force: true).check() },
                       .foreignFiles(["baseline/link", "photos/"], stamped: true))
        XCTAssertEqual(Set(try CLI.snapshot(target).keys), [".carematch-output", "baseline/a.csv", "photos/one.jpg", "photos/two.jpg", "baseline/link"])
    }

    func testAnUnreadableStampMakesEveryFileForeign() throws {
        let target = tempDir().appendingPathComponent("p")
        try PlanFolder.write([("a.csv", Data("1".utf8))], to: target, force: false)
        try write("not a stamp\n", target.appendingPathComponent(OutputStamp.fileName))
        XCTAssertEqual(reason { try OutputFolderGuard(path: target.path, force: true).check() },
                       .foreignFiles([".carematch-output (unreadable)", "a.csv"], stamped: true))
    }

    func testSomethingOtherThanAFolderAtTheTargetIsRefused() throws {
        let dir = tempDir()
        try write("x", dir.appendingPathComponent("file"))
        try fm.createSymbolicLink(at: dir.appendingPathComponent("dangling"), withDestinationURL: dir.appendingPathComponent("gone"))
        for name in ["file", "dangling"] {
            XCTAssertEqual(reason { try PlanFolder.write([("a.csv", Data())], to: dir.appendingPathComponent(name), force: true) }, .notAFolder, name)
        }
        XCTAssertEqual(try CLI.names(dir), ["dangling", "file"], "no temporary folder left")
    }

    func testAFolderThatAppearsBeforeTheRenameIsCheckedAgain() throws {
        let dir = tempDir()
        let target = dir.appendingPathComponent("plan")
        let guardian = OutputFolderGuard(path: target.path, force: true)
        try guardian.check()
        // Someone creates the folder, with their own file, while CareMatch solves.
        let r = reason {
            try PlanFolder.write([("a.csv", Data("new".utf8))], to: guardian, beforeRename: {
                try self.write("mine", target.appendingPathComponent("notes.txt"))
            })
        }
        XCTAssertEqual(r, .foreignFiles(["notes.txt"], stamped: false))
        XCTAssertEqual(try CLI.snapshot(target), ["notes.txt": Data("mine".utf8)])
        XCTAssertEqual(try CLI.names(dir), ["plan"], "the temporary folder is removed")
    }

    func testAFileEditedBeforeTheRenameStopsTheReplacement() throws {
        let dir = tempDir()
        let target = dir.appendingPathComponent("plan")
        try PlanFolder.write([("a.csv", Data("old".utf8))], to: target, force: false)
        let r = reason {
            try PlanFolder.write([("a.csv", Data("new".utf8))], to: target, force: true, beforeRename: {
                try self.write("edited", target.appendingPathComponent("a.csv"))
            })
        }
        XCTAssertEqual(r, .changedFiles(["a.csv"]))
        XCTAssertEqual(try String(contentsOf: target.appendingPathComponent("a.csv"), encoding: .utf8), "edited")
        XCTAssertEqual(try CLI.names(dir), ["plan"])
    }

    func testALinkGivenAsTheTargetReplacesTheFolderItPointsTo() throws {
        let dir = tempDir()
        let real = dir.appendingPathComponent("real")
        try PlanFolder.write([("a.csv", Data("old".utf8))], to: real, force: false)
        let link = dir.appendingPathComponent("link")
        try fm.createSymbolicLink(at: link, withDestinationURL: real)
        try PlanFolder.write([("a.csv", Data("new".utf8))], to: link, force: true)
        XCTAssertEqual(try String(contentsOf: real.appendingPathComponent("a.csv"), encoding: .utf8), "new")
        XCTAssertEqual(try fm.destinationOfSymbolicLink(atPath: link.path), real.path, "the link is still a link")
        XCTAssertEqual(try CLI.names(dir), ["link", "real"])
    }

    func testProtectedPathsAndTheirAncestorsAreRefusedEvenWhenStamped() throws {
        let dir = tempDir()
        let data = dir.appendingPathComponent("data")
        try PlanFolder.write([("children.csv", Data("x".utf8))], to: data, force: false)
        let g = OutputFolderGuard(path: "data", force: true, inputs: [("the dataset folder", "data")], workingDirectory: dir.path, home: nil)
        XCTAssertEqual(reason { try g.check() }, .isProtected(what: "the dataset folder"))
        let up = OutputFolderGuard(path: dir.path, force: true, inputs: [("the dataset folder", data.path)], workingDirectory: "/", home: nil)
        XCTAssertEqual(reason { try up.check() }, .containsProtected(what: "the dataset folder", path: data.path))
        let cwd = OutputFolderGuard(path: ".", force: true, workingDirectory: data.path, home: nil)
        XCTAssertEqual(reason { try cwd.check() }, .isProtected(what: "the current working directory"))
    }
}

import XCTest
import Foundation
@testable import CareMatch

/// The command line's contract, by running the built `carematch`: exit statuses (0 success,
/// 1 invalid input, 2 usage), the key output of each command and flag, and the rules for `--out`
/// (issue 12: nothing CareMatch did not write is ever replaced, and `--out` is checked before any
/// work). All on copies of `Datasets/tiny` in temporary folders.
final class CLIContractTests: XCTestCase {
    // MARK: validate

    func testValidateOfTinyExitsZeroWithItsWarningAndTheDirectorySummary() throws {
        let ds = try CLI.tinyCopy()
        let r = try CLI.run(["validate", ds.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        // Datasets/tiny/README.md: C10 is out of everyone's reach (children.csv line 11).
        XCTAssertTrue(r.stdout.contains("children.csv:11: warning: child 'C10' has no mom within reach"), r.stdout)
        XCTAssertTrue(r.stdout.contains("0 errors, "), r.stdout)
    }

    func testValidateOfABadCellExitsOneNamingFileLineAndColumn() throws {
        let ds = try CLI.tinyCopy()
        try Self.replace(in: ds.appendingPathComponent("children.csv"), "C02,disadvantaged,Changshan,天马街道,28.9,", with: "C02,disadvantaged,Changshan,天马街道,128.9,")
        let r = try CLI.run(["validate", ds.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("children.csv:3: error: column 'lat'"), r.stdout)
    }

    func testAMissingDatasetFolderIsInvalidInput() throws {
        let dir = CLI.tempDir()
        for args in [["validate", "nowhere"], ["plan", "nowhere", "--out", "p"]] {
            let r = try CLI.run(args, cwd: dir)
            XCTAssertEqual(r.status, 1, "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("nowhere: no such dataset folder"), r.stderr)
        }
        XCTAssertEqual(try CLI.names(dir), [], "nothing written")
    }

    // MARK: usage errors

    func testWrongUsageExitsTwo() throws {
        let ds = try CLI.tinyCopy()
        let cases: [[String]] = [
            ["plan", ds.path],                                          // --out missing
            ["plan", ds.path, "--out", "p", "--no-such-flag"],          // unknown option
            ["plan", ds.path, "--out", "p", "--set", "pairing.nope=1"], // unknown setting
            ["compare", ds.path],                                       // --out missing
            ["whatif", ds.path, "--out", "w"],                          // --scenarios missing
            ["generate", "--scale", "0", "--out", "g"],                 // scale out of range
            ["frobnicate"],                                             // unknown command
        ]
        for args in cases {
            let dir = CLI.tempDir()
            let r = try CLI.run(args, cwd: dir)
            XCTAssertEqual(r.status, 2, "\(args): \(r.stdout) \(r.stderr)")
            XCTAssertEqual(try CLI.names(dir), [], "\(args): nothing written")
        }
    }

    // MARK: plan

    func testPlanWritesAStampedFolderAndPrintsTheWarningsAsValidateDoes() throws {
        let ds = try CLI.tinyCopy()
        let parent = CLI.tempDir()
        let out = parent.appendingPathComponent("plan")
        let r = try CLI.run(["plan", ds.path, "--out", out.path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("Plan for ft written to \(out.path)"), r.stdout)
        XCTAssertEqual(try CLI.fileNames(out), ["allocations.csv", "alternatives.csv", "county_summary.csv", "deliveries.csv", "mom_assignments.csv",
                                                "organization_totals.csv", "pairings.csv", "report.html", "summary.json", "unmet.csv"])
        // The stamp lists exactly the files, and coreutils' sha256sum confirms every hash.
        XCTAssertEqual(try CLI.stampedNames(out), try CLI.fileNames(out))
        let check = try CLI.sha256sumCheck(out)
        XCTAssertEqual(check.status, 0, check.output)
        XCTAssertEqual(try CLI.names(parent), ["plan"], "no temporary folder left")
        // The same warning lines as `validate`, on stderr, even with --quiet.
        let v = try CLI.run(["validate", ds.path])
        let warnings = v.stdout.split(separator: "\n").filter { $0.contains(": warning: ") }
        XCTAssertFalse(warnings.isEmpty)
        for w in warnings { XCTAssertTrue(r.stderr.contains(w), "missing on stderr: \(w)\n\(r.stderr)") }
        XCTAssertFalse(r.stdout.contains(": warning: "), "warnings go to stderr")
        XCTAssertEqual(try CLI.snapshot(ds), try CLI.snapshot(try CLI.tinyCopy()), "the dataset is untouched")
    }

    func testPlanJSONPrintsTheSummaryOnStdoutAndWarningsOnStderr() throws {
        let ds = try CLI.tinyCopy()
        let out = CLI.tempDir().appendingPathComponent("p")
        let r = try CLI.run(["plan", ds.path, "--out", out.path, "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let fromFile = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as? [String: Any])
        XCTAssertEqual((json["pairing"] as? [String: Any])?["score"] as? Double, (fromFile["pairing"] as? [String: Any])?["score"] as? Double)
        XCTAssertNotNil((json["allocation"] as? [String: Any])?["bound"] as? Double)
        XCTAssertTrue(r.stderr.contains("warning: child 'C10'"), r.stderr)
    }

    func testExcelWritesAByteOrderMarkBeforeEachCSV() throws {
        let ds = try CLI.tinyCopy()
        let dir = CLI.tempDir()
        for (flag, name) in [([] as [String], "plain"), (["--excel"], "excel")] {
            let r = try CLI.run(["plan", ds.path, "--out", dir.appendingPathComponent(name).path, "--quiet"] + flag)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        for f in ["pairings.csv", "allocations.csv", "unmet.csv"] {
            let plain = try Data(contentsOf: dir.appendingPathComponent("plain/\(f)"))
            let excel = try Data(contentsOf: dir.appendingPathComponent("excel/\(f)"))
            XCTAssertEqual(Array(excel.prefix(3)), [0xEF, 0xBB, 0xBF], f)
            XCTAssertEqual(excel.dropFirst(3), plain, "\(f): the same bytes after the mark")
        }
    }

    func testSetOverridesASettingOfSettingsToml() throws {
        let ds = try CLI.tinyCopy()
        let dir = CLI.tempDir()
        func maxKm(_ args: [String], _ name: String) throws -> (km: Double?, stderr: String, warnings: [String]) {
            let out = dir.appendingPathComponent(name)
            let r = try CLI.run(["plan", ds.path, "--out", out.path, "--quiet"] + args)
            XCTAssertEqual(r.status, 0, r.stderr)
            let s = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json"))) as? [String: Any]
            return ((s?["settings"] as? [String: Any])?["pairing.max_km"] as? Double, r.stderr, s?["warnings"] as? [String] ?? [])
        }
        let plain = try maxKm([], "default")
        XCTAssertEqual(plain.km, 10, "Datasets/tiny/settings.toml sets 10")
        XCTAssertTrue(plain.stderr.contains("child 'C10' has no mom within reach"), plain.stderr)
        XCTAssertTrue(plain.warnings.contains { $0.contains("child 'C10' has no mom within reach") }, "\(plain.warnings)")
        // Datasets/tiny/README.md: M7 is 11.7 km from C10, so within 20 km C10 is in reach.
        let set = try maxKm(["--set", "pairing.max_km=20"], "set")
        XCTAssertEqual(set.km, 20)
        XCTAssertFalse(set.stderr.contains("'C10'"), "the warning is redone under the override: \(set.stderr)")
        XCTAssertFalse(set.warnings.contains { $0.contains("'C10'") }, "\(set.warnings)")
    }

    func testExportModelWritesTheFourModelFilesAsAStampedFolder() throws {
        let ds = try CLI.tinyCopy()
        let parent = CLI.tempDir()
        let models = parent.appendingPathComponent("models")
        let r = try CLI.run(["plan", ds.path, "--out", parent.appendingPathComponent("p").path, "--export-model", models.path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try CLI.fileNames(models), ["allocation.lp", "allocation.mps", "pairing.lp", "pairing.mps"])
        XCTAssertEqual(try CLI.stampedNames(models), try CLI.fileNames(models))
        XCTAssertEqual(try CLI.sha256sumCheck(models).status, 0)
        for f in ["allocation.mps", "pairing.mps"] {
            let text = try String(contentsOf: models.appendingPathComponent(f), encoding: .utf8)
            XCTAssertTrue(text.contains("\nROWS\n") && text.contains("\nCOLUMNS\n") && text.contains("ENDATA"), f)
        }
        XCTAssertEqual(try CLI.names(parent), ["models", "p"], "no temporary folder left")
        // Again without --force: refused before any work; with --force: replaced.
        let again = try CLI.run(["plan", ds.path, "--out", parent.appendingPathComponent("q").path, "--export-model", models.path])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("\(models.path) already exists"), again.stderr)
        XCTAssertEqual(try CLI.names(parent), ["models", "p"], "--out not written either")
        let forced = try CLI.run(["plan", ds.path, "--out", parent.appendingPathComponent("q").path, "--export-model", models.path, "--force", "--quiet"])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertEqual(try CLI.names(parent), ["models", "p", "q"])
    }

    func testExportModelIntoAFolderOfOneSOwnOrIntoOutIsRefused() throws {
        let ds = try CLI.tinyCopy()
        let parent = CLI.tempDir()
        let mine = parent.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try "x".write(to: mine.appendingPathComponent("thesis.tex"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["plan", ds.path, "--out", parent.appendingPathComponent("p").path, "--export-model", mine.path, "--force"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("\(mine.path) was not written by CareMatch") && r.stderr.contains("thesis.tex"), r.stderr)
        XCTAssertEqual(try CLI.snapshot(mine).keys.sorted(), ["thesis.tex"])
        let same = try CLI.run(["plan", ds.path, "--out", parent.appendingPathComponent("p").path, "--export-model", parent.appendingPathComponent("p").path])
        XCTAssertEqual(same.status, 2)
        XCTAssertTrue(same.stderr.contains("is the --export-model folder"), same.stderr)
        let inside = try CLI.run(["plan", ds.path, "--out", parent.appendingPathComponent("p").path, "--export-model", parent.appendingPathComponent("p/m").path])
        XCTAssertEqual(inside.status, 2)
        XCTAssertTrue(inside.stderr.contains("contains the --export-model folder"), inside.stderr)
        XCTAssertEqual(try CLI.names(parent), ["mine"])
    }

    // MARK: an existing --out

    /// Issue 12: `plan ft --out ft --force` deleted the dataset. Now: exit 2, nothing touched.
    func testTheDatasetFolderItselfIsNeverReplaced() throws {
        let ds = try CLI.tinyCopy()
        let before = try CLI.snapshot(ds)
        for extra in [[], ["--force"]] {
            let r = try CLI.run(["plan", ds.path, "--out", ds.path] + extra, cwd: ds.deletingLastPathComponent())
            XCTAssertEqual(r.status, 2, r.stderr)
            XCTAssertTrue(r.stderr.contains("\(ds.path) is the dataset folder"), r.stderr)
            XCTAssertEqual(r.stdout, "")
        }
        // Relative spelling, and through a symbolic link to it.
        let link = ds.deletingLastPathComponent().appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: ds)
        for out in ["ft", "./ft/", "link", "../\(ds.deletingLastPathComponent().lastPathComponent)/ft"] {
            let r = try CLI.run(["plan", "ft", "--out", out, "--force"], cwd: ds.deletingLastPathComponent())
            XCTAssertEqual(r.status, 2, "\(out): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("is the dataset folder"), r.stderr)
        }
        XCTAssertEqual(try CLI.snapshot(ds), before)
        XCTAssertEqual(try CLI.names(ds.deletingLastPathComponent()), ["ft", "link"])
    }

    func testAFolderContainingTheDatasetIsNeverReplaced() throws {
        let ds = try CLI.tinyCopy()
        let parent = ds.deletingLastPathComponent()
        let before = try CLI.snapshot(parent)
        let r = try CLI.run(["plan", ds.path, "--out", parent.path, "--force"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("\(parent.path) contains the dataset folder (\(ds.path))"), r.stderr)
        XCTAssertEqual(try CLI.snapshot(parent), before)
    }

    func testTheWorkingDirectoryIsNeverReplacedEvenWhenCareMatchWroteIt() throws {
        let ds = try CLI.tinyCopy()
        let out = CLI.tempDir().appendingPathComponent("p")
        XCTAssertEqual(try CLI.run(["plan", ds.path, "--out", out.path, "--quiet"]).status, 0)
        let before = try CLI.snapshot(out)
        for dot in [".", "./", out.path] {
            let r = try CLI.run(["plan", ds.path, "--out", dot, "--force"], cwd: out)
            XCTAssertEqual(r.status, 2, r.stderr)
            XCTAssertTrue(r.stderr.contains("\(out.path) is the current working directory"), r.stderr)
        }
        let up = try CLI.run(["plan", ds.path, "--out", "..", "--force"], cwd: out)
        XCTAssertEqual(up.status, 2)
        XCTAssertTrue(up.stderr.contains("contains the current working directory"), up.stderr)
        XCTAssertEqual(try CLI.snapshot(out), before)
    }

    func testTheHomeDirectoryAndTheRootAreNeverReplaced() throws {
        let ds = try CLI.tinyCopy()
        let home = CLI.tempDir()
        let r = try CLI.run(["plan", ds.path, "--out", home.path, "--force"], home: home)
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("\(home.path) is the home directory"), r.stderr)
        let root = try CLI.run(["generate", "--scale", "0.01", "--out", "/", "--force"])
        XCTAssertEqual(root.status, 2)
        XCTAssertTrue(root.stderr.contains("/ is the root folder"), root.stderr)
        XCTAssertEqual(try CLI.names(home), [])
    }

    func testAFolderWithAForeignFileIsNeverReplaced() throws {
        let ds = try CLI.tinyCopy()
        let out = CLI.tempDir().appendingPathComponent("p")
        XCTAssertEqual(try CLI.run(["plan", ds.path, "--out", out.path, "--quiet"]).status, 0)
        try "my notes".write(to: out.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let before = try CLI.snapshot(out)
        let r = try CLI.run(["plan", ds.path, "--out", out.path, "--force"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("\(out.path) holds files CareMatch did not write (notes.txt)"), r.stderr)
        XCTAssertEqual(try CLI.snapshot(out), before)
        // A folder of one's own documents, never stamped.
        let docs = CLI.tempDir()
        try "x".write(to: docs.appendingPathComponent("letter.docx"), atomically: true, encoding: .utf8)
        let d = try CLI.run(["plan", ds.path, "--out", docs.path, "--force"])
        XCTAssertEqual(d.status, 2)
        XCTAssertTrue(d.stderr.contains("\(docs.path) was not written by CareMatch (no .carematch-output stamp) and holds letter.docx"), d.stderr)
        XCTAssertEqual(try CLI.names(docs), ["letter.docx"])
    }

    func testAFileEditedAfterCareMatchWroteItIsNeverReplaced() throws {
        let ds = try CLI.tinyCopy()
        let out = CLI.tempDir().appendingPathComponent("p")
        XCTAssertEqual(try CLI.run(["plan", ds.path, "--out", out.path, "--quiet"]).status, 0)
        try Self.append("C99,M1,lead,0,false,false\r\n", to: out.appendingPathComponent("pairings.csv"))
        let r = try CLI.run(["plan", ds.path, "--out", out.path, "--force"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("holds files changed since CareMatch wrote them (pairings.csv)"), r.stderr)
        XCTAssertTrue(try String(contentsOf: out.appendingPathComponent("pairings.csv"), encoding: .utf8).contains("C99"))
    }

    func testAFolderCareMatchWroteIsReplacedOnlyWithForce() throws {
        let ds = try CLI.tinyCopy()
        let parent = CLI.tempDir()
        let out = parent.appendingPathComponent("p")
        XCTAssertEqual(try CLI.run(["plan", ds.path, "--out", out.path, "--excel", "--quiet"]).status, 0)
        let excel = try CLI.snapshot(out)
        // Without --force: exit 2 before any work — even an invalid dataset is not read.
        let broken = try CLI.tinyCopy()
        try FileManager.default.removeItem(at: broken.appendingPathComponent("moms.csv"))
        let refused = try CLI.run(["plan", broken.path, "--out", out.path])
        XCTAssertEqual(refused.status, 2, "the --out check comes before loading: \(refused.stderr)")
        XCTAssertTrue(refused.stderr.contains("\(out.path) already exists (written by CareMatch); use --force to replace it"), refused.stderr)
        XCTAssertEqual(try CLI.snapshot(out), excel)
        // With --force: replaced (no byte-order mark any more), stamp renewed, nothing left beside it.
        let r = try CLI.run(["plan", ds.path, "--out", out.path, "--force", "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertNotEqual(Array(try Data(contentsOf: out.appendingPathComponent("pairings.csv")).prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(try CLI.sha256sumCheck(out).status, 0)
        XCTAssertEqual(try CLI.names(parent), ["p"])
    }

    func testAPlanFolderWithoutAStampIsNotReplaced() throws {
        // A folder with a plan's names but no stamp (an older CareMatch, or copied by hand).
        let ds = try CLI.tinyCopy()
        let out = CLI.tempDir().appendingPathComponent("p")
        XCTAssertEqual(try CLI.run(["plan", ds.path, "--out", out.path, "--quiet"]).status, 0)
        try FileManager.default.removeItem(at: out.appendingPathComponent(OutputStamp.fileName))
        let r = try CLI.run(["plan", ds.path, "--out", out.path, "--force"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("was not written by CareMatch (no .carematch-output stamp)"), r.stderr)
    }

    // MARK: warnings

    func testOnlyTheFirstTwentyWarningsArePrintedThenACount() throws {
        let ds = try CLI.tinyCopy()
        // 25 more children far east of every mom: each one a "no mom within reach" warning.
        var rows = ""
        for i in 1...25 { rows += "F\(i),left_behind,Kecheng,荷花街道,28.9,119.5,8,,0,\n" }
        try Self.append(rows, to: ds.appendingPathComponent("children.csv"))
        let v = try CLI.run(["validate", ds.path])
        XCTAssertEqual(v.status, 0, v.stdout)
        let all = v.stdout.split(separator: "\n").filter { $0.contains(": warning: ") }.map(String.init)
        XCTAssertGreaterThanOrEqual(all.count, 26)
        let r = try CLI.run(["plan", ds.path, "--out", CLI.tempDir().appendingPathComponent("p").path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let printed = r.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(printed.filter { $0.contains(": warning: ") }, Array(all.prefix(20)), "the first 20, in validate's order")
        XCTAssertTrue(printed.contains("… and \(all.count - 20) more warnings (see summary.json)"), r.stderr)
    }

    // MARK: compare, whatif, generate

    func testCompareWritesAStampedFolderAndRefusesTheDatasetFolder() throws {
        let ds = try CLI.tinyCopy()
        let parent = CLI.tempDir()
        let out = parent.appendingPathComponent("cmp")
        let r = try CLI.run(["compare", ds.path, "--out", out.path, "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("Comparison for ft written to \(out.path)"), r.stdout)
        let plan = ["allocations.csv", "alternatives.csv", "county_summary.csv", "deliveries.csv", "mom_assignments.csv", "organization_totals.csv",
                    "pairings.csv", "report.html", "summary.json", "unmet.csv"]
        XCTAssertEqual(try CLI.fileNames(out), ["comparison.csv", "comparison.html"] + plan.map { "optimized/" + $0 } + ["violations.csv"])
        XCTAssertEqual(try CLI.sha256sumCheck(out).status, 0)
        XCTAssertTrue(r.stderr.contains("warning: child 'C10'"), r.stderr)
        let again = try CLI.run(["compare", ds.path, "--out", out.path])
        XCTAssertEqual(again.status, 2)
        XCTAssertEqual(try CLI.run(["compare", ds.path, "--out", out.path, "--force", "--quiet"]).status, 0)
        let before = try CLI.snapshot(ds)
        let own = try CLI.run(["compare", ds.path, "--out", ds.path, "--force"])
        XCTAssertEqual(own.status, 2)
        XCTAssertTrue(own.stderr.contains("is the dataset folder"), own.stderr)
        // The hand-made plan given as a file is an input too.
        let pairs = out.appendingPathComponent("comparison.csv")
        let input = try CLI.run(["compare", ds.path, "--pairings", pairs.path, "--out", out.path, "--force"])
        XCTAssertEqual(input.status, 2)
        XCTAssertTrue(input.stderr.contains("contains the --pairings file"), input.stderr)
        XCTAssertEqual(try CLI.snapshot(ds), before)
        XCTAssertEqual(try CLI.names(parent), ["cmp"])
    }

    func testWhatIfWritesAStampedFolderAndRefusesBeforeSolving() throws {
        let ds = try CLI.tinyCopy()
        let parent = CLI.tempDir()
        let scenarios = try CLI.scenarioFile(in: parent)
        let out = parent.appendingPathComponent("w")
        let r = try CLI.run(["whatif", ds.path, "--scenarios", scenarios.path, "--out", out.path, "--quiet", "--threads", "1"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(try CLI.fileNames(out).contains("baseline/pairings.csv"))
        XCTAssertTrue(try CLI.fileNames(out).contains("no-org1/summary.json"))
        XCTAssertEqual(try CLI.stampedNames(out), try CLI.fileNames(out))
        XCTAssertEqual(try CLI.sha256sumCheck(out).status, 0)
        XCTAssertTrue(r.stderr.contains("warning: child 'C10'"), r.stderr)
        // The folder holding the scenario file, and the dataset folder: refused.
        for (target, reason) in [(parent.path, "contains the scenario file"), (ds.path, "is the dataset folder")] {
            let x = try CLI.run(["whatif", ds.path, "--scenarios", scenarios.path, "--out", target, "--force"])
            XCTAssertEqual(x.status, 2)
            XCTAssertTrue(x.stderr.contains(reason), x.stderr)
        }
        // A scenario with an error would exit 1 — but an existing --out is found first (exit 2).
        try "[[scenario]]\nname = \"bad\"\nremove_organizations = [\"ORG9\"]\n".write(to: scenarios, atomically: true, encoding: .utf8)
        let exists = try CLI.run(["whatif", ds.path, "--scenarios", scenarios.path, "--out", out.path])
        XCTAssertEqual(exists.status, 2, exists.stderr)
        let invalid = try CLI.run(["whatif", ds.path, "--scenarios", scenarios.path, "--out", out.path, "--force"])
        XCTAssertEqual(invalid.status, 1, invalid.stderr)
        XCTAssertEqual(try CLI.sha256sumCheck(out).status, 0, "the earlier folder is untouched")
    }

    func testGenerateWritesAStampedDatasetThatPlanNeverOverwrites() throws {
        let parent = CLI.tempDir()
        let g = parent.appendingPathComponent("g")
        let r = try CLI.run(["generate", "--scale", "0.01", "--seed", "3", "--out", g.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("wrote \(g.path): "), r.stdout)
        XCTAssertEqual(try CLI.stampedNames(g), try CLI.fileNames(g))
        XCTAssertEqual(try CLI.sha256sumCheck(g).status, 0)
        XCTAssertEqual(try CLI.run(["validate", g.path]).status, 0)
        XCTAssertEqual(try CLI.run(["generate", "--scale", "0.01", "--out", g.path]).status, 2)
        XCTAssertEqual(try CLI.run(["generate", "--scale", "0.01", "--seed", "3", "--out", g.path, "--force"]).status, 0)
        // Stamped by CareMatch, but the dataset of this run: never replaced by its plan.
        let p = try CLI.run(["plan", g.path, "--out", g.path, "--force"])
        XCTAssertEqual(p.status, 2)
        XCTAssertTrue(p.stderr.contains("is the dataset folder"), p.stderr)
        // Edited by hand afterwards: generate no longer replaces it.
        try Self.append("\r\n", to: g.appendingPathComponent("needs.csv"))
        let before = try CLI.snapshot(g)
        let edited = try CLI.run(["generate", "--scale", "0.01", "--out", g.path, "--force"])
        XCTAssertEqual(edited.status, 2)
        XCTAssertTrue(edited.stderr.contains("changed since CareMatch wrote them (needs.csv)"), edited.stderr)
        let dot = try CLI.run(["generate", "--scale", "0.01", "--out", ".", "--force"], cwd: parent)
        XCTAssertEqual(dot.status, 2)
        XCTAssertTrue(dot.stderr.contains("is the current working directory"), dot.stderr)
        XCTAssertEqual(try CLI.snapshot(g), before)
        XCTAssertEqual(try CLI.names(parent), ["g"])
    }

    // MARK: helpers

    static func replace(in file: URL, _ old: String, with new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(file.lastPathComponent) lacks \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    static func append(_ text: String, to file: URL) throws {
        let h = try FileHandle(forWritingTo: file)
        try h.seekToEnd()
        try h.write(contentsOf: Data(text.utf8))
        try h.close()
    }
}

import XCTest
import Foundation
@testable import CareMatch

final class DatasetWriterTests: XCTestCase {
    func tempDir() throws -> URL {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("cm-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: u) }
        return u
    }

    func testHeadersAndRowCounts() throws {
        let d = DatasetGenerator(scale: 0.05, seed: 5).generate()
        let dir = try tempDir().appendingPathComponent("out")
        try DatasetWriter().write(d, to: dir)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        XCTAssertEqual(names, [".carematch-output", "catalog.csv", "children.csv", "manual_allocations.csv", "manual_pairings.csv",
                               "moms.csv", "needs.csv", "offers.csv", "organizations.csv"])
        let expected: [String: (String, Int)] = [
            "children.csv": ("child_id,group,county,township,lat,lon,age,interests,supporters_wanted,paired_mom_id", d.children.count),
            "moms.csv": ("mom_id,county,township,lat,lon,capacity,skills,max_km,alliance_member", d.moms.count),
            "organizations.csv": ("org_id,name,kind,county", d.organizations.count),
            "catalog.csv": ("category,resource,unit,unit_cost_yuan,integral", d.catalog.count),
            "offers.csv": ("offer_id,org_id,resource,category,quantity,county,serves,eligible_groups", d.offers.count),
            "needs.csv": ("need_id,child_id,category,quantity,priority", d.needs.count),
            "manual_pairings.csv": ("child_id,mom_id,role", d.manualPairings!.count),
            "manual_allocations.csv": ("source_id,need_id,units", d.manualAllocations!.count),
        ]
        for (name, (header, count)) in expected {
            let data = try Data(contentsOf: dir.appendingPathComponent(name))
            let text = String(decoding: data, as: UTF8.self)
            XCTAssertTrue(text.hasSuffix("\r\n"), name)
            let lines = text.components(separatedBy: "\r\n").dropLast()
            XCTAssertEqual(lines.first, header, name)
            XCTAssertEqual(lines.count, count + 1, name)
            let columns = header.split(separator: ",").count
            for l in lines { XCTAssertEqual(l.split(separator: ",", omittingEmptySubsequences: false).count, columns, "\(name): \(l)") }
        }
        // Spot-check one row of each kind against the model.
        let rows = GenerationChecks.rows(try Data(contentsOf: dir.appendingPathComponent("children.csv")))
        XCTAssertEqual(rows[1][0], d.children[0].id)
        XCTAssertEqual(Double(rows[1][4]), d.children[0].location.lat)
        XCTAssertEqual(rows[1][7], d.children[0].interests.joined(separator: ";"))
        let offers = GenerationChecks.rows(try Data(contentsOf: dir.appendingPathComponent("offers.csv")))
        XCTAssertEqual(offers[1], ["OF0001", "ORG001", "funds", "rehabilitation", "12500", "Kecheng", "city", "special_needs"])
    }

    func testRefusesExistingFolderUnlessOverwrite() throws {
        let base = try tempDir()
        let dir = base.appendingPathComponent("out")
        let d = DatasetGenerator(scale: 0.01, seed: 1).generate()
        try DatasetWriter().write(d, to: dir)
        XCTAssertThrowsError(try DatasetWriter().write(d, to: dir)) { e in
            XCTAssertEqual(e as? OutputFolderError, OutputFolderError(path: ResolvedPath.resolve(dir.path).path, reason: .exists))
        }
        let e = DatasetGenerator(scale: 0.01, seed: 2).generate()
        try DatasetWriter().write(e, to: dir, overwrite: true)
        let written = try Data(contentsOf: dir.appendingPathComponent("children.csv"))
        XCTAssertEqual(written, DatasetWriter().files(for: e).first { $0.name == "children.csv" }!.data)
        // Nothing temporary is left beside the target.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: base.path), ["out"])
        // The stamp lists every file written, with its SHA-256.
        let stamp = try XCTUnwrap(OutputStamp(text: String(contentsOf: dir.appendingPathComponent(OutputStamp.fileName), encoding: .utf8)))
        XCTAssertEqual(stamp.files.keys.sorted(), DatasetWriter().files(for: e).map(\.name).sorted())
        XCTAssertEqual(stamp.files["children.csv"], try OutputStamp.sha256(of: dir.appendingPathComponent("children.csv")))
        // A file of one's own added to it: never replaced.
        try Data("mine".utf8).write(to: dir.appendingPathComponent("notes.txt"))
        XCTAssertThrowsError(try DatasetWriter().write(d, to: dir, overwrite: true)) { err in
            XCTAssertEqual((err as? OutputFolderError)?.reason, .foreignFiles(["notes.txt"], stamped: true))
        }
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("children.csv")), written)
    }

    func testSettingsWrittenOnlyWhenChanged() {
        XCTAssertNil(DatasetWriter.settingsTOML(Settings()))
        var s = Settings()
        s.maxKm = 20; s.fundPenalty = 0.002
        XCTAssertEqual(DatasetWriter.settingsTOML(s),
                       "# Overrides of the default weights (contract section 4).\n\n[pairing]\nmax_km = 20.0\n\n[allocation]\nfund_penalty = 0.002\n")
        var d = Dataset(settings: s)
        d.manualPairings = nil
        XCTAssertEqual(DatasetWriter().files(for: d).map(\.name),
                       ["children.csv", "moms.csv", "organizations.csv", "catalog.csv", "offers.csv", "needs.csv", "settings.toml"])
    }

    func testByteOrderMarkAndEscaping() {
        var d = Dataset()
        d.organizations = [Organization(id: "ORG1", name: "=SUM(A1), \"x\"", kind: .individual, county: "Kaihua")]
        let files = DatasetWriter(byteOrderMark: true).files(for: d)
        let org = files.first { $0.name == "organizations.csv" }!.data
        XCTAssertEqual(Array(org.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(String(decoding: org.dropFirst(3), as: UTF8.self),
                       "org_id,name,kind,county\r\nORG1,\"'=SUM(A1), \"\"x\"\"\",individual,Kaihua\r\n")
    }
}

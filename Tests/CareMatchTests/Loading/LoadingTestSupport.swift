import CareMatch
import Foundation
import XCTest

/// A dataset folder in a temporary directory, starting from a small valid dataset; tests change one file.
final class TempDataset {
    let url: URL

    static let minimal: [String: String] = [
        "children.csv": """
            child_id,group,county,township,lat,lon,age,interests,supporters_wanted,paired_mom_id
            C1,left_behind,Kecheng,石室乡,28.97,118.87,9,reading;sports,1,M1
            C2,special_needs,Qujiang,,28.90,118.95,12,,0,

            """,
        "moms.csv": """
            mom_id,county,township,lat,lon,capacity,skills,max_km,alliance_member
            M1,Kecheng,,28.96,118.86,2,reading,,true
            M2,Qujiang,,28.91,118.94,1,,10,no

            """,
        "organizations.csv": """
            org_id,name,kind,county
            O1,衢州市妇联,public_institution,Kecheng
            O2,"Books, Inc.",enterprise,Qujiang

            """,
        "catalog.csv": """
            category,resource,unit,unit_cost_yuan,integral
            books,equipment,item,30,true
            tutoring,people,hour,80,false
            activity_venue,venue,session,,true

            """,
        "offers.csv": """
            offer_id,org_id,resource,category,quantity,county,serves,eligible_groups
            F1,O1,funds,any,20000,Kecheng,city,all
            B1,O2,equipment,books,50,Qujiang,Kecheng;Qujiang,
            T1,O1,people,tutoring,10.5,Kecheng,county,left_behind

            """,
        "needs.csv": """
            need_id,child_id,category,quantity,priority
            N1,C1,books,3,4
            N2,C1,tutoring,5,
            N3,C2,books,2,5

            """,
    ]

    init(name: String = "round-\(UUID().uuidString.prefix(8))", files: [String: String] = TempDataset.minimal) {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("carematch-tests-\(UUID().uuidString)")
            .appendingPathComponent(name)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (f, text) in files { write(f, text) }
    }

    deinit { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }

    func write(_ file: String, _ text: String) { writeData(file, Data(text.utf8)) }
    func writeData(_ file: String, _ data: Data) { try! data.write(to: url.appendingPathComponent(file)) }
    func remove(_ file: String) { try! FileManager.default.removeItem(at: url.appendingPathComponent(file)) }
    func text(_ file: String) -> String { TempDataset.minimal[file]! }

    /// Replaces `old` by `new` in one file of the minimal dataset.
    func replace(_ file: String, _ old: String, _ new: String, line: UInt = #line) {
        let t = (try? String(contentsOf: url.appendingPathComponent(file), encoding: .utf8)) ?? ""
        XCTAssertTrue(t.contains(old), "'\(old)' not in \(file)", line: line)
        write(file, t.replacingOccurrences(of: old, with: new))
    }

    /// Appends one line to a file.
    func append(_ file: String, _ row: String) {
        let t = (try? String(contentsOf: url.appendingPathComponent(file), encoding: .utf8)) ?? ""
        write(file, t + row + "\n")
    }

    func read() -> LoadResult { DatasetLoader.read(folder: url) }
}

/// Asserts that `diags` holds a diagnostic of this severity at file/line/column whose message contains `text`.
@discardableResult
func assertDiagnostic(_ diags: [Diagnostic], _ severity: Diagnostic.Severity = .error, file: String, line: Int?,
                      column: String?, contains text: String = "", sourceLine: UInt = #line) -> Diagnostic? {
    let found = diags.first {
        $0.severity == severity && $0.file == file && $0.line == line && $0.column == column
            && (text.isEmpty || $0.message.localizedCaseInsensitiveContains(text))
    }
    XCTAssertNotNil(found, "no \(severity) at \(file):\(line.map(String.init) ?? "-") column \(column ?? "-") containing '\(text)'; got:\n" + diags.map { "  " + $0.description }.joined(separator: "\n"), line: sourceLine)
    return found
}

/// Asserts that reading the dataset gives exactly one error, there, and returns it.
@discardableResult
func assertSingleError(_ ds: TempDataset, file: String, line: Int?, column: String?, contains text: String = "",
                       sourceLine: UInt = #line) -> Diagnostic? {
    let r = ds.read()
    XCTAssertEqual(r.errors.count, 1, "errors: \n" + r.errors.map { "  " + $0.description }.joined(separator: "\n"), line: sourceLine)
    return assertDiagnostic(r.errors, file: file, line: line, column: column, contains: text, sourceLine: sourceLine)
}

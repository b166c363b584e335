import CareMatch
import Foundation
import XCTest

/// A point far from all others is a warning that names the likely typo.
final class CoordinateOutlierTests: XCTestCase {
    /// 40 children and 20 moms around Quzhou (28.9–29.0 N, 118.8–118.95 E), on a fixed lattice.
    func cluster() -> (children: String, moms: String) {
        var c = "child_id,group,county,lat,lon\n", m = "mom_id,county,lat,lon,capacity\n"
        for i in 0..<40 { c += "C\(i),left_behind,Kecheng,\(28.9 + Double(i % 8) * 0.012),\(118.8 + Double(i / 8) * 0.03)\n" }
        for i in 0..<20 { m += "M\(i),Kecheng,\(28.905 + Double(i % 5) * 0.02),\(118.81 + Double(i / 5) * 0.035),2\n" }
        return (c, m)
    }

    func dataset(childrenExtra: String = "", momsExtra: String = "") -> TempDataset {
        let (c, m) = cluster()
        var files = TempDataset.minimal
        files["children.csv"] = c + childrenExtra
        files["moms.csv"] = m + momsExtra
        files["needs.csv"] = "need_id,child_id,category,quantity\nN1,C1,books,1\n"
        return TempDataset(files: files)
    }

    func testDroppedDigitInLongitudeIsNamedWithTheCorrection() {
        let r = dataset(childrenExtra: "X1,special_needs,Kecheng,28.95,18.53\n").read()
        XCTAssertEqual(r.errors, [])
        let w = assertDiagnostic(r.warnings, .warning, file: "children.csv", line: 42, column: "lon",
                                 contains: "did you mean lon 118.53 instead of 18.53")
        // The distance it names is the true distance to the nearest other point, computed here.
        let (c, m) = cluster()
        let all = TempDataset.points(c) + TempDataset.points(m)
        let nearest = all.map { Distance.km(GeoPoint(lat: 28.95, lon: 18.53), $0) }.min()!
        XCTAssertTrue(w?.message.contains("it is \(ValueRange.format(nearest, maxDecimals: 0)) km from the nearest other child or mom") ?? false, w?.message ?? "")
        // It replaces "no mom within reach" for that child.
        XCTAssertFalse(r.warnings.contains { $0.line == 42 && $0.message.contains("no mom within reach") })
    }

    func testDroppedDigitInLatitudeOfAMomIsNamedAndOutOfRangeIsAnError() {
        let r = dataset(momsExtra: "MX,Kecheng,289.3,118.85,1\n").read()
        // 289.3 is out of range: an error, not an outlier.
        assertDiagnostic(r.errors, file: "moms.csv", line: 22, column: "lat", contains: "out of range")
        let r2 = dataset(momsExtra: "MX,Kecheng,2.93,118.85,1\n").read()
        assertDiagnostic(r2.warnings, .warning, file: "moms.csv", line: 22, column: "lat", contains: "did you mean lat 28.93 instead of 2.93")
    }

    func testSwappedLatitudeAndLongitudeOutOfRangeSaysSo() {
        let r = dataset(childrenExtra: "X1,left_behind,Kecheng,118.85,28.95\n").read()
        assertDiagnostic(r.errors, file: "children.csv", line: 42, column: "lat", contains: "lat and lon look swapped")
    }

    func testSignFlipIsNamed() {
        let r = dataset(childrenExtra: "X1,left_behind,Kecheng,-28.95,118.85\n").read()
        assertDiagnostic(r.warnings, .warning, file: "children.csv", line: 42, column: "lat", contains: "did you mean lat 28.95 instead of -28.95")
    }

    func testPointFarFromItsCountyButAmongAnotherIsAWarningWithTheCorrection() {
        // Ten Kaihua moms 45 km west of Kecheng; a Kecheng child typed 118.38 for 118.83 lands among them.
        var kaihua = ""
        for i in 0..<10 { kaihua += "K\(i),Kaihua,\(29.1 + Double(i % 5) * 0.01),\(118.35 + Double(i / 5) * 0.05),1\n" }
        let r = dataset(childrenExtra: "X1,left_behind,Kecheng,28.95,118.38\n", momsExtra: kaihua).read()
        XCTAssertEqual(r.errors, [])
        let w = assertDiagnostic(r.warnings, .warning, file: "children.csv", line: 42, column: "lon",
                                 contains: "from the middle of Kecheng's points")
        XCTAssertTrue(w?.message.contains("it lies among the points of Kaihua; did you mean lon 118.8") ?? false, w?.message ?? "")
        // No other point of the dataset is flagged.
        XCTAssertEqual(r.warnings.filter { $0.message.contains("middle of") || $0.message.contains("far from all") }.count, 1, r.warnings.description)
    }

    func testSparseDatasetsAreNotFlagged() throws {
        // Two far-apart groups of three: every point has neighbours, nothing is isolated.
        var files = TempDataset.minimal
        files["children.csv"] = "child_id,group,county,lat,lon\nC1,left_behind,A,28.9,118.8\nC2,left_behind,A,28.91,118.8\nC3,left_behind,B,39.9,116.4\n"
        files["moms.csv"] = "mom_id,county,lat,lon,capacity\nM1,A,28.9,118.81,1\nM2,B,39.91,116.4,1\nM3,B,39.9,116.41,1\n"
        files["needs.csv"] = "need_id,child_id,category,quantity\nN1,C1,books,1\n"
        files["organizations.csv"] = "org_id,name,kind,county\nO1,x,enterprise,A\nO2,y,enterprise,A\n"
        files["offers.csv"] = "offer_id,org_id,resource,category,quantity,county\nF1,O1,funds,any,100,A\n"
        let r = TempDataset(files: files).read()
        XCTAssertEqual(r.errors, [])
        XCTAssertFalse(r.warnings.contains { $0.message.contains("far from all others") }, r.warnings.description)
    }
}

extension TempDataset {
    /// The lat/lon of each row of a `…,lat,lon[,capacity]` file written by `CoordinateOutlierTests.cluster`.
    static func points(_ csv: String) -> [GeoPoint] {
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first, let la = header.firstIndex(of: "lat"), let lo = header.firstIndex(of: "lon") else { return [] }
        return lines.dropFirst().map { GeoPoint(lat: Double($0[la])!, lon: Double($0[lo])!) }
    }
}

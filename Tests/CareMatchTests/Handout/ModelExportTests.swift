import XCTest
import GLPK
@testable import CareMatch

/// `--export-model`'s files, read back by GLPK as another solver would read them: each carries
/// its sense (maximize) and its optimum is the plan's (pairing and allocation scores).
final class ModelExportTests: XCTestCase {
    func testExportedModelsReadBackAsMaximizationsWithThePlansOptimum() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carematch-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let d = try DatasetLoader.load(folder: Workflow.tiny)
        var options = PlannerOptions()
        options.pairing.exportDirectory = dir.path
        try AllocationSolver.exportModel(d, to: dir)
        let plan = try Planner.plan(d, options: options)

        for name in ["allocation.mps", "allocation.lp"] {
            let path = dir.appendingPathComponent(name).path
            let p = name.hasSuffix(".mps") ? try Problem(readingMPS: path) : try Problem(readingCPLEXLP: path)
            XCTAssertEqual(p.direction, .maximize, name)
            let r = try p.intopt(MIPOptions())
            XCTAssertEqual(try XCTUnwrap(r.objective, name), plan.allocation.score, accuracy: 1e-6 * max(1, abs(plan.allocation.score)), name)
        }
        // The pairing files hold the final restricted LP: column generation stopped because no
        // left-out pair prices out, so its optimum is the pairing's optimum, in the exact
        // integer score units of `ScoreScale` (here 1/100 point).
        for name in ["pairing.mps", "pairing.lp"] {
            let path = dir.appendingPathComponent(name).path
            let p = name.hasSuffix(".mps") ? try Problem(readingMPS: path) : try Problem(readingCPLEXLP: path)
            XCTAssertEqual(p.direction, .maximize, name)
            XCTAssertTrue(try p.simplex().isOptimal, name)
            let units = Double(plan.pairing.evaluation.scoreUnits)
            XCTAssertEqual(p.objectiveValue, units, accuracy: 1e-6 * max(1, abs(units)), name)
            XCTAssertEqual(p.objectiveValue / Double(plan.pairing.evaluation.scale.unitsPerPoint), plan.pairing.evaluation.score, accuracy: 1e-6, name)
        }
        XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("allocation.mps"), encoding: .utf8).contains("\nOBJSENSE\n    MAX\nROWS"))
    }
}

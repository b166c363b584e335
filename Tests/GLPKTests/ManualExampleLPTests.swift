@testable import GLPK
import XCTest

final class ManualExampleLPTests: XCTestCase {
    func testSimplexFindsTheManualOptimumAndDuals() throws {
        let p = try makeManualExample()
        let status = try p.simplex()
        XCTAssertTrue(status.isOptimal)
        XCTAssertEqual(status.primal, .feasible)
        XCTAssertEqual(status.dual, .feasible)
        XCTAssertGreaterThan(status.iterations, 0)
        assertManualExampleOptimum(p)
        // Reduced cost of x3: 4 − (10/3·1 + 2/3·5 + 0·6) = −8/3.
        XCTAssertEqual(p.reducedCosts()[2], -8.0 / 3, accuracy: 1e-6)
        XCTAssertEqual(p.rowValues()[0], 100, accuracy: 1e-6)
        XCTAssertEqual(p.columnStatus(2), .lowerBound)
        XCTAssertEqual(p.rowStatus(2), .basic)
    }

    func testSimplexSolutionPassesTheKKTCertificate() throws {
        let p = try makeManualExample()
        _ = try p.simplex(SimplexOptions(method: .dual, presolve: true))
        let cert = try LPCertificate.check(p)
        XCTAssertTrue(cert.isOptimal(tolerance: 1e-7), "\(cert)")
        XCTAssertEqual(cert.dualObjective, 2200.0 / 3, accuracy: 1e-6)
    }

    func testInteriorPointFindsTheManualOptimum() throws {
        let p = try makeManualExample()
        let status = try p.interior()
        XCTAssertEqual(status.termination, .ok)
        XCTAssertEqual(status.status, .optimal)
        assertManualExampleOptimum(p, accuracy: 1e-5)
        let cert = try LPCertificate.check(p)
        XCTAssertTrue(cert.isOptimal(tolerance: 1e-5), "\(cert)")
    }

    func testCertificateRejectsAWrongSolution() throws {
        // The certificate must be able to fail: a feasible but suboptimal point with zero duals.
        let p = try makeManualExample()
        _ = try p.simplex()
        let cert = LPCertificate.check(
            direction: .maximize, objective: [10, 6, 4], matrix: p.matrix(),
            rowBounds: [.upper(100), .upper(600), .upper(300)], columnBounds: Array(repeating: .lower(0), count: 3),
            columnValues: [10, 10, 10], rowDuals: [0, 0, 0])
        XCTAssertEqual(cert.primalInfeasibility, 0)
        XCTAssertFalse(cert.isOptimal())
        XCTAssertGreaterThan(cert.dualInfeasibility, 1)
    }

    func testCoefficientRangingContainsTheCurrentCoefficient() throws {
        let p = try makeManualExample()
        _ = try p.simplex()
        let range = try p.analyzeCoefficient(column: 0)
        XCTAssertLessThanOrEqual(range.lower, 10)
        XCTAssertGreaterThanOrEqual(range.upper, 10)
        // x3 is non-basic at 0: its bound can be ranged; x1 is basic: it cannot.
        let b = try p.analyzeBound(column: 2)
        XCTAssertLessThanOrEqual(b.lower, 0)
        XCTAssertGreaterThanOrEqual(b.upper, 0)
        XCTAssertThrowsError(try p.analyzeBound(column: 0))
    }

    func testSensitivityBeforeSolvingThrows() throws {
        let p = try makeManualExample()
        XCTAssertThrowsError(try p.analyzeCoefficient(column: 0)) { error in
            guard case GLPKError.notAvailable = error else { return XCTFail("\(error)") }
        }
    }
}

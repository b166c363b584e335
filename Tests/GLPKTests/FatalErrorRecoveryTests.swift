@testable import GLPK
import XCTest

final class FatalErrorRecoveryTests: XCTestCase {
    func testCaughtFatalErrorLeavesTheProcessAliveAndLaterProblemsWork() throws {
        let generation = GLPKEnvironment.generation
        let doomed = try makeManualExample()
        let survivorOfOtherKind = FlowNetwork()
        // Deliberately bypass validation: a duplicate (1, 1) element makes glp_load_matrix fail fatally.
        XCTAssertThrowsError(try doomed.loadMatrixUnchecked(ia: [0, 1, 1], ja: [0, 1, 1], ar: [0, 1, 2])) { error in
            guard case GLPKError.fatal(let message) = error else { return XCTFail("expected fatal, got \(error)") }
            XCTAssertTrue(message.contains("duplicate"), message)
        }
        XCTAssertNotEqual(GLPKEnvironment.generation, generation)
        // Objects of the freed environment are dead but safe: they throw and their deinit skips GLPK.
        XCTAssertFalse(doomed.isUsable)
        XCTAssertThrowsError(try doomed.addRows(1)) { XCTAssertEqual($0 as? GLPKError, .environmentFreed) }
        XCTAssertThrowsError(try survivorOfOtherKind.addNode()) { XCTAssertEqual($0 as? GLPKError, .environmentFreed) }

        // A new problem on the same thread works normally.
        let fresh = try makeManualExample()
        XCTAssertTrue(try fresh.simplex().isOptimal)
        assertManualExampleOptimum(fresh)
    }

    func testExplicitEnvironmentFreeInvalidatesObjects() throws {
        let p = try makeManualExample()
        GLPKEnvironment.free()
        XCTAssertFalse(p.isUsable)
        XCTAssertThrowsError(try p.simplex())
        let q = try makeKnapsack()
        XCTAssertEqual(try q.intopt().objective ?? .nan, 21, accuracy: tolerance)
    }

    func testEnvironmentsArePerThread() throws {
        // A problem on another thread survives this thread's environment being freed, and vice versa.
        let done = expectation(description: "worker")
        let result = LockedBox<Double?>(nil)
        let worker = Thread {
            do {
                let p = try makeManualExample()
                _ = try p.simplex()
                result.set(p.objectiveValue)
            } catch {}
            GLPKEnvironment.free()
            done.fulfill()
        }
        let mine = try makeManualExample()
        worker.start()
        wait(for: [done], timeout: 30)
        XCTAssertTrue(mine.isUsable)
        XCTAssertTrue(try mine.simplex().isOptimal)
        XCTAssertEqual(try XCTUnwrap(result.get()), 2200.0 / 3, accuracy: 1e-6)
    }
}

/// A tiny lock-protected box for passing a value out of a worker thread.
final class LockedBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T
    init(_ value: T) { self.value = value }
    func set(_ v: T) { lock.lock(); value = v; lock.unlock() }
    func get() -> T { lock.lock(); defer { lock.unlock() }; return value }
}

@testable import GLPK
import XCTest

final class TerminalOutputTests: XCTestCase {
    func testHandlerReceivesGLPKLinesWhenAsked() throws {
        var lines: [String] = []
        let p = try makeManualExample()
        _ = try p.simplex(SimplexOptions(messageLevel: .normal, output: .handler { lines.append($0) }))
        XCTAssertFalse(lines.isEmpty)
        XCTAssertTrue(lines.contains { $0.contains("obj =") }, "\(lines)")
        XCTAssertFalse(lines.contains { $0.contains("\n") })
    }

    func testNoLinesWhenOutputIsOff() throws {
        var lines: [String] = []
        let p = try makeKnapsack()
        // A handler without a message level is never called.
        _ = try p.intopt(MIPOptions(messageLevel: .off, output: .handler { lines.append($0) }))
        XCTAssertEqual(lines, [])
    }
}

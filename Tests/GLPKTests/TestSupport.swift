@testable import GLPK
import XCTest

/// Tolerance for comparisons against known optima.
let tolerance = 1e-6

/// A repeatable random generator (SplitMix64) for seeded test instances.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The example LP of GLPK's reference manual (glpk.tex §1.3):
/// maximize 10x1 + 6x2 + 4x3 subject to
///   p:  x1 +  x2 +  x3 ≤ 100
///   q: 10x1 + 4x2 + 5x3 ≤ 600
///   r:  2x1 + 2x2 + 6x3 ≤ 300,  x ≥ 0.
/// Optimum z = 2200/3 at x = (100/3, 200/3, 0), row duals (10/3, 2/3, 0).
func makeManualExample() throws -> Problem {
    let p = Problem(name: "sample", direction: .maximize)
    try p.addRows(3)
    try p.addColumns(3)
    for (i, (name, ub)) in [("p", 100.0), ("q", 600.0), ("r", 300.0)].enumerated() {
        try p.setRowName(i, name)
        try p.setRowBounds(i, .upper(ub))
    }
    for (j, c) in [10.0, 6.0, 4.0].enumerated() {
        try p.setColumnName(j, "x\(j + 1)")
        try p.setColumnBounds(j, .lower(0))
        try p.setObjectiveCoefficient(j, c)
    }
    var a = SparseMatrix()
    let rows: [[Double]] = [[1, 1, 1], [10, 4, 5], [2, 2, 6]]
    for i in 0..<3 { for j in 0..<3 { a.append(row: i, column: j, value: rows[i][j]) } }
    try p.loadMatrix(a)
    return p
}

/// Asserts that `p` holds the known optimum of the manual example.
func assertManualExampleOptimum(_ p: Problem, checkDuals: Bool = true, accuracy: Double = tolerance,
                                file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(p.objectiveValue, 2200.0 / 3, accuracy: accuracy * 1000, file: file, line: line)
    let x = p.columnValues()
    XCTAssertEqual(x[0], 100.0 / 3, accuracy: accuracy * 100, file: file, line: line)
    XCTAssertEqual(x[1], 200.0 / 3, accuracy: accuracy * 100, file: file, line: line)
    XCTAssertEqual(x[2], 0, accuracy: accuracy * 100, file: file, line: line)
    if checkDuals {
        let y = p.rowDuals()
        XCTAssertEqual(y[0], 10.0 / 3, accuracy: accuracy * 100, file: file, line: line)
        XCTAssertEqual(y[1], 2.0 / 3, accuracy: accuracy * 100, file: file, line: line)
        XCTAssertEqual(y[2], 0, accuracy: accuracy * 100, file: file, line: line)
    }
}

func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory
        .appendingPathComponent("glpk-tests-\(ProcessInfo.processInfo.processIdentifier)-\(name)").path
}

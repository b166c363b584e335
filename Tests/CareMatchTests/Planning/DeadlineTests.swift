@testable import CareMatch
import XCTest

/// A plan stopped by its deadline is still a feasible plan with an honest status and a valid bound.
final class DeadlineTests: XCTestCase {
    func testAPlanPastItsDeadlineIsFeasibleNotClaimedOptimalAndBoundedAboveItsScore() throws {
        let d = DatasetGenerator(scale: 0.15, seed: 11).generate()
        var options = PlannerOptions()
        options.timeLimit = 1e-6
        let plan = try Planner.plan(d, options: options)
        // Pairing: the first round's flow, feasible, not proven, with a bound at least its score.
        let c = plan.pairing.certificate
        XCTAssertTrue(plan.pairing.evaluation.isFeasible)
        XCTAssertTrue(c.cutShortByDeadline)
        XCTAssertFalse(c.proven)
        XCTAssertGreaterThanOrEqual(c.dual, c.primal)
        // The bound really bounds: it is at least the proven optimum of the same data. It comes
        // from the mom prices reached (`PairingBound.lagrangian`), so it is tighter than the
        // coarse one.
        let optimum = try PairingSolver.solve(d)
        XCTAssertTrue(optimum.certificate.proven)
        XCTAssertGreaterThanOrEqual(c.dual + 1e-6, optimum.certificate.primal)
        XCTAssertLessThanOrEqual(c.primal, optimum.certificate.primal + 1e-6)
        let coarse = PairingBound.coarse(PairingInstance(dataset: d))
        XCTAssertLessThan(c.dual, coarse)
        // Allocation: nothing solved, so nothing claimed, and the bound is still valid.
        let a = plan.allocation
        XCTAssertNotEqual(a.status, .optimal)
        XCTAssertNil(a.failure)
        var o = AllocationOptions()
        o.marginals = false
        let best = try AllocationSolver.solve(d, options: o)
        XCTAssertGreaterThanOrEqual(a.bound + 1e-6, best.score)
        XCTAssertTrue(AllocationEvaluation(dataset: d, assignments: a.rows.map(\.assignment)).isFeasible)
        XCTAssertTrue(PlanTerminalSummary.render(plan, folder: "x", texts: Texts(.en)).contains("deadline"))
    }

    func testAPairingStoppedAtAnyOfItsChecksHandsOverTheOptimumOfThePairsItHolds() throws {
        // The deadline passes at each place the pairing checks it in turn: inside a warm round's
        // optimization (the round is dropped for the one before), inside pricing (what it found
        // is dropped), between rounds, or before GLPK's pricing. Whichever, the plan is feasible,
        // it is the optimum of the pairs it was chosen from (its prices satisfy complementary
        // slackness with it on them; GLPK, when given them, has no pivot left to do), and the
        // bound stated holds.
        let d = DatasetGenerator(scale: 0.1, seed: 13).generate()
        let optimum = try PairingSolver.solve(d)
        XCTAssertTrue(optimum.certificate.proven)
        var abandoned = 0, cut = 0, proven = 0
        for n in stride(from: 1, through: 56, by: 2) {
            var o = PairingOptions()
            o.deadline = .passing(atCheck: n)
            let s = try PairingSolver.solve(d, options: o)
            XCTAssertTrue(s.evaluation.isFeasible, "check \(n)")
            XCTAssertEqual(s.certificate.maxComplementarySlacknessViolation, 0, "check \(n): the plan is not the optimum of its pairs")
            XCTAssertEqual(s.statistics.simplexIterations, 0, "check \(n): GLPK had to improve the flow handed over")
            if s.certificate.proven {
                proven += 1
                XCTAssertEqual(s.evaluation.scoreUnits, optimum.evaluation.scoreUnits, "check \(n)")
                continue
            }
            cut += 1
            XCTAssertTrue(s.certificate.cutShortByDeadline, "check \(n)")
            XCTAssertLessThanOrEqual(s.evaluation.scoreUnits, optimum.evaluation.scoreUnits, "check \(n)")
            XCTAssertGreaterThanOrEqual(s.certificate.dual + 1e-6, optimum.certificate.primal, "check \(n)")
            if s.statistics.flowRoundAbandoned { abandoned += 1 }
        }
        XCTAssertGreaterThan(abandoned, 0, "no warm round was stopped in its optimization")
        XCTAssertGreaterThan(cut, abandoned, "no run was stopped elsewhere")
        XCTAssertGreaterThan(proven, 0, "the sweep never reached the end of the pairing")
    }

    func testAGenerousDeadlineChangesNothing() throws {
        let d = DatasetGenerator(scale: 0.1, seed: 12).generate()
        var generous = PlannerOptions()
        generous.timeLimit = 3600
        let a = try Planner.plan(d, options: generous)
        let b = try Planner.plan(d)
        XCTAssertTrue(a.pairing.certificate.proven)
        XCTAssertEqual(a.allocation.status, .optimal)
        XCTAssertEqual(a.pairing.evaluation.pairs.map(\.mom), b.pairing.evaluation.pairs.map(\.mom))
        XCTAssertEqual(a.allocation.rows, b.allocation.rows)
        XCTAssertEqual(a.allocation.explanations.marginals, b.allocation.explanations.marginals)
    }

    func testTheTimeLimitCountsFromTheCommandsStartAndKeepsAShareForWhatFollowsTheSolves() throws {
        // The solves of a small dataset get 80 % of the limit, counted from the command's start.
        let d = DatasetGenerator(scale: 0.15, seed: 11).generate()
        let now = ContinuousClock.now
        let solving = TimeBudget(limit: 100, dataset: d, readSeconds: 50).solvingDeadline(from: now.advanced(by: .seconds(-50)))
        let left = try XCTUnwrap(solving.remainingSeconds)
        XCTAssertGreaterThan(left, 29); XCTAssertLessThanOrEqual(left, 30)
        XCTAssertTrue(TimeBudget(limit: 10, dataset: d, readSeconds: 8.1).solvingDeadline(from: now.advanced(by: .seconds(-8.1))).hasPassed)
        // A plan whose command started longer ago than its limit is cut short at once; the same
        // limit counted from now leaves it time to prove both parts.
        var late = PlannerOptions()
        late.timeLimit = 30
        late.startedAt = ContinuousClock.now.advanced(by: .seconds(-31))
        let cut = try Planner.plan(d, options: late)
        XCTAssertTrue(cut.pairing.certificate.cutShortByDeadline)
        XCTAssertNotEqual(cut.allocation.status, .optimal)
        late.startedAt = nil
        let whole = try Planner.plan(d, options: late)
        XCTAssertTrue(whole.pairing.certificate.proven)
        XCTAssertEqual(whole.allocation.status, .optimal)
        XCTAssertEqual(whole.timeBudget, TimeBudget(limit: 30, dataset: d, readSeconds: 0))
        XCTAssertFalse(PlanTerminalSummary.render(whole, folder: "x", texts: Texts(.en)).contains("Time limit"))
    }

    func testALimitShortForTheDatasetsSizeKeepsWhatReadingAndWritingItTakeAndSaysSo() throws {
        var d = DatasetGenerator(scale: 0.15, seed: 11).generate()
        let small = TimeBudget(limit: 100, dataset: d, readSeconds: 2)
        XCTAssertEqual(small.reservedSeconds, 20, accuracy: 1e-9)
        XCTAssertFalse(small.reserveExceedsShare)
        // 600,000 rows: the reserve follows the size, above a fifth of the limit.
        let rows = 600_000, children = rows - d.moms.count - d.needs.count
        d.children = (0..<children).map { d.children[$0 % d.children.count] }
        let big = TimeBudget(limit: 60, dataset: d, readSeconds: 5)
        XCTAssertEqual(big.reservedSeconds, TimeBudget.fixedSeconds + TimeBudget.secondsPerRow * Double(rows), accuracy: 1e-9)
        XCTAssertGreaterThan(big.reservedSeconds, 12)
        XCTAssertTrue(big.reserveExceedsShare)
        XCTAssertEqual(big.solvingSeconds, 60 - 5 - big.reservedSeconds, accuracy: 1e-9)
        let left = try XCTUnwrap(big.solvingDeadline(from: ContinuousClock.now.advanced(by: .seconds(-5))).remainingSeconds)
        XCTAssertEqual(left, big.solvingSeconds, accuracy: 0.5)
        XCTAssertEqual(TimeBudget(limit: 10, dataset: d, readSeconds: 5).solvingSeconds, 0)
        // A plan whose limit its size uses up is cut at once, and the terminal says what the solves had.
        let plain = DatasetGenerator(scale: 0.15, seed: 11).generate()
        var o = PlannerOptions()
        o.timeLimit = 2
        o.startedAt = ContinuousClock.now.advanced(by: .seconds(-1.5))
        let cut = try Planner.plan(plain, options: o)
        let b = try XCTUnwrap(cut.timeBudget)
        XCTAssertTrue(b.reserveExceedsShare)
        XCTAssertEqual(b.solvingSeconds, 0)
        XCTAssertTrue(cut.pairing.certificate.cutShortByDeadline)
        let text = PlanTerminalSummary.render(cut, folder: "x", texts: Texts(.en))
        XCTAssertTrue(text.contains("Time limit  2 s: reading, checking and writing this dataset take about"), text)
        XCTAssertTrue(text.contains("so the solves had 0 s"), text)
        // The allocation had no time for an LP: the empty plan, said as such (not as a gap).
        XCTAssertEqual(cut.allocation.status, .noSolution)
        XCTAssertTrue(text.contains("NO allocation found before the deadline"), text)
        XCTAssertFalse(text.contains("gap"), text)
        let summary = try JSONDecoder().decode(PlanSummary.self, from: cut.summary.json())
        XCTAssertEqual(summary.timeBudget, b)
    }
}

import Foundation
import GLPK

/// A scenario made ready to solve: its edited, checked dataset and notes.
public struct PreparedScenario: Sendable {
    public var scenario: Scenario
    public var dataset: Dataset
    public var notes: [String]
}

/// `carematch whatif`: scenarios read, applied and checked all before any is solved, then solved in
/// parallel (one `Thread` per solve, one GLPK environment per thread, results in scenario order).
public enum WhatIf {
    /// Reads the scenario file and prepares every scenario against `base`; throws `InvalidInput`
    /// with every problem of every scenario (nothing is solved then).
    public static func prepare(base: Dataset, scenarioFile url: URL, fileName: String? = nil) throws -> [PreparedScenario] {
        let name = fileName ?? url.lastPathComponent
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw InvalidInput([.error(name, "cannot read the scenario file: \(error.localizedDescription)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InvalidInput([.error(name, "the scenario file is not UTF-8 text; save it as UTF-8")])
        }
        return try prepare(base: base, text: text, file: name, baseDirectory: url.deletingLastPathComponent())
    }

    /// As above, from text.
    public static func prepare(base: Dataset, text: String, file: String, baseDirectory: URL) throws -> [PreparedScenario] {
        let (scenarios, parseDiags) = ScenarioFile.parse(text: text, file: file)
        var diags = parseDiags
        var out: [PreparedScenario] = []
        for sc in scenarios {
            let (d, notes, problems) = ScenarioEditor.apply(sc, to: base, scenarioFile: file, baseDirectory: baseDirectory)
            diags += problems
            out.append(PreparedScenario(scenario: sc, dataset: d, notes: notes))
        }
        if diags.contains(where: { $0.severity == .error }) { throw InvalidInput(diags.filter { $0.severity == .error }) }
        return out
    }

    /// Plans every dataset, at most `threads` solves at a time; results in input order. A
    /// pairing (or allocation) whose inputs are the same as an earlier dataset's is solved once
    /// and shared: the pairing reads only the children, moms and settings, the allocation only
    /// the children, needs, offers, catalog and settings (`PlanParts`), so equal inputs give the
    /// same solution. Each solve gets the plan's deadline from when it starts. The first error (in
    /// input order, the pairing's first) is thrown after every solve has finished.
    public static func solveAll(_ datasets: [Dataset], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                                options: PlannerOptions = PlannerOptions(),
                                finished: (@Sendable (Int) -> Void)? = nil) throws -> [PlanResult] {
        // Each part's limit counts from its own start: nothing of it was spent reading.
        let whole = { var o = options; o.startedAt = nil; return o }()
        let parts = PlanParts(datasets)
        let jobs = parts.jobs
        let pairings = ResultSlots<Planner.TimedPart<PairingSolution>>(count: datasets.count)
        let allocations = ResultSlots<Planner.TimedPart<AllocationSolution>>(count: datasets.count)
        let queue = WorkQueue(count: jobs.count)
        let progress = PartsDone(parts: parts, finished: finished)
        WorkerThreads.run(max(1, min(threads, jobs.count))) { _ in
            while let q = queue.next() {
                let job = jobs[q]
                let d = datasets[job.dataset]
                let deadline = Planner.budget(d, options: whole).solvingDeadline(from: .now)
                switch job.part {
                case .pairing: pairings.store(job.dataset, Planner.solvePairing(d, options: options, deadline: deadline))
                case .allocation: allocations.store(job.dataset, Planner.solveAllocation(d, options: options, deadline: deadline))
                }
                progress.done(job)
            }
        }
        let p = pairings.values, a = allocations.values
        return try datasets.indices.map { i in
            let pairing = p[parts.pairingSource[i]]!, allocation = a[parts.allocationSource[i]]!
            var plan = try Planner.assemble(datasets[i], pairing, allocation, total: max(pairing.seconds, allocation.seconds))
            // Each part had this budget (nothing read within it), counted from the part's start.
            let budget = Planner.budget(datasets[i], options: whole)
            plan.timeBudget = budget
            return try Planner.applyOverrides(plan, options: options, deadline: budget.solvingDeadline(from: .now))
        }
    }

    /// Calls `finished(i)` once both parts of dataset `i` are solved.
    final class PartsDone: @unchecked Sendable {
        private let lock = NSLock()
        private let parts: PlanParts
        private let finished: (@Sendable (Int) -> Void)?
        private var solved = Set<PlanParts.Job>()
        init(parts: PlanParts, finished: (@Sendable (Int) -> Void)?) { self.parts = parts; self.finished = finished }
        func done(_ job: PlanParts.Job) {
            lock.lock()
            solved.insert(job)
            let complete = parts.datasets(completedBy: job, solved: solved)
            lock.unlock()
            for i in complete { finished?(i) }
        }
    }
}

/// The baseline plan and every scenario's plan, compared figure by figure.
public struct WhatIfResult: Sendable {
    public let baseline: PlanResult
    public let scenarios: [(scenario: PreparedScenario, plan: PlanResult)]

    /// Metric keys in order (the baseline's first, then new keys of scenarios as they come).
    public let keys: [String]
    public let labels: [String: String]
    public let higherIsBetter: [String: Bool]
    public let decimals: [String: Int]
    /// values[0] is the baseline, values[k] scenario k-1; nil where a scenario lacks the figure.
    public let values: [[String: Double]]

    public init(baseline: PlanResult, scenarios: [(scenario: PreparedScenario, plan: PlanResult)]) {
        self.baseline = baseline
        self.scenarios = scenarios
        var keys: [String] = [], labels: [String: String] = [:], higher: [String: Bool] = [:], dec: [String: Int] = [:]
        var values: [[String: Double]] = []
        for plan in [baseline] + scenarios.map(\.plan) {
            var v: [String: Double] = [:]
            for m in PlanMetrics.of(plan, detailed: true) {
                if labels[m.key] == nil { keys.append(m.key); labels[m.key] = m.label; higher[m.key] = m.higherIsBetter; dec[m.key] = m.decimals }
                v[m.key] = m.value
            }
            values.append(v)
        }
        // Put the score rows last even when scenarios add keys.
        let scores = ["pairing_score", "allocation_score"]
        self.keys = keys.filter { !scores.contains($0) } + scores
        self.labels = labels; self.higherIsBetter = higher; self.decimals = dec; self.values = values
    }

    /// `comparison.csv`: `scenario,metric,label,baseline,value,delta`, one row per scenario and figure.
    public func comparisonCSV(byteOrderMark: Bool = false) -> CSVWriter {
        var w = CSVWriter(header: ["scenario", "metric", "label", "baseline", "value", "delta"], byteOrderMark: byteOrderMark)
        for (k, s) in scenarios.enumerated() {
            for key in keys {
                let b = values[0][key], v = values[k + 1][key]
                let dec = 6
                w.appendRow([.text(s.scenario.scenario.name), .text(key), .text(shortLabel(key)),
                             .number(b.map { CSVWriter.number($0, decimals: dec) } ?? ""),
                             .number(v.map { CSVWriter.number($0, decimals: dec) } ?? ""),
                             .number((b != nil && v != nil) ? CSVWriter.number(v! - b!, decimals: dec) : "")])
            }
        }
        return w
    }

    func shortLabel(_ key: String) -> String {
        (labels[key] ?? key).replacingOccurrences(of: #" \(of [^)]*\)"#, with: "", options: .regularExpression)
    }

    /// A JSON summary for `--json`.
    public func json() throws -> Data {
        struct Out: Encodable {
            var baseline: [String: Double]
            var scenarios: [S]
            struct S: Encodable { var name: String; var notes: [String]; var values: [String: Double]; var deltas: [String: Double] }
        }
        let o = Out(baseline: values[0], scenarios: scenarios.enumerated().map { k, s in
            let v = values[k + 1]
            var deltas: [String: Double] = [:]
            for (key, x) in v { if let b = values[0][key] { deltas[key] = Decimals.round(x - b, places: 6) } }
            return .init(name: s.scenario.scenario.name, notes: s.scenario.notes, values: v, deltas: deltas)
        })
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try e.encode(o)
        data.append(0x0A)
        return data
    }
}

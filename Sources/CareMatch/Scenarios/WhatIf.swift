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

    /// Solves each dataset on its own thread, at most `threads` at a time; results in input order.
    /// The first error (in input order) is thrown after every thread has finished.
    public static func solveAll(_ datasets: [Dataset], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                                options: PlannerOptions = PlannerOptions(),
                                finished: (@Sendable (Int) -> Void)? = nil) throws -> [PlanResult] {
        let box = ResultBox(count: datasets.count)
        let workers = max(1, min(threads, datasets.count))
        let done = DispatchGroup()
        for _ in 0..<workers {
            done.enter()
            let t = Thread {
                while let i = box.next() {
                    let r = Result { try Planner.plan(datasets[i], options: options) }
                    box.store(i, r)
                    finished?(i)
                }
                GLPKEnvironment.free()
                done.leave()
            }
            t.stackSize = 16 << 20
            t.start()
        }
        done.wait()
        return try box.results().map { try $0.get() }
    }

    final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private var cursor = 0
        private var slots: [Result<PlanResult, Error>?]
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func next() -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard cursor < slots.count else { return nil }
            cursor += 1
            return cursor - 1
        }
        func store(_ i: Int, _ r: Result<PlanResult, Error>) { lock.lock(); slots[i] = r; lock.unlock() }
        func results() -> [Result<PlanResult, Error>] { lock.lock(); defer { lock.unlock() }; return slots.map { $0! } }
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

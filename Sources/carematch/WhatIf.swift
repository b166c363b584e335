import ArgumentParser
import CareMatch
import Foundation

extension CareMatchCommand {
    /// `carematch whatif DATASET --scenarios FILE --out DIR`: plans of edited datasets vs the baseline.
    struct WhatIf: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "whatif",
            abstract: "Solve named scenarios (edits of the dataset, from a TOML file) and compare each with the baseline plan.",
            discussion: """
            Every scenario is checked before any is solved. DIR receives baseline/ and one plan folder per \
            scenario, comparison.csv and comparison.html, written atomically as one folder. See docs/scenarios.md.
            """)

        @OptionGroup var input: DatasetOptions

        @Option(help: ArgumentHelp("The scenario file (TOML, see docs/scenarios.md).", valueName: "file"))
        var scenarios: String

        @OptionGroup var output: OutputOptions

        @OptionGroup var report: ReportOptions

        @Option(help: "Solves run at the same time (default: the number of cores).")
        var threads: Int?

        @Option(help: ArgumentHelp("Deadline of each scenario's plan in seconds; default: the setting plan.time_limit_s.", valueName: "seconds"))
        var timeLimit: Double?

        @Flag(help: "Skip the marginal values (what more money or units would bring) in every scenario.")
        var noMarginals = false

        func validate() throws {
            if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
            try TimeLimitOption.check(timeLimit)
        }

        func run() throws {
            let outGuard = output.folderGuard(protecting: [input.protectedInput, ("the scenario file", scenarios)])
            try outGuard.check()
            let progress = Progress(quiet: output.quiet || output.json)
            let base = try input.load()
            Warnings.print(base.warnings, rest: "see baseline/summary.json")
            guard FileManager.default.fileExists(atPath: scenarios) else {
                throw UserFacingError(message: "\(scenarios): no such scenario file", status: ExitStatus.invalidInput)
            }
            let prepared = try CareMatch.WhatIf.prepare(base: base, scenarioFile: URL(fileURLWithPath: scenarios))
            let datasets = [base] + prepared.map(\.dataset)
            let total = datasets.count
            let counter = Counter()
            let p = progress
            progress("solving baseline and \(prepared.count) scenario\(prepared.count == 1 ? "" : "s")…")
            var options = PlannerOptions()
            options.timeLimit = timeLimit
            options.allocation.marginals = !noMarginals
            let plans = try CareMatch.WhatIf.solveAll(datasets, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount, options: options) { _ in
                p("solved \(counter.increment())/\(total)")
            }
            progress.done()
            let result = WhatIfResult(baseline: plans[0], scenarios: zip(prepared, plans.dropFirst()).map { ($0, $1) })
            let pages = report.settings(over: base)
            let texts = Texts(pages.language ?? .en)
            try PlanFolder.write(try WhatIfPage.files(result, report: pages, byteOrderMark: output.excel), to: outGuard)
            if output.json {
                FileHandle.standardOutput.write(try result.json())
            } else {
                print(texts(.termWhatIfWritten, base.name, prepared.count, output.out))
                for s in prepared where !s.notes.isEmpty { print("  \(s.scenario.name): \(s.notes.joined(separator: "; "))") }
                print(WhatIfPage.terminalTable(result, texts: texts))
            }
        }
    }
}

/// A thread-safe counter for progress lines.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; n += 1; return n }
}

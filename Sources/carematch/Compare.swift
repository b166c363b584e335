import ArgumentParser
import CareMatch
import Foundation

extension CareMatchCommand {
    /// `carematch compare DATASET --out DIR`: a hand-made plan against the optimized one.
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score a hand-made plan under the same model, list the rules it breaks, and compare it with the optimized plan.",
            discussion: """
            The hand-made plan defaults to the dataset's manual_pairings.csv and manual_allocations.csv. \
            DIR receives comparison.csv, violations.csv and comparison.html (written atomically).
            """)

        @OptionGroup var input: DatasetOptions

        @Option(help: ArgumentHelp("A hand-made pairing (child_id,mom_id,role); default: the dataset's manual_pairings.csv.", valueName: "file"))
        var pairings: String?

        @Option(help: ArgumentHelp("A hand-made allocation (source_id,need_id,units); default: the dataset's manual_allocations.csv.", valueName: "file"))
        var allocations: String?

        @Flag(name: .customLong("price-manual"), help: "Also price each hand-made pair as a lock (the optimum with that pair kept, everything else re-optimized): manual_prices.csv.")
        var priceManual = false

        @OptionGroup var output: OutputOptions

        @OptionGroup var report: ReportOptions

        func run() throws {
            var inputs = [input.protectedInput]
            if let pairings { inputs.append(("the --pairings file", pairings)) }
            if let allocations { inputs.append(("the --allocations file", allocations)) }
            let outGuard = output.folderGuard(protecting: inputs)
            try outGuard.check()
            let progress = Progress(quiet: output.quiet || output.json)
            let dataset = try input.load()
            Warnings.print(dataset.warnings, rest: "carematch validate lists them all")
            var notes: [String] = []
            let manualPairings: [PairAssignment]
            if let pairings {
                manualPairings = try ManualPlanReader.pairings(contentsOf: URL(fileURLWithPath: pairings), file: pairings)
            } else if let m = dataset.manualPairings {
                manualPairings = m
            } else {
                manualPairings = []; notes.append("no manual_pairings.csv in the dataset and no --pairings: the hand-made pairing is empty")
            }
            let manualAllocations: [AllocationAssignment]
            if let allocations {
                manualAllocations = try ManualPlanReader.allocations(contentsOf: URL(fileURLWithPath: allocations), file: allocations)
            } else if let m = dataset.manualAllocations {
                manualAllocations = m
            } else {
                manualAllocations = []; notes.append("no manual_allocations.csv in the dataset and no --allocations: the hand-made allocation is empty")
            }
            if pairings == nil && allocations == nil && dataset.manualPairings == nil && dataset.manualAllocations == nil {
                throw UserFacingError(message: "\(input.dataset) has no manual_pairings.csv or manual_allocations.csv; give --pairings and/or --allocations", status: ExitStatus.invalidInput)
            }
            var options = PlannerOptions()
            options.progress = progress.handler
            options.allocation.marginals = false   // the comparison does not show them
            let plan = try Planner.plan(dataset, options: options)
            progress.done()
            let comparison = PlanComparison(dataset: dataset, pairings: manualPairings, allocations: manualAllocations, plan: plan,
                                            pairingsFile: pairings ?? DatasetFile.manualPairings,
                                            allocationsFile: allocations ?? DatasetFile.manualAllocations)
            let pages = report.settings(over: dataset)
            let texts = Texts(pages.language ?? .en)
            var files = try ComparisonPage.files(comparison, report: pages, byteOrderMark: output.excel)
            if priceManual {
                let prices = ManualPairPrices.compute(plan, manual: manualPairings, threads: ProcessInfo.processInfo.activeProcessorCount,
                                                      deadline: Deadline(seconds: dataset.settings.planTimeLimit),
                                                      progress: progress.handler)
                progress.done()
                files.append(("manual_prices.csv", ManualPairPrices.csv(prices, manualPairings, byteOrderMark: output.excel).data))
            }
            try PlanFolder.write(files, to: outGuard)
            if output.json {
                FileHandle.standardOutput.write(try comparison.json())
            } else {
                for n in notes { print("note: \(n)") }
                print(texts(.termCompareWritten, dataset.name, output.out))
                print(ComparisonPage.terminalTable(comparison, texts: texts))
            }
        }
    }
}

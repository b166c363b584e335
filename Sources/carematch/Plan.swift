import ArgumentParser
import CareMatch
import Foundation

extension CareMatchCommand {
    /// `carematch plan DATASET --out PLANDIR`: validate, solve, write the plan folder.
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Solve the pairing and the allocation of a dataset and write the plan folder.")

        @OptionGroup var input: DatasetOptions

        @OptionGroup var output: OutputOptions

        @OptionGroup var report: ReportOptions

        @Flag(help: "Skip the allocation's marginal values (what 10,000 more yuan or one more unit would bring): faster, fewer explanations.")
        var noMarginals = false

        @Option(help: ArgumentHelp("Deadline of the whole command in seconds, from its start (reading, pairing, allocation, explanations, writing; the solves stop early enough to leave time for the rest: a fifth of the limit, or more on a large dataset, as summary.json's timeBudget says); default: the setting plan.time_limit_s (600). What is not finished is written with its bound and status.", valueName: "seconds"))
        var timeLimit: Double?

        @Flag(help: "Also write plan.xlsx: the plan's tables as an Excel workbook (summary, pairings, allocations, deliveries, organizations, moms, counties, unmet).")
        var xlsx = false

        @Option(help: ArgumentHelp("Also write both models (pairing.mps/.lp: the final restricted pairing LP; allocation.mps/.lp) to this folder, for another solver.", valueName: "dir"))
        var exportModel: String?

        @Option(help: ArgumentHelp("Pairing engine: nearest moms per child in the first model.", visibility: .hidden))
        var pairingNearest: Int?
        @Option(help: ArgumentHelp("Pairing engine: nearest moms sharing an interest per child in the first model.", visibility: .hidden))
        var pairingSharing: Int?
        @Option(help: ArgumentHelp("Pairing engine: priced pairs added per child and round.", visibility: .hidden))
        var pairingPerChild: Int?
        @Option(help: ArgumentHelp("Pairing engine: first basis of the whole model (flow, counties, greedy).", visibility: .hidden))
        var pairingStart: PairingStart?
        @Option(help: ArgumentHelp("Pairing engine: pairs added per child and round in the Swift phase.", visibility: .hidden))
        var pairingFlowPerChild: Int?
        @Option(help: ArgumentHelp("Pairing engine: pairs added per mom in Swift-phase rounds that add many pairs (0: none).", visibility: .hidden))
        var pairingFlowPerMom: Int?
        @Option(help: ArgumentHelp("Pairing engine: Swift phase rounds start warm (true/false).", visibility: .hidden))
        var pairingFlowWarm: Bool?
        @Option(help: ArgumentHelp("Pairing engine: warm rounds by cost scaling (true) or shortest paths (false).", visibility: .hidden))
        var pairingCostScaling: Bool?

        func validate() throws {
            try TimeLimitOption.check(timeLimit)
            for (name, value, least) in [("--pairing-nearest", pairingNearest, 0), ("--pairing-sharing", pairingSharing, 0),
                                         ("--pairing-per-child", pairingPerChild, 1), ("--pairing-flow-per-child", pairingFlowPerChild, 1),
                                         ("--pairing-flow-per-mom", pairingFlowPerMom, 0)] {
                if let v = value, v < least { throw ValidationError("\(name) must be at least \(least), got \(v).") }
            }
        }

        func run() throws {
            let started = ContinuousClock.now
            // --out and --export-model are checked before any work; each protects the other.
            var inputs = [input.protectedInput]
            if let dir = exportModel { inputs.append(("the --export-model folder", dir)) }
            let outGuard = output.folderGuard(protecting: inputs)
            try outGuard.check()
            let modelGuard = exportModel.map {
                OutputFolderGuard(path: $0, force: output.force, inputs: [input.protectedInput, ("the --out folder", output.out)])
            }
            try modelGuard?.check()
            let progress = Progress(quiet: output.quiet || output.json)
            let dataset = try input.load()
            Warnings.print(dataset.warnings, rest: "see summary.json")
            var options = PlannerOptions()
            options.progress = progress.handler
            options.allocation.marginals = !noMarginals
            options.timeLimit = timeLimit
            options.startedAt = started
            if let n = pairingNearest { options.pairing.nearest = n }
            if let n = pairingSharing { options.pairing.sharing = n }
            if let n = pairingPerChild { options.pairing.pricedPerChild = n }
            if let s = pairingStart { options.pairing.start = s }
            if let n = pairingFlowPerChild { options.pairing.flowPricedPerChild = n }
            if let n = pairingFlowPerMom { options.pairing.flowPricedPerMom = n }
            if let b = pairingFlowWarm { options.pairing.flowWarmRounds = b }
            if let b = pairingCostScaling { options.pairing.flowCostScaling = b }
            // The models go to a temporary folder beside DIR, renamed into place at the end.
            let model = try modelGuard.map(StagedFolder.init(for:))
            do {
                if let model {
                    options.pairing.exportDirectory = model.url.path
                    try AllocationSolver.exportModel(dataset, to: model.url)
                }
                let plan = try Planner.plan(dataset, options: options)
                // The explanations of unmet children and the pages are made here: seconds at
                // province scale, said rather than silent.
                progress("writing the plan folder: explanations, tables, report")
                let pages = report.settings(over: dataset)
                try PlanFolder.write(try PlanFolderContents.files(plan, report: pages, byteOrderMark: output.excel, workbook: xlsx), to: outGuard)
                progress.done()
                try model?.commit()
                if output.json {
                    FileHandle.standardOutput.write(try plan.summary.json())
                } else {
                    print(PlanTerminalSummary.render(plan, folder: output.out, texts: Texts(pages.language ?? .en)))
                    if let dir = exportModel { print("Models (pairing.mps/.lp, allocation.mps/.lp) written to \(dir)") }
                }
                if let failure = plan.allocation.failure {
                    throw UserFacingError(message: "internal failure: \(failure)", status: ExitStatus.internalFailure)
                }
            } catch {
                progress.done()
                model?.discard()
                throw error
            }
        }
    }
}

extension PairingStart: ExpressibleByArgument {}

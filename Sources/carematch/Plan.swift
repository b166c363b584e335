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
            for (name, value, least) in [("--pairing-nearest", pairingNearest, 0), ("--pairing-sharing", pairingSharing, 0),
                                         ("--pairing-per-child", pairingPerChild, 1), ("--pairing-flow-per-child", pairingFlowPerChild, 1),
                                         ("--pairing-flow-per-mom", pairingFlowPerMom, 0)] {
                if let v = value, v < least { throw ValidationError("\(name) must be at least \(least), got \(v).") }
            }
        }

        func run() throws {
            let progress = Progress(quiet: output.quiet || output.json)
            let dataset = try input.load()
            var options = PlannerOptions()
            options.progress = progress.handler
            options.allocation.marginals = !noMarginals
            if let n = pairingNearest { options.pairing.nearest = n }
            if let n = pairingSharing { options.pairing.sharing = n }
            if let n = pairingPerChild { options.pairing.pricedPerChild = n }
            if let s = pairingStart { options.pairing.start = s }
            if let n = pairingFlowPerChild { options.pairing.flowPricedPerChild = n }
            if let n = pairingFlowPerMom { options.pairing.flowPricedPerMom = n }
            if let b = pairingFlowWarm { options.pairing.flowWarmRounds = b }
            if let b = pairingCostScaling { options.pairing.flowCostScaling = b }
            if let dir = exportModel {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                options.pairing.exportDirectory = dir
                try AllocationSolver.exportModel(dataset, to: URL(fileURLWithPath: dir))
            }
            let plan = try Planner.plan(dataset, options: options)
            progress.done()
            let pages = report.settings(over: dataset)
            try PlanFolder.write(try PlanFolderContents.files(plan, report: pages, byteOrderMark: output.excel), to: URL(fileURLWithPath: output.out), force: output.force)
            if output.json {
                FileHandle.standardOutput.write(try plan.summary.json())
            } else {
                print(PlanTerminalSummary.render(plan, folder: output.out, texts: Texts(pages.language ?? .en)))
            }
        }
    }
}

extension PairingStart: ExpressibleByArgument {}

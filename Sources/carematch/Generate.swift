import ArgumentParser
import CareMatch
import Foundation

extension CareMatchCommand {
    /// `carematch generate`: a synthetic dataset with the shape of Quzhou.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a synthetic dataset with the shape of Quzhou (six counties, townships, offers, the charitable fund).")

        @Option(help: "Population multiplier: 1 gives 2,414 children and 3,871 moms.")
        var scale: Double = 1

        @Option(help: "Random seed; the same seed and scale give the same files on every machine.")
        var seed: UInt64 = DatasetGenerator.quzhouSeed

        @Option(help: ArgumentHelp("How money is offered: quzhou (default), many-earmarks, scarce-funds or rich-funds (datasets shaped unlike the bundled one, for measuring).", valueName: "shape"))
        var funding: FundingShape = .quzhou

        @Option(help: ArgumentHelp("Where moms and children live: quzhou (default) or dense (denser towns, pairing.max_km 40 km, more children wanting supporting moms; for measuring the pairing).", valueName: "shape"))
        var pairing: PairingShape = .quzhou

        @Option(help: "The folder to write (must not exist unless --force).")
        var out: String

        @Flag(help: "Replace an existing folder that CareMatch wrote (never the working or home directory, nor a folder holding other files).")
        var force = false

        func validate() throws {
            guard scale.isFinite, scale > 0, scale <= 1000 else {
                throw ValidationError("--scale must be a number in (0, 1000], found \(scale)")
            }
        }

        func run() throws {
            let outGuard = OutputFolderGuard(path: out, force: force)
            try outGuard.check()
            let dataset = { var g = DatasetGenerator(scale: scale, seed: seed); g.funding = funding; g.pairing = pairing; return g.generate() }()
            try DatasetWriter().write(dataset, to: outGuard)
            print("wrote \(out): \(dataset.children.count) children, \(dataset.moms.count) moms, \(dataset.organizations.count) organizations, \(dataset.offers.count) offers, \(dataset.needs.count) needs")
        }
    }
}

extension FundingShape: ExpressibleByArgument {}
extension PairingShape: ExpressibleByArgument {}

import ArgumentParser
import CareMatch
import Foundation

extension CareMatchCommand {
    /// `carematch validate DATASET`: every error and warning with its place, then a summary.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a dataset folder and print every error and warning, then a directory summary.")

        @Argument(help: "The dataset folder.")
        var dataset: String

        func run() throws {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dataset, isDirectory: &isDir), isDir.boolValue else {
                throw UserFacingError(message: "\(dataset): no such dataset folder", status: ExitStatus.invalidInput)
            }
            let result = DatasetLoader.read(folder: URL(fileURLWithPath: dataset))
            for d in result.diagnostics.sorted() { print(d.description) }
            let e = result.errors.count, w = result.warnings.count
            print("\(e) error\(e == 1 ? "" : "s"), \(w) warning\(w == 1 ? "" : "s")")
            if result.isValid {
                print("")
                print(DirectorySummary(result.dataset).render())
            } else {
                throw ExitCode(ExitStatus.invalidInput)
            }
        }
    }
}

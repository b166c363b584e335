import ArgumentParser
import CareMatch
import Foundation

/// The documented exit statuses, and how each error maps to one.
enum ExitStatus {
    static let success: Int32 = 0
    static let invalidInput: Int32 = 1
    static let usage: Int32 = 2
    static let internalFailure: Int32 = 3

    /// Prints the error where it belongs and returns the exit status for it.
    static func report(_ error: Error) -> Int32 {
        switch error {
        case let e as InvalidInput:
            printError(e.description)
            return invalidInput
        case let e as OutputFolderError:
            printError("carematch: \(e.description)")
            return usage
        case let e as SettingsOverrideError:
            printError("carematch: \(e.description)")
            return usage
        case let e as UserFacingError:
            printError("carematch: \(e.message)")
            return e.status
        default:
            let code = CareMatchCommand.exitCode(for: error)
            if code == .success {
                print(CareMatchCommand.fullMessage(for: error))
                return success
            }
            if code == .validationFailure {
                printError(CareMatchCommand.fullMessage(for: error))
                return usage
            }
            if let e = error as? ExitCode { return e.rawValue }
            printError("carematch: internal failure: \(error)\nThis is a bug in CareMatch; please report it with the command you ran (no data needed).")
            return internalFailure
        }
    }

    static func printError(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }
}

/// An error meant for the user, with its exit status.
struct UserFacingError: Error {
    var message: String
    var status: Int32 = ExitStatus.usage
}

import ArgumentParser
import CareMatch
import Foundation

/// The `carematch` command: plan pairings and allocations for the "Three Qu Moms" alliance.
@main
struct CareMatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carematch",
        abstract: "Optimal mom–child pairing and resource allocation for a children's-care alliance, solved with GLPK.",
        discussion: """
        Exit status: 0 success (warnings allowed), 1 the input is invalid, 2 wrong usage, \
        3 an internal failure (a bug: please report it).
        """,
        version: EngineVersion.string,
        subcommands: [Validate.self, Plan.self, Compare.self, WhatIf.self, Generate.self, SettingsList.self]
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            Foundation.exit(ExitStatus.report(error))
        }
    }
}

import CareMatch
import Foundation

/// A dataset's warnings on stderr, in the form `validate` prints them: the first `shown`, by file
/// and line, then how many more and where they all are. Printed even with `--quiet` and `--json`
/// (warnings are not progress, and stdout stays clean).
enum Warnings {
    static let shown = 20

    /// - Parameter rest: where the full list is, e.g. "see summary.json".
    static func print(_ warnings: [Diagnostic], rest: String) {
        guard !warnings.isEmpty else { return }
        var lines = warnings.sorted().prefix(shown).map(\.description)
        if warnings.count > shown {
            let more = warnings.count - shown
            lines.append("… and \(more) more warning\(more == 1 ? "" : "s") (\(rest))")
        }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}

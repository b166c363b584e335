/// A `--set key=value` that cannot be applied.
public struct SettingsOverrideError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

extension Settings {
    /// The settings with `key=value` overrides applied (dotted keys of `Settings.keys`), checked.
    ///
    /// A malformed override (no `=`, an unknown key, a value that is not a plain decimal) is a
    /// `SettingsOverrideError` (wrong usage); a value outside its documented range throws
    /// `InvalidInput` with an error located at `--set`, the key as its column, like the same
    /// value in `settings.toml`.
    public func applying(overrides: [String]) throws -> Settings {
        var s = self
        for o in overrides {
            guard let eq = o.firstIndex(of: "=") else {
                throw SettingsOverrideError(description: "--set \(o): expected key=value, e.g. --set pairing.max_km=20")
            }
            let name = o[..<eq].trimmingCharacters(in: .whitespaces)
            let text = String(o[o.index(after: eq)...])
            guard let key = Settings.key(named: name) else {
                throw SettingsOverrideError(description: "--set \(o): unknown setting '\(name)'; known: \(Settings.keys.map(\.name).joined(separator: ", "))")
            }
            switch CellParser.number(text) {
            case .success(let v): s[keyPath: key.keyPath] = v
            case .failure(let e):
                throw SettingsOverrideError(description: "--set \(o): the value \(e.message)")
            }
        }
        let problems = s.problems()
        if !problems.isEmpty {
            throw InvalidInput(problems.map { Diagnostic.error(Settings.overrideSource, column: $0.key, $0.message) })
        }
        return s
    }

    /// The name diagnostics give to the command line's `--set` overrides, in place of a file.
    public static let overrideSource = "--set"
}

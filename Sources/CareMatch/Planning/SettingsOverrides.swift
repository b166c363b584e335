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
        var problems = s.problems()
        // Terms too large for exact integers whatever the dataset's size (the dataset-size part
        // is `Dataset.applying(overrides:)`, or the pairing network's refusal).
        if problems.isEmpty, let p = PairingWeights.magnitudeProblem(s, children: 0, moms: 0) { problems.append(p) }
        if !problems.isEmpty {
            throw InvalidInput(problems.map { Diagnostic.error(Settings.overrideSource, column: $0.key, $0.message) })
        }
        return s
    }

    /// The name diagnostics give to the command line's `--set` overrides, in place of a file.
    public static let overrideSource = "--set"
}

extension Dataset {
    /// The dataset with `--set` overrides applied to its settings, checked as `Settings.applying`
    /// does and also against the dataset's size (`PairingWeights.magnitudeProblem`), so that
    /// settings too large for this many children and moms are a located error before any solve.
    public func applying(overrides: [String]) throws -> Dataset {
        var d = self
        d.settings = try settings.applying(overrides: overrides)
        if !overrides.isEmpty, let p = PairingWeights.magnitudeProblem(d.settings, children: children.count, moms: moms.count) {
            throw InvalidInput([.error(Settings.overrideSource, column: p.key, p.message)])
        }
        return d
    }
}

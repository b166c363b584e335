/// A `--set key=value` that cannot be applied.
public struct SettingsOverrideError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

extension Settings {
    /// The settings with `key=value` overrides applied (dotted keys of `Settings.keys`), checked.
    public func applying(overrides: [String]) throws -> Settings {
        var s = self
        for o in overrides {
            guard let eq = o.firstIndex(of: "=") else {
                throw SettingsOverrideError(description: "--set \(o): expected key=value, e.g. --set pairing.max_km=20")
            }
            let name = o[..<eq].trimmingCharacters(in: .whitespaces)
            let text = o[o.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            guard let key = Settings.key(named: name) else {
                throw SettingsOverrideError(description: "--set \(o): unknown setting '\(name)'; known: \(Settings.keys.map(\.name).joined(separator: ", "))")
            }
            guard let v = Double(text), v.isFinite else {
                throw SettingsOverrideError(description: "--set \(o): expected a plain decimal number such as 1.5, found '\(text)'")
            }
            s[keyPath: key.keyPath] = v
        }
        if let p = s.problems().first {
            throw SettingsOverrideError(description: "setting \(p.key) \(p.message)")
        }
        return s
    }
}

import Foundation

import Foundation

/// A named what-if scenario: edits applied to the base dataset (see `docs/scenarios.md`).
public struct Scenario: Sendable, Hashable {
    public var name: String
    public var description: String
    /// Line of the scenario's `[[scenario]]` header in the scenario file.
    public var line: Int
    public var edits: [ScenarioEdit]

    public init(name: String, description: String = "", line: Int = 0, edits: [ScenarioEdit] = []) {
        self.name = name; self.description = description; self.line = line; self.edits = edits
    }
}

/// One edit of a scenario, with the line of the scenario file it comes from.
public struct ScenarioEdit: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Organizations and all their offers leave the alliance.
        case removeOrganizations([String])
        case removeMoms([String])
        /// Children and their needs leave the directory.
        case removeChildren([String])
        /// Offers matching every given filter get `quantity × factor` (integral categories
        /// rounded down to whole units, money down to the fen).
        case scale(factor: Double, resource: Resource?, category: String?, county: String?, organization: String?)
        /// Capacity of every mom (or of a county's moms): set to, or add (never below 0).
        case capacity(set: Int?, add: Int?, county: String?)
        /// `max_km` of every mom (or of a county's moms).
        case momMaxKm(Double, county: String?)
        /// Rows of a CSV file (path relative to the scenario file) read with the loader's rules.
        case addChildren(path: String)
        case addNeeds(path: String)
        case addMoms(path: String)
        /// Settings by dotted key (`Settings.keys`).
        case setting(key: String, value: Double)
        /// Lines of the dataset's `overrides.csv` (by line number) dropped.
        case removeOverrides([Int])
        /// Rows in the `overrides.csv` format added (`docs/overrides.md`).
        case addOverrides(path: String)
    }

    public var kind: Kind
    public var line: Int

    public init(_ kind: Kind, line: Int = 0) { self.kind = kind; self.line = line }

    /// The order edits are applied in, whatever their order in the file: removals, additions,
    /// scaling, capacities, reaches, settings.
    var phase: Int {
        switch kind {
        case .removeOrganizations, .removeMoms, .removeChildren: return 0
        case .addChildren, .addMoms: return 1
        case .addNeeds: return 2
        case .scale: return 3
        case .capacity: return 4
        case .momMaxKm: return 5
        case .setting: return 6
        case .removeOverrides: return 7
        case .addOverrides: return 8
        }
    }
}

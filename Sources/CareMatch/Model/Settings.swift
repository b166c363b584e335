/// The weights and limits of the scoring model (contract section 4), with their defaults.
///
/// Every setting has a dotted key (`pairing.max_km`) used in `settings.toml`, where the part
/// before the dot is a table, and on the command line (`--set pairing.max_km=20`).
public struct Settings: Sendable, Hashable {
    public var groupWeightSpecialNeeds = 1.5
    public var groupWeightLeftBehind = 1.2
    public var groupWeightDisadvantaged = 1.0
    public var leadReward = 100.0
    public var supportReward = 40.0
    public var kmCost = 1.0
    public var fitBonus = 10.0
    public var continuityBonus = 30.0
    public var maxKm = 25.0
    public var needPoints = 100.0
    public var fundPenalty = 0.001
    /// Relative MIP gap at which the allocation solve stops (an engine setting, not a weight).
    public var allocationMIPGap = 1e-6
    /// Time limit of the allocation MIP in seconds; the best plan found is written with its gap.
    public var allocationTimeLimit = 300.0
    /// Deadline of a whole `plan` (pairing, allocation and explanations) in seconds: what is not
    /// finished by then is written with its bound and status. An engine setting, not a weight.
    public var planTimeLimit = 600.0
    /// How the pages are labelled (`[report]`): language, title, date. Not a weight.
    public var report = ReportSettings()

    public init() {}

    /// The weight of a child's group in both scores.
    public func weight(_ group: ChildGroup) -> Double {
        switch group {
        case .specialNeeds: return groupWeightSpecialNeeds
        case .leftBehind: return groupWeightLeftBehind
        case .disadvantaged: return groupWeightDisadvantaged
        }
    }

    /// One setting: its key, a description, and access to its value.
    public struct Key: Sendable {
        public let name: String
        public let help: String
        public let keyPath: WritableKeyPath<Settings, Double> & Sendable
    }

    /// Every setting, in the order of the contract.
    public static let keys: [Key] = [
        Key(name: "group_weight.special_needs", help: "weight of special-needs children", keyPath: \.groupWeightSpecialNeeds),
        Key(name: "group_weight.left_behind", help: "weight of left-behind children", keyPath: \.groupWeightLeftBehind),
        Key(name: "group_weight.disadvantaged", help: "weight of disadvantaged children", keyPath: \.groupWeightDisadvantaged),
        Key(name: "pairing.lead_reward", help: "points for a child having a lead mom, times the group weight", keyPath: \.leadReward),
        Key(name: "pairing.support_reward", help: "points per supporting mom, times the group weight", keyPath: \.supportReward),
        Key(name: "pairing.km_cost", help: "points lost per km between mom and child", keyPath: \.kmCost),
        Key(name: "pairing.fit_bonus", help: "points for a pair sharing an interest tag", keyPath: \.fitBonus),
        Key(name: "pairing.continuity_bonus", help: "points for keeping last quarter's mom", keyPath: \.continuityBonus),
        Key(name: "pairing.max_km", help: "no pair beyond this distance (km)", keyPath: \.maxKm),
        Key(name: "allocation.need_points", help: "points for fully covering a need, times weight and priority", keyPath: \.needPoints),
        Key(name: "allocation.fund_penalty", help: "points lost per yuan spent", keyPath: \.fundPenalty),
        Key(name: "allocation.mip_gap", help: "relative MIP gap at which the allocation solve stops", keyPath: \.allocationMIPGap),
        Key(name: "allocation.time_limit_s", help: "time limit of the allocation solve in seconds", keyPath: \.allocationTimeLimit),
        Key(name: "plan.time_limit_s", help: "deadline of a whole plan (pairing, allocation, explanations) in seconds", keyPath: \.planTimeLimit),
    ]

    /// The setting named `name` (exact dotted key), if any.
    public static func key(named name: String) -> Key? { keys.first { $0.name == name } }

    /// Problems with the values, as sentences; empty when the settings are usable.
    public func problems() -> [(key: String, message: String)] {
        var out: [(String, String)] = []
        for k in Settings.keys {
            let v = self[keyPath: k.keyPath]
            if !v.isFinite { out.append((k.name, "must be a finite number")); continue }
            if v < 0 { out.append((k.name, "must be ≥ 0, found \(v)")) }
        }
        if supportReward > leadReward {
            out.append(("pairing.support_reward", "must not exceed pairing.lead_reward (\(leadReward)), found \(supportReward): otherwise the pairing is no longer a flow problem"))
        }
        if !(maxKm > 0) { out.append(("pairing.max_km", "must be > 0, found \(maxKm)")) }
        if !(planTimeLimit > 0) { out.append(("plan.time_limit_s", "must be > 0, found \(planTimeLimit)")) }
        if !(allocationTimeLimit > 0) { out.append(("allocation.time_limit_s", "must be > 0, found \(allocationTimeLimit)")) }
        if allocationMIPGap >= 1 { out.append(("allocation.mip_gap", "must be below 1, found \(allocationMIPGap)")) }
        return out
    }
}

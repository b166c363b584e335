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
    /// 0 (the default) proves the optimum, so marginal values can be stated exactly.
    public var allocationMIPGap = 0.0
    /// Time limit of the allocation MIP in seconds; the best plan found is written with its gap.
    public var allocationTimeLimit = 300.0
    /// Branch-and-bound nodes the allocation's proof may use; 0: automatic, 2,000,000 divided by
    /// the model's columns, at least 500 (see `AllocationSolver.planNodeLimit`). A node limit,
    /// unlike a time limit, gives the same plan on any machine.
    public var allocationNodeLimit = 0.0
    /// Deadline of a whole `plan` (pairing, allocation and explanations) in seconds: what is not
    /// finished by then is written with its bound and status. An engine setting, not a weight.
    public var planTimeLimit = 600.0
    /// Alternative leads written per child in `alternatives.csv` (a whole number; 0: the file
    /// holds its header only). Not a weight. Off by default: the searches are exact but still
    /// slow (18 of quzhou's 2,414 children in 60 s), and a default plan must stay within seconds.
    public var pairingAlternatives = 0.0
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

    /// One setting: its key, a description, access to its value, and the range the engine
    /// handles exactly.
    public struct Key: Sendable {
        public let name: String
        public let help: String
        public let keyPath: WritableKeyPath<Settings, Double> & Sendable
        public let range: ValueRange

        init(name: String, help: String, keyPath: WritableKeyPath<Settings, Double> & Sendable,
             _ lower: Double, _ upper: Double, lowerIncluded: Bool = true, upperIncluded: Bool = true) {
            self.name = name; self.help = help; self.keyPath = keyPath
            range = ValueRange(lower, upper, lowerIncluded: lowerIncluded, upperIncluded: upperIncluded)
        }
    }

    /// The largest weight, reward, bonus, km cost or need points: with the group weights, every
    /// pairing term stays below 10¹² points, which `PairingWeights` turns into exact integers
    /// (the dataset-size check there says when a dataset is too large for the chosen values).
    public static let maxWeight = 1e6
    /// The largest `max_km`: half the Earth's circumference is 20,015 km, so no distance is larger.
    public static let maxKmLimit = 20_000.0
    /// The longest time limit: one week (GLPK takes milliseconds as a C int, at most 2,147,483 s).
    public static let maxTimeLimitSeconds = 604_800.0
    /// The most alternative leads per child `alternatives.csv` lists.
    public static let maxAlternatives = 50.0

    /// Every setting, in the order of the contract.
    public static let keys: [Key] = [
        Key(name: "group_weight.special_needs", help: "weight of special-needs children", keyPath: \.groupWeightSpecialNeeds, 0, maxWeight),
        Key(name: "group_weight.left_behind", help: "weight of left-behind children", keyPath: \.groupWeightLeftBehind, 0, maxWeight),
        Key(name: "group_weight.disadvantaged", help: "weight of disadvantaged children", keyPath: \.groupWeightDisadvantaged, 0, maxWeight),
        Key(name: "pairing.lead_reward", help: "points for a child having a lead mom, times the group weight", keyPath: \.leadReward, 0, maxWeight),
        Key(name: "pairing.support_reward", help: "points per supporting mom, times the group weight", keyPath: \.supportReward, 0, maxWeight),
        Key(name: "pairing.km_cost", help: "points lost per km between mom and child", keyPath: \.kmCost, 0, maxWeight),
        Key(name: "pairing.fit_bonus", help: "points for a pair sharing an interest tag", keyPath: \.fitBonus, 0, maxWeight),
        Key(name: "pairing.continuity_bonus", help: "points for keeping last quarter's mom", keyPath: \.continuityBonus, 0, maxWeight),
        Key(name: "pairing.max_km", help: "no pair beyond this distance (km)", keyPath: \.maxKm, 0, maxKmLimit, lowerIncluded: false),
        Key(name: "allocation.need_points", help: "points for fully covering a need, times weight and priority", keyPath: \.needPoints, 0, maxWeight),
        Key(name: "allocation.fund_penalty", help: "points lost per yuan spent", keyPath: \.fundPenalty, 0, 1e3),
        Key(name: "allocation.mip_gap", help: "relative MIP gap at which the allocation solve stops", keyPath: \.allocationMIPGap, 0, 1, upperIncluded: false),
        Key(name: "allocation.time_limit_s", help: "time limit of the allocation solve in seconds", keyPath: \.allocationTimeLimit, 0, maxTimeLimitSeconds, lowerIncluded: false),
        Key(name: "allocation.node_limit", help: "branch-and-bound nodes of the allocation's proof (0: automatic, about 4 s of work)", keyPath: \.allocationNodeLimit, 0, 1e9),
        Key(name: "plan.time_limit_s", help: "deadline of a whole plan (pairing, allocation, explanations) in seconds", keyPath: \.planTimeLimit, 0, maxTimeLimitSeconds, lowerIncluded: false),
        Key(name: "pairing.alternatives", help: "alternative leads per child in alternatives.csv (a whole number; 0: none)", keyPath: \.pairingAlternatives, 0, maxAlternatives),
    ]

    /// The setting named `name` (exact dotted key), if any.
    public static func key(named name: String) -> Key? { keys.first { $0.name == name } }

    /// Problems with the values, as sentences; empty when the settings are usable.
    public func problems() -> [(key: String, message: String)] {
        var out: [(String, String)] = []
        for k in Settings.keys {
            let v = self[keyPath: k.keyPath]
            if !k.range.contains(v) {
                out.append((k.name, "must be \(k.range.text), found \(ValueRange.format(v)): the engine computes exactly only within this range"))
            }
        }
        if allocationNodeLimit >= 0, allocationNodeLimit <= 1e9, allocationNodeLimit != allocationNodeLimit.rounded() {
            out.append(("allocation.node_limit", "must be a whole number of nodes, found \(ValueRange.format(allocationNodeLimit))"))
        }
        if Settings.key(named: "pairing.alternatives")!.range.contains(pairingAlternatives) && pairingAlternatives != pairingAlternatives.rounded() {
            out.append(("pairing.alternatives", "must be a whole number, found \(ValueRange.format(pairingAlternatives))"))
        }
        // Compared only when both are in range (otherwise the range error says it all).
        let rewardsInRange = ["pairing.lead_reward", "pairing.support_reward"].allSatisfy { name in
            Settings.key(named: name).map { $0.range.contains(self[keyPath: $0.keyPath]) } ?? false
        }
        if rewardsInRange && supportReward > leadReward {
            out.append(("pairing.support_reward", "must not exceed pairing.lead_reward (\(leadReward)), found \(supportReward): otherwise the pairing is no longer a flow problem"))
        }
        return out
    }
}

import Foundation

/// `summary.json` of a plan folder: scores, bound, certificate, KPIs, timings, input hashes.
///
/// Keys are written sorted so that two summaries of the same plan differ only in timings.
public struct PlanSummary: Codable, Sendable {
    public struct PairingPart: Codable, Sendable {
        /// The plan's score rounded half away from zero to 0.01.
        public var score: Double
        /// The proven upper bound (dual objective) rounded up to 0.01.
        public var bound: Double
        public var status: String
        public var certificate: PairingCertificate
        public var statistics: PairingStatistics
        public var kpis: PairingKPIs
        public var unmetChildren: Int
        public var capacityByCounty: [CapacityValue]
        public var capacityByTownship: [CapacityValue]
    }

    public var engineVersion: String
    public var dataset: String
    public var inputHashes: [String: String]
    public var settings: [String: Double]
    public var warnings: [String]
    public var pairing: PairingPart
    public var allocation: AllocationSummaryPart?
    /// `alternatives.csv`'s counts (nil when not computed).
    public var alternatives: AlternativesSummaryPart?
    public var timingsSeconds: [String: Double]
    /// With `overrides.csv`: both optima and the price of the overrides (absent otherwise).
    public var overrides: OverrideSummary?
    /// How the time limit was shared out: reading, the solves, and the reserve for what follows.
    public var timeBudget: TimeBudget?

    public init(dataset d: Dataset, pairing p: PairingSolution, allocation: AllocationSummaryPart?, timings: [String: Double]) {
        engineVersion = EngineVersion.string
        dataset = d.name
        inputHashes = d.inputHashes
        settings = Dictionary(uniqueKeysWithValues: Settings.keys.map { ($0.name, d.settings[keyPath: $0.keyPath]) })
        warnings = d.warnings.map(\.description)
        let capacity = p.capacityValues(d)
        pairing = PairingPart(
            score: Decimals.round(p.evaluation.score),
            bound: Decimals.roundUp(p.certificate.dual),
            status: p.certificate.proven ? "optimal" : (p.certificate.cutShortByDeadline ? "time_limit" : "not proven"),
            certificate: p.certificate, statistics: p.statistics, kpis: p.evaluation.kpis,
            unmetChildren: p.unmet.count,
            capacityByCounty: capacity.counties,
            capacityByTownship: capacity.townships)
        self.allocation = allocation
        timingsSeconds = timings
    }

    /// Pretty JSON with sorted keys.
    public func json() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try e.encode(self)
        data.append(0x0A)
        return data
    }
}

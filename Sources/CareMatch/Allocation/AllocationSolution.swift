import Foundation

/// One row of `allocations.csv`: units a source gives one need (contract section 7).
///
/// Units and money are held as integers — ticks (1 per unit in an integral category, 10⁻⁶ unit
/// otherwise) and fen per unit — so rows add up exactly; `units` and `yuan` are derived (exact to
/// the 6 decimals the files write).
public struct AllocationRow: Sendable, Codable, Hashable {
    public var sourceID: String
    public var orgID: String
    public var needID: String
    public var childID: String
    public var category: String
    /// Units in ticks, and ticks per unit (1 or 1,000,000).
    public var ticks: Int64
    public var ticksPerUnit: Int64
    /// Price paid per unit in fen for a funds source, 0 in kind.
    public var priceFen: Int64

    public init(sourceID: String, orgID: String, needID: String, childID: String, category: String,
                ticks: Int64, ticksPerUnit: Int64, priceFen: Int64) {
        self.sourceID = sourceID; self.orgID = orgID; self.needID = needID; self.childID = childID
        self.category = category; self.ticks = ticks; self.ticksPerUnit = ticksPerUnit; self.priceFen = priceFen
    }

    /// The units (exact to 6 decimals).
    public var units: Double { Double(ticks) / Double(ticksPerUnit) }
    /// Money spent (units × unit_cost_yuan) for a funds source, 0 in kind.
    public var yuan: Double { Double(yuanMicroFen) / 100_000_000 }
    /// Money spent in micro-fen (10⁻⁶ fen): an exact integer.
    public var yuanMicroFen: Int128 { Int128(ticks) * Int128(priceFen) * Int128(1_000_000 / ticksPerUnit) }
    /// The row as a plan assignment (for `AllocationEvaluation`).
    public var assignment: AllocationAssignment { AllocationAssignment(sourceID: sourceID, needID: needID, units: units) }
}

/// A need not fully covered, and why.
public struct UnmetNeed: Sendable, Codable, Hashable {
    public var needID: String
    public var childID: String
    public var category: String
    public var missing: Double
    public var reason: String

    /// No offer or fund can serve the need (category, county and group considered).
    public static let noCompatibleSource = "no compatible source"
    /// Some sources could serve it, but what they have left goes elsewhere or is gone.
    public static let compatibleSourcesExhausted = "compatible sources exhausted"
    /// The category has no price, and no in-kind offer serves the need.
    public static let notPurchasable = "not purchasable and no in-kind offer"
    /// Money that could buy it is left, but buying costs more points than the need gives.
    public static let notWorthBuying = "buying costs more points (fund_penalty × price) than covering gives"
}

/// How the allocation solve ended.
public enum AllocationStatus: String, Sendable, Codable {
    /// Proven optimal (the model had no integer columns, or branch-and-cut closed the gap).
    case optimal
    /// Stopped at the relative MIP gap `allocation.mip_gap`: the bound says how far it can be.
    case withinGap = "within_gap"
    /// Stopped at `allocation.time_limit_s` with a plan: its gap is stated.
    case timeLimit = "time_limit"
    /// Stopped at its branch-and-bound node limit (`allocation.node_limit`) with a plan: its gap
    /// is stated.
    case nodeLimit = "node_limit"
    /// No integer solution was found in time: the empty plan is given.
    case noSolution = "no_solution"
    /// The plan failed the independent check against the contract (a bug): no allocation is
    /// given, `AllocationSolution.failure` says what broke.
    case selfCheckFailed = "self_check_failed"
}

/// How far the plan is proven to be from the optimum.
public struct AllocationCertificate: Sendable, Codable, Hashable {
    /// The MIP objective GLPK reported and its proven upper bound (points).
    public var mipObjective: Double?
    public var mipBound: Double?
    /// KKT check of the LP with every integer decision fixed at the plan's value.
    public var fixedLPPrimalObjective: Double
    public var fixedLPDualObjective: Double
    public var fixedLPPrimalInfeasibility: Double
    public var fixedLPDualInfeasibility: Double
    public var fixedLPComplementarity: Double
    /// The fixed-integer LP's solution satisfies the KKT conditions (1e-6).
    public var fixedLPOptimal: Bool
    public var integerColumnsFixed: Int
}

/// An offer or fund and how much of it the plan uses.
public struct OfferUse: Sendable, Codable, Hashable {
    public var offerID: String
    public var resource: String
    public var category: String
    /// Units (in kind) or yuan (funds).
    public var quantity: Double
    public var used: Double
    /// Exactly all used (compared in ticks / fen).
    public var exhausted: Bool
    /// Dual price of its row in the fixed-integer LP: points per more unit (or yuan). Only the
    /// continuous part of the plan can react to it; `nil` when every use is an integer decision.
    public var shadowPrice: Double?
}

/// How sure a marginal value is.
public enum MarginalStatus: String, Sendable, Codable, Hashable {
    /// Both optima (with and without the addition) proven: `points` is the exact gain (to 0.005).
    case exact
    /// A search was cut short by the deadline: the gain lies in [`points`, `pointsUpperBound`].
    case bounded
    /// Proven 0 without a solve: every need the addition could reach, directly or by freeing
    /// other sources, is already covered, with no money spent on them.
    case notNeeded = "not_needed"
    /// Not computed: the deadline came first.
    case notComputed = "not_computed"
}

/// A change in coverage that an addition brings: units of one category in one county at one
/// priority (positive: newly covered; negative: moved elsewhere).
public struct CoverageChange: Sendable, Codable, Hashable {
    public var category: String
    public var county: String
    public var priority: Int
    public var units: Double
    /// Needs and children whose coverage changes.
    public var needs: Int
    public var children: Int
}

/// What more of something would be worth: found by re-solving the allocation with it added,
/// starting from the plan (which stays feasible, so the value is never negative).
public struct MarginalValue: Sendable, Codable, Hashable {
    /// `funds` or `in_kind`.
    public var kind: String
    /// The fund earmark (`any` or a category), or the in-kind category.
    public var category: String
    /// The county it is added in (in kind), `nil` for funds (usable in every county, all groups).
    public var county: String?
    /// Yuan or units added.
    public var added: Double
    /// `yuan`, or the category's unit.
    public var unit: String
    /// The allocation score's gain in points that the re-solved plan achieves (nil: not computed).
    public var points: Double?
    /// The most the addition can gain (proven bound; equal to `points` when exact).
    public var pointsUpperBound: Double?
    public var status: MarginalStatus
    /// Why it is bounded, not needed or not computed.
    public var reason: String?
    /// Need units newly covered, by priority ("1" … "5"), over all categories.
    public var unitsCovered: [String: Double]
    /// Change of the yuan spent.
    public var yuanSpent: Double
    /// Where the coverage changes (largest gains first). Where the optimum is not unique this is
    /// one of the best plans, the one the warm re-solve reached from the plan.
    public var coverage: [CoverageChange]
}

/// An offer nobody can use, and why.
public struct UnusableOffer: Sendable, Codable, Hashable {
    public var offerID: String
    public var reason: String
}

/// Coordinators' explanations of the plan.
public struct AllocationExplanations: Sendable, Codable, Hashable {
    /// Every offer with a compatible need, in offer id order.
    public var offers: [OfferUse]
    /// Ids of offers and funds used up completely.
    public var exhausted: [String]
    /// 10,000 more yuan for each earmark present (`any` and each earmarked category), and one more
    /// unit of each in-kind category in each county that has needs of it.
    public var marginals: [MarginalValue]
    public var unusable: [UnusableOffer]
}

/// Where the time went and how big the model was.
public struct AllocationStatistics: Sendable, Codable, Hashable {
    public var classes = 0
    public var valueGroups = 0
    /// Compatible (source, class) links (columns x) and (source, need) links they stand for.
    public var sourceClassLinks = 0
    public var sourceNeedLinks = 0
    public var rows = 0
    public var columns = 0
    public var integerColumns = 0
    public var nodes = 0
    public var mipIterations = 0
    public var lpIterations = 0
    public var strategy = ""
    public var buildSeconds = 0.0
    public var mipSeconds = 0.0
    public var fixedLPSeconds = 0.0
    /// GLPK time of the plan (MIP + fixed LP).
    public var glpkSeconds = 0.0
    public var splitSeconds = 0.0
    public var evaluationSeconds = 0.0
    /// Marginal-value re-solves (GLPK time included).
    public var marginalSeconds = 0.0
    public var marginalGLPKSeconds = 0.0
    /// Branch-and-bound nodes over all marginal-value probes (a measure of their work that does
    /// not depend on the machine's speed or load).
    public var marginalNodes = 0
    public var totalSeconds = 0.0
    /// Objective of the first incumbent handed to branch-and-cut (the relaxation rounded down
    /// and repaired), when there was one.
    public var startingIncumbent: Double?
}

/// The allocation plan with its proof, KPIs, explanations and statistics.
public struct AllocationSolution: Sendable, Codable {
    /// One row per (source, need) with units > 0, by source id then need id (code points).
    public var rows: [AllocationRow]
    /// Needs not fully covered, by need id.
    public var unmet: [UnmetNeed]
    /// The plan's score (exact sum of the formula, from `AllocationEvaluation`).
    public var score: Double
    /// Proven upper bound on the optimum (≥ score).
    public var bound: Double
    /// (bound − score) / |score| (0 when proven optimal).
    public var gap: Double
    public var status: AllocationStatus
    public var kpis: AllocationKPIs
    public var certificate: AllocationCertificate
    public var explanations: AllocationExplanations
    public var statistics: AllocationStatistics
    /// What broke, when `status` is `selfCheckFailed`.
    public var failure: String?
    /// The independent scorer's reading of `rows` (the self-check): coverage per need, KPIs.
    public var evaluation: AllocationEvaluation
}

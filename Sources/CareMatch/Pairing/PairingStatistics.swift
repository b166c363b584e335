/// Where the time of one pairing solve went, and how much work GLPK did.
public struct PairingStatistics: Sendable, Codable, Hashable {
    public var pricingRounds = 0
    public var initialColumns = 0
    public var finalColumns = 0
    public var rows = 0
    public var simplexIterations = 0
    public var candidateSeconds = 0.0
    public var glpkSeconds = 0.0
    public var pricingSeconds = 0.0
    public var totalSeconds = 0.0
    /// Time spent solving the counties apart (included in the total).
    public var blockSeconds = 0.0
    /// The Swift phase of `PairingStart.optimalFlow`: seconds (included in the total, pricing
    /// included), pricing rounds, shortest-path searches and the nodes they settled.
    public var flowSeconds = 0.0
    public var flowRounds = 0
    public var flowSearches = 0
    public var flowSettledNodes = 0
    /// Pairs in the Swift phase's final model (GLPK receives only those with flow or reduced
    /// cost 0: `finalColumns`).
    public var flowColumns = 0
    /// Rows the flow's spanning tree did not reach (0 unless something is wrong; GLPK then
    /// repairs the basis).
    public var treeUnreached = 0
    /// The pricing loop stopped at the plan's deadline.
    public var cutShortByDeadline = false
    /// A flow round was stopped by the deadline during its optimization and dropped: the
    /// pairing is the round before's.
    public var flowRoundAbandoned = false
    /// Per pricing round: pairs in the model, simplex iterations, GLPK seconds, pairs added.
    public var rounds: [Round] = []

    /// One pricing round.
    public struct Round: Sendable, Codable, Hashable {
        public var columns: Int
        public var iterations: Int
        public var glpkSeconds: Double
        public var added: Int
    }
}

import CGLPK
import CGLPKShim

/// A min-cost flow problem on GLPK's graph API, solved with the out-of-kilter algorithm.
///
/// Mathematics: find integer arc flows x with `lower(a) ≤ x(a) ≤ capacity(a)` and, at every node
/// v, `Σ x(out of v) − Σ x(into v) = supply(v)` (a negative supply is a demand), minimizing
/// `Σ cost(a) x(a)`. Supplies must sum to 0.
///
/// `glp_mincost_okalg` works in C `int` arithmetic, so every supply, bound and cost must be an
/// integer with absolute value at most `Int32.max`, `0 ≤ lower ≤ capacity`, the total supply must
/// be at most `Int32.max`, and arcs may not be loops. All of this is checked in Swift.
/// (`glp_mincost_relax4` is deliberately not offered: GLPK 5.0 aborts in it.)
///
/// Like `Problem`, a network is bound to the thread that created it and is not `Sendable`.
/// The corresponding C functions are `glp_create_graph` and `glp_delete_graph`.
public final class FlowNetwork {
    static let rhsOffset: Int32 = 0
    static let piOffset: Int32 = 8
    static let lowOffset: Int32 = 0
    static let capOffset: Int32 = 8
    static let costOffset: Int32 = 16
    static let flowOffset: Int32 = 24

    let graph: UnsafeMutablePointer<glp_graph>
    let ownership: ThreadOwnership
    private(set) var supplies: [Int] = []
    private var arcPointers: [UnsafeMutablePointer<glp_arc>] = []
    /// One arc's data (0-based nodes).
    public struct Arc: Sendable, Equatable {
        public var from: Int
        public var to: Int
        public var lower: Int
        public var capacity: Int
        public var cost: Int
    }
    /// The arcs, in the order they were added.
    public private(set) var arcs: [Arc] = []
    /// The supply of each node (negative: demand).
    public var nodeSupplies: [Int] { supplies }

    /// Creates an empty network. The corresponding C function is `glp_create_graph`.
    public init() {
        ownership = ThreadOwnership()
        graph = glp_create_graph(16, 32)
    }

    deinit {
        precondition(ownership.isOwningThread, "FlowNetwork deinitialized on a thread other than the one that created it")
        if ownership.isEnvironmentAlive { glp_delete_graph(graph) }
    }

    /// The number of nodes.
    public var nodeCount: Int { supplies.count }
    /// The number of arcs.
    public var arcCount: Int { arcs.count }

    private static let limit = Int(Int32.max)

    /// Adds a node with the given supply (negative: demand) and returns its 0-based index.
    /// The corresponding C function is `glp_add_vertices`.
    @discardableResult
    public func addNode(supply: Int = 0) throws -> Int {
        try ownership.check("FlowNetwork")
        guard abs(supply) <= Self.limit else {
            throw GLPKError.invalidArgument("addNode: supply \(supply) is outside ±\(Self.limit) (okalg uses C int)")
        }
        guard supplies.count < Self.limit - 2 else { throw GLPKError.invalidArgument("addNode: too many nodes") }
        let i = glp_add_vertices(graph, 1)
        supplies.append(supply)
        store(Double(supply), in: graph.pointee.v[Int(i)]!.pointee.data, at: Self.rhsOffset)
        return Int(i) - 1
    }

    /// Changes the supply of `node`.
    public func setSupply(_ node: Int, _ supply: Int) throws {
        try ownership.check("FlowNetwork")
        guard node >= 0, node < nodeCount else {
            throw GLPKError.invalidArgument("setSupply: node \(node) is outside 0..<\(nodeCount)")
        }
        guard abs(supply) <= Self.limit else {
            throw GLPKError.invalidArgument("setSupply: supply \(supply) is outside ±\(Self.limit) (okalg uses C int)")
        }
        supplies[node] = supply
        store(Double(supply), in: graph.pointee.v[node + 1]!.pointee.data, at: Self.rhsOffset)
    }

    /// Adds an arc and returns its 0-based index. The corresponding C function is `glp_add_arc`.
    @discardableResult
    public func addArc(from: Int, to: Int, lower: Int = 0, capacity: Int, cost: Int) throws -> Int {
        try ownership.check("FlowNetwork")
        guard from >= 0, from < nodeCount, to >= 0, to < nodeCount else {
            throw GLPKError.invalidArgument("addArc: nodes \(from) → \(to) must be in 0..<\(nodeCount)")
        }
        guard from != to else { throw GLPKError.invalidArgument("addArc: loop at node \(from) is not allowed") }
        guard lower >= 0, lower <= capacity, capacity <= Self.limit else {
            throw GLPKError.invalidArgument("addArc \(from) → \(to): need 0 ≤ lower (\(lower)) ≤ capacity (\(capacity)) ≤ \(Self.limit)")
        }
        guard abs(cost) <= Self.limit else {
            throw GLPKError.invalidArgument("addArc \(from) → \(to): cost \(cost) is outside ±\(Self.limit)")
        }
        guard arcPointers.count < Self.limit - nodeCount - 2 else { throw GLPKError.invalidArgument("addArc: too many arcs") }
        let a = glp_add_arc(graph, Int32(from + 1), Int32(to + 1))!
        let data = a.pointee.data
        store(Double(lower), in: data, at: Self.lowOffset)
        store(Double(capacity), in: data, at: Self.capOffset)
        store(Double(cost), in: data, at: Self.costOffset)
        store(0, in: data, at: Self.flowOffset)
        arcPointers.append(a)
        arcs.append(Arc(from: from, to: to, lower: lower, capacity: capacity, cost: cost))
        return arcs.count - 1
    }

    private func store(_ value: Double, in data: UnsafeMutableRawPointer?, at offset: Int32) {
        data!.storeBytes(of: value, toByteOffset: Int(offset), as: Double.self)
    }

    private func load(_ data: UnsafeMutableRawPointer?, at offset: Int32) -> Double {
        data!.load(fromByteOffset: Int(offset), as: Double.self)
    }

    /// Finds a minimum-cost flow with the out-of-kilter algorithm.
    ///
    /// Throws `GLPKError.invalidArgument` if supplies do not sum to 0 or the total supply exceeds
    /// `Int32.max`. Infeasibility and integer overflow are reported in the result's status.
    /// The corresponding C function is `glp_mincost_okalg`.
    public func solveMinCost() throws -> MinCostFlowResult {
        try ownership.check("FlowNetwork")
        var total = 0, positive = 0
        for s in supplies {
            total += s
            if s > 0 { positive += s }
        }
        guard total == 0 else {
            throw GLPKError.invalidArgument("solveMinCost: supplies sum to \(total), not 0")
        }
        guard positive <= Self.limit else {
            throw GLPKError.invalidArgument("solveMinCost: total supply \(positive) exceeds \(Self.limit)")
        }
        var sol = 0.0
        var ret: Int32 = 0
        let code = cmglp_guarded_mincost_okalg(graph, Self.rhsOffset, Self.lowOffset, Self.capOffset,
                                               Self.costOffset, &sol, Self.flowOffset, Self.piOffset, &ret)
        guard code == CMGLP_OK else { throw caughtFatalError() }
        switch ret {
        case 0: break
        case GLP_ENOPFS: return MinCostFlowResult(status: .infeasible, flows: [], potentials: [], totalCost: 0)
        case GLP_ERANGE: return MinCostFlowResult(status: .integerOverflow, flows: [], potentials: [], totalCost: 0)
        case GLP_EDATA: throw GLPKError.solverFailed(code: Int(ret), "glp_mincost_okalg rejected the data")
        default: throw GLPKError.solverFailed(code: Int(ret), "glp_mincost_okalg failed")
        }
        let flows = arcPointers.map { Int(load($0.pointee.data, at: Self.flowOffset)) }
        let potentials = (0..<nodeCount).map { Int(load(graph.pointee.v[$0 + 1]!.pointee.data, at: Self.piOffset)) }
        var cost = 0
        for (k, f) in flows.enumerated() {
            let (p, o1) = arcs[k].cost.multipliedReportingOverflow(by: f)
            let (s, o2) = cost.addingReportingOverflow(p)
            if o1 || o2 { return MinCostFlowResult(status: .integerOverflow, flows: [], potentials: [], totalCost: 0) }
            cost = s
        }
        return MinCostFlowResult(status: .optimal, flows: flows, potentials: potentials, totalCost: cost)
    }
}

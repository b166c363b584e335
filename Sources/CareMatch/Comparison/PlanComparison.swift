import Foundation

/// A hand-made plan (the coordinators' `manual_pairings.csv` / `manual_allocations.csv`) scored
/// under the same model and KPIs as the engine's optimized plan, side by side.
public struct PlanComparison: Sendable {
    /// One compared figure: the hand-made plan's value, the optimized one's, and the improvement.
    public struct Row: Sendable, Hashable {
        public var metric: PlanMetric
        public var manual: Double
        public var optimized: Double
        /// `optimized − manual`.
        public var improvement: Double { optimized - manual }
    }

    /// A broken rule of the hand-made plan, with the plan file and line.
    public struct Violation: Sendable, Hashable {
        /// `pairing` or `allocation`.
        public var plan: String
        public var violation: PlanViolation
        /// The organization of the row's source (allocation rows), or "".
        public var orgID = ""
        /// The county of the row's child, or "".
        public var county = ""
    }

    /// A figure of one county or one organization: hand-made and optimized.
    public struct BreakdownRow: Sendable, Hashable {
        public var manual: PlanBreakdown.Figure
        public var optimized: Double
        public var improvement: Double { optimized - manual.value }
    }

    public let plan: PlanResult
    public let manualPairing: PairingEvaluation
    public let manualAllocation: AllocationEvaluation
    public let rows: [Row]
    /// The same figures by county and by organization (`comparison.csv` only).
    public let breakdown: [BreakdownRow]
    /// Pairing violations first, then allocation ones, each in line order.
    public let violations: [Violation]
    /// The files the hand-made plan came from (as named in messages).
    public let pairingsFile: String
    public let allocationsFile: String

    /// Scores the hand-made assignments and compares them with `plan` (solved on `dataset`).
    public init(dataset d: Dataset, pairings: [PairAssignment], allocations: [AllocationAssignment],
                plan: PlanResult, pairingsFile: String = DatasetFile.manualPairings,
                allocationsFile: String = DatasetFile.manualAllocations) {
        self.plan = plan
        self.pairingsFile = pairingsFile
        self.allocationsFile = allocationsFile
        let pe = PairingEvaluation(dataset: d, assignments: pairings, file: pairingsFile)
        let ae = AllocationEvaluation(dataset: d, assignments: allocations, file: allocationsFile)
        manualPairing = pe
        manualAllocation = ae
        let manual = PlanMetrics.of(dataset: d, pairing: pe, allocation: ae)
        let optimized = PlanMetrics.of(plan)
        rows = zip(manual, optimized).map { Row(metric: $1, manual: $0.value, optimized: $1.value) }
        let optimizedAssignments = plan.allocation.rows.map(\.assignment)
        let mine = PlanBreakdown.of(dataset: d, pairing: pe, allocation: ae, assignments: allocations)
        let theirs = PlanBreakdown.of(dataset: d, pairing: plan.pairing.evaluation,
                                      allocation: plan.allocation.evaluation, assignments: optimizedAssignments)
        breakdown = zip(mine, theirs).map { BreakdownRow(manual: $0, optimized: $1.value) }
        let pv = PlanComparison.placeLineless(pe.violations, pairings: pairings, dataset: d)
        let index = d.index
        var pairingLine: [Int: String] = [:], allocationLine: [Int: (String, String)] = [:]
        for a in pairings where a.line > 0 {
            pairingLine[a.line] = index.childByID[a.childID].map { d.children[$0].county } ?? ""
        }
        for a in allocations where a.line > 0 {
            let org = index.offerByID[a.sourceID].map { d.offers[$0].orgID } ?? ""
            let county = index.needByID[a.needID].flatMap { index.childByID[d.needs[$0].childID] }.map { d.children[$0].county } ?? ""
            allocationLine[a.line] = (org, county)
        }
        violations = pv.map { Violation(plan: "pairing", violation: $0, county: $0.line.flatMap { pairingLine[$0] } ?? "") }
            + ae.violations.map {
                let (org, county) = $0.line.flatMap { allocationLine[$0] } ?? ("", "")
                return Violation(plan: "allocation", violation: $0, orgID: org, county: county)
            }
    }

    /// `PairingEvaluation` states an exceeded capacity (and a child with too many moms) without a
    /// line: give it the line of the row that went over the limit.
    static func placeLineless(_ vs: [PlanViolation], pairings: [PairAssignment], dataset d: Dataset) -> [PlanViolation] {
        guard vs.contains(where: { $0.line == nil }) else { return vs }
        let index = d.index
        var momLoad: [String: Int] = [:], childLoad: [String: Int] = [:]
        var momOver: [String: Int] = [:], childOver: [String: Int] = [:]
        var seen = Set<String>()
        for a in pairings {
            guard let c = index.childByID[a.childID], let m = index.momByID[a.momID] else { continue }
            guard seen.insert(a.childID + "\u{0}" + a.momID).inserted else { continue }
            momLoad[a.momID, default: 0] += 1
            childLoad[a.childID, default: 0] += 1
            if momOver[a.momID] == nil && momLoad[a.momID]! > d.moms[m].capacity { momOver[a.momID] = a.line }
            if childOver[a.childID] == nil && childLoad[a.childID]! > 1 + max(0, d.children[c].supportersWanted) { childOver[a.childID] = a.line }
        }
        var out = vs
        for i in out.indices where out[i].line == nil {
            let msg = out[i].message
            if let (_, line) = momOver.first(where: { msg.hasPrefix("capacity exceeded: mom '\($0.key)' has ") }) {
                out[i].line = line
            } else if let (_, line) = childOver.first(where: { msg.hasPrefix("child '\($0.key)' has ") }) {
                out[i].line = line
            }
        }
        return out.enumerated().sorted { x, y in
            let lx = x.element.line ?? Int.max, ly = y.element.line ?? Int.max
            return lx != ly ? lx < ly : x.offset < y.offset
        }.map(\.element)
    }

    // MARK: - Output

    /// `comparison.csv`: `metric,county,org_id,label,manual,optimized,improvement`: the
    /// headline figures (county and org_id empty), then the figures by county and by organization.
    public func comparisonCSV(byteOrderMark: Bool = false) -> CSVWriter {
        var w = CSVWriter(header: ["metric", "county", "org_id", "label", "manual", "optimized", "improvement"], byteOrderMark: byteOrderMark)
        let dec = 6
        for r in rows {
            w.appendRow([.text(r.metric.key), .text(""), .text(""), .text(r.metric.label), .number(CSVWriter.number(r.manual, decimals: dec)),
                         .number(CSVWriter.number(r.optimized, decimals: dec)), .number(CSVWriter.number(r.improvement, decimals: dec))])
        }
        for b in breakdown {
            w.appendRow([.text(b.manual.key), .text(b.manual.county), .text(b.manual.orgID), .text(b.manual.label),
                         .number(CSVWriter.number(b.manual.value, decimals: dec)), .number(CSVWriter.number(b.optimized, decimals: dec)),
                         .number(CSVWriter.number(b.improvement, decimals: dec))])
        }
        return w
    }

    /// `violations.csv`: `plan,file,line,org_id,county,message`.
    public func violationsCSV(byteOrderMark: Bool = false) -> CSVWriter {
        var w = CSVWriter(header: ["plan", "file", "line", "org_id", "county", "message"], byteOrderMark: byteOrderMark)
        for v in violations {
            w.appendRow([.text(v.plan), .text(v.violation.file ?? ""), .number(v.violation.line.map(String.init) ?? ""),
                         .text(v.orgID), .text(v.county), .text(v.violation.message)])
        }
        return w
    }

    /// A JSON summary for `--json`.
    public func json() throws -> Data {
        struct Out: Encodable {
            var dataset: String
            var metrics: [M]
            var violations: [V]
            struct M: Encodable { var metric: String; var label: String; var manual: Double; var optimized: Double; var improvement: Double }
            struct V: Encodable { var plan: String; var file: String?; var line: Int?; var message: String }
        }
        let o = Out(dataset: plan.dataset.name,
                    metrics: rows.map { .init(metric: $0.metric.key, label: $0.metric.label, manual: $0.manual, optimized: $0.optimized,
                                              improvement: Decimals.round($0.improvement, places: 6)) },
                    violations: violations.map { .init(plan: $0.plan, file: $0.violation.file, line: $0.violation.line, message: $0.violation.message) })
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try e.encode(o)
        data.append(0x0A)
        return data
    }
}

/// Reads a hand-made plan file given on the command line with the loader's rules and errors.
public enum ManualPlanReader {
    /// `child_id,mom_id,role` rows; errors name `file` (the path as given), line and column.
    public static func pairings(contentsOf url: URL, file: String) throws -> [PairAssignment] {
        var diags: [Diagnostic] = []
        let t = try table(url, file)
        let out = DatasetLoader.parseManualPairings(t, &diags)
        try check(diags, file)
        return out
    }

    /// `source_id,need_id,units` rows.
    public static func allocations(contentsOf url: URL, file: String) throws -> [AllocationAssignment] {
        var diags: [Diagnostic] = []
        let t = try table(url, file)
        let out = DatasetLoader.parseManualAllocations(t, &diags)
        try check(diags, file)
        return out
    }

    static func table(_ url: URL, _ file: String) throws -> CSVTable {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw InvalidInput([.error(file, "cannot read the file: \(error.localizedDescription)")])
        }
        do { return try CSVReader.read(data: data, file: file) } catch { throw InvalidInput([error.diagnostic]) }
    }

    static func check(_ diags: [Diagnostic], _ file: String) throws {
        let renamed = diags.map { d -> Diagnostic in var d = d; d.file = file; return d }
        if renamed.contains(where: { $0.severity == .error }) { throw InvalidInput(renamed.sorted()) }
    }
}

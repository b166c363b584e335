/// One pair of a pairing, with what the contract derives from it.
public struct EvaluatedPair: Sendable, Hashable {
    /// Dataset positions.
    public var child: Int
    public var mom: Int
    public var role: PairingRole
    public var centikm: Int
    public var shared: Bool
    public var continued: Bool
    /// v(m,c) in score units.
    public var value: Int64
    public var distanceKm: Double { Double(centikm) / 100 }
}

/// The pairing score of contract section 5 and the pairing KPIs, for *any* set of pairs: the
/// engine's plan or a coordinator's hand-made one. Rules the pairs break are listed, not thrown.
public struct PairingEvaluation: Sendable {
    public let scale: ScoreScale
    /// Pairs sorted by child id, lead first, then by mom id.
    public let pairs: [EvaluatedPair]
    /// The score in integer units of `scale`.
    public let scoreUnits: Int64
    public let violations: [PlanViolation]
    public let kpis: PairingKPIs

    /// The score in points (exact sum; round only when writing).
    public var score: Double { scale.points(scoreUnits) }
    public var isFeasible: Bool { violations.isEmpty }

    /// Scores pairs given by ids (a plan file). The file's `role` column is not needed: the
    /// contract makes the pair of highest value the lead. Unknown ids, duplicates, pairs beyond reach,
    /// exceeded capacities and children with more than 1+N moms are violations; rows with unknown
    /// ids are left out of the score, the others count (support rewards up to N per child).
    public init(dataset d: Dataset, assignments: [PairAssignment], file: String? = nil) {
        let index = d.index
        var pairs: [(Int, Int)] = []
        var lines: [Int] = []
        var violations: [PlanViolation] = []
        for a in assignments {
            guard let c = index.childByID[a.childID] else {
                violations.append(PlanViolation(file: file, line: a.line, "unknown child_id '\(a.childID)'")); continue
            }
            guard let m = index.momByID[a.momID] else {
                violations.append(PlanViolation(file: file, line: a.line, "unknown mom_id '\(a.momID)'")); continue
            }
            pairs.append((c, m)); lines.append(a.line)
        }
        self.init(dataset: d, instance: PairingInstance(dataset: d), pairs: pairs, lines: lines,
                  file: file, extraViolations: violations)
    }

    /// Scores pairs given as (child, mom) dataset positions.
    public init(dataset d: Dataset, instance inst: PairingInstance, pairs input: [(child: Int, mom: Int)],
                lines: [Int]? = nil, file: String? = nil, extraViolations: [PlanViolation] = []) {
        scale = inst.weights.scale
        var violations = extraViolations
        var seen = Set<Int64>()
        var byChild = [[EvaluatedPair]](repeating: [], count: inst.childCount)
        var load = [Int32](repeating: 0, count: inst.momCount)
        for (k, p) in input.enumerated() {
            let line = lines?[k]
            let key = Int64(p.child) * Int64(inst.momCount) + Int64(p.mom)
            if !seen.insert(key).inserted {
                violations.append(PlanViolation(file: file, line: line, "mom '\(inst.momIDs[p.mom])' is paired with child '\(inst.childIDs[p.child])' more than once"))
                continue
            }
            let f = inst.facts(mom: p.mom, child: p.child)
            if d.moms[p.mom].capacity <= 0 {
                violations.append(PlanViolation(file: file, line: line, "mom '\(inst.momIDs[p.mom])' has capacity 0"))
            } else if !f.allowed {
                let reach = Double(inst.momReach[p.mom]) / 100
                violations.append(PlanViolation(file: file, line: line, "pair beyond reach: mom '\(inst.momIDs[p.mom])' and child '\(inst.childIDs[p.child])' are \(Decimals.format(Double(f.centikm) / 100, maxDecimals: 2)) km apart, reach is \(Decimals.format(reach, maxDecimals: 2)) km"))
            }
            load[p.mom] += 1
            byChild[p.child].append(EvaluatedPair(child: p.child, mom: p.mom, role: .support, centikm: f.centikm,
                                                  shared: f.shared, continued: f.continued, value: f.value))
        }
        for m in 0..<inst.momCount where load[m] > max(0, d.moms[m].capacity) && d.moms[m].capacity > 0 {
            violations.append(PlanViolation(file: file, "capacity exceeded: mom '\(inst.momIDs[m])' has \(load[m]) children, capacity \(d.moms[m].capacity)"))
        }
        var score: Int64 = 0
        var all: [EvaluatedPair] = []
        all.reserveCapacity(input.count)
        // The id arrays, not the instance, go into the comparisons: passing the instance copied
        // (retained and released) its twenty arrays at every comparison.
        let (childIDs, momIDs) = (inst.childIDs, inst.momIDs)
        let childOrder = (0..<inst.childCount).sorted { childIDs[$0].precedesInCodePoints(childIDs[$1]) }
        for c in childOrder where !byChild[c].isEmpty {
            var list = byChild[c]
            list.sort { PairingEvaluation.leadPrecedes($0, $1, momIDs: momIDs) }
            list[0].role = .lead
            let k = list.count
            let slots = Int(inst.childSlots[c])
            if k > slots {
                violations.append(PlanViolation(file: file, "child '\(inst.childIDs[c])' has \(k) moms; at most \(slots) (1 lead + \(slots - 1) supporting) are wanted"))
            }
            score += inst.leadReward(c) + inst.supportReward(c) * Int64(min(k, slots) - 1)
            for p in list { score += p.value }
            let lead = list[0]
            let supports = list.dropFirst().sorted { momIDs[$0.mom].precedesInCodePoints(momIDs[$1.mom]) }
            all.append(lead)
            all.append(contentsOf: supports)
        }
        scoreUnits = score
        pairs = all
        self.violations = violations
        kpis = PairingKPIs(dataset: d, instance: inst, pairs: all)
    }

    /// The contract's lead order: higher v, then smaller distance, then smaller mom id.
    static func leadPrecedes(_ a: EvaluatedPair, _ b: EvaluatedPair, momIDs: [String]) -> Bool {
        if a.value != b.value { return a.value > b.value }
        if a.centikm != b.centikm { return a.centikm < b.centikm }
        return momIDs[a.mom].precedesInCodePoints(momIDs[b.mom])
    }
}

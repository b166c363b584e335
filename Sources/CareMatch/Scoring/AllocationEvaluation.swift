import Foundation

/// Coverage of the needs sharing one category, group or county.
public struct AllocationKPI: Sendable, Codable, Hashable {
    /// The category, group raw value or county.
    public var key: String
    public var needs: Int
    public var needsFullyCovered: Int
    public var unitsWanted: Double
    /// Units received, each need counted up to its quantity.
    public var unitsCovered: Double
    /// Points earned (need part of the score) and the most that could be earned.
    public var points: Double
    public var maxPoints: Double
    /// Yuan spent on these needs.
    public var yuan: Double
}

/// The money of one earmark (`any` or a category) and what was spent of it.
public struct FundKPI: Sendable, Codable, Hashable {
    public var earmark: String
    public var offers: Int
    public var yuanAvailable: Double
    public var yuanSpent: Double
}

/// What coordinators read off an allocation: coverage by category, group and county, fund use.
public struct AllocationKPIs: Sendable, Codable, Hashable {
    public var needs: Int
    public var needsFullyCovered: Int
    public var needsPartlyCovered: Int
    public var unitsWanted: Double
    public var unitsCovered: Double
    public var yuanSpent: Double
    public var yuanAvailable: Double
    public var byCategory: [AllocationKPI]
    public var byGroup: [AllocationKPI]
    public var byCounty: [AllocationKPI]
    public var byEarmark: [FundKPI]
}

/// The allocation score of contract section 6 and its KPIs for *any* allocation: the engine's
/// plan or a coordinator's `manual_allocations.csv`. Rules the rows break are listed, not thrown.
///
/// Checks, each reported with the row's line: unknown `source_id` / `need_id` (or a need whose
/// child or category is unknown); negative or non-finite units; a source that cannot serve the
/// need (wrong category, earmarked for another category, category not purchasable, county not
/// served, group not eligible); fractional units in an integral category; and, in row order, the
/// row at which an offer becomes over-allocated, a fund overspent, or a need over-covered.
/// Quantities and money are compared exactly in decimal (each double read as the shortest
/// decimal that prints it; prices in fen), so one fen too much is caught.
///
/// Scoring: rows with unknown ids, bad units, or a funds row for a category without price are
/// left out; every other row counts by the formula of section 6 as written (an over-covered
/// need is not capped in the score; the violation is listed). KPIs count a need's coverage up to
/// its quantity.
public struct AllocationEvaluation: Sendable, Codable {
    /// The score in points (exact sum in need order, then minus the fund penalty).
    public let score: Double
    /// The need part of the score and the fund penalty part (points).
    public let needPoints: Double
    public let fundPenaltyPoints: Double
    /// Units each need received (by dataset position of the need).
    public let covered: [Double]
    public let violations: [PlanViolation]
    public let kpis: AllocationKPIs
    public var isFeasible: Bool { violations.isEmpty }

    public init(dataset d: Dataset, assignments: [AllocationAssignment], file: String? = nil) {
        let index = d.index
        let s = d.settings
        let counties = d.counties
        var violations: [PlanViolation] = []
        func flag(_ a: AllocationAssignment, _ message: String) {
            violations.append(PlanViolation(file: file, line: a.line == 0 ? nil : a.line, message))
        }
        var covered = [Double](repeating: 0, count: d.needs.count)
        var coveredExact = [ExactTotal](repeating: ExactTotal(scale: 6), count: d.needs.count)
        var needFlagged = [Bool](repeating: false, count: d.needs.count)
        // In-kind offers in units (scale 6), funds in yuan as units × fen / 100 (scale 8).
        var used = d.offers.map { ExactTotal(scale: $0.isFunds ? 8 : 6) }
        var offerFlagged = [Bool](repeating: false, count: d.offers.count)
        var yuanByNeed = [Double](repeating: 0, count: d.needs.count)
        var yuanByOffer = [Double](repeating: 0, count: d.offers.count)
        var servedCache: [Int: Set<String>] = [:]
        for a in assignments {
            guard let o = index.offerByID[a.sourceID] else { flag(a, "unknown source_id '\(a.sourceID)'"); continue }
            guard let n = index.needByID[a.needID] else { flag(a, "unknown need_id '\(a.needID)'"); continue }
            let offer = d.offers[o], need = d.needs[n]
            guard let c = index.childByID[need.childID] else { flag(a, "need '\(need.id)' has an unknown child_id '\(need.childID)'"); continue }
            guard let e = index.catalogByCategory[need.category] else { flag(a, "need '\(need.id)' has an unknown category '\(need.category)'"); continue }
            guard a.units.isFinite, a.units >= 0 else { flag(a, "units must be a number ≥ 0, found \(a.units)"); continue }
            if a.units == 0 { continue }
            let entry = d.catalog[e], child = d.children[c]
            var counts = true
            if offer.isFunds {
                if offer.category != Offer.anyCategory && offer.category != need.category {
                    flag(a, "source '\(offer.id)' is money earmarked for '\(offer.category)', need '\(need.id)' is '\(need.category)' (wrong category)")
                }
                if entry.unitCostYuan == nil {
                    flag(a, "source '\(offer.id)' is money but category '\(need.category)' has no unit_cost_yuan (not purchasable)")
                    counts = false
                }
            } else if offer.category != need.category {
                flag(a, "source '\(offer.id)' gives '\(offer.category)', need '\(need.id)' is '\(need.category)' (wrong category)")
            }
            if servedCache[o] == nil { servedCache[o] = Set(offer.servedCounties(allCounties: counties)) }
            if !servedCache[o]!.contains(child.county) {
                flag(a, "source '\(offer.id)' does not serve county '\(child.county)' of child '\(child.id)' (county not served)")
            }
            if !offer.accepts(child.group) {
                flag(a, "source '\(offer.id)' is not for group '\(child.group.rawValue)' of child '\(child.id)' (group not eligible)")
            }
            if entry.integral && a.units != a.units.rounded() {
                flag(a, "\(a.units) units of '\(need.category)': only whole units in an integral category (fractional units)")
            }
            guard counts else { continue }
            covered[n] += a.units
            coveredExact[n].add(units: a.units)
            if !needFlagged[n] && coveredExact[n].exceeds(need.quantity) {
                needFlagged[n] = true
                flag(a, "need '\(need.id)' is over-covered: \(coveredExact[n].value) units given by this row, \(Decimals.format(need.quantity, maxDecimals: 6)) wanted")
            }
            if offer.isFunds {
                used[o].add(units: a.units, fen: Exact.fen(entry.unitCostYuan!))
                let yuan = a.units * entry.unitCostYuan!
                yuanByNeed[n] += yuan; yuanByOffer[o] += yuan
                if !offerFlagged[o] && used[o].exceeds(scaled: Int128(Exact.fen(offer.quantity)) * 1_000_000) {
                    offerFlagged[o] = true
                    flag(a, "fund '\(offer.id)' is overspent: \(used[o].value) yuan by this row, \(Decimals.format(offer.quantity, maxDecimals: 2)) offered")
                }
            } else {
                used[o].add(units: a.units)
                if !offerFlagged[o] && used[o].exceeds(offer.quantity) {
                    offerFlagged[o] = true
                    flag(a, "offer '\(offer.id)' is over-allocated: \(used[o].value) units by this row, \(Decimals.format(offer.quantity, maxDecimals: 6)) offered")
                }
            }
        }
        // Score: need part in need order, then the fund penalty.
        var needPart = 0.0, yuanTotal = 0.0
        var pointsOf = [Double](repeating: 0, count: d.needs.count)
        for (n, need) in d.needs.enumerated() where covered[n] > 0 {
            guard let c = index.childByID[need.childID] else { continue }
            pointsOf[n] = s.needPoints * s.weight(d.children[c].group) * Double(need.priority) * covered[n] / need.quantity
            needPart += pointsOf[n]
        }
        for o in 0..<d.offers.count { yuanTotal += yuanByOffer[o] }
        self.needPoints = needPart
        self.fundPenaltyPoints = s.fundPenalty * yuanTotal
        self.score = needPart - s.fundPenalty * yuanTotal
        self.covered = covered
        self.violations = violations
        self.kpis = AllocationEvaluation.kpis(d, index, covered: covered, points: pointsOf, yuanByNeed: yuanByNeed,
                                              yuanByOffer: yuanByOffer, yuanTotal: yuanTotal)
    }

    static func kpis(_ d: Dataset, _ index: DatasetIndex, covered: [Double], points: [Double],
                     yuanByNeed: [Double], yuanByOffer: [Double], yuanTotal: Double) -> AllocationKPIs {
        let s = d.settings
        var cat: [String: AllocationKPI] = [:], grp: [String: AllocationKPI] = [:], cty: [String: AllocationKPI] = [:]
        var full = 0, part = 0, wanted = 0.0, got = 0.0
        func add(_ table: inout [String: AllocationKPI], _ key: String, _ q: Double, _ c: Double, _ p: Double, _ mp: Double, _ y: Double) {
            var k = table[key] ?? AllocationKPI(key: key, needs: 0, needsFullyCovered: 0, unitsWanted: 0, unitsCovered: 0, points: 0, maxPoints: 0, yuan: 0)
            k.needs += 1
            if c >= q { k.needsFullyCovered += 1 }
            k.unitsWanted += q; k.unitsCovered += c; k.points += p; k.maxPoints += mp; k.yuan += y
            table[key] = k
        }
        for (n, need) in d.needs.enumerated() {
            guard let ci = index.childByID[need.childID] else { continue }
            let child = d.children[ci]
            let c = min(covered[n], need.quantity)
            let mp = s.needPoints * s.weight(child.group) * Double(need.priority)
            wanted += need.quantity; got += c
            if c >= need.quantity { full += 1 } else if c > 0 { part += 1 }
            add(&cat, need.category, need.quantity, c, points[n], mp, yuanByNeed[n])
            add(&grp, child.group.rawValue, need.quantity, c, points[n], mp, yuanByNeed[n])
            add(&cty, child.county, need.quantity, c, points[n], mp, yuanByNeed[n])
        }
        var funds: [String: FundKPI] = [:]
        var available = 0.0
        for (o, offer) in d.offers.enumerated() where offer.isFunds {
            var f = funds[offer.category] ?? FundKPI(earmark: offer.category, offers: 0, yuanAvailable: 0, yuanSpent: 0)
            f.offers += 1; f.yuanAvailable += offer.quantity; f.yuanSpent += yuanByOffer[o]
            available += offer.quantity
            funds[offer.category] = f
        }
        func sorted<T>(_ t: [String: T]) -> [T] { t.keys.sorted { $0.precedesInCodePoints($1) }.map { t[$0]! } }
        return AllocationKPIs(needs: d.needs.count, needsFullyCovered: full, needsPartlyCovered: part,
                              unitsWanted: wanted, unitsCovered: got, yuanSpent: yuanTotal, yuanAvailable: available,
                              byCategory: sorted(cat), byGroup: sorted(grp), byCounty: sorted(cty), byEarmark: sorted(funds))
    }
}

@testable import CareMatch
import Foundation
import GLPK

enum AllocationInstances {
    /// Books (integral, priced), tutoring (fractional, priced at 33.33) and rehab (integral, not
    /// purchasable): the small catalog of the hand-checked allocation tests.
    static let smallCatalog = [
        CatalogEntry(category: "books", resource: .equipment, unit: "item", unitCostYuan: 20, integral: true),
        CatalogEntry(category: "tutoring", resource: .people, unit: "hour", unitCostYuan: 33.33, integral: false),
        CatalogEntry(category: "rehab", resource: .people, unit: "session", unitCostYuan: nil, integral: true),
    ]
    static let counties = ["Kecheng", "Qujiang", "Longyou"]

    /// A random dataset: a catalog of `categories` (some integral, some without price), children
    /// in `counties`, in-kind offers and funds (`any` or earmarked) with random service areas and
    /// eligible groups, and needs. `integralOnly` makes every category integral; `tiny` keeps all
    /// quantities at most 3 (for brute force).
    static func random(seed: UInt64, children: Int, offers: Int, categories: Int = 3,
                       integralOnly: Bool = false, tiny: Bool = false) -> Dataset {
        var r = TestRandom(seed: seed)
        var d = Dataset(name: "alloc-\(seed)")
        d.settings.allocationMIPGap = 0
        let resources: [Resource] = [.people, .venue, .equipment]
        for c in 0..<categories {
            let integral = integralOnly || r.chance(0.6)
            let price: Double? = r.chance(0.2) ? nil : Double(r.int(tiny ? 50...400 : 100...9999)) / 100
            d.catalog.append(CatalogEntry(category: "cat\(c)", resource: resources[c % 3], unit: "unit",
                                          unitCostYuan: price, integral: integral))
        }
        d.organizations = [Organization(id: "ORG", name: "org", kind: .enterprise, county: counties[0])]
        for i in 0..<children {
            d.children.append(Child(id: "C\(i)", group: r.pick(ChildGroup.allCases), county: r.pick(counties),
                                    location: GeoPoint(lat: 28.9, lon: 118.9)))
        }
        func quantity(integral: Bool, max: Int) -> Double {
            integral ? Double(r.int(1...max)) : Double(r.int(1...(max * 100))) / 100
        }
        var needNo = 0
        for c in d.children {
            for _ in 0..<r.int(tiny ? 0...1 : 0...3) {
                let e = r.pick(d.catalog)
                d.needs.append(Need(id: "N\(needNo)", childID: c.id, category: e.category,
                                    quantity: quantity(integral: e.integral, max: tiny ? 3 : 6), priority: r.int(1...5)))
                needNo += 1
            }
        }
        for i in 0..<offers {
            let serves: ServiceArea = r.chance(0.3) ? .city : (r.chance(0.5) ? .ownCounty : .counties(counties.filter { _ in r.chance(0.6) }))
            let groups: Set<ChildGroup>? = r.chance(0.6) ? nil : Set(ChildGroup.allCases.filter { _ in r.chance(0.6) })
            if r.chance(0.35) {
                let cat = r.chance(0.5) ? Offer.anyCategory : r.pick(d.catalog).category
                let yuan = Double(r.int(tiny ? 0...900 : 0...400_000)) / 100
                d.offers.append(Offer(id: "F\(i)", orgID: "ORG", resource: .funds, category: cat, quantity: yuan,
                                      county: r.pick(counties), serves: serves, eligibleGroups: groups))
            } else {
                let e = r.pick(d.catalog)
                d.offers.append(Offer(id: "K\(i)", orgID: "ORG", resource: e.resource, category: e.category,
                                      quantity: quantity(integral: e.integral, max: tiny ? 3 : 8), county: r.pick(counties),
                                      serves: serves, eligibleGroups: groups))
            }
        }
        return d
    }

    /// Whether source `o` may serve need `n`, decided directly from the contract's words.
    static func compatible(_ d: Dataset, offer o: Offer, need n: Need) -> Bool {
        guard let child = d.children.first(where: { $0.id == n.childID }),
              let entry = d.catalog.first(where: { $0.category == n.category }) else { return false }
        let served: [String]
        switch o.serves {
        case .ownCounty: served = [o.county]
        case .city: served = d.counties
        case .counties(let list): served = list
        }
        guard served.contains(child.county), o.eligibleGroups?.contains(child.group) ?? true, o.quantity > 0 else { return false }
        if o.isFunds { return entry.unitCostYuan != nil && (o.category == Offer.anyCategory || o.category == n.category) }
        return o.category == n.category
    }

    static func value(_ d: Dataset, _ n: Need) -> Double {
        let child = d.children.first { $0.id == n.childID }!
        return d.settings.needPoints * d.settings.weight(child.group) * Double(n.priority) / n.quantity
    }

    static func price(_ d: Dataset, _ n: Need) -> Double { d.catalog.first { $0.category == n.category }!.unitCostYuan ?? 0 }

    /// The direct model (one column per compatible (source, need) link) solved by GLPK: its best
    /// objective and proven bound (equal when GLPK proves optimality within the time limit).
    /// `forbidden` links (offer and need positions) are left out; `lower` gives links a lower bound.
    static func directOptimum(_ d: Dataset, timeLimit: Double = 20, forbidden: Set<[Int]> = [],
                              lower: [[Int]: Double] = [:]) throws -> (objective: Double, bound: Double) {
        var links: [(Int, Int)] = []
        for (i, o) in d.offers.enumerated() {
            for (j, n) in d.needs.enumerated() where compatible(d, offer: o, need: n) && !forbidden.contains([i, j]) { links.append((i, j)) }
        }
        if links.isEmpty { return (0, 0) }
        let p = Problem(name: "direct", direction: .maximize)
        try p.addRows(d.offers.count + d.needs.count)
        for (i, o) in d.offers.enumerated() { try p.setRowBounds(i, .upper(o.quantity)) }
        for (j, n) in d.needs.enumerated() { try p.setRowBounds(d.offers.count + j, .upper(n.quantity)) }
        try p.addColumns(links.count)
        var m = SparseMatrix()
        for (k, (i, j)) in links.enumerated() {
            let o = d.offers[i], n = d.needs[j]
            let integral = d.catalog.first { $0.category == n.category }!.integral
            try p.setColumnBounds(k, .lower(lower[[i, j]] ?? 0))
            if integral { try p.setColumnKind(k, .integer) }
            let pr = price(d, n)
            try p.setObjectiveCoefficient(k, value(d, n) - (o.isFunds ? d.settings.fundPenalty * pr : 0))
            if !(o.isFunds && pr == 0) { m.append(row: i, column: k, value: o.isFunds ? pr : 1) }
            m.append(row: d.offers.count + j, column: k, value: 1)
        }
        try p.loadMatrix(m)
        var o = MIPOptions(presolve: true, relativeGap: 0, timeLimit: timeLimit)
        o.mirCuts = true; o.gomoryCuts = true; o.coverCuts = true; o.cliqueCuts = true
        let r = try p.intopt(o)
        precondition(r.objective != nil && r.bound != nil, "direct model not solved: \(r)")
        return (r.objective!, r.bound!)
    }

    /// The best score over every integer allocation (tiny instances with integral categories).
    static func bruteForce(_ d: Dataset) -> Double {
        var links: [(Int, Int)] = []
        for (i, o) in d.offers.enumerated() { for (j, n) in d.needs.enumerated() where compatible(d, offer: o, need: n) { links.append((i, j)) } }
        var u = [Int](repeating: 0, count: links.count)
        var best = 0.0
        func feasibleAndScore() -> Double? {
            var used = [Double](repeating: 0, count: d.offers.count)
            var got = [Int](repeating: 0, count: d.needs.count)
            var score = 0.0
            for (k, (i, j)) in links.enumerated() where u[k] > 0 {
                let o = d.offers[i], n = d.needs[j]
                used[i] += o.isFunds ? Double(u[k]) * price(d, n) : Double(u[k])
                got[j] += u[k]
                score += Double(u[k]) * value(d, n) - (o.isFunds ? d.settings.fundPenalty * Double(u[k]) * price(d, n) : 0)
            }
            for i in 0..<d.offers.count where used[i] > d.offers[i].quantity + 1e-9 { return nil }
            for j in 0..<d.needs.count where Double(got[j]) > d.needs[j].quantity { return nil }
            return score
        }
        func rec(_ k: Int) {
            if k == links.count { if let s = feasibleAndScore() { best = max(best, s) }; return }
            for v in 0...Int(d.needs[links[k].1].quantity) { u[k] = v; rec(k + 1) }
            u[k] = 0
        }
        rec(0)
        return best
    }

    /// KKT conditions of `p`'s last LP solution, computed here from the model's data (maximization).
    /// Returns the largest violation of primal feasibility, dual sign, complementary slackness and
    /// the relative difference of the primal and dual objectives.
    static func kktViolation(_ p: Problem) throws -> (primal: Double, dual: Double, slackness: Double, objective: Double) {
        let x = p.columnValues(), y = p.rowDuals()
        let a = p.matrix()
        var ax = [Double](repeating: 0, count: p.rowCount), aty = [Double](repeating: 0, count: p.columnCount)
        for k in 0..<a.count { ax[a.rows[k]] += a.values[k] * x[a.columns[k]]; aty[a.columns[k]] += a.values[k] * y[a.rows[k]] }
        var pv = 0.0, dv = 0.0, cs = 0.0, primalObj = 0.0, dualObj = 0.0
        func lohi(_ b: Bounds) -> (Double, Double) {
            switch b {
            case .free: return (-.infinity, .infinity)
            case .lower(let l): return (l, .infinity)
            case .upper(let u): return (-.infinity, u)
            case .range(let l, let u): return (l, u)
            case .fixed(let v): return (v, v)
            }
        }
        func visit(_ v: Double, _ g: Double, _ b: Bounds) {
            let (lo, hi) = lohi(b)
            pv = max(pv, lo - v, v - hi)
            if g > 1e-9 { if hi.isFinite { cs = max(cs, g * (hi - v)); dualObj += g * hi } else { dv = max(dv, g) } }
            if g < -1e-9 { if lo.isFinite { cs = max(cs, -g * (v - lo)); dualObj += g * lo } else { dv = max(dv, -g) } }
        }
        for i in 0..<p.rowCount { visit(ax[i], y[i], try p.rowBounds(i)) }
        for j in 0..<p.columnCount {
            let c = try p.objectiveCoefficient(j)
            primalObj += c * x[j]
            visit(x[j], c - aty[j], try p.columnBounds(j))
        }
        return (pv, dv, cs, abs(primalObj - dualObj) / max(1, abs(primalObj)))
    }
}

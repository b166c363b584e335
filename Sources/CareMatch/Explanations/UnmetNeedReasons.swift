import Foundation

/// Why a need is not fully covered, computed from the dataset and the plan's allocation rows
/// alone (so it does not depend on the allocation model's internals).
///
/// The sources that could serve a need are the in-kind offers of its category and the funds
/// (`any` or earmarked for it) that can buy it, serving the child's county and group, with a
/// quantity > 0. A source is used up when less than one unit (or, in a continuous category,
/// less than 0.000001 unit; for funds, less than the price of that) is left.
public enum UnmetNeedReasons {
    /// One `need` row per need of `unmet`, in the order given (need id order in a plan).
    public static func explain(_ d: Dataset, rows: [AllocationRow], unmet: [UnmetNeed]) -> [UnmetEntry] {
        let index = d.index
        let counties = d.counties
        var usedUnits = [String: Double](), usedYuan = [String: Double]()
        var ownRows = [String: [AllocationRow]]()
        for r in rows {
            usedUnits[r.sourceID, default: 0] += r.units
            usedYuan[r.sourceID, default: 0] += r.yuan
            ownRows[r.needID, default: []].append(r)
        }
        func valuePerUnit(_ n: Int) -> Double? {
            guard let c = index.childByID[d.needs[n].childID], d.needs[n].quantity > 0 else { return nil }
            return d.settings.needPoints * d.settings.weight(d.children[c].group) * Double(d.needs[n].priority) / d.needs[n].quantity
        }
        func price(_ n: Int) -> Double? { index.catalogByCategory[d.needs[n].category].flatMap { d.catalog[$0].unitCostYuan } }
        /// What a row's need is worth: points per unit in kind, per yuan for money.
        func worth(_ r: AllocationRow) -> Double {
            guard let m = index.needByID[r.needID], let v = valuePerUnit(m) else { return 0 }
            guard r.yuan > 0 else { return v }
            guard let p = price(m), p > 0 else { return 0 }
            return v / p
        }
        var ladders = [String: Ladder]()
        var bySource = [String: [AllocationRow]]()
        for r in rows { bySource[r.sourceID, default: []].append(r) }
        for (id, rs) in bySource { ladders[id] = Ladder(rs, worth: worth) }
        // Offers by category (in kind) and by earmark (funds), each in id order.
        let offerOrder = d.offers.indices.sorted { d.offers[$0].id.precedesInCodePoints(d.offers[$1].id) }
        var inKindByCategory = [String: [Int]](), fundsByEarmark = [String: [Int]]()
        for o in offerOrder {
            if d.offers[o].isFunds { fundsByEarmark[d.offers[o].category, default: []].append(o) }
            else { inKindByCategory[d.offers[o].category, default: []].append(o) }
        }
        return unmet.compactMap { u -> UnmetEntry? in
            guard let n = index.needByID[u.needID], let c = index.childByID[d.needs[n].childID] else { return nil }
            let need = d.needs[n], child = d.children[c]
            let entry = index.catalogByCategory[need.category].map { d.catalog[$0] }
            let price = entry?.unitCostYuan
            let integral = entry?.integral ?? true
            let reaches: (Offer) -> Bool = { o in
                o.quantity > 0 && o.accepts(child.group) && o.servedCounties(allCounties: counties).contains(child.county)
            }
            let inKind = inKindByCategory[need.category] ?? []
            let funds = price == nil ? [] : (fundsByEarmark[Offer.anyCategory] ?? []) + (need.category == Offer.anyCategory ? [] : fundsByEarmark[need.category] ?? [])
            let sources = (inKind + funds).filter { reaches(d.offers[$0]) }.sorted { d.offers[$0].id.precedesInCodePoints(d.offers[$1].id) }
            var out = UnmetEntry(kind: .need, id: need.id, childID: child.id, group: child.group, county: child.county,
                                 township: child.township, priority: need.priority, missing: u.missing,
                                 code: .noSource, reason: "")
            let unit = entry?.unit ?? "unit"
            guard !sources.isEmpty else {
                let elsewhere = inKind.count + funds.count
                let note = elsewhere > 0 ? " (\(elsewhere) offer(s) of it serve other counties or groups)" : ""
                if price == nil {
                    out.code = .notPurchasable
                    out.reason = "\(need.category) cannot be bought (no unit_cost_yuan in catalog.csv) and no in-kind offer serves \(child.county) for \(child.group.rawValue) children\(note)"
                } else {
                    out.reason = "no offer or fund serves \(need.category) in \(child.county) for \(child.group.rawValue) children\(note)"
                }
                return out
            }
            // What each source has left, and whether that is at least one unit for this need.
            var left: [(id: String, text: String, funds: Bool)] = []
            for s in sources {
                let o = d.offers[s]
                if o.isFunds, let p = price {
                    let l = o.quantity - (usedYuan[o.id] ?? 0)
                    if l >= (integral ? p : 0.000001 * p) - 1e-9 { left.append((o.id, "\(o.id): \(Decimals.format(l, maxDecimals: 2)) yuan left", true)) }
                } else if !o.isFunds {
                    let l = o.quantity - (usedUnits[o.id] ?? 0)
                    if l >= (integral ? 1 : 0.000001) - 1e-9 { left.append((o.id, "\(o.id): \(Decimals.format(l, maxDecimals: 6)) \(unit) left", false)) }
                }
            }
            let ids = sources.map { d.offers[$0].id }
            let listed = ids.count > 6 ? ids.prefix(6).joined(separator: ", ") + ", …" : ids.joined(separator: ", ")
            if left.isEmpty {
                // Where they went: needs worth more than this one, or the same or less — per unit
                // for in-kind help, per yuan for money (a fund buys units of different prices).
                let mine = valuePerUnit(n) ?? 0
                let minePerYuan = price.map { $0 > 0 ? mine / $0 : 0 } ?? 0
                var higher = Ladder.Sum(), other = Ladder.Sum()
                for s in sources {
                    guard let ladder = ladders[d.offers[s].id] else { continue }
                    let split = ladder.split(above: d.offers[s].isFunds ? minePerYuan : mine)
                    higher.add(split.above); other.add(split.rest)
                }
                // The need's own rows are worth exactly its own value: never "more".
                for r in ownRows[need.id] ?? [] where sources.contains(where: { d.offers[$0].id == r.sourceID }) {
                    other.add(Ladder.Sum(units: r.yuan > 0 ? 0 : r.units, yuan: r.yuan, rows: 1), sign: -1)
                }
                func deliveries(_ k: Int) -> String { k == 1 ? "1 delivery" : "\(k) deliveries" }
                func amount(_ units: Double, _ yuan: Double) -> String {
                    var parts: [String] = []
                    if units > 0 { parts.append("\(Decimals.format(units, maxDecimals: 6)) units in kind") }
                    if yuan > 0 { parts.append("\(Decimals.format(yuan, maxDecimals: 2)) yuan") }
                    return parts.isEmpty ? "nothing" : parts.joined(separator: " and ")
                }
                out.code = .sourcesUsedElsewhere
                out.reason = "its \(ids.count) possible source(s) (\(listed)) are used up: \(amount(higher.units, higher.yuan)) went to needs worth more (points per unit in kind, per yuan for money), in \(deliveries(higher.rows))"
                    + (other.rows <= 0 ? "" : "; \(amount(other.units, other.yuan)) to needs worth the same or less, in \(deliveries(other.rows))")
                return out
            }
            let value = valuePerUnit(n) ?? 0
            if left.allSatisfy(\.funds), let p = price, d.settings.fundPenalty * p >= value {
                out.code = .notWorthBuying
                out.reason = "money is left (\(left.map(\.text).joined(separator: "; "))), but buying one \(unit) costs \(Decimals.format(d.settings.fundPenalty * p, maxDecimals: 4)) points (fund_penalty × \(Decimals.format(p, maxDecimals: 2)) yuan) and covers \(Decimals.format(value, maxDecimals: 4))"
                return out
            }
            out.code = .sourcesLeftUnused
            out.reason = "sources that could serve it still have something left (\(left.prefix(6).map(\.text).joined(separator: "; "))); the plan is within its proven gap (summary.json) or whole units did not fit"
            return out
        }
    }
}

/// One source's deliveries sorted by what their needs are worth, with running totals, so the
/// deliveries worth more than a threshold are summed in O(log rows).
struct Ladder {
    /// Units (in kind), yuan (money) and rows.
    struct Sum {
        var units = 0.0, yuan = 0.0, rows = 0
        mutating func add(_ o: Sum, sign: Double = 1) {
            units += sign * o.units; yuan += sign * o.yuan; rows += Int(sign) * o.rows
        }
    }
    let worth: [Double]
    /// prefix[i] = the sum of the first i deliveries (by increasing worth).
    let prefix: [Sum]

    init(_ rows: [AllocationRow], worth w: (AllocationRow) -> Double) {
        // Only the figures are sorted (not the rows and their strings): the order is the same,
        // since it depends on the worths alone.
        let sorted = rows.map { (worth: w($0), units: $0.yuan > 0 ? 0 : $0.units, yuan: $0.yuan) }.sorted { $0.worth < $1.worth }
        worth = sorted.map(\.worth)
        var p = [Sum()]
        p.reserveCapacity(sorted.count + 1)
        for r in sorted {
            var s = p[p.count - 1]
            s.add(Sum(units: r.units, yuan: r.yuan, rows: 1))
            p.append(s)
        }
        prefix = p
    }

    /// The deliveries worth more than `threshold` (relative tolerance 1e-12), and the rest.
    func split(above threshold: Double) -> (above: Sum, rest: Sum) {
        let t = threshold * (1 + 1e-12) + 1e-12
        var lo = 0, hi = worth.count
        while lo < hi { let mid = (lo + hi) / 2; if worth[mid] > t { hi = mid } else { lo = mid + 1 } }
        var above = prefix[worth.count]
        above.add(prefix[lo], sign: -1)
        return (above, prefix[lo])
    }
}

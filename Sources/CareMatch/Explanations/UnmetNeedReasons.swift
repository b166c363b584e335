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
        let index = DatasetIndex(d)
        let counties = d.counties
        var usedUnits = [String: Double](), usedYuan = [String: Double]()
        var rowsBySource = [String: [AllocationRow]]()
        for r in rows {
            usedUnits[r.sourceID, default: 0] += r.units
            usedYuan[r.sourceID, default: 0] += r.yuan
            rowsBySource[r.sourceID, default: []].append(r)
        }
        let offerOrder = d.offers.indices.sorted { d.offers[$0].id.precedesInCodePoints(d.offers[$1].id) }
        func valuePerUnit(_ n: Int) -> Double? {
            guard let c = index.childByID[d.needs[n].childID], d.needs[n].quantity > 0 else { return nil }
            return d.settings.needPoints * d.settings.weight(d.children[c].group) * Double(d.needs[n].priority) / d.needs[n].quantity
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
            let inKind = offerOrder.filter { !d.offers[$0].isFunds && d.offers[$0].category == need.category }
            let funds = price == nil ? [] : offerOrder.filter {
                d.offers[$0].isFunds && (d.offers[$0].category == Offer.anyCategory || d.offers[$0].category == need.category)
            }
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
                var higher = Set<String>(), other = Set<String>()
                var higherUnits = 0.0, higherYuan = 0.0, otherUnits = 0.0, otherYuan = 0.0
                for s in sources {
                    for r in rowsBySource[d.offers[s].id] ?? [] where r.needID != need.id {
                        guard let m = index.needByID[r.needID] else { continue }
                        let worthMore: Bool
                        if d.offers[s].isFunds {
                            let p = index.catalogByCategory[d.needs[m].category].flatMap { d.catalog[$0].unitCostYuan } ?? 0
                            worthMore = p > 0 && (valuePerUnit(m) ?? 0) / p > minePerYuan * (1 + 1e-12) + 1e-12
                        } else {
                            worthMore = (valuePerUnit(m) ?? 0) > mine * (1 + 1e-12) + 1e-12
                        }
                        if worthMore {
                            higher.insert(r.needID); if r.yuan > 0 { higherYuan += r.yuan } else { higherUnits += r.units }
                        } else {
                            other.insert(r.needID); if r.yuan > 0 { otherYuan += r.yuan } else { otherUnits += r.units }
                        }
                    }
                }
                func amount(_ units: Double, _ yuan: Double) -> String {
                    var parts: [String] = []
                    if units > 0 { parts.append("\(Decimals.format(units, maxDecimals: 6)) units in kind") }
                    if yuan > 0 { parts.append("\(Decimals.format(yuan, maxDecimals: 2)) yuan") }
                    return parts.isEmpty ? "nothing" : parts.joined(separator: " and ")
                }
                out.code = .sourcesUsedElsewhere
                out.reason = "its \(ids.count) possible source(s) (\(listed)) are used up: \(amount(higherUnits, higherYuan)) went to \(higher.count) need(s) worth more (points per unit in kind, per yuan for money)"
                    + (other.isEmpty ? "" : ", \(amount(otherUnits, otherYuan)) to \(other.count) need(s) worth the same or less")
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

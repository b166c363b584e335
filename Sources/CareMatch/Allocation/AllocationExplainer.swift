import Foundation
import GLPK

/// Coordinators' words for a plan: what is used up, what more would be worth, who cannot be
/// served and which offers nobody can use.
struct AllocationExplainer {
    let inst: AllocationInstance
    let model: AllocationModel
    let usedTicks: [Int64]
    /// Yuan spent per funds offer, in micro-fen (10⁻⁶ fen).
    let spentMicroFen: [Int128]
    let coveredTicks: [Int64]
    let duals: [Double]
    let values: [Double]

    var d: Dataset { inst.dataset }

    func ticksPerUnit(offer o: Int) -> Int64 {
        let cat = d.offers[o].category
        guard let e = inst.index.catalogByCategory[cat] else { return 1 }
        return Exact.ticksPerUnit(integral: d.catalog[e].integral)
    }

    /// Money a fund has left, in micro-fen.
    func leftoverMicroFen(_ o: Int) -> Int128 { Int128(Exact.fen(d.offers[o].quantity)) * 1_000_000 - spentMicroFen[o] }

    func leftoverTicks(_ o: Int) -> Int64 { Exact.ticks(d.offers[o].quantity, perUnit: ticksPerUnit(offer: o)) - usedTicks[o] }

    /// Whether a fund can still buy a unit (or, in a continuous category, a fen's worth) for class k.
    func canBuy(_ o: Int, forClass k: Int) -> Bool {
        let cls = inst.classes[k]
        guard let price = cls.unitCost else { return false }
        let left = leftoverMicroFen(o)
        return left >= (cls.integral ? Int128(Exact.fen(price)) * 1_000_000 : 1_000_000)
    }

    func offerUses() -> [OfferUse] {
        inst.offerOrder.compactMap { o in
            let offer = d.offers[o]
            guard !inst.offerClasses[o].isEmpty else { return nil }
            let exhausted: Bool
            let used: Double
            if offer.isFunds {
                used = Double(spentMicroFen[o]) / 100_000_000
                exhausted = !inst.offerClasses[o].contains { canBuy(o, forClass: $0) }
            } else {
                used = Double(usedTicks[o]) / Double(ticksPerUnit(offer: o))
                exhausted = leftoverTicks(o) <= 0
            }
            let continuous = inst.offerClasses[o].contains { !inst.classes[$0].integral }
            let row = model.offerRow[o]
            return OfferUse(offerID: offer.id, resource: offer.resource.rawValue, category: offer.category,
                            quantity: offer.quantity, used: used, exhausted: exhausted,
                            shadowPrice: continuous && row >= 0 && row < duals.count ? duals[row] : nil)
        }
    }

    func unusableOffers() -> [UnusableOffer] {
        var categoriesWithNeeds = Set<String>()
        var categoryCounty = Set<String>()
        for c in inst.classes { categoriesWithNeeds.insert(c.key.category); categoryCounty.insert(c.key.category + "\u{0}" + c.key.county) }
        let purchasable = d.catalog.filter { $0.unitCostYuan != nil }.map(\.category)
        var out: [UnusableOffer] = []
        for o in inst.offerOrder where inst.offerClasses[o].isEmpty {
            let offer = d.offers[o]
            let reason: String
            var cats: [String]
            if offer.quantity <= 0 { out.append(UnusableOffer(offerID: offer.id, reason: "its quantity is 0")); continue }
            if offer.isFunds {
                if offer.category == Offer.anyCategory {
                    cats = purchasable
                    if cats.isEmpty { out.append(UnusableOffer(offerID: offer.id, reason: "no category of the catalog has a unit_cost_yuan: money cannot buy anything")); continue }
                } else if let e = inst.index.catalogByCategory[offer.category], d.catalog[e].unitCostYuan != nil {
                    cats = [offer.category]
                } else {
                    out.append(UnusableOffer(offerID: offer.id, reason: "money earmarked for '\(offer.category)', which has no unit_cost_yuan: it cannot be spent")); continue
                }
            } else {
                guard inst.index.catalogByCategory[offer.category] != nil else {
                    out.append(UnusableOffer(offerID: offer.id, reason: "category '\(offer.category)' is not in the catalog")); continue
                }
                cats = [offer.category]
            }
            let what = offer.isFunds && offer.category == Offer.anyCategory ? "a purchasable category" : "category '\(offer.category)'"
            let served = offer.servedCounties(allCounties: inst.counties)
            if !cats.contains(where: { categoriesWithNeeds.contains($0) }) {
                reason = "no child needs \(what)"
            } else if !cats.contains(where: { c in served.contains { categoryCounty.contains(c + "\u{0}" + $0) } }) {
                reason = "no child in the counties it serves (\(served.joined(separator: ";"))) needs \(what)"
            } else {
                let groups = (offer.eligibleGroups ?? []).map(\.rawValue).sorted().joined(separator: ";")
                reason = "the children needing \(what) in the counties it serves are not of its eligible groups (\(groups))"
            }
            out.append(UnusableOffer(offerID: offer.id, reason: reason))
        }
        return out
    }

    func unmetNeeds() -> [UnmetNeed] {
        let order = (0..<d.needs.count).sorted { d.needs[$0].id.precedesInCodePoints(d.needs[$1].id) }
        var out: [UnmetNeed] = []
        let s = d.settings
        for n in order {
            let need = d.needs[n]
            let k = inst.needClass[n]
            let per = k >= 0 ? Exact.ticksPerUnit(integral: inst.classes[k].integral) : 1
            let wanted = Exact.ticks(need.quantity, perUnit: per)
            guard coveredTicks[n] < wanted else { continue }
            let missing = Double(wanted - coveredTicks[n]) / Double(per)
            var reason = UnmetNeed.noCompatibleSource
            if k >= 0 {
                let cls = inst.classes[k]
                if cls.sources.isEmpty {
                    if cls.unitCost == nil { reason = UnmetNeed.notPurchasable }
                } else {
                    reason = UnmetNeed.compatibleSourcesExhausted
                    if let price = cls.unitCost, let c = inst.index.childByID[need.childID] {
                        let value = s.needPoints * s.weight(d.children[c].group) * Double(need.priority) / need.quantity
                        let fundsLeft = cls.sources.contains { d.offers[$0].isFunds && canBuy($0, forClass: k) }
                        let inKindLeft = cls.sources.contains { !d.offers[$0].isFunds && leftoverTicks($0) > 0 }
                        if fundsLeft && !inKindLeft && s.fundPenalty * price >= value { reason = UnmetNeed.notWorthBuying }
                    }
                }
            } else if let e = inst.index.catalogByCategory[need.category], d.catalog[e].unitCostYuan == nil {
                reason = UnmetNeed.notPurchasable
            }
            out.append(UnmetNeed(needID: need.id, childID: need.childID, category: need.category, missing: missing, reason: reason))
        }
        return out
    }

    /// Classes whose connected component — classes and the sources that may serve them, joined
    /// through every compatible link — is saturated: every need of it fully covered and no money
    /// spent on it. Such a component already earns the most it can (all its need points, no
    /// fund penalty), so no addition that only reaches such classes can raise the score.
    func saturatedComponents() -> Set<Int> {
        let classes = inst.classes.count
        var parent = Array(0..<(classes + d.offers.count))
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for l in model.links { let a = find(l.cls), b = find(classes + l.offer); if a != b { parent[a] = b } }
        var unsaturated = Set<Int>()
        for (k, cls) in inst.classes.enumerated() {
            let per = Exact.ticksPerUnit(integral: cls.integral)
            if cls.needs.contains(where: { coveredTicks[$0] < Exact.ticks(d.needs[$0].quantity, perUnit: per) }) { unsaturated.insert(find(k)) }
        }
        for (j, l) in model.links.enumerated() where d.offers[l.offer].isFunds && values[j] > 1e-9 { unsaturated.insert(find(l.cls)) }
        return Set((0..<classes).filter { !unsaturated.contains(find($0)) })
    }
}

import Foundation

/// Turns the class-node flows into concrete (source, need) units, in exact integer ticks.
///
/// **Why any split is valid.** Within a class k = (category, county, group), every source with
/// a column x(s,k) can serve every need of k: compatibility is decided by the category, the
/// child's county and the child's group only, and these are the same for all needs of k (for a
/// funds source, every need of k also has the same price). So the class is a complete bipartite
/// transportation problem: supplies x(s,k), demands u(n) with Σ_s x(s,k) = Σ_n u(n) (the class
/// row). The north-west corner rule (sources in id order against needs in id order) gives a
/// split u(s,n) ≥ 0 with row sums x(s,k) and column sums u(n); it only adds and subtracts whole
/// ticks, so integral supplies and demands give integral units. The score depends only on
/// Σ_s u(s,n) per need and on the yuan each source spends — both fixed by x and u — so every
/// split has the model's objective.
///
/// **Exactness.** Units are counted in ticks (1 per unit in an integral category, 10⁻⁶ unit
/// otherwise). LP values are rounded to ticks; then each source is checked exactly — in-kind
/// ticks against its quantity, funds in integer micro-fen (Σ ticks · price_fen · 10⁶ / ticks_per_unit
/// ≤ quantity_fen · 10⁶) — and, if rounding or GLPK's feasibility tolerance pushed it over, its largest
/// links give back the fewest ticks that make it fit (continuous links first: a rounding excess
/// of a micro-unit must not cost a whole unit of an integral category). A fund is never overspent by one fen.
/// When the rounded supplies and demands of a class differ, the split stops at the smaller.
enum AllocationSplit {
    struct Piece { var offer: Int; var need: Int; var ticks: Int64; var perUnit: Int64 }

    static func split(_ model: AllocationModel, values x: [Double]) -> [Piece] {
        let inst = model.inst, d = inst.dataset
        var linkTicks = [Int64](repeating: 0, count: model.links.count)
        for (j, l) in model.links.enumerated() {
            let per = Exact.ticksPerUnit(integral: inst.classes[l.cls].integral)
            linkTicks[j] = max(0, Exact.ticks(x[j], perUnit: per))
        }
        // Exact capacity of each source (links of one offer are contiguous).
        var j = 0
        while j < model.links.count {
            let o = model.links[j].offer
            var end = j
            while end < model.links.count && model.links[end].offer == o { end += 1 }
            fit(offer: d.offers[o], links: j..<end, model: model, ticks: &linkTicks)
            j = end
        }
        // Per class: supplies in offer-id order, demands from value groups in need-id order.
        var supplies = [[(offer: Int, ticks: Int64)]](repeating: [], count: inst.classes.count)
        for (j, l) in model.links.enumerated() where linkTicks[j] > 0 { supplies[l.cls].append((l.offer, linkTicks[j])) }
        var demands = [[(need: Int, ticks: Int64)]](repeating: [], count: inst.classes.count)
        for (g, e) in model.groups.enumerated() {
            let cls = inst.classes[e.cls]
            let per = Exact.ticksPerUnit(integral: cls.integral)
            var left = max(0, Exact.ticks(x[model.firstGroupColumn + g], perUnit: per))
            for n in cls.valueGroups[e.group].needs where left > 0 {
                let take = min(left, Exact.ticks(d.needs[n].quantity, perUnit: per))
                if take > 0 { demands[e.cls].append((n, take)); left -= take }
            }
        }
        var pieces: [Piece] = []
        for k in 0..<inst.classes.count where !supplies[k].isEmpty && !demands[k].isEmpty {
            let per = Exact.ticksPerUnit(integral: inst.classes[k].integral)
            var dem = demands[k].sorted { inst.needRank[$0.need] < inst.needRank[$1.need] }
            var sup = supplies[k]
            var a = 0, b = 0
            while a < sup.count && b < dem.count {
                let t = min(sup[a].ticks, dem[b].ticks)
                if t > 0 { pieces.append(Piece(offer: sup[a].offer, need: dem[b].need, ticks: t, perUnit: per)) }
                sup[a].ticks -= t; dem[b].ticks -= t
                if sup[a].ticks == 0 { a += 1 }
                if dem[b].ticks == 0 { b += 1 }
            }
        }
        pieces.sort { inst.offerRank[$0.offer] != inst.offerRank[$1.offer] ? inst.offerRank[$0.offer] < inst.offerRank[$1.offer] : inst.needRank[$0.need] < inst.needRank[$1.need] }
        return pieces
    }

    /// Reduces the ticks of one offer's links until the offer's quantity is respected exactly.
    ///
    /// In kind: Σ ticks ≤ quantity in ticks. Funds: money is counted in micro-fen (10⁻⁶ fen),
    /// where a tick of a continuous category (10⁻⁶ unit) costs `price_fen` and a whole unit costs
    /// `price_fen · 10⁶`, so Σ ticks · cost ≤ quantity_fen · 10⁶ is an identity of integers
    /// (`Int128`: no product of validated quantities can overflow it).
    static func fit(offer: Offer, links: Range<Int>, model: AllocationModel, ticks: inout [Int64]) {
        let inst = model.inst
        if offer.isFunds {
            let limit = Int128(Exact.fen(offer.quantity)) * 1_000_000
            func costPerTick(_ j: Int) -> Int128 {
                let cls = inst.classes[model.links[j].cls]
                return Int128(Exact.fen(cls.unitCost ?? 0)) * Int128(1_000_000 / Exact.ticksPerUnit(integral: cls.integral))
            }
            func spent(_ j: Int) -> Int128 { Int128(ticks[j]) * costPerTick(j) }
            var total = links.reduce(Int128(0)) { $0 + spent($1) }
            while total > limit {
                // The link spending most gives back just enough ticks (at least one); links of
                // continuous categories first, so rounding noise never costs a whole unit.
                let candidates = links.filter { ticks[$0] > 0 && costPerTick($0) > 0 }
                let fine = candidates.filter { !inst.classes[model.links[$0].cls].integral }
                guard let j = (fine.isEmpty ? candidates : fine).max(by: { spent($0) < spent($1) }) else { break }
                let cost = costPerTick(j)
                let back = min(Int128(ticks[j]), max(1, (total - limit + cost - 1) / cost))
                ticks[j] -= Int64(back)
                total -= back * cost
            }
        } else {
            guard let first = links.first else { return }
            let per = Exact.ticksPerUnit(integral: inst.classes[model.links[first].cls].integral)
            let limit = Exact.ticks(offer.quantity, perUnit: per)
            var total = links.reduce(Int64(0)) { $0 + ticks[$1] }
            while total > limit {
                guard let j = links.filter({ ticks[$0] > 0 }).max(by: { ticks[$0] < ticks[$1] }) else { break }
                let r = min(ticks[j], total - limit)
                ticks[j] -= r; total -= r
            }
        }
    }
}

import Foundation

/// The checks of `overrides.csv` that need the rest of the dataset: ids that must exist,
/// contradictions, capacities, and the feasibility of locked allocations. Each problem is an
/// error located at the override's line and column.
///
/// Roles (contract section 5 makes the lead the child's mom of highest pair value):
/// - `lock_pair … lead` keeps the pair and forbids every mom ranking above her for that child,
///   so she is the lead;
/// - `lock_pair … support` keeps the pair and requires at least one mom ranking above her to
///   be paired with the child; it is an error when no mom who could be paired ranks above her.
public enum OverrideChecks {
    static let file = DatasetFile.overrides

    /// `index` and `instance` may be passed when the caller holds them for the same children,
    /// moms and settings (they do not depend on the overrides): `compare --price-manual` checks
    /// thousands of single locks.
    public static func check(_ d: Dataset, index given: DatasetIndex? = nil, instance: PairingInstance? = nil) -> [Diagnostic] {
        var out = [Diagnostic]()
        func err(_ o: Override, _ column: String?, _ message: String) {
            out.append(.error(file, line: o.line, column: column, message))
        }
        let index = given ?? d.index
        // 1. Ids.
        var known = [Bool](repeating: true, count: d.overrides.count)
        for (i, o) in d.overrides.enumerated() {
            func need(_ id: String?, _ table: [String: Int], _ column: String, _ what: String) {
                if let id, table[id] == nil { err(o, column, "'\(id)' is not a \(column) of \(what)"); known[i] = false }
            }
            need(o.childID, index.childByID, "child_id", "children.csv")
            need(o.momID, index.momByID, "mom_id", "moms.csv")
            need(o.sourceID, index.offerByID, "source_id", "offers.csv (an offer_id)")
            need(o.needID, index.needByID, "need_id", "needs.csv")
            if known[i], o.kind.isPairing == false, let n = o.needID.flatMap({ index.needByID[$0] }), let c = o.childID,
               d.needs[n].childID != c {
                err(o, "child_id", "is '\(c)', but need '\(d.needs[n].id)' is a need of child '\(d.needs[n].childID)'; leave child_id empty or correct it")
                known[i] = false
            }
        }
        // 2. Pairs.
        let pairRows = d.overrides.indices.filter { known[$0] && d.overrides[$0].kind.isPairing }
        if !pairRows.isEmpty { checkPairs(d, index, instance ?? PairingInstance(dataset: d), pairRows, err) }
        // 3. Allocations.
        checkAllocations(d, index, d.overrides.indices.filter { known[$0] && !d.overrides[$0].kind.isPairing }, err)
        return out
    }

    static func checkPairs(_ d: Dataset, _ index: DatasetIndex, _ inst: PairingInstance, _ rows: [Int],
                           _ err: (Override, String?, String) -> Void) {
        struct Key: Hashable { var c: Int; var m: Int }
        var locks: [Key: Int] = [:]
        var forbids: [Key: [Int]] = [:]
        var leadLock: [Int: Int] = [:]
        var momLoad: [Int: Int] = [:]
        var childLoad: [Int: Int] = [:]
        for i in rows {
            let o = d.overrides[i]
            let c = index.childByID[o.childID!]!, m = index.momByID[o.momID!]!
            let k = Key(c: c, m: m)
            if o.kind == .forbidPair { forbids[k, default: []].append(i); continue }
            if let j = locks[k] { err(o, "mom_id", "the pair \(o.childID!)–\(o.momID!) is already locked on line \(d.overrides[j].line); keep one line"); continue }
            locks[k] = i
            if o.role == .lead {
                if let j = leadLock[c] {
                    err(o, "role", "child '\(o.childID!)' already has a locked lead mom ('\(d.overrides[j].momID!)', line \(d.overrides[j].line)); a child has one lead: make one of them support")
                    continue
                }
                leadLock[c] = i
            }
            momLoad[m, default: 0] += 1
            if momLoad[m]! > max(0, d.moms[m].capacity) {
                err(o, "mom_id", "mom '\(o.momID!)' would have \(momLoad[m]!) locked children, more than her capacity \(d.moms[m].capacity); unlock one or raise her capacity in moms.csv")
            }
            childLoad[c, default: 0] += 1
            let slots = 1 + max(0, d.children[c].supportersWanted)
            if o.role == .support && slots < 2 {
                err(o, "role", "child '\(o.childID!)' wants no supporting mom (supporters_wanted is 0); lock '\(o.momID!)' as lead, or raise supporters_wanted in children.csv")
                continue
            }
            if childLoad[c]! > slots {
                err(o, "child_id", "child '\(o.childID!)' would have \(childLoad[c]!) locked moms, more than the \(slots) she wants (1 lead + \(slots - 1) supporting); unlock one or raise supporters_wanted")
            }
        }
        for (k, list) in forbids {
            for i in list {
                let f = d.overrides[i]
                if let j = locks[k], f.role == nil || f.role == d.overrides[j].role {
                    err(f, "kind", "contradicts line \(d.overrides[j].line), which locks the same pair \(f.childID!)–\(f.momID!)\(f.role.map { " as \($0.rawValue)" } ?? ""); keep one of the two lines")
                }
            }
        }
        // Roles against the contract's lead order.
        let forbiddenBoth = Set(forbids.filter { $0.value.contains { d.overrides[$0].role == nil } }.keys)
        for (k, i) in locks.sorted(by: { $0.value < $1.value }) {
            let o = d.overrides[i]
            let f = inst.facts(mom: k.m, child: k.c)
            guard o.role == .support else { continue }
            if let j = leadLock[k.c] {
                let lead = index.momByID[d.overrides[j].momID!]!
                if !LeadRank.above(inst, child: k.c, lead, k.m) {
                    err(o, "role", "mom '\(o.momID!)' ranks above the locked lead '\(d.overrides[j].momID!)' (line \(d.overrides[j].line)) for child '\(o.childID!)' (higher pair value, or equal and nearer), so she would be the lead; lock her as lead, or lock the other as support")
                }
                continue
            }
            var someoneAbove = false
            for m in 0..<d.moms.count where m != k.m && d.moms[m].capacity > 0 && !forbiddenBoth.contains(Key(c: k.c, m: m)) {
                let g = inst.facts(mom: m, child: k.c)
                if (g.allowed || locks[Key(c: k.c, m: m)] != nil) && LeadRank.above(g, m, f, k.m, inst) { someoneAbove = true; break }
            }
            if !someoneAbove {
                err(o, "role", "no mom who can be paired with child '\(o.childID!)' ranks above '\(o.momID!)' (higher pair value, or equal and nearer), so she can only be the lead; lock her as lead")
            }
        }
    }

    static func checkAllocations(_ d: Dataset, _ index: DatasetIndex, _ rows: [Int], _ err: (Override, String?, String) -> Void) {
        struct Key: Hashable { var s: Int; var n: Int }
        var locked: [Key: Int] = [:]
        var forbidden: [Key: Int] = [:]
        var fromSource: [Int: Double] = [:]
        var intoNeed: [Int: Double] = [:]
        let counties = d.counties
        for i in rows {
            let o = d.overrides[i]
            let s = index.offerByID[o.sourceID!]!
            if o.kind == .forbidAllocation {
                let needs = o.needID.map { [index.needByID[$0]!] } ?? d.needs.indices.filter { d.needs[$0].childID == o.childID! }
                for n in needs { if forbidden[Key(s: s, n: n)] == nil { forbidden[Key(s: s, n: n)] = i } }
                continue
            }
            let n = index.needByID[o.needID!]!
            let offer = d.offers[s], need = d.needs[n]
            if let j = locked[Key(s: s, n: n)] { err(o, "need_id", "\(o.sourceID!)→\(o.needID!) is already locked on line \(d.overrides[j].line); keep one line with the total units"); continue }
            locked[Key(s: s, n: n)] = i
            guard let cat = index.catalogByCategory[need.category], let c = index.childByID[need.childID] else { continue }
            let entry = d.catalog[cat], child = d.children[c]
            let units = o.units ?? 0
            if offer.isFunds {
                if offer.category != Offer.anyCategory && offer.category != need.category {
                    err(o, "source_id", "'\(offer.id)' is money earmarked for \(offer.category), and need '\(need.id)' is \(need.category); it cannot pay for it"); continue
                }
                if entry.unitCostYuan == nil {
                    err(o, "source_id", "'\(offer.id)' is money, and \(need.category) has no unit_cost_yuan in catalog.csv, so it cannot be bought"); continue
                }
            } else if offer.category != need.category {
                err(o, "source_id", "'\(offer.id)' offers \(offer.category), and need '\(need.id)' is \(need.category); lock a source of that category"); continue
            }
            if !offer.servedCounties(allCounties: counties).contains(child.county) {
                err(o, "source_id", "'\(offer.id)' does not serve \(child.county), the county of child '\(child.id)' (see its serves in offers.csv)"); continue
            }
            if !offer.accepts(child.group) {
                err(o, "source_id", "'\(offer.id)' is not open to the group \(child.group.rawValue) of child '\(child.id)' (see its eligible_groups in offers.csv)"); continue
            }
            if entry.integral && units != units.rounded() {
                err(o, "units", "is \(Decimals.format(units, maxDecimals: 6)); \(need.category) is given in whole \(entry.unit)s, expected a whole number"); continue
            }
            intoNeed[n, default: 0] += units
            if intoNeed[n]! > need.quantity + 1e-9 {
                err(o, "units", "locks \(Decimals.format(intoNeed[n]!, maxDecimals: 6)) units into need '\(need.id)' in all, which wants only \(Decimals.format(need.quantity, maxDecimals: 6))")
            }
            if offer.isFunds {
                let price = entry.unitCostYuan!
                let fen = entry.integral ? Exact.fen(price) * Int64(units) : Exact.fen(units * price)
                fromSource[s, default: 0] += Double(fen)
                if Int64(fromSource[s]!) > Exact.fen(offer.quantity) {
                    err(o, "units", "locks \(Decimals.format(fromSource[s]! / 100, maxDecimals: 2)) yuan of '\(offer.id)' in all, which has only \(Decimals.format(offer.quantity, maxDecimals: 2)) yuan")
                }
            } else {
                fromSource[s, default: 0] += units
                if fromSource[s]! > offer.quantity + 1e-9 {
                    err(o, "units", "locks \(Decimals.format(fromSource[s]!, maxDecimals: 6)) units of '\(offer.id)' in all, which offers only \(Decimals.format(offer.quantity, maxDecimals: 6))")
                }
            }
        }
        for (k, i) in forbidden {
            if let j = locked[k] {
                let o = d.overrides[i]
                err(o, "kind", "contradicts line \(d.overrides[j].line), which locks units from '\(o.sourceID!)' to need '\(d.needs[k.n].id)'; keep one of the two lines")
            }
        }
    }
}

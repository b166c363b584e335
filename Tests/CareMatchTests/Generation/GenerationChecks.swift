// Independent checks of generated datasets and manual plans, written from the contract
// (sections 1, 3, 5, 6) without the engine's loader, validator or solver.
import Foundation
@testable import CareMatch

enum GenerationChecks {
    /// The contract's distance in centi-km, computed here independently (haversine, R = 6371).
    static func centikm(_ a: GeoPoint, _ b: GeoPoint) -> Int {
        let r = Double.pi / 180
        let h = pow(sin((b.lat - a.lat) * r / 2), 2) + cos(a.lat * r) * cos(b.lat * r) * pow(sin((b.lon - a.lon) * r / 2), 2)
        return Int((2 * 6371.0 * asin(min(1, sqrt(h))) * 100).rounded(.toNearestOrAwayFromZero))
    }

    static func reachKm(_ m: Mom, _ s: Settings) -> Double { min(m.maxKm ?? s.maxKm, s.maxKm) }

    static func within(_ m: Mom, _ c: Child, _ s: Settings) -> Bool {
        Double(centikm(m.location, c.location)) <= reachKm(m, s) * 100 + 1e-9
    }

    static func isWhole(_ x: Double) -> Bool { x == x.rounded() }

    /// Problems with references and values; empty when the dataset is consistent.
    static func referenceProblems(_ d: Dataset) -> [String] {
        var p: [String] = []
        func unique(_ ids: [String], _ what: String) { if Set(ids).count != ids.count { p.append("duplicate \(what) ids") } }
        unique(d.children.map(\.id), "child"); unique(d.moms.map(\.id), "mom")
        unique(d.organizations.map(\.id), "organization"); unique(d.offers.map(\.id), "offer")
        unique(d.needs.map(\.id), "need"); unique(d.catalog.map(\.category), "catalog")
        let children = Dictionary(uniqueKeysWithValues: d.children.map { ($0.id, $0) })
        let moms = Dictionary(uniqueKeysWithValues: d.moms.map { ($0.id, $0) })
        let orgs = Set(d.organizations.map(\.id))
        let catalog = Dictionary(uniqueKeysWithValues: d.catalog.map { ($0.category, $0) })
        let counties = Set(d.counties)
        for c in d.children {
            if !(-90...90).contains(c.location.lat) || !(-180...180).contains(c.location.lon) { p.append("\(c.id): bad location") }
            if let a = c.age, !(0...18).contains(a) { p.append("\(c.id): age \(a)") }
            if c.supportersWanted < 0 { p.append("\(c.id): supporters") }
            if let m = c.pairedMomID {
                guard let mom = moms[m] else { p.append("\(c.id): unknown paired mom \(m)"); continue }
                if !within(mom, c, d.settings) { p.append("\(c.id): paired mom \(m) out of reach") }
            }
        }
        for m in d.moms where m.capacity < 0 { p.append("\(m.id): capacity") }
        for e in d.catalog where e.resource == .funds { p.append("\(e.category): catalog resource funds") }
        for o in d.offers {
            if !orgs.contains(o.orgID) { p.append("\(o.id): unknown org") }
            if o.quantity < 0 { p.append("\(o.id): negative quantity") }
            if case .counties(let l) = o.serves, l.contains(where: { !counties.contains($0) }) { p.append("\(o.id): serves unknown county") }
            if o.isFunds {
                if o.category != Offer.anyCategory && catalog[o.category] == nil { p.append("\(o.id): unknown earmark") }
            } else {
                guard let e = catalog[o.category] else { p.append("\(o.id): unknown category"); continue }
                if e.resource != o.resource { p.append("\(o.id): resource \(o.resource) ≠ catalog \(e.resource)") }
                if e.integral && !isWhole(o.quantity) { p.append("\(o.id): fractional quantity of integral category") }
            }
        }
        for n in d.needs {
            if children[n.childID] == nil { p.append("\(n.id): unknown child") }
            guard let e = catalog[n.category] else { p.append("\(n.id): unknown category"); continue }
            if !(n.quantity > 0) { p.append("\(n.id): quantity") }
            if e.integral && !isWhole(n.quantity) { p.append("\(n.id): fractional quantity") }
            if !(1...5).contains(n.priority) { p.append("\(n.id): priority") }
        }
        return p
    }

    /// Problems with a pairing against section 5's constraints.
    static func pairingProblems(_ d: Dataset, _ pairs: [PairAssignment]) -> [String] {
        var p: [String] = []
        let children = Dictionary(uniqueKeysWithValues: d.children.map { ($0.id, $0) })
        let moms = Dictionary(uniqueKeysWithValues: d.moms.map { ($0.id, $0) })
        var load: [String: Int] = [:], perChild: [String: [PairAssignment]] = [:], seen = Set<String>()
        for a in pairs {
            guard let c = children[a.childID], let m = moms[a.momID] else { p.append("unknown id in \(a)"); continue }
            if !seen.insert(a.childID + "|" + a.momID).inserted { p.append("pair \(a.childID)-\(a.momID) twice") }
            if !within(m, c, d.settings) { p.append("pair \(a.childID)-\(a.momID) out of reach") }
            load[a.momID, default: 0] += 1
            perChild[a.childID, default: []].append(a)
        }
        for (m, n) in load where n > moms[m]!.capacity { p.append("mom \(m) over capacity: \(n) > \(moms[m]!.capacity)") }
        for (c, list) in perChild {
            if list.count > 1 + children[c]!.supportersWanted { p.append("child \(c) has \(list.count) moms") }
            if list.filter({ $0.role == .lead }).count != 1 { p.append("child \(c) has not exactly one lead") }
        }
        return p
    }

    /// Problems with an allocation against every rule of section 6.
    static func allocationProblems(_ d: Dataset, _ rows: [AllocationAssignment]) -> [String] {
        var p: [String] = []
        let tol = 1e-6
        let children = Dictionary(uniqueKeysWithValues: d.children.map { ($0.id, $0) })
        let offers = Dictionary(uniqueKeysWithValues: d.offers.map { ($0.id, $0) })
        let needs = Dictionary(uniqueKeysWithValues: d.needs.map { ($0.id, $0) })
        let catalog = Dictionary(uniqueKeysWithValues: d.catalog.map { ($0.category, $0) })
        var allCounties = Set<String>()
        for c in d.children { allCounties.insert(c.county) }
        for m in d.moms { allCounties.insert(m.county) }
        for o in d.organizations { allCounties.insert(o.county) }
        for o in d.offers { allCounties.insert(o.county) }
        var used: [String: Double] = [:], got: [String: Double] = [:], pairs = Set<String>()
        for a in rows {
            guard let s = offers[a.sourceID], let n = needs[a.needID], let c = children[n.childID],
                  let e = catalog[n.category] else { p.append("unknown id in \(a)"); continue }
            if !pairs.insert(a.sourceID + "|" + a.needID).inserted { p.append("\(a.sourceID)→\(a.needID) twice") }
            if !(a.units > 0) { p.append("\(a.sourceID)→\(a.needID): units \(a.units)") }
            if e.integral && !isWhole(a.units) { p.append("\(a.sourceID)→\(a.needID): fractional units") }
            let serves: Set<String>
            switch s.serves {
            case .ownCounty: serves = [s.county]
            case .city: serves = allCounties
            case .counties(let l): serves = Set(l)
            }
            if !serves.contains(c.county) { p.append("\(a.sourceID) does not serve \(c.county)") }
            if let g = s.eligibleGroups, !g.contains(c.group) { p.append("\(a.sourceID) does not accept \(c.group)") }
            if s.resource == .funds {
                if s.category != "any" && s.category != n.category { p.append("\(a.sourceID) earmarked \(s.category) used for \(n.category)") }
                guard let cost = e.unitCostYuan else { p.append("\(a.sourceID) buys unpriced \(n.category)"); continue }
                used[s.id, default: 0] += a.units * cost
            } else {
                if s.category != n.category { p.append("\(a.sourceID) is \(s.category), need is \(n.category)") }
                used[s.id, default: 0] += a.units
            }
            got[n.id, default: 0] += a.units
        }
        for (id, u) in used where u > offers[id]!.quantity + tol { p.append("\(id) over its quantity: \(u) > \(offers[id]!.quantity)") }
        for (id, g) in got where g > needs[id]!.quantity + tol { p.append("\(id) over its quantity: \(g) > \(needs[id]!.quantity)") }
        return p
    }

    /// Minimal CSV reading for tests: lines split on LF (CR removed), cells split on commas.
    /// Only for files without quoted cells.
    static func rows(_ data: Data) -> [[String]] {
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // "\r\n" is one Character in Swift: normalize before splitting.
        text = text.replacingOccurrences(of: "\r\n", with: "\n")
        return text.split(separator: "\n", omittingEmptySubsequences: true).map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }
}

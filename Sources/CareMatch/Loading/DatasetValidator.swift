import Foundation

/// The checks of contract sections 2 and 6 that need no file text: value ranges, duplicate ids,
/// references, `serves` counties, offer resources, integral quantities, and the warnings (children
/// out of every mom's reach, offers nobody can use, vanished `paired_mom_id`, unspendable funds).
///
/// Works on a dataset read from files or made and edited in code; it reports each row at its
/// `line` (0 when made in code) and names the column by its header.
public enum DatasetValidator {
    /// Every error and warning, sorted.
    ///
    /// - Complexity: O(rows) plus, for reachability, one nearest-first grid search per child that
    ///   stops at the first mom within reach.
    public static func check(_ d: Dataset) -> [Diagnostic] {
        var out = [Diagnostic]()
        let F = DatasetFile.self
        // The search for isolated places (a fifth of the checks at scale 100) runs beside the rest.
        let outlierSearch = Concurrently.Pending { LocationOutliers.warnings(d) }
        let index = d.index

        // Duplicate ids: the later row is the error and names the first one's line.
        func duplicates<T>(_ items: [T], _ file: String, _ column: String, _ id: (T) -> String, _ line: (T) -> Int) {
            var first = [String: Int](minimumCapacity: items.count)
            for x in items {
                let k = id(x)
                if k.isEmpty { continue }
                if let l = first[k] {
                    out.append(.error(file, line: line(x), column: column, "duplicate id '\(k)': it is already on line \(l); ids must be unique in the file"))
                } else { first[k] = line(x) }
            }
        }
        duplicates(d.children, F.children, "child_id", { $0.id }, { $0.line })
        duplicates(d.moms, F.moms, "mom_id", { $0.id }, { $0.line })
        duplicates(d.organizations, F.organizations, "org_id", { $0.id }, { $0.line })
        duplicates(d.catalog, F.catalog, "category", { $0.category }, { $0.line })
        duplicates(d.offers, F.offers, "offer_id", { $0.id }, { $0.line })
        duplicates(d.needs, F.needs, "need_id", { $0.id }, { $0.line })

        // Ranges (DataRanges): outside them the engine could not compute exactly.
        func range(_ v: Double, _ r: ValueRange, _ file: String, _ line: Int, _ column: String, _ what: String, unit: String = "") {
            if let p = r.problem(v, what: what, unit: unit) { out.append(.error(file, line: line, column: column, p)) }
        }
        func location(_ p: GeoPoint, _ file: String, _ line: Int) {
            let latBad = !DataRanges.latitude.contains(p.lat), lonBad = !DataRanges.longitude.contains(p.lon)
            let swapped = (latBad || lonBad) && DataRanges.latitude.contains(p.lon) && DataRanges.longitude.contains(p.lat)
                ? "; lat and lon look swapped (lat \(fmt(p.lon)), lon \(fmt(p.lat)) would be valid)" : ""
            if latBad { out.append(.error(file, line: line, column: "lat", "\(fmt(p.lat)) is out of range; latitude is between -90 and 90 degrees\(swapped)")) }
            if lonBad { out.append(.error(file, line: line, column: "lon", "\(fmt(p.lon)) is out of range; longitude is between -180 and 180 degrees\(swapped)")) }
        }
        for c in d.children {
            location(c.location, F.children, c.line)
            if let a = c.age { range(Double(a), DataRanges.age, F.children, c.line, "age", "an age (or empty)") }
            range(Double(c.supportersWanted), DataRanges.supportersWanted, F.children, c.line, "supporters_wanted", "the number of supporting moms wanted")
        }
        for m in d.moms {
            location(m.location, F.moms, m.line)
            range(Double(m.capacity), DataRanges.capacity, F.moms, m.line, "capacity", "a mom's capacity")
            if let k = m.maxKm { range(k, DataRanges.maxKm, F.moms, m.line, "max_km", "max_km (or empty for pairing.max_km)", unit: "km") }
        }
        for e in d.catalog {
            if e.resource == .funds { out.append(.error(F.catalog, line: e.line, column: "resource", "funds is not a catalog resource; write people, venue or equipment")) }
            if let u = e.unitCostYuan { range(u, DataRanges.unitCostYuan, F.catalog, e.line, "unit_cost_yuan", "a unit price (or empty when the category cannot be bought)", unit: "yuan") }
        }
        for o in d.offers {
            if o.isFunds { range(o.quantity, DataRanges.fundsYuan, F.offers, o.line, "quantity", "the money of a funds offer", unit: "yuan") }
            else { range(o.quantity, DataRanges.units, F.offers, o.line, "quantity", "an offer's quantity", unit: "units") }
        }
        for n in d.needs {
            range(n.quantity, DataRanges.needQuantity, F.needs, n.line, "quantity", "a need's quantity", unit: "units")
            range(Double(n.priority), DataRanges.priority, F.needs, n.line, "priority", "the priority, 1 (can wait) to 5 (urgent), default 3,")
        }
        for a in d.manualAllocations ?? [] {
            range(a.units, DataRanges.units, F.manualAllocations, a.line, "units", "the units given", unit: "units")
        }
        if let p = PairingWeights.magnitudeProblem(d.settings, children: d.children.count, moms: d.moms.count) {
            out.append(.error(F.settings, column: p.key, p.message))
        }

        // References. When the referenced file has no rows at all (missing or unreadable), one
        // error stands for all rows.
        func references<T>(_ items: [T], file: String, column: String, target: [String: Int], targetFile: String,
                           _ id: (T) -> String, _ line: (T) -> Int, skip: (T) -> Bool = { _ in false }) {
            let bad = items.filter { !skip($0) && !id($0).isEmpty && target[id($0)] == nil }
            guard let first = bad.first else { return }
            if target.isEmpty {
                out.append(.error(file, line: line(first), column: column, "\(bad.count) row\(bad.count == 1 ? "" : "s") refer to \(targetFile), which has no rows"))
                return
            }
            for x in bad { out.append(.error(file, line: line(x), column: column, "'\(id(x))' is not in \(targetFile)")) }
        }
        references(d.needs, file: F.needs, column: "child_id", target: index.childByID, targetFile: F.children, { $0.childID }, { $0.line })
        references(d.needs, file: F.needs, column: "category", target: index.catalogByCategory, targetFile: F.catalog, { $0.category }, { $0.line })
        references(d.offers, file: F.offers, column: "org_id", target: index.organizationByID, targetFile: F.organizations, { $0.orgID }, { $0.line })
        references(d.offers, file: F.offers, column: "category", target: index.catalogByCategory, targetFile: F.catalog,
                   { $0.category }, { $0.line }, skip: { $0.category == Offer.anyCategory })
        if let mp = d.manualPairings {
            references(mp, file: F.manualPairings, column: "child_id", target: index.childByID, targetFile: F.children, { $0.childID }, { $0.line })
            references(mp, file: F.manualPairings, column: "mom_id", target: index.momByID, targetFile: F.moms, { $0.momID }, { $0.line })
        }
        if let ma = d.manualAllocations {
            references(ma, file: F.manualAllocations, column: "source_id", target: index.offerByID, targetFile: F.offers, { $0.sourceID }, { $0.line })
            references(ma, file: F.manualAllocations, column: "need_id", target: index.needByID, targetFile: F.needs, { $0.needID }, { $0.line })
        }

        // Offers: resource against the catalog, integrality, serves.
        let counties = d.counties
        let countySet = Set(counties)
        var badOffers = Set<Int>()
        for (i, o) in d.offers.enumerated() {
            let entry = index.catalogByCategory[o.category].map { d.catalog[$0] }
            if o.isFunds {
                if let e = entry, e.unitCostYuan == nil {
                    out.append(.warning(F.offers, line: o.line, column: "category", "funds earmarked for '\(o.category)', which has no unit_cost_yuan in catalog.csv: this money cannot be spent"))
                    badOffers.insert(i)
                }
            } else if o.category == Offer.anyCategory {
                out.append(.error(F.offers, line: o.line, column: "category", "'any' is only for funds; an offer of \(o.resource.rawValue) names its catalog category"))
                badOffers.insert(i)
            } else if let e = entry {
                if e.resource != o.resource {
                    out.append(.error(F.offers, line: o.line, column: "resource", "'\(o.resource.rawValue)' does not match category '\(o.category)', which catalog.csv (line \(e.line)) provides by \(e.resource.rawValue)"))
                    badOffers.insert(i)
                }
                if e.integral && o.quantity.isFinite && o.quantity != o.quantity.rounded() {
                    out.append(.error(F.offers, line: o.line, column: "quantity", "\(fmt(o.quantity)) is not a whole number, but '\(o.category)' is integral in catalog.csv; write a whole number"))
                }
            } else { badOffers.insert(i) }
            if case .counties(let list) = o.serves {
                if list.isEmpty { out.append(.error(F.offers, line: o.line, column: "serves", "lists no county; write county, city, or a ';' list of counties")) }
                for c in list where !countySet.contains(c) {
                    out.append(.error(F.offers, line: o.line, column: "serves", "'\(c)' is not the county of any child, mom, organization or offer\(suggestion(c, counties)); write county, city, or a ';' list of existing counties"))
                    badOffers.insert(i)
                }
            }
        }
        for n in d.needs {
            if let k = index.catalogByCategory[n.category], d.catalog[k].integral, n.quantity.isFinite, n.quantity != n.quantity.rounded() {
                out.append(.error(F.needs, line: n.line, column: "quantity", "\(fmt(n.quantity)) is not a whole number, but '\(n.category)' is integral in catalog.csv; write a whole number"))
            }
        }

        // Warnings.
        if !d.moms.isEmpty {
            for c in d.children { if let m = c.pairedMomID, index.momByID[m] == nil {
                out.append(.warning(F.children, line: c.line, column: "paired_mom_id", "'\(m)' is no longer in moms.csv; the child gets no continuity bonus"))
            } }
        }
        // An isolated child (a likely coordinate typo) gets that warning instead of "no mom within reach".
        let outliers = outlierSearch.value
        out += outliers.warnings
        out += unreachableChildren(d, skip: outliers.isolatedChildren)
        out += unusableOffers(d, index: index, counties: counties, skip: badOffers)
        return out.sorted()
    }

    /// "(did you mean 'X'?)" for a mistyped county, or "".
    static func suggestion(_ name: String, _ candidates: [String]) -> String {
        if let meant = NameSimilarity.likelyMeant(name, among: candidates) { return " (did you mean '\(meant)'?)" }
        // Farther names still help when half the letters are right.
        var best: (String, Int)? = nil
        for c in candidates {
            let dist = NameSimilarity.editDistance(name.lowercased(), c.lowercased())
            if best == nil || dist < best!.1 || (dist == best!.1 && c.precedesInCodePoints(best!.0)) { best = (c, dist) }
        }
        guard let (c, dist) = best, dist <= max(2, name.unicodeScalars.count / 2) else { return "" }
        return " (did you mean '\(c)'?)"
    }

    static func fmt(_ x: Double) -> String { x.isFinite ? Decimals.format(x, maxDecimals: 6) : "\(x)" }

    /// A warning for each child with no mom within reach (contract section 3).
    static func unreachableChildren(_ d: Dataset, skip: Set<Int> = []) -> [Diagnostic] {
        let maxKm = d.settings.maxKm
        guard maxKm.isFinite, maxKm > 0, !d.children.isEmpty else { return [] }
        let reach = MomReach(moms: d.moms, maxKm: maxKm)
        var out = [Diagnostic]()
        for (i, c) in d.children.enumerated() where !skip.contains(i) && validLocation(c.location) && !reach.anyWithinReach(of: c.location) {
            out.append(.warning(DatasetFile.children, line: c.line, "child '\(c.id)' has no mom within reach: no mom with capacity > 0 within min(her max_km, pairing.max_km = \(fmt(maxKm)) km)"))
        }
        return out
    }

    static func validLocation(_ p: GeoPoint) -> Bool {
        p.lat.isFinite && p.lon.isFinite && abs(p.lat) <= 90 && abs(p.lon) <= 180
    }

    /// A warning for each offer that no need can use (category, served county, eligible group).
    static func unusableOffers(_ d: Dataset, index: DatasetIndex, counties: [String], skip: Set<Int>) -> [Diagnostic] {
        struct Key: Hashable { let category: String; let county: String; let group: ChildGroup }
        var wanted = Set<Key>()
        for n in d.needs {
            guard let ci = index.childByID[n.childID] else { continue }
            let c = d.children[ci]
            wanted.insert(Key(category: n.category, county: c.county, group: c.group))
        }
        let priced = d.catalog.filter { $0.unitCostYuan != nil }.map(\.category)
        var out = [Diagnostic]()
        for (i, o) in d.offers.enumerated() where !skip.contains(i) {
            let categories: [String]
            if o.isFunds { categories = o.category == Offer.anyCategory ? priced : [o.category] } else { categories = [o.category] }
            let served = o.servedCounties(allCounties: counties)
            let groups = ChildGroup.allCases.filter { o.accepts($0) }
            var usable = false
            search: for cat in categories { for county in served { for g in groups where wanted.contains(Key(category: cat, county: county, group: g)) { usable = true; break search } } }
            if !usable {
                let what = o.isFunds && o.category == Offer.anyCategory ? "any category with a price" : "'\(o.category)'"
                out.append(.warning(DatasetFile.offers, line: o.line, "offer '\(o.id)' cannot be used: no need for \(what) from an eligible child in a county it serves"))
            }
        }
        return out
    }
}

/// The human report of a plan folder (`report.html`, contract section 7): one self-contained
/// HTML file with inline CSS and inline SVG charts and map, nothing fetched from anywhere, in
/// the language of `ReportSettings`.
///
/// It shows ids only (never names), escapes every text taken from the input, and is
/// deterministic: the same plan and settings give the same bytes (no clock, no timings).
public enum ReportHTML {
    /// At most this many rows in each long table; the CSV files hold them all.
    public static let tableLimit = 300
    /// At most this many ids listed under each county map.
    public static let countyIDLimit = 200

    /// The page. With `comparison` (the dataset's hand-made plan scored against this one), a
    /// section sets both side by side. Maps with more than `mapPointLimit` children and moms
    /// are drawn as squares. `unmet` is the plan's `unmet.csv` rows when the caller has them
    /// (`PlanHandout.unmet`), so that the unpaired children's reasons are not worked out twice;
    /// `organizations` the same for `organization_totals.csv`'s rows (`PlanHandout.organizations`).
    public static func render(_ plan: PlanResult, report: ReportSettings = ReportSettings(), comparison: PlanComparison? = nil,
                              mapPointLimit: Int = MapSVG.pointLimit, unmet rows: [UnmetEntry]? = nil,
                              organizations: [OrganizationTotals]? = nil) -> String {
        let t = Texts(report.language ?? .en)
        let d = plan.dataset
        let e = HTML.escape
        let title = report.title.map { "\($0) · \(t(.planTitle))" } ?? t(.planTitle)
        var b = "<h1>\(e(title))</h1>\n"
        b += "<p class=\"sub\">\(e(t(.planSub, d.name, d.children.count, d.moms.count, d.offers.count, d.needs.count)))"
        if let date = report.date { b += " \(e(t(.madeOn, date)))" }
        b += " \(e(t(.engineNote, EngineVersion.string)))</p>\n"
        var toc: [(String, TextKey)] = [("headline", .headline), ("map", .mapHeading), ("counties", .countiesHeading),
                                         ("coverage", .coverageByGroup), ("distances", .distancesHeading), ("resources", .resourcesHeading)]
        if comparison != nil { toc.append(("comparison", .comparedHeading)) }
        toc += [("unmet", .tocUnmet), ("county-maps", .countyMapsHeading), ("warnings", .tocWarnings)]
        b += "<nav class=\"toc\">\(e(t(.contents))): " + toc.map { "<a href=\"#\($0.0)\">\(e(t($0.1)))</a>" }.joined(separator: "\n") + "</nav>\n"
        b += headline(plan, t)
        b += map(plan, t, mapPointLimit)
        b += counties(plan, t)
        b += coverage(plan, t)
        b += distances(plan, t)
        b += ReportResources.section(plan, texts: t)
        b += organizations.map(OrganizationSection.html) ?? OrganizationSection.html(plan)
        if let comparison {
            b += "<h2 id=\"comparison\">\(e(t(.comparedHeading)))</h2>\n"
            b += ComparisonPage.figures(comparison, texts: t)
        }
        b += OverrideReport.html(plan, t)
        b += unmet(plan, t, rows)
        b += countyMaps(plan, t, mapPointLimit)
        b += warnings(plan, t)
        return HTML.page(title: "\(title) — \(d.name)", lang: t.htmlLang, body: b)
    }

    static func headline(_ plan: PlanResult, _ t: Texts) -> String {
        let d = plan.dataset, k = plan.pairing.evaluation.kpis, cert = plan.pairing.certificate
        let a = plan.allocation, ak = a.kpis
        let e = HTML.escape
        func card(_ value: String, _ label: String, _ cls: String = "") -> String {
            "<div class=\"card\"><div class=\"v \(cls)\">\(e(value))</div><div class=\"l\">\(e(label))</div></div>\n"
        }
        var b = "<h2 id=\"headline\">\(e(t(.headline)))</h2>\n<div class=\"cards\">\n"
        b += card("\(HTML.num(Double(k.childrenWithLead))) / \(HTML.num(Double(k.children)))", t(.cardChildrenWithLead))
        b += card("\(HTML.num(Double(k.specialNeedsWithLead))) / \(HTML.num(Double(k.specialNeedsChildren)))", t(.cardSpecialWithLead))
        b += card("\(HTML.num(Double(k.supportSlotsFilled))) / \(HTML.num(Double(k.supportSlotsWanted)))", t(.cardSupportFilled))
        b += card("\(HTML.num(Double(ak.needsFullyCovered))) / \(HTML.num(Double(ak.needs)))", t(.cardNeedsCovered, ak.needsPartlyCovered))
        b += card(HTML.num(ak.unitsCovered) + " / " + HTML.num(ak.unitsWanted), t(.cardUnitsCovered))
        b += card(t.yuan(ak.yuanSpent), t(.cardYuanSpent, t.yuan(ak.yuanAvailable)))
        b += card(cert.proven ? t(.provenOptimal) : t(.notProven),
                  t(.cardPairingScore, HTML.num(Decimals.round(cert.primal)), HTML.num(Decimals.roundUp(cert.dual))), cert.proven ? "ok" : "bad")
        let aOK = a.status == .optimal
        b += card(aOK ? t(.provenOptimal) : a.status == .noSolution ? t(.allocationNoneInTime)
                  : t(.allocationStopped, a.status.rawValue, HTML.num(a.gap * 100, 4)),
                  t(.cardAllocationScore, HTML.num(Decimals.round(a.score)), HTML.num(Decimals.roundUp(a.bound))), aOK ? "ok" : "warn")
        b += card("\(HTML.num(k.meanDistanceKm)) km", t(.cardMeanDistance, HTML.num(k.p90DistanceKm)))
        b += card("\(HTML.num(Double(k.sharedInterestPairs))) / \(HTML.num(Double(k.pairs)))", t(.cardShared))
        b += card(HTML.num(Double(k.continuityKept)), t(.cardContinuity, k.changesFromLastQuarter))
        b += card(HTML.num(Double(d.warnings.count)), t(.cardWarnings), d.warnings.isEmpty ? "" : "warn")
        return b + "</div>\n"
    }

    static func map(_ plan: PlanResult, _ t: Texts, _ limit: Int) -> String {
        let d = plan.dataset
        var b = "<h2 id=\"map\">\(HTML.escape(t(.mapHeading)))</h2>\n<p class=\"note\">\(HTML.escape(t(.mapNote)))</p>\n"
        let aggregated = MapSVG.isAggregated(plan, pointLimit: limit)
        if aggregated {
            b += "<p class=\"note\">\(HTML.escape(t(.mapAggregatedNote, HTML.num(Double(d.children.count)), HTML.num(Double(d.moms.count)), HTML.num(MapSVG.cellKm(plan), 1))))</p>\n"
        }
        b += "<div class=\"map-main\">" + MapSVG.render(plan, texts: t, pointLimit: limit) + "</div>\n"
        return b + MapSVG.legend(texts: t, aggregated: aggregated)
    }

    /// One row per county: children, with and without a lead mom, short of supporting moms,
    /// pairs with a mom from another county, need units covered, money spent.
    static func counties(_ plan: PlanResult, _ t: Texts) -> String {
        let d = plan.dataset
        let status = MapSVG.statuses(plan)
        var rows: [String: (children: Int, lead: Int, noLead: Int, short: Int, across: Int)] = [:]
        for (i, c) in d.children.enumerated() {
            var r = rows[c.county] ?? (0, 0, 0, 0, 0)
            r.children += 1
            switch status[i] {
            case .noLead: r.noLead += 1
            case .shortOfSupport: r.lead += 1; r.short += 1
            case .complete: r.lead += 1
            }
            rows[c.county] = r
        }
        for p in plan.pairing.evaluation.pairs where d.moms[p.mom].county != d.children[p.child].county {
            rows[d.children[p.child].county]?.across += 1
        }
        let alloc = Dictionary(plan.allocation.kpis.byCounty.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let names = Set(rows.keys).union(alloc.keys).sorted { $0.precedesInCodePoints($1) }
        let table = names.map { c -> [String] in
            let r = rows[c] ?? (0, 0, 0, 0, 0)
            let a = alloc[c]
            let units = a.map { "\(HTML.num($0.unitsCovered)) / \(HTML.num($0.unitsWanted))" } ?? "–"
            return [t.county(c), HTML.num(Double(r.children)), HTML.num(Double(r.lead)), HTML.num(Double(r.noLead)),
                    HTML.num(Double(r.short)), HTML.num(Double(r.across)), units, t.yuan(a?.yuan ?? 0)]
        }
        var b = "<h2 id=\"counties\">\(HTML.escape(t(.countiesHeading)))</h2>\n"
        b += HTML.table([t(.countyColumn), t(.childrenColumn), t(.withLeadColumn), t(.withoutLeadColumn), t(.shortSupportColumn),
                         t(.acrossBorderColumn), t(.unitsCoveredColumn), t(.yuanSpentColumn)], table, numeric: [1, 2, 3, 4, 5, 6, 7])
        return b
    }

    static func coverage(_ plan: PlanResult, _ t: Texts) -> String {
        let k = plan.pairing.evaluation.kpis, ak = plan.allocation.kpis
        let e = HTML.escape
        func share(_ got: Double, _ n: Double) -> String { "\(HTML.num(got))/\(HTML.num(n)) (\(t.percent(n > 0 ? got / n * 100 : 0)))" }
        var b = "<h2 id=\"coverage\">\(e(t(.coverageByGroup)))</h2>\n<div class=\"charts\">\n"
        let groups = ChildGroup.allCases.map(\.rawValue).sorted { $0.precedesInCodePoints($1) }
        b += Charts.shares(title: t(.chartChildrenWithLead), groups.compactMap { g in
            guard let n = k.childrenByGroup[g] else { return nil }
            let got = Double(k.withLeadByGroup[g] ?? 0)
            return Charts.Share(label: t.group(g), value: got, total: Double(n), text: share(got, Double(n)))
        }, texts: t)
        b += Charts.shares(title: t(.chartUnitsCovered), ak.byGroup.map { g in
            Charts.Share(label: t.group(g.key), value: g.unitsCovered, total: g.unitsWanted, text: share(g.unitsCovered, g.unitsWanted))
        }, texts: t)
        b += "</div>\n<h2>\(e(t(.coverageByCounty)))</h2>\n<div class=\"charts\">\n"
        b += Charts.shares(title: t(.chartChildrenWithLead), k.childrenByCounty.keys.sorted { $0.precedesInCodePoints($1) }.map { c in
            let n = Double(k.childrenByCounty[c] ?? 0), got = Double(k.withLeadByCounty[c] ?? 0)
            return Charts.Share(label: t.county(c), value: got, total: n, text: share(got, n))
        }, texts: t)
        b += Charts.shares(title: t(.chartUnitsCovered), ak.byCounty.map { g in
            Charts.Share(label: t.county(g.key), value: g.unitsCovered, total: g.unitsWanted, text: share(g.unitsCovered, g.unitsWanted))
        }, texts: t)
        b += "</div>\n<h2>\(e(t(.coverageByCategory)))</h2>\n"
        b += HTML.table([t(.categoryColumn), t(.needsColumn), t(.fullyCoveredColumn), t(.unitsWantedColumn), t(.unitsCoveredColumn), t(.yuanSpentColumn)],
                        ak.byCategory.map { [t.category($0.key), HTML.num(Double($0.needs)), HTML.num(Double($0.needsFullyCovered)),
                                              HTML.num($0.unitsWanted), HTML.num($0.unitsCovered), t.yuan($0.yuan)] },
                        numeric: [1, 2, 3, 4, 5])
        return b
    }

    static func distances(_ plan: PlanResult, _ t: Texts) -> String {
        let k = plan.pairing.evaluation.kpis, ak = plan.allocation.kpis
        var b = "<h2 id=\"distances\">\(HTML.escape(t(.distancesHeading)))</h2>\n<div class=\"charts\">\n"
        let labels = PairingKPIs.distanceBands.map { band in
            band.1 == Int.max ? t(.overKm, (PairingKPIs.distanceBands.dropLast().last?.1 ?? 0) / 100) : band.0
        }
        b += Charts.columns(title: t(.chartDistances), labels: labels, counts: k.distanceHistogram)
        b += Charts.shares(title: t(.chartFunds), ak.byEarmark.map { f in
            Charts.Share(label: f.earmark == Offer.anyCategory ? t(.unearmarked) : t.category(f.earmark), value: f.yuanSpent, total: f.yuanAvailable,
                         text: "\(t.yuan(f.yuanSpent, decimals: 0)) / \(t.yuan(f.yuanAvailable, decimals: 0))")
        }, texts: t)
        return b + "</div>\n"
    }

    static func unmet(_ plan: PlanResult, _ t: Texts, _ rows: [UnmetEntry]?) -> String {
        let d = plan.dataset, a = plan.allocation
        let e = HTML.escape
        var b = "<h2 id=\"unmet\">\(e(t(.unpairedHeading, plan.pairing.unmet.count)))</h2>\n"
        if plan.pairing.unmet.isEmpty { b += "<p>\(e(t(.everyChildPaired)))</p>\n" } else {
            // The first children without a lead (by id), with `unmet.csv`'s sentences: its `child`
            // rows come first, in id order.
            let reasons = rows.map { $0.prefix { $0.kind == .child }.prefix(tableLimit) }.map(Array.init)
                ?? ChildShortfallReasons.explain(d, pairs: plan.pairing.evaluation.pairs, momDual: plan.pairing.momDual,
                                                 leadsOnly: tableLimit)
            var reasonOf: [String: String] = [:]
            for u in reasons { reasonOf[u.childID] = u.reason }
            let rows = plan.pairing.unmet.prefix(tableLimit).map { u -> [String] in
                let c = d.children[u.child]
                return [c.id, t.group(c.group.rawValue), t.county(c.county), c.township, "\(1 + max(0, c.supportersWanted))", reasonOf[c.id] ?? ""]
            }
            b += HTML.table([t(.childIDColumn), t(.groupColumn), t(.countyColumn), t(.townshipColumn), t(.momsWantedColumn), t(.reasonColumn)], rows, numeric: [4])
            b += more(plan.pairing.unmet.count, t)
        }
        b += "<h2>\(e(t(.unmetNeedsHeading, a.unmet.count)))</h2>\n"
        if a.unmet.isEmpty { b += "<p>\(e(t(.everyNeedCovered)))</p>\n" } else {
            let rows = a.unmet.prefix(tableLimit).map { [$0.needID, $0.childID, t.category($0.category), HTML.num($0.missing, 4), $0.reason] }
            b += HTML.table([t(.needIDColumn), t(.childIDColumn), t(.categoryColumn), t(.missingColumn), t(.reasonColumn)], rows, numeric: [3])
            b += more(a.unmet.count, t)
        }
        return b
    }

    /// One printable map per county, with the ids of its children still waiting for a lead mom.
    static func countyMaps(_ plan: PlanResult, _ t: Texts, _ limit: Int) -> String {
        let d = plan.dataset
        let e = HTML.escape
        let status = MapSVG.statuses(plan)
        var b = "<h2 id=\"county-maps\">\(e(t(.countyMapsHeading)))</h2>\n<p class=\"note\">\(e(t(.countyMapsNote)))</p>\n"
        let names = Set(d.children.map(\.county)).sorted { $0.precedesInCodePoints($1) }
        for c in names {
            let kids = d.children.indices.filter { d.children[$0].county == c }
            let waiting = kids.filter { status[$0] == .noLead }.map { d.children[$0].id }
            let moms = d.moms.filter { $0.county == c }.count
            b += "<section class=\"county-map\">\n<h3>\(e(t.county(c)))</h3>\n"
            b += "<p>\(e(t(.countyMapStats, kids.count, kids.count - waiting.count, waiting.count, moms)))</p>\n"
            let aggregated = MapSVG.isAggregated(plan, county: c, pointLimit: limit)
            b += MapSVG.render(plan, texts: t, county: c, width: 640, maxHeight: 560, pointLimit: limit)
            b += MapSVG.legend(texts: t, aggregated: aggregated)
            if waiting.isEmpty { b += "<p>\(e(t(.noUnpairedHere)))</p>\n" } else {
                b += "<p>\(e(t(.unpairedHere)))</p>\n<p class=\"ids\">\(e(waiting.prefix(countyIDLimit).joined(separator: ", ")))"
                if waiting.count > countyIDLimit { b += " \(e(t(.andMoreIDs, waiting.count - countyIDLimit)))" }
                b += "</p>\n"
            }
            b += "</section>\n"
        }
        return b
    }

    static func warnings(_ plan: PlanResult, _ t: Texts) -> String {
        let d = plan.dataset
        var b = "<h2 id=\"warnings\">\(HTML.escape(t(.warningsHeading, d.warnings.count)))</h2>\n"
        if d.warnings.isEmpty { return b + "<p>\(HTML.escape(t(.none)))</p>\n" }
        b += "<ul class=\"plain\">\n" + d.warnings.prefix(tableLimit).map { "<li>\(HTML.escape($0.description))</li>\n" }.joined() + "</ul>\n"
        return b + more(d.warnings.count, t)
    }

    static func more(_ n: Int, _ t: Texts) -> String {
        n > tableLimit ? "<p class=\"note\">\(HTML.escape(t(.moreRows, n - tableLimit)))</p>\n" : ""
    }
}

import Foundation

/// The map of a plan: an inline SVG of the dataset's own home locations, drawn with a plain
/// equirectangular projection (x = longitude × cos(mid-latitude), y = −latitude; no tiles, no
/// network). Children are coloured by status (lead mom with every supporting mom wanted, short of
/// supporting moms, no lead mom) and shaped by group; moms are shaded by load; pairs are lines
/// (orange across a county border); counties are labelled at their children's centre.
///
/// Beyond `pointLimit` children and moms the points are aggregated to squares, so that a page of
/// a large dataset stays light. Points of one kind and style share one `<path>` (a zero-length
/// segment with a round or square cap per point), which keeps the drawing small.
public enum MapSVG {
    /// Children and moms drawn one by one up to this many; beyond, squares.
    public static let pointLimit = 8000
    /// Squares across the longer side of an aggregated map (about).
    static let cellsAcross = 48.0
    static let kmPerDegree = 6371.0 * Double.pi / 180

    /// A child's state on the map.
    public enum ChildStatus: Int, CaseIterable, Sendable {
        case complete, shortOfSupport, noLead
    }

    static let statusColour = ["#16a34a", "#f59e0b", "#dc2626"]
    static let momColour = ["#c4b5fd", "#8b5cf6", "#4c1d95"]

    /// Each child's status in the plan.
    public static func statuses(_ plan: PlanResult) -> [ChildStatus] {
        let d = plan.dataset
        var lead = [Bool](repeating: false, count: d.children.count)
        var support = [Int](repeating: 0, count: d.children.count)
        for p in plan.pairing.evaluation.pairs {
            if p.role == .lead { lead[p.child] = true } else { support[p.child] += 1 }
        }
        return d.children.indices.map { c in
            !lead[c] ? .noLead : (support[c] < max(0, d.children[c].supportersWanted) ? .shortOfSupport : .complete)
        }
    }

    /// The pairs of each mom.
    static func loads(_ plan: PlanResult) -> [Int] {
        var load = [Int](repeating: 0, count: plan.dataset.moms.count)
        for p in plan.pairing.evaluation.pairs { load[p.mom] += 1 }
        return load
    }

    /// The map of the whole dataset (`county` nil) or of one county: its children, the moms
    /// living there and the moms paired with its children.
    public static func render(_ plan: PlanResult, texts t: Texts, county: String? = nil, width: Int = 760,
                              maxHeight: Int = 720, pointLimit: Int = MapSVG.pointLimit) -> String {
        let d = plan.dataset
        let pairs = plan.pairing.evaluation.pairs.filter { county == nil || d.children[$0.child].county == county }
        let children = d.children.indices.filter { county == nil || d.children[$0].county == county }
        var momSet = Set(pairs.map(\.mom))
        for m in d.moms.indices where county == nil || d.moms[m].county == county { momSet.insert(m) }
        let moms = momSet.sorted()
        let points = children.map { d.children[$0].location } + moms.map { d.moms[$0].location }
        guard !points.isEmpty else { return "" }
        let proj = Projection(points, width: width, maxHeight: maxHeight)
        let status = statuses(plan)
        let load = loads(plan)
        let title = t(.mapAria, county.map { t.county($0) } ?? d.name)
        var s = "<svg class=\"chart map\" width=\"\(proj.width)\" height=\"\(proj.height)\" viewBox=\"0 0 \(proj.width) \(proj.height)\" role=\"img\" aria-label=\"\(HTML.escape(title))\">\n"
        s += "<rect width=\"\(proj.width)\" height=\"\(proj.height)\" fill=\"#f8fafc\" stroke=\"#d9e2ec\"/>\n"
        if children.count + moms.count <= pointLimit {
            s += detailed(plan, proj, children: children, moms: moms, pairs: pairs, status: status, load: load)
        } else {
            s += aggregated(plan, proj, children: children, moms: moms, pairs: pairs, status: status, texts: t)
        }
        s += countyLabels(plan, proj, children: children, texts: t)
        return s + "</svg>\n"
    }

    /// The legend under a map (HTML), for the drawing `render` chose.
    public static func legend(texts t: Texts, aggregated: Bool) -> String {
        func swatch(_ shape: String) -> String { "<svg width=\"18\" height=\"12\" viewBox=\"0 0 18 12\" aria-hidden=\"true\">\(shape)</svg>" }
        var items: [String] = []
        if aggregated {
            items.append(swatch("<rect x=\"1\" y=\"1\" width=\"16\" height=\"10\" fill=\"#16a34a\"/>") + HTML.escape(t(.legendCellShare)))
            items.append(swatch("<rect x=\"1\" y=\"1\" width=\"16\" height=\"10\" fill=\"#ddd6fe\"/>") + HTML.escape(t(.legendCellMoms)))
            items.append(swatch("<circle cx=\"9\" cy=\"6\" r=\"4\" fill=\"#dc2626\"/>") + HTML.escape(t(.legendCellUnpaired)))
            items.append(swatch("<line x1=\"1\" y1=\"6\" x2=\"17\" y2=\"6\" stroke=\"#ea580c\" stroke-width=\"2\"/>") + HTML.escape(t(.legendPairAcross)))
        } else {
            let keys: [TextKey] = [.legendLeadComplete, .legendShortSupport, .legendNoLead]
            for (i, k) in keys.enumerated() {
                items.append(swatch("<circle cx=\"9\" cy=\"6\" r=\"4\" fill=\"\(statusColour[i])\"/>") + HTML.escape(t(k)))
            }
            for (i, k) in [TextKey.legendMomFree, .legendMomPartly, .legendMomFull].enumerated() {
                items.append(swatch("<circle cx=\"9\" cy=\"6\" r=\"2\" fill=\"\(momColour[i])\"/>") + HTML.escape(t(k)))
            }
            items.append(swatch("<line x1=\"1\" y1=\"6\" x2=\"17\" y2=\"6\" stroke=\"#9aa5b1\"/>") + HTML.escape(t(.legendPairWithin)))
            items.append(swatch("<line x1=\"1\" y1=\"6\" x2=\"17\" y2=\"6\" stroke=\"#ea580c\" stroke-width=\"1.5\"/>") + HTML.escape(t(.legendPairAcross)))
            items.append(HTML.escape(t(.legendShapes)))
        }
        return "<ul class=\"legend\">" + items.map { "<li>\($0)</li>" }.joined() + "</ul>\n"
    }

    /// Whether `render` aggregates for this selection.
    public static func isAggregated(_ plan: PlanResult, county: String? = nil, pointLimit: Int = MapSVG.pointLimit) -> Bool {
        let d = plan.dataset
        let children = d.children.filter { county == nil || $0.county == county }.count
        var momSet = Set<Int>()
        for p in plan.pairing.evaluation.pairs where county == nil || d.children[p.child].county == county { momSet.insert(p.mom) }
        for m in d.moms.indices where county == nil || d.moms[m].county == county { momSet.insert(m) }
        return children + momSet.count > pointLimit
    }

    // MARK: - drawing

    static func detailed(_ plan: PlanResult, _ p: Projection, children: [Int], moms: [Int], pairs: [EvaluatedPair],
                         status: [ChildStatus], load: [Int]) -> String {
        let d = plan.dataset
        var s = ""
        var within = "", across = ""
        for pr in pairs {
            let (x1, y1) = p.xy(d.moms[pr.mom].location), (x2, y2) = p.xy(d.children[pr.child].location)
            let seg = "M\(f(x1)) \(f(y1))L\(f(x2)) \(f(y2))"
            if d.moms[pr.mom].county == d.children[pr.child].county { within += seg } else { across += seg }
        }
        if !within.isEmpty { s += "<path class=\"mark\" d=\"\(within)\" stroke=\"#9aa5b1\" stroke-width=\"0.6\" stroke-opacity=\"0.7\" fill=\"none\"/>\n" }
        if !across.isEmpty { s += "<path class=\"mark\" d=\"\(across)\" stroke=\"#ea580c\" stroke-width=\"1.1\" fill=\"none\"/>\n" }
        var momPaths = [String](repeating: "", count: 3)
        for m in moms {
            let (x, y) = p.xy(d.moms[m].location)
            let cls = load[m] == 0 ? 0 : (load[m] >= d.moms[m].capacity ? 2 : 1)
            momPaths[cls] += "M\(f(x)) \(f(y))h0"
        }
        for (i, path) in momPaths.enumerated() where !path.isEmpty {
            s += "<path class=\"mark\" d=\"\(path)\" stroke=\"\(momColour[i])\" stroke-width=\"3\" stroke-linecap=\"round\" fill=\"none\"/>\n"
        }
        // Children on top, the ones waiting last (drawn over the others).
        for st in ChildStatus.allCases {
            var round = "", square = "", diamond = ""
            for c in children where status[c] == st {
                let (x, y) = p.xy(d.children[c].location)
                switch d.children[c].group {
                case .leftBehind: round += "M\(f(x)) \(f(y))h0"
                case .disadvantaged: square += "M\(f(x)) \(f(y))h0"
                case .specialNeeds: diamond += "M\(f(x)) \(f(y - 3.4))l3.4 3.4-3.4 3.4-3.4-3.4z"
                }
            }
            let colour = statusColour[st.rawValue]
            if !round.isEmpty { s += "<path class=\"mark\" d=\"\(round)\" stroke=\"\(colour)\" stroke-width=\"5.5\" stroke-linecap=\"round\" fill=\"none\"/>\n" }
            if !square.isEmpty { s += "<path class=\"mark\" d=\"\(square)\" stroke=\"\(colour)\" stroke-width=\"4.6\" stroke-linecap=\"square\" fill=\"none\"/>\n" }
            if !diamond.isEmpty { s += "<path class=\"mark\" d=\"\(diamond)\" fill=\"\(colour)\" stroke=\"#fff\" stroke-width=\"0.5\"/>\n" }
        }
        return s
    }

    struct Cell { var children = 0, lead = 0, noLead = 0, moms = 0 }

    static func aggregated(_ plan: PlanResult, _ p: Projection, children: [Int], moms: [Int], pairs: [EvaluatedPair],
                           status: [ChildStatus], texts t: Texts) -> String {
        let d = plan.dataset
        let extentKm = max(Double(p.width), Double(p.height)) / p.scale * kmPerDegree
        let cellKm = niceKm(extentKm / cellsAcross)
        let size = cellKm / kmPerDegree * p.scale
        struct Key: Hashable, Comparable {
            var x: Int, y: Int
            static func < (a: Key, b: Key) -> Bool { (a.y, a.x) < (b.y, b.x) }
        }
        func key(_ g: GeoPoint) -> Key { let (x, y) = p.xy(g); return Key(x: Int(x / size), y: Int(y / size)) }
        var cells: [Key: Cell] = [:]
        for c in children {
            let k = key(d.children[c].location)
            cells[k, default: Cell()].children += 1
            if status[c] == .noLead { cells[k]!.noLead += 1 } else { cells[k]!.lead += 1 }
        }
        for m in moms { cells[key(d.moms[m].location), default: Cell()].moms += 1 }
        var s = "<g class=\"mark\">\n"
        let w = f(size - 0.6)
        for k in cells.keys.sorted() {
            let c = cells[k]!
            let x = f(Double(k.x) * size + 0.3), y = f(Double(k.y) * size + 0.3)
            if c.children == 0 {
                s += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(w)\" height=\"\(w)\" fill=\"#ddd6fe\"/>"
                continue
            }
            let share = Double(c.lead) / Double(c.children)
            let fill = share >= 1 ? "#16a34a" : share >= 0.9 ? "#84cc16" : share >= 0.75 ? "#facc15" : share >= 0.5 ? "#f97316" : "#dc2626"
            let stroke = c.noLead > 0 ? " stroke=\"#7f1d1d\" stroke-width=\"1.2\"" : ""
            s += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(w)\" height=\"\(w)\" fill=\"\(fill)\"\(stroke)><title>\(HTML.escape(t(.cellTooltip, c.children, c.noLead, c.moms)))</title></rect>\n"
        }
        s += "</g>\n"
        // A red dot where children wait for a lead mom, larger where more wait.
        for k in cells.keys.sorted() where cells[k]!.noLead > 0 {
            let n = Double(cells[k]!.noLead)
            s += "<circle cx=\"\(f((Double(k.x) + 0.5) * size))\" cy=\"\(f((Double(k.y) + 0.5) * size))\" r=\"\(f(min(size * 0.6, 2.2 + 1.2 * n.squareRoot())))\" fill=\"#dc2626\" stroke=\"#fff\" stroke-width=\"0.8\"/>"
        }
        s += "\n"
        // Pairs across a county border, gathered by (mom square, child square).
        var links: [[Key]: Int] = [:]
        for pr in pairs where d.moms[pr.mom].county != d.children[pr.child].county {
            links[[key(d.moms[pr.mom].location), key(d.children[pr.child].location)], default: 0] += 1
        }
        let sortedLinks = links.keys.sorted { a, b in a[0] != b[0] ? a[0] < b[0] : a[1] < b[1] }
        for l in sortedLinks where l[0] != l[1] {
            let n = links[l]!
            let x1 = (Double(l[0].x) + 0.5) * size, y1 = (Double(l[0].y) + 0.5) * size
            let x2 = (Double(l[1].x) + 0.5) * size, y2 = (Double(l[1].y) + 0.5) * size
            s += "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" stroke=\"#ea580c\" stroke-opacity=\"0.55\" stroke-width=\"\(f(min(3, 0.6 + 0.6 * log2(Double(n)))))\"/>"
        }
        if !sortedLinks.isEmpty { s += "\n" }
        return s
    }

    static func countyLabels(_ plan: PlanResult, _ p: Projection, children: [Int], texts t: Texts) -> String {
        let d = plan.dataset
        var sum: [String: (x: Double, y: Double, n: Int)] = [:]
        for c in children {
            let (x, y) = p.xy(d.children[c].location)
            let e = sum[d.children[c].county, default: (0, 0, 0)]
            sum[d.children[c].county] = (e.x + x, e.y + y, e.n + 1)
        }
        var s = ""
        for name in sum.keys.sorted(by: { $0.precedesInCodePoints($1) }) {
            let e = sum[name]!
            let label = t.county(name)
            let half = Charts.textWidth(label, size: 14) / 2
            let x = min(max(e.x / Double(e.n), half + 2), Double(p.width) - half - 2)
            let y = min(max(e.y / Double(e.n), 16), Double(p.height) - 4)
            s += "<text x=\"\(f(x))\" y=\"\(f(y))\" font-size=\"14\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#102a43\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">\(HTML.escape(label))</text>\n"
        }
        return s
    }

    /// A round square size in km, at least 0.5.
    static func niceKm(_ x: Double) -> Double {
        for v in [0.5, 1, 2, 3, 5, 10, 20, 50, 100, 200, 500] where v >= x { return v }
        return 1000
    }

    /// One decimal, no grouping.
    static func f(_ x: Double) -> String { Decimals.format(x, maxDecimals: 1) }

    /// The square size (km) an aggregated map of this selection uses.
    public static func cellKm(_ plan: PlanResult, county: String? = nil, width: Int = 760, maxHeight: Int = 720) -> Double {
        let d = plan.dataset
        let points = d.children.filter { county == nil || $0.county == county }.map(\.location)
            + d.moms.filter { county == nil || $0.county == county }.map(\.location)
        guard !points.isEmpty else { return 0 }
        let p = Projection(points, width: width, maxHeight: maxHeight)
        return niceKm(max(Double(p.width), Double(p.height)) / p.scale * kmPerDegree / cellsAcross)
    }

    /// Longitude and latitude to pixels: equirectangular, x scaled by cos(mid-latitude), fitted
    /// into `width` × at most `maxHeight` with a margin.
    struct Projection {
        let minLon, maxLat, kx, scale: Double
        let width, height: Int
        let pad = 14.0

        init(_ points: [GeoPoint], width w: Int, maxHeight: Int) {
            // The frame holds the central 99 % of the points with a margin; a few points far
            // from all others (data-entry slips, remote homes) are drawn at its edge instead of
            // shrinking everyone else.
            let lats = points.map(\.lat).sorted(), lons = points.map(\.lon).sorted()
            func bounds(_ v: [Double]) -> (Double, Double) {
                guard v.count >= 50 else { return (v.first!, v.last!) }
                let lo = v[Int(Double(v.count - 1) * 0.005)], hi = v[Int((Double(v.count - 1) * 0.995).rounded(.up))]
                let m = (hi - lo) * 0.06
                return (max(v.first!, lo - m), min(v.last!, hi + m))
            }
            let (minLat, maxLat) = bounds(lats), (minLon, maxLon) = bounds(lons)
            let kx = cos((minLat + maxLat) / 2 * Double.pi / 180)
            // Neither side shorter than a fifth of the other (a row of points still gets a frame).
            let rawX = max((maxLon - minLon) * kx, 0.005), rawY = max(maxLat - minLat, 0.005)
            let spanX = max(rawX, rawY / 5), spanY = max(rawY, rawX / 5)
            let s = min((Double(w) - 2 * pad) / spanX, (Double(maxHeight) - 2 * pad) / spanY)
            self.minLon = minLon - ((spanX - (maxLon - minLon) * kx) / 2) / kx
            self.maxLat = maxLat + (spanY - (maxLat - minLat)) / 2
            self.kx = kx
            self.scale = s
            width = Int((spanX * s + 2 * pad).rounded(.up))
            height = Int((spanY * s + 2 * pad).rounded(.up))
        }

        /// Pixels of `g`, kept inside the frame (a point outside is drawn at the edge).
        func xy(_ g: GeoPoint) -> (Double, Double) {
            let x = pad + (g.lon - minLon) * kx * scale, y = pad + (maxLat - g.lat) * scale
            return (min(max(x, pad / 2), Double(width) - pad / 2), min(max(y, pad / 2), Double(height) - pad / 2))
        }
    }
}

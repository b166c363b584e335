/// Coordinators' sentences for marginal values: what an addition buys, in words that agree with
/// the figures beside them. (A point is a unit of the plan's score: covering a need fully earns
/// `need_points × group weight × priority` points; see `ReportHTML`.)
enum MarginalSentences {
    /// One sentence for `m`, or `nil` when it changes nothing.
    static func sentence(_ m: MarginalValue) -> String? {
        let what: String
        if m.kind == "funds" {
            let use = m.category == Offer.anyCategory ? "for anything purchasable" : "for \(m.category)"
            what = "\(HTML.num(m.added, 0)) more yuan \(use), usable in every county for every group"
        } else {
            what = "\(HTML.num(m.added, 4)) more \(m.unit) of \(m.category) in \(m.county ?? "any county")"
        }
        switch m.status {
        case .notNeeded:
            return nil
        case .notComputed:
            return "\(what): not computed (\(m.reason ?? "the deadline came first"))."
        case .exact, .bounded:
            guard let points = m.points else { return nil }
            if m.status == .exact && Decimals.round(points) <= 0 { return nil }
            var s = what + ": "
            if m.status == .exact {
                s += "+\(HTML.num(points)) points"
            } else {
                s += "between +\(HTML.num(points)) and +\(HTML.num(m.pointsUpperBound ?? points)) points (\(m.reason ?? "cut short"))"
            }
            let gains = m.coverage.filter { $0.units > 0 }.prefix(3).map {
                "\(HTML.num($0.units, 4)) units of \($0.category) for \($0.children) \($0.children == 1 ? "child" : "children") in \($0.county) (priority \($0.priority))"
            }
            if !gains.isEmpty { s += "; it covers " + gains.joined(separator: ", ") }
            let moved = m.coverage.filter { $0.units < 0 }.count
            if moved > 0 { s += "; \(moved) smaller coverage \(moved == 1 ? "change" : "changes") elsewhere as help is moved" }
            if m.yuanSpent != 0 { s += "; yuan spent \(m.yuanSpent > 0 ? "+" : "")\(HTML.num(m.yuanSpent, 2))" }
            return s + "."
        }
    }

    /// Sort order: largest proven gain first, then kind, category, county.
    static func precedes(_ x: MarginalValue, _ y: MarginalValue) -> Bool {
        let px = x.points ?? -1, py = y.points ?? -1
        if px != py { return px > py }
        if x.kind != y.kind { return x.kind.precedesInCodePoints(y.kind) }
        if x.category != y.category { return x.category.precedesInCodePoints(y.category) }
        return (x.county ?? "").precedesInCodePoints(y.county ?? "")
    }
}

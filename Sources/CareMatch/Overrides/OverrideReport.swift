import Foundation

/// What `overrides.csv` cost, in a coordinator's words (report, terminal and plan file), in
/// English and Chinese like `Texts`.
public enum OverrideReport {
    static func say(_ t: Texts, _ en: String, _ zh: String) -> String { t.language == .zh ? zh : en }

    /// One sentence for one line: "keeping C0123 with M0456 costs 12.4 points: …".
    public static func sentence(_ p: OverridePrice, _ o: Override, _ t: Texts) -> String {
        let what: String
        switch o.kind {
        case .lockPair:
            what = say(t, "keeping \(o.childID!) with \(o.momID!) as \(o.role == .support ? "supporting" : "lead") mom",
                       "让 \(o.momID!) 担任 \(o.childID!) 的\(o.role == .support ? "辅助" : "主")妈妈")
        case .forbidPair:
            what = say(t, "keeping \(o.childID!) and \(o.momID!) apart\(o.role.map { " (as \($0.rawValue) mom)" } ?? "")",
                       "不让 \(o.momID!) 与 \(o.childID!) 结对\(o.role.map { $0 == .lead ? "（作为主妈妈）" : "（作为辅助妈妈）" } ?? "")")
        case .lockAllocation:
            let u = Decimals.format(o.units ?? 0, maxDecimals: 6)
            what = say(t, "giving need \(o.needID!) at least \(u) units from \(o.sourceID!)", "从 \(o.sourceID!) 至少给需求 \(o.needID!) \(u) 个单位")
        case .forbidAllocation:
            let target = o.needID ?? o.childID!
            what = say(t, "keeping \(o.sourceID!) away from \(target)", "不让 \(o.sourceID!) 服务 \(target)")
        }
        guard let points = p.points else {
            return say(t, "\(what): price not computed (\(p.reason ?? "time limit"))", "\(what)：代价未计算（\(p.reason ?? "时间限制")）")
        }
        let amount = HTML.num(abs(points), 2)
        var s: String
        if points > 0 { s = say(t, "\(what) costs \(amount) points", "\(what)，代价 \(amount) 分") }
        else if points < 0 { s = say(t, "\(what) gains \(amount) points", "\(what)，反而多得 \(amount) 分") }
        else { s = say(t, "\(what) costs nothing", "\(what)，没有代价") }
        var details: [String] = []
        if let km = p.extraKm, km != 0 {
            details.append(km > 0 ? say(t, "\(HTML.num(km, 2)) km more travel", "总路程多 \(HTML.num(km, 2)) 公里")
                                  : say(t, "\(HTML.num(-km, 2)) km less travel", "总路程少 \(HTML.num(-km, 2)) 公里"))
        }
        let others = p.childrenAffected.filter { $0 != o.childID }
        if !others.isEmpty {
            let ids = others.prefix(5).joined(separator: ", ") + (others.count > 5 ? " …" : "")
            details.append(say(t, "the moms of \(ids) change", "\(ids) 的妈妈随之改变"))
        }
        if p.beyondReach { details.append(say(t, "the pair is beyond the mom's reach (max_km), kept because it is locked", "该结对超出妈妈的出行范围（max_km），因锁定而保留")) }
        if !details.isEmpty { s += say(t, ": ", "：") + details.joined(separator: say(t, "; ", "；")) }
        if p.status == "bounded" { s += say(t, " (not proven)", "（未证明）") }
        return s
    }

    /// Lines for the terminal summary.
    public static func terminal(_ plan: PlanResult, _ t: Texts) -> [String] {
        guard let s = plan.summary.overrides else { return [] }
        let computed = s.prices.filter { $0.points != nil }.count
        return [say(t, "Overrides   \(s.lines) lines honoured; they cost \(HTML.num(s.totalPrice, 2)) points (pairing \(HTML.num(s.pairing.price, 2)), allocation \(HTML.num(s.allocation.price, 2))); price of each line: \(computed)/\(s.lines) computed (override_prices.csv)",
                    "人工决定    \(s.lines) 条全部遵守；代价共 \(HTML.num(s.totalPrice, 2)) 分（结对 \(HTML.num(s.pairing.price, 2))，资源分配 \(HTML.num(s.allocation.price, 2))）；逐条代价已计算 \(computed)/\(s.lines) 条（override_prices.csv）")]
    }

    /// The report's section.
    public static func html(_ plan: PlanResult, _ t: Texts) -> String {
        guard let s = plan.summary.overrides else { return "" }
        let e = HTML.escape
        var b = "<h2 id=\"overrides\">\(e(say(t, "Coordinators' decisions (overrides.csv)", "协调员的决定（overrides.csv）")))</h2>\n"
        let pw = HTML.num(s.pairing.withOverrides, 2), pwo = HTML.num(s.pairing.withoutOverrides, 2)
        let aw = HTML.num(s.allocation.withOverrides, 2), awo = HTML.num(s.allocation.withoutOverrides, 2)
        let total = HTML.num(s.totalPrice, 2)
        let intro = say(t, "Every line is honoured. Without them the pairing would score \(pwo) instead of \(pw), and the allocation \(awo) instead of \(aw): together they cost \(total) points. Each line's price is what the plan would gain without that line alone, everything else re-optimized.",
                        "每一条都已遵守。若没有这些决定，结对得分将是 \(pwo)（现为 \(pw)），资源分配得分将是 \(awo)（现为 \(aw)）：合计代价 \(total) 分。每条的代价是只去掉这一条、其余全部重新优化后方案多得的分数。")
        b += "<p>" + e(intro) + "</p>\n"
        let rows = zip(s.prices, plan.dataset.overrides).map { p, o in ["\(p.line)", sentence(p, o, t), o.note] }
        b += HTML.table([say(t, "line", "行"), say(t, "decision and its price", "决定及其代价"), say(t, "note", "备注")], rows, numeric: [0])
        return b
    }

    /// `override_prices.csv` of the plan folder: one row per line of `overrides.csv`.
    public static func csv(_ plan: PlanResult, byteOrderMark: Bool) -> CSVWriter? {
        guard let s = plan.summary.overrides else { return nil }
        var w = CSVWriter(header: ["line", "kind", "child_id", "mom_id", "role", "source_id", "need_id", "units", "status",
                                   "price_points", "extra_km", "children_affected", "beyond_reach", "note"], byteOrderMark: byteOrderMark)
        for (p, o) in zip(s.prices, plan.dataset.overrides) {
            w.appendRow([.number("\(p.line)"), .text(o.kind.rawValue), .text(o.childID ?? ""), .text(o.momID ?? ""), .text(o.role?.rawValue ?? ""),
                         .text(o.sourceID ?? ""), .text(o.needID ?? ""), o.units.map { .number(Decimals.format($0, maxDecimals: 6)) } ?? .text(""),
                         .text(p.status), p.points.map { .number(Decimals.format($0, maxDecimals: 2)) } ?? .text(""),
                         p.extraKm.map { .number(Decimals.format($0, maxDecimals: 2)) } ?? .text(""),
                         .text(p.childrenAffected.joined(separator: ";")), .text(p.beyondReach ? "true" : "false"), .text(o.note)])
        }
        return w
    }
}

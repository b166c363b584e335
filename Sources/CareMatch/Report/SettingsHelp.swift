/// The text of `carematch settings`: every key of `settings.toml` (and `--set`) with its
/// default, the values accepted and its meaning, then the `[report]` keys.
public enum SettingsHelp {
    /// The rules `Settings.problems()` enforces, as a coordinator reads them.
    static let rules: (en: String, zh: String) = (
        "Every number must be finite and ≥ 0; pairing.support_reward ≤ pairing.lead_reward; pairing.max_km, allocation.time_limit_s and plan.time_limit_s > 0; allocation.mip_gap < 1; pairing.alternatives is a whole number ≤ 50.",
        "所有数值必须为有限且 ≥ 0；pairing.support_reward ≤ pairing.lead_reward；pairing.max_km、allocation.time_limit_s、plan.time_limit_s > 0；allocation.mip_gap < 1；pairing.alternatives 为不超过 50 的整数。")

    /// Chinese meanings of the numeric settings (the English ones are `Settings.Key.help`).
    static let zh: [String: String] = [
        "group_weight.special_needs": "特殊需要儿童的权重",
        "group_weight.left_behind": "留守儿童的权重",
        "group_weight.disadvantaged": "困境儿童的权重",
        "pairing.lead_reward": "儿童有主妈妈的得分（乘以类别权重）",
        "pairing.support_reward": "每位辅助妈妈的得分（乘以类别权重）",
        "pairing.km_cost": "妈妈与儿童之间每公里扣分",
        "pairing.fit_bonus": "兴趣相投的结对加分",
        "pairing.continuity_bonus": "延续上季度妈妈的加分",
        "pairing.max_km": "结对的最远距离（公里）",
        "allocation.need_points": "完全满足一项需求的得分（乘以权重和优先级）",
        "allocation.fund_penalty": "每花一元扣分",
        "allocation.mip_gap": "资源分配求解停止时的相对差距",
        "allocation.time_limit_s": "资源分配求解的时间上限（秒）",
        "plan.time_limit_s": "整个方案（结对、分配、解释）的时间上限（秒）",
        "pairing.alternatives": "alternatives.csv 中每名儿童列出的备选主妈妈人数（整数；0 表示不列）",
    ]

    public static func render(texts t: Texts) -> String {
        let zhText = t.language == .zh
        var rows: [[String]] = [zhText ? ["设置", "默认值", "取值范围", "含义"] : ["setting", "default", "range", "meaning"]]
        let defaults = Settings()
        for k in Settings.keys {
            let meaning = zhText ? (zh[k.name] ?? k.help) : k.help
            rows.append([k.name, Decimals.format(defaults[keyPath: k.keyPath], maxDecimals: 6), interval(k.range), meaning])
        }
        rows.append(["report.language", "en", "zh | en", zhText ? "页面和终端摘要的语言：\"zh\" 或 \"en\"（--lang）" : "language of the pages and terminal summary: \"zh\" or \"en\" (--lang)"])
        rows.append(["report.title", "–", "", zhText ? "标明时期的标题，例如 \"2026年第一季度\"（--title）" : "a title naming the period, e.g. \"2026年第一季度\" (--title)"])
        rows.append(["report.date", "–", "YYYY-MM-DD", zhText ? "方案日期 YYYY-MM-DD（--date）；不读系统时钟" : "date the plan was made, YYYY-MM-DD (--date); never the clock"])
        var s = leftAligned(rows)
        s += "\n\n" + (zhText ? rules.zh : rules.en)
        s += "\n" + (zhText ? "在数据集的 settings.toml 中按表设置（[pairing] max_km = 20），或在命令行用 --set pairing.max_km=20。"
                            : "Set them in the dataset's settings.toml by table ([pairing] max_km = 20) or on the command line with --set pairing.max_km=20.")
        return s
    }

    /// A range in interval notation, which reads the same in both languages: `[0, 10000]`, `(0, 20000]`.
    static func interval(_ r: ValueRange) -> String {
        (r.lowerIncluded ? "[" : "(") + ValueRange.format(r.lower) + ", " + ValueRange.format(r.upper) + (r.upperIncluded ? "]" : ")")
    }

    /// Columns padded to their width, all left-aligned (meanings are text).
    static func leftAligned(_ rows: [[String]]) -> String {
        let n = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: n)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], TextTable.width(c)) } }
        return rows.map { r in
            var line = r.enumerated().map { i, c in c + String(repeating: " ", count: widths[i] - TextTable.width(c)) }.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}

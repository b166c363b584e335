/// Every sentence and label of the pages and terminal summaries, in English and Simplified
/// Chinese side by side (the one catalogue; the terms follow `docs/glossary.md`).
///
/// Placeholders `{1}`, `{2}`, … are replaced by `Texts.callAsFunction(_:_:)`; both languages of
/// an entry use the same placeholders (a test checks it). CSV column names are not here: they
/// are the documented English contract.
public struct Texts: Sendable {
    public let language: ReportLanguage

    public init(_ language: ReportLanguage) { self.language = language }

    /// The `lang` attribute of a page.
    public var htmlLang: String { language == .zh ? "zh-CN" : "en" }

    /// The entry `key`, with `{i}` replaced by `args[i-1]`.
    public func callAsFunction(_ key: TextKey, _ args: CustomStringConvertible...) -> String {
        var s = language == .zh ? key.entry.zh : key.entry.en
        for (i, a) in args.enumerated().reversed() { s = s.replacingOccurrences(of: "{\(i + 1)}", with: a.description) }
        return s
    }

    /// A child group's name (`left_behind` → 留守儿童); an unknown raw value as it is.
    public func group(_ raw: String) -> String {
        let names: [String: (String, String)] = [
            ChildGroup.leftBehind.rawValue: ("left-behind", "留守儿童"),
            ChildGroup.disadvantaged.rawValue: ("disadvantaged", "困境儿童"),
            ChildGroup.specialNeeds.rawValue: ("special needs", "特殊需要儿童"),
        ]
        guard let n = names[raw] else { return raw }
        return language == .zh ? n.1 : n.0
    }

    /// A county's name: the Quzhou counties in Chinese in `zh`; any other as written in the data.
    public func county(_ c: String) -> String {
        guard language == .zh else { return c }
        return Texts.quzhouCounties[c] ?? c
    }

    static let quzhouCounties = ["Kecheng": "柯城区", "Qujiang": "衢江区", "Longyou": "龙游县",
                                 "Jiangshan": "江山市", "Changshan": "常山县", "Kaihua": "开化县"]

    /// A catalog category's name (the contract's examples in Chinese); any other as written.
    public func category(_ c: String) -> String {
        guard language == .zh else { return c.replacingOccurrences(of: "_", with: " ") }
        let zh = ["sports_equipment": "体育器材", "books": "图书", "learning_supplies": "学习用品", "tutoring": "课业辅导",
                  "medical_checkup": "健康体检", "rehabilitation": "康复训练", "psych_counseling": "心理辅导",
                  "activity_venue": "活动场地", "exchange_trip": "研学交流", "family_education": "家庭教育"]
        return zh[c] ?? c
    }

    /// An offer's resource kind (`funds`, `people`, `venue`, `equipment`).
    public func resource(_ r: String) -> String {
        guard language == .zh else { return r }
        return ["funds": "资金", "people": "人力", "venue": "场地", "equipment": "物资"][r] ?? r
    }

    /// A catalog unit (`item`, `hour`, …).
    public func unit(_ u: String) -> String {
        guard language == .zh else { return u }
        return ["item": "件", "hour": "小时", "session": "次", "seat": "个座位", "kit": "套"][u] ?? u
    }

    /// Yuan as `¥1,477,910` (`-¥400,470` when negative), at most `decimals` decimals.
    public func yuan(_ x: Double, decimals: Int = 2) -> String {
        let s = HTML.num(x, decimals)
        return s.hasPrefix("-") ? "-¥" + s.dropFirst() : "¥" + s
    }

    /// `12.5 %`.
    public func percent(_ x: Double, decimals: Int = 1) -> String { HTML.num(x, decimals) + " %" }
}

/// The keys of the catalogue. `entry` gives both languages; the switch makes a missing entry a
/// compile error.
public enum TextKey: String, CaseIterable, Sendable {
    // Plan report: head
    case planTitle, planSub, madeOn, engineNote, contents, tocUnmet, tocWarnings
    // Headline
    case headline, cardChildrenWithLead, cardSpecialWithLead, cardSupportFilled, cardNeedsCovered, cardUnitsCovered,
         cardYuanSpent, provenOptimal, notProven, cardPairingScore, cardAllocationScore, allocationStopped,
         cardMeanDistance, cardShared, cardContinuity, cardWarnings
    // Map
    case mapHeading, mapNote, mapAggregatedNote, legendLeadComplete, legendShortSupport, legendNoLead,
         legendMomFree, legendMomPartly, legendMomFull, legendPairWithin, legendPairAcross, legendShapes,
         legendCellShare, legendCellMoms, legendCellUnpaired, cellTooltip, mapAria, countyMapsHeading, countyMapsNote,
         countyMapStats, unpairedHere, noUnpairedHere, andMoreIDs
    // Counties
    case countiesHeading, countyColumn, childrenColumn, withLeadColumn, withoutLeadColumn, shortSupportColumn,
         acrossBorderColumn, unitsCoveredColumn, yuanSpentColumn
    // Coverage
    case coverageByGroup, coverageByCounty, coverageByCategory, chartChildrenWithLead, chartUnitsCovered,
         axisFrom, categoryColumn, needsColumn, fullyCoveredColumn, unitsWantedColumn
    // Distances and funds
    case distancesHeading, chartDistances, overKm, chartFunds, unearmarked
    // Resources
    case resourcesHeading, resourcesNote, capacityExact, capacityRange, capacityWaiting, capacityNoneWaiting,
         fundsWhat, fundsAnything, inKindWhat, marginalExact, marginalBounded, marginalNotComputed, marginalCovers,
         coverageItem, marginalMoved, marginalYuan, provenInterval, earmarkedFor, unearmarkedShort,
         inAnyCounty, noResourceLimits, smallerGains, noChangeAdditions, exhaustedHeading, resourceColumn,
         offersColumn, showIDs, unusableHeading, offerIDColumn, reasonColumn
    // Unmet and warnings
    case unpairedHeading, everyChildPaired, childIDColumn, groupColumn, townshipColumn, momsWantedColumn,
         unmetNeedsHeading, everyNeedCovered, needIDColumn, missingColumn, moreRows, warningsHeading, none
    // Comparison with a hand-made plan
    case comparedHeading, compareTitle, compareSub, figureColumn, handMade, optimized, improvement,
         violationsHeading, noViolations, planColumn, fileColumn, lineColumn, problemColumn, optimizedReportLink,
         chartsHeading, tableHeading, chartLegend, notComparable, notComparableNote
    // What-if
    case whatIfTitle, whatIfSub, scenariosHeading, baseline, reportLink, figuresHeading, scenarioColumn
    // Terminal
    case termWritten, termPairing, termPairingKPIs, termDistances, termAllocation, termAllocationKPIs, termUnmet,
         termWarnings, termCompareWritten, termViolations, termWhatIfWritten, termPage,
         termAllocationFailed, termExplained, pairingCutShort, allocationAtDeadline, allocationAtNodeLimit, termAlternatives, termAlternativesCut, termAlternativesOverrides,
         allocationNoneInTime, termLimitTooShort
    // Metric labels (comparisons)
    case mChildrenReached, mSpecialReached, mSupportFilled, mPairs, mMeanDistance, mP90Distance, mShared,
         mContinuity, mUnitsPriority, mNeedsFullyCovered, mUnitsCovered, mYuanSpent, mChildren, mNeeds, mYuanAvailable,
         mChildrenReachedIn, mUnitsCoveredIn, mYuanSpentEarmark, mPairingScore, mAllocationScore, ofTotal

    /// (English, Chinese).
    public var entry: (en: String, zh: String) {
        switch self {
        case .planTitle: return ("Pairing and allocation plan", "结对与资源分配方案")
        case .planSub: return ("Dataset {1}: {2} children, {3} moms, {4} offers, {5} needs.", "数据集 {1}：儿童 {2} 名，妈妈 {3} 名，资源供给 {4} 项，需求 {5} 项。")
        case .madeOn: return ("Plan made on {1}.", "方案日期：{1}。")
        case .engineNote: return ("CareMatch {1}. Ids only; no names appear on this page.", "CareMatch {1}。本页只显示编号，不含姓名。")
        case .contents: return ("Contents", "目录")
        case .tocUnmet: return ("Who and what is waiting", "尚未满足的儿童与需求")
        case .tocWarnings: return ("Warnings", "警告")
        case .headline: return ("Headline", "概要")
        case .cardChildrenWithLead: return ("children with a lead mom", "有主妈妈的儿童")
        case .cardSpecialWithLead: return ("special-needs children with a lead mom", "有主妈妈的特殊需要儿童")
        case .cardSupportFilled: return ("supporting-mom places filled", "已安排的辅助妈妈名额")
        case .cardNeedsCovered: return ("needs fully covered ({1} partly)", "完全满足的需求（另有 {1} 项部分满足）")
        case .cardUnitsCovered: return ("need units covered", "已满足的需求数量")
        case .cardYuanSpent: return ("spent of {1} available", "已使用资金（可用 {1}）")
        case .provenOptimal: return ("proven optimal", "已证明最优")
        case .notProven: return ("NOT proven optimal", "未证明最优")
        case .cardPairingScore: return ("pairing: score {1}, bound {2}", "结对：得分 {1}，上界 {2}")
        case .cardAllocationScore: return ("allocation: score {1}, bound {2}", "资源分配：得分 {1}，上界 {2}")
        case .allocationStopped: return ("{1}, gap {2} %", "{1}，与上界相差 {2} %")
        case .cardMeanDistance: return ("mean distance (90th percentile {1} km)", "平均距离（90% 的结对不超过 {1} 公里）")
        case .cardShared: return ("pairs sharing an interest", "兴趣相投的结对")
        case .cardContinuity: return ("pairs kept from last quarter ({1} changes)", "延续上季度的结对（变动 {1} 处）")
        case .cardWarnings: return ("warnings in the input", "输入数据中的警告")

        case .mapHeading: return ("Map: where children and moms live", "地图：儿童与妈妈的分布")
        case .mapNote: return ("Each mark is a home location from the dataset (latitude and longitude drawn to scale; no background map, nothing fetched). Lines join each child to its moms. The few points far from all others are drawn at the frame's edge.",
                               "每个标记是数据中的一个住址（按经纬度比例绘制；无底图，不联网）。连线表示儿童与其妈妈的结对。远离其他点的少数点画在边框上。")
        case .mapAggregatedNote: return ("{1} children and {2} moms are too many to draw one by one: each square is {3} km wide; its colour is the share of its children with a lead mom.",
                                         "儿童 {1} 名、妈妈 {2} 名，无法逐个绘制：每个方格边长 {3} 公里，颜色表示格内有主妈妈的儿童比例。")
        case .legendLeadComplete: return ("child with a lead mom (and every supporting mom wanted)", "有主妈妈的儿童（辅助妈妈已齐）")
        case .legendShortSupport: return ("child with a lead mom, short of supporting moms", "有主妈妈、辅助妈妈不足的儿童")
        case .legendNoLead: return ("child without a lead mom", "尚无主妈妈的儿童")
        case .legendMomFree: return ("mom with no child yet", "尚未结对的妈妈")
        case .legendMomPartly: return ("mom with room for more", "还可再结对的妈妈")
        case .legendMomFull: return ("mom at capacity", "已满额的妈妈")
        case .legendPairWithin: return ("pair within a county", "县内结对")
        case .legendPairAcross: return ("pair across a county border", "跨县结对")
        case .legendShapes: return ("Shape: ● left-behind, ■ disadvantaged, ◆ special needs.", "形状：● 留守儿童，■ 困境儿童，◆ 特殊需要儿童。")
        case .legendCellShare: return ("colour: share of the square's children with a lead mom (green 100 %, red 0 %)", "颜色：格内有主妈妈的儿童比例（绿 100%，红 0%）")
        case .legendCellMoms: return ("square with moms only", "只有妈妈的方格")
        case .legendCellUnpaired: return ("children without a lead mom (a larger dot: more of them)", "尚无主妈妈的儿童（点越大人数越多）")
        case .cellTooltip: return ("{1} children, {2} without a lead mom; {3} moms", "儿童 {1} 名，尚无主妈妈 {2} 名；妈妈 {3} 名")
        case .mapAria: return ("Map of {1}", "{1}地图")
        case .countyMapsHeading: return ("County maps (one per printed page)", "分县地图（每县打印一页）")
        case .countyMapsNote: return ("Each county's children and the moms paired with them, with the children still waiting for a lead mom.", "各县（市、区）的儿童及与其结对的妈妈，以及仍在等待主妈妈的儿童。")
        case .countyMapStats: return ("{1} children, {2} with a lead mom, {3} without; {4} moms live here.", "儿童 {1} 名，有主妈妈 {2} 名，尚无 {3} 名；本地妈妈 {4} 名。")
        case .unpairedHere: return ("Children without a lead mom here:", "本地尚无主妈妈的儿童：")
        case .noUnpairedHere: return ("Every child here has a lead mom.", "本地每个儿童都有主妈妈。")
        case .andMoreIDs: return ("… and {1} more (unmet.csv)", "……另有 {1} 名（见 unmet.csv）")

        case .countiesHeading: return ("What each county received", "各县（市、区）情况")
        case .countyColumn: return ("county", "县（市、区）")
        case .childrenColumn: return ("children", "儿童")
        case .withLeadColumn: return ("with a lead mom", "有主妈妈")
        case .withoutLeadColumn: return ("without", "尚无主妈妈")
        case .shortSupportColumn: return ("short of supporting moms", "辅助妈妈不足")
        case .acrossBorderColumn: return ("pairs with a mom from another county", "由外县妈妈结对")
        case .unitsCoveredColumn: return ("need units covered", "已满足的需求数量")
        case .yuanSpentColumn: return ("money spent", "使用资金")

        case .coverageByGroup: return ("Coverage by group", "按儿童类别的覆盖情况")
        case .coverageByCounty: return ("Coverage by county", "按县（市、区）的覆盖情况")
        case .coverageByCategory: return ("Coverage by kind of help", "按帮扶类别的覆盖情况")
        case .chartChildrenWithLead: return ("Children with a lead mom", "有主妈妈的儿童")
        case .chartUnitsCovered: return ("Need units covered", "已满足的需求数量")
        case .axisFrom: return ("axis from {1}", "横轴起点 {1}")
        case .categoryColumn: return ("kind of help", "帮扶类别")
        case .needsColumn: return ("needs", "需求数")
        case .fullyCoveredColumn: return ("fully covered", "完全满足")
        case .unitsWantedColumn: return ("units wanted", "需求数量")

        case .distancesHeading: return ("Distances and fund use", "距离与资金使用")
        case .chartDistances: return ("Pairs by distance between mom and child", "按妈妈与儿童距离统计的结对数")
        case .overKm: return ("over {1} km", "{1} 公里以上")
        case .chartFunds: return ("Fund use by earmark", "按用途的资金使用")
        case .unearmarked: return ("unearmarked", "非定向")

        case .resourcesHeading: return ("Binding resources: what more would bring", "紧缺资源：增加后能带来什么")
        case .resourcesNote: return ("A point is a unit of the plan's score: a child with a lead mom earns {1} × her group's weight (special needs {2}, left-behind {3}, disadvantaged {4}), each supporting mom {5} × the weight, each km between mom and child costs {6}; covering a need fully earns {7} × the weight × its priority (1–5), and each yuan spent costs {8}. Mom places: one more place for the best mom of the area, between the best pair it allows at once and her place's dual price (exact when they agree). Money and in-kind help: the allocation solved again with the addition, starting from this plan, so a value is never negative.",
                                     "“分”是方案得分的单位：儿童有了主妈妈得 {1} × 所属群体权重（特殊需要儿童 {2}，留守儿童 {3}，困境儿童 {4}），每位辅助妈妈得 {5} × 权重，妈妈与儿童每相距 1 公里扣 {6} 分；完全满足一项需求得 {7} × 权重 × 优先级（1–5），每花 1 元扣 {8} 分。妈妈名额：给当地最合适的妈妈增加一个名额的价值，介于它立即可促成的最好结对与该名额的对偶价格之间（两者相等时为精确值）。资金与实物：从本方案出发、加入增量后重新求解资源分配，因此不会为负。")
        case .capacityExact: return ("One more place for a mom in {1}: +{2} points; {3}", "{1}增加一个妈妈名额：+{2} 分；{3}")
        case .capacityRange: return ("One more place for a mom in {1}: between +{2} and +{3} points (proven interval); {4}",
                                     "{1}增加一个妈妈名额：+{2} 至 +{3} 分（已证明的区间）；{4}")
        case .capacityWaiting: return ("{1} children there wait for a place ({2} of {3} moms at capacity).", "当地有 {1} 名儿童在等待名额（{3} 名妈妈中 {2} 名已满额）。")
        case .capacityNoneWaiting: return ("no child there waits for a place ({1} of {2} moms at capacity).", "当地没有儿童在等待名额（{2} 名妈妈中 {1} 名已满额）。")
        case .fundsWhat: return ("{1} more for {2}, usable in every county for every group", "再增加 {1}用于{2}（各县市区、各群体均可使用）")
        case .fundsAnything: return ("anything purchasable", "任何可购买的帮助")
        case .inKindWhat: return ("{1} more {2} of {3} in {4}", "{4}增加 {1} {2}{3}")
        case .marginalExact: return ("{1}: +{2} points", "{1}：+{2} 分")
        case .marginalBounded: return ("{1}: between +{2} and +{3} points (the proof was cut short)", "{1}：+{2} 至 +{3} 分（证明未完成）")
        case .marginalNotComputed: return ("{1}: not computed (the plan's deadline came first)", "{1}：未计算（方案截止时间已到）")
        case .marginalCovers: return ("; it covers {1}", "；可满足：{1}")
        case .coverageItem: return ("{1} {2} of {3} for {4} children in {5} (priority {6})", "{5} {4} 名儿童的{3} {1} {2}（优先级 {6}）")
        case .marginalMoved: return ("; {1} smaller changes elsewhere as help is moved", "；其他地方有 {1} 处较小的调整")
        case .marginalYuan: return ("; yuan spent {1}", "；资金支出变化 {1}")
        case .provenInterval: return ("proven interval", "已证明的区间")
        case .earmarkedFor: return ("earmarked for {1}", "（定向用于{1}）")
        case .unearmarkedShort: return ("unearmarked", "（非定向资金）")
        case .inAnyCounty: return ("any county", "任一县（市、区）")
        case .noResourceLimits: return ("No resource limits the plan.", "没有资源限制方案。")
        case .smallerGains: return ("… and {1} smaller gains (all in summary.json, allocation.explanations.marginals).", "……另有 {1} 项较小的增益（全部见 summary.json 的 allocation.explanations.marginals）。")
        case .noChangeAdditions: return ("{1} other additions tested would change nothing.", "另测试了 {1} 项增加，都不会改变方案。")
        case .exhaustedHeading: return ("Offers and funds used up completely ({1})", "已全部用完的资源供给与资金（{1} 项）")
        case .resourceColumn: return ("resource", "资源类型")
        case .offersColumn: return ("offers", "供给项数")
        case .showIDs: return ("ids", "编号")
        case .unusableHeading: return ("Offers nobody can use", "无人可用的资源供给")
        case .offerIDColumn: return ("offer", "供给编号")
        case .reasonColumn: return ("reason", "原因")

        case .unpairedHeading: return ("Children without a lead mom ({1})", "尚无主妈妈的儿童（{1} 名）")
        case .everyChildPaired: return ("Every child has a lead mom.", "每个儿童都有主妈妈。")
        case .childIDColumn: return ("child", "儿童编号")
        case .groupColumn: return ("group", "类别")
        case .townshipColumn: return ("township", "乡镇（街道）")
        case .momsWantedColumn: return ("moms wanted", "需要妈妈数")
        case .unmetNeedsHeading: return ("Needs not fully covered ({1})", "未完全满足的需求（{1} 项）")
        case .everyNeedCovered: return ("Every need is fully covered.", "所有需求均已完全满足。")
        case .needIDColumn: return ("need", "需求编号")
        case .missingColumn: return ("missing", "缺口")
        case .moreRows: return ("… and {1} more (see unmet.csv and summary.json).", "……另有 {1} 条（见 unmet.csv 和 summary.json）。")
        case .warningsHeading: return ("Warnings ({1})", "警告（{1} 条）")
        case .none: return ("None.", "无。")

        case .comparedHeading: return ("Compared with the hand-made plan", "与手工方案的对比")
        case .compareTitle: return ("Hand-made plan and optimized plan", "手工方案与优化方案对比")
        case .compareSub: return ("Both plans are scored under the same model and settings. Improvement = optimized − hand-made: green is better, red is worse, grey has no better direction (money).",
                                  "两个方案按同一模型和设置评分。改进 = 优化方案 − 手工方案：绿色为更好，红色为更差，灰色表示无优劣之分（资金）。")
        case .figureColumn: return ("figure", "指标")
        case .handMade: return ("hand-made", "手工方案")
        case .optimized: return ("optimized", "优化方案")
        case .improvement: return ("improvement", "改进")
        case .violationsHeading: return ("Rules the hand-made plan breaks ({1})", "手工方案违反的规则（{1} 条）")
        case .noViolations: return ("None: the hand-made plan is feasible.", "无：手工方案可行。")
        case .planColumn: return ("plan", "方案")
        case .fileColumn: return ("file", "文件")
        case .lineColumn: return ("line", "行")
        case .problemColumn: return ("problem", "问题")
        case .optimizedReportLink: return ("The optimized plan's full report", "优化方案的完整报告")
        case .chartsHeading: return ("Charts", "图表")
        case .tableHeading: return ("Every figure", "全部指标")
        case .chartLegend: return ("One chart per figure; each bar is a plan. Where the bars would look alike, the axis starts near the data (its start is written under the chart). The difference is written after each bar: green better, red worse, grey no better direction.",
                                   "每个指标一张图，每根条代表一个方案。条形长度接近时，横轴从数据附近开始（起点写在图下）。条形后写出差值：绿色更好，红色更差，灰色无优劣之分。")
        case .notComparable: return ("not comparable", "不可比")
        case .notComparableNote: return ("Scores of plans made under other weights are on another scale: they are shown, not compared.", "权重不同的方案得分尺度不同：只列出，不比较。")

        case .whatIfTitle: return ("What if", "情景分析")
        case .whatIfSub: return ("Every scenario is the base dataset with the edits below, solved like the baseline. Differences are scenario − baseline. Each scenario's folder holds its full plan and report.",
                                 "每个情景是在基础数据上做下列修改后、按与基准方案相同的方法求解的结果。差值 = 情景 − 基准方案。每个情景的文件夹内有其完整方案和报告。")
        case .scenariosHeading: return ("Scenarios", "情景")
        case .baseline: return ("baseline", "基准方案")
        case .reportLink: return ("report", "报告")
        case .figuresHeading: return ("Every figure", "全部指标")
        case .scenarioColumn: return ("scenario", "情景")

        case .termWritten: return ("Plan for {1} written to {2}", "{1} 的方案已写入 {2}")
        case .termPairing: return ("Pairing     score {1}  bound {2}  {3}", "结对        得分 {1}  上界 {2}  {3}")
        case .termPairingKPIs: return ("            children with a lead mom {1}/{2} (special needs {3}/{4}), supporting places {5}/{6}",
                                       "            有主妈妈的儿童 {1}/{2}（特殊需要儿童 {3}/{4}），辅助妈妈名额 {5}/{6}")
        case .termDistances: return ("            mean distance {1} km, 90th percentile {2} km, shared interests {3} pairs, continuity kept {4}",
                                     "            平均距离 {1} 公里，90% 不超过 {2} 公里，兴趣相投 {3} 对，延续上季度 {4} 对")
        case .termAllocation: return ("Allocation  score {1}  bound {2}  {3}", "资源分配    得分 {1}  上界 {2}  {3}")
        case .termAllocationKPIs: return ("            needs fully covered {1}/{2}, partly {3}; spent {4} of {5}",
                                          "            完全满足的需求 {1}/{2}，部分满足 {3}；已用资金 {4}（可用 {5}）")
        case .termUnmet: return ("Unmet       children without a lead mom: {1}; needs not fully covered: {2} (unmet.csv)",
                                 "未满足      尚无主妈妈的儿童 {1} 名，未完全满足的需求 {2} 项（unmet.csv）")
        case .termAlternatives: return ("Alternatives {1} rows, up to {2} other leads per child with the exact score change (alternatives.csv)",
                                        "备选主妈妈 {1} 行，每名儿童最多 {2} 位，附精确的得分变化（alternatives.csv）")
        case .termAlternativesCut: return ("Alternatives NOT computed for {1} children (deadline); {2} rows written (alternatives.csv)",
                                           "备选主妈妈 {1} 名儿童因截止时间未计算；已写出 {2} 行（alternatives.csv）")
        case .termAlternativesOverrides: return ("Alternatives NOT computed: overrides.csv locks a supporting mom or forbids a pair in one role only, which the exact searches do not take into account yet (alternatives.csv has its header only)",
                                                 "备选主妈妈 未计算：overrides.csv 锁定了辅助妈妈，或只在某一角色上禁止结对，精确搜索尚不能考虑这些决定（alternatives.csv 只有表头）")
        case .termAllocationFailed: return ("Allocation  NOT WRITTEN: {1}", "资源分配    未写出：{1}")
        case .termExplained: return ("Explained   what more would bring, {1} additions: {2} exact, {3} proven 0, {4} bounded (proof cut short: node limit or deadline), {5} not computed (deadline)",
                                     "追加资源的价值 共 {1} 项：精确 {2} 项，已证明为 0 的 {3} 项，区间 {4} 项（证明因分支上限或截止时间而未完成），未计算 {5} 项（截止时间所限）")
        case .pairingCutShort: return ("NOT proven optimal: stopped at the deadline (the bound still holds: no pairing can score more)", "未证明最优：到达截止时间而停止（上界仍然成立：任何配对都不会更高）")
        case .allocationAtDeadline: return ("stopped at the deadline, gap {1} %", "到达截止时间而停止，与上界相差 {1} %")
        case .allocationNoneInTime: return ("NO allocation found before the deadline: the empty plan is written (the bound still holds)",
                                            "截止时间前未找到资源分配：写出的是空方案（上界仍然成立）")
        case .termLimitTooShort: return ("Time limit  {1} s: reading, checking and writing this dataset take about {2} s, so the solves had {3} s (--time-limit, plan.time_limit_s)",
                                         "时间限制    {1} 秒：读取、校验和写出本数据约需 {2} 秒，求解只有 {3} 秒（--time-limit，plan.time_limit_s）")
        case .allocationAtNodeLimit: return ("proof stopped at its node limit (allocation.node_limit), gap {1} %", "证明达到分支节点上限（allocation.node_limit）而停止，与上界相差 {1} %")
        case .termWarnings: return ("Warnings    {1} (listed in summary.json)", "警告        {1} 条（见 summary.json）")
        case .termCompareWritten: return ("Comparison for {1} written to {2}", "{1} 的对比已写入 {2}")
        case .termViolations: return ("Hand-made plan: {1} pairing violations, {2} allocation violations", "手工方案：结对违规 {1} 处，资源分配违规 {2} 处")
        case .termWhatIfWritten: return ("What-if for {1}: baseline and {2} scenarios written to {3}", "{1} 的情景分析：基准方案和 {2} 个情景已写入 {3}")
        case .termPage: return ("(scenarios {1}–{2} of {3})", "（情景 {1}–{2}，共 {3} 个）")

        case .mChildrenReached: return ("children with a lead mom", "有主妈妈的儿童")
        case .mSpecialReached: return ("special-needs children with a lead mom", "有主妈妈的特殊需要儿童")
        case .mSupportFilled: return ("supporting slots filled", "已安排的辅助妈妈名额")
        case .mPairs: return ("pairs", "结对数")
        case .mMeanDistance: return ("mean distance (km)", "平均距离（公里）")
        case .mP90Distance: return ("90th-percentile distance (km)", "90% 分位距离（公里）")
        case .mShared: return ("pairs sharing an interest", "兴趣相投的结对")
        case .mContinuity: return ("pairs kept from last quarter", "延续上季度的结对")
        case .mUnitsPriority: return ("need units covered, priority {1}", "已满足的需求数量，优先级 {1}")
        case .mNeedsFullyCovered: return ("needs fully covered", "完全满足的需求")
        case .mUnitsCovered: return ("need units covered (all)", "已满足的需求数量（全部）")
        case .mYuanSpent: return ("yuan spent", "使用资金（元）")
        case .mChildren: return ("children", "儿童数")
        case .mNeeds: return ("needs", "需求数")
        case .mYuanAvailable: return ("yuan available", "可用资金（元）")
        case .mChildrenReachedIn: return ("children with a lead mom: {1}", "有主妈妈的儿童：{1}")
        case .mUnitsCoveredIn: return ("need units covered: {1}", "已满足的需求数量：{1}")
        case .mYuanSpentEarmark: return ("yuan spent, earmark {1}", "使用资金（元），用途：{1}")
        case .mPairingScore: return ("pairing score", "结对得分")
        case .mAllocationScore: return ("allocation score", "资源分配得分")
        case .ofTotal: return ("{1} (of {2})", "{1}（共 {2}）")
        }
    }
}

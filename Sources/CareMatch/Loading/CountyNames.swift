/// The `[county_aliases]` table of `settings.toml`: spellings of a county and the name they mean.
public struct CountyAliases: Sendable, Hashable {
    /// The TOML table's name.
    public static let table = "county_aliases"
    /// Spelling (trimmed) → the county it means.
    public var target: [String: String] = [:]
    /// Spelling → line in `settings.toml`.
    public var line: [String: Int] = [:]
    /// Entries that are not county names.
    public var diagnostics: [Diagnostic] = []
    public init(target: [String: String] = [:]) { self.target = target }
}

/// One spelling per county: folds the spellings of one county to one name, and warns about a
/// rare county written close to a frequent one.
///
/// Spellings are folded when they are the same county:
/// - listed in `[county_aliases]` of `settings.toml` (folded to the name given there);
/// - one of the six Quzhou divisions by its Chinese name, with or without the 区/县/市 suffix
///   (柯城区 Kecheng, 衢江区 Qujiang, 龙游县 Longyou, 江山市 Jiangshan, 常山县 Changshan, 开化县 Kaihua);
/// - the same up to case, spaces, underscores and hyphens (`changshan`, `Chang Shan`).
/// Such a group of spellings becomes the spelling of most rows (ties: code-point order), or the
/// `[county_aliases]` name; each folded spelling is a warning naming both spellings and its rows.
///
/// A county of few rows (at most 2, or 0.1 % of all rows) whose name is within edit distance 2 of
/// a county with 20 times as many rows is not folded (it may be real) but warned about, with the
/// suggestion.
///
/// - Complexity: O(rows) plus, per distinct spelling that is rare, comparisons with the 50 most
///   frequent counties.
enum CountyNames {
    /// The Quzhou divisions: English name, Chinese name with its suffix.
    static let quzhou: [(english: String, chinese: String)] = [
        ("Kecheng", "柯城区"), ("Qujiang", "衢江区"), ("Longyou", "龙游县"),
        ("Jiangshan", "江山市"), ("Changshan", "常山县"), ("Kaihua", "开化县"),
    ]

    /// Chinese spelling (with and without suffix) → the English name's key.
    static let quzhouKeys: [String: String] = {
        var m = [String: String]()
        for (e, c) in quzhou {
            m[c] = NameSimilarity.key(e)
            m[String(c.dropLast())] = NameSimilarity.key(e)
        }
        return m
    }()

    /// Where a spelling was first seen and how many rows use it.
    struct Mentions {
        var rows = 0
        var file: String
        var line: Int
        var column: String
        var byFile: [String: Int] = [:]
    }

    /// Folds the counties of children, moms, organizations and offers (`county` and `serves`) in
    /// place and returns the warnings.
    static func fold(_ d: inout Dataset, aliases: CountyAliases = CountyAliases()) -> [Diagnostic] {
        let F = DatasetFile.self
        var mentions = [String: Mentions]()
        var order = [String]()
        func note(_ county: String, _ file: String, _ line: Int, _ column: String) {
            if county.isEmpty { return }
            if mentions[county] == nil { mentions[county] = Mentions(file: file, line: line, column: column); order.append(county) }
            mentions[county]!.rows += 1
            mentions[county]!.byFile[file, default: 0] += 1
        }
        for o in d.organizations { note(o.county, F.organizations, o.line, "county") }
        for c in d.children { note(c.county, F.children, c.line, "county") }
        for m in d.moms { note(m.county, F.moms, m.line, "county") }
        for o in d.offers {
            note(o.county, F.offers, o.line, "county")
            if case .counties(let list) = o.serves { for c in list { note(c, F.offers, o.line, "serves") } }
        }

        // Alias targets by key, so "changshan" in the table folds "Changshan" rows too.
        var aliasByKey = [String: String]()
        for (spelling, target) in aliases.target {
            aliasByKey[NameSimilarity.key(spelling)] = target
            aliasByKey[NameSimilarity.key(target)] = target
        }
        func groupKey(_ s: String) -> String {
            if let t = aliases.target[s] { return "alias:" + t }
            let k = NameSimilarity.key(s)
            if let t = aliasByKey[k] { return "alias:" + t }
            if let q = quzhouKeys[s] ?? quzhouKeys[k] { return aliasByKey[q].map { "alias:" + $0 } ?? q }
            return k
        }
        var groups = [String: [String]]()
        var groupOrder = [String]()
        for s in order {
            let g = groupKey(s)
            if groups[g] == nil { groupOrder.append(g) }
            groups[g, default: []].append(s)
        }
        var rename = [String: String]()
        var warnings = [Diagnostic]()
        for g in groupOrder {
            let spellings = groups[g]!
            let canonical: String
            if g.hasPrefix("alias:") { canonical = String(g.dropFirst(6)) } else {
                guard spellings.count > 1 else { continue }
                canonical = spellings.max { a, b in
                    let ra = mentions[a]!.rows, rb = mentions[b]!.rows
                    return ra != rb ? ra < rb : b.precedesInCodePoints(a)
                }!
            }
            let canonicalRows = spellings.filter { $0 == canonical }.reduce(0) { $0 + mentions[$1]!.rows }
            for s in spellings where s != canonical {
                rename[s] = canonical
                let m = mentions[s]!
                let why = aliases.target[s] != nil || aliasByKey[NameSimilarity.key(s)] != nil
                    ? "as [county_aliases] in settings.toml says"
                    : quzhouKeys[s] != nil ? "the Chinese name of the same Quzhou division" : "the same name up to case and spaces"
                let elsewhere = canonicalRows > 0 ? ", the spelling of \(count(canonicalRows, "other row"))" : ""
                warnings.append(.warning(m.file, line: m.line, column: m.column,
                    "county '\(s)' (\(count(m.rows, "row")): \(filesSummary(m.byFile))) was read as '\(canonical)'\(elsewhere) (\(why)): one county, one spelling"))
            }
        }
        if !rename.isEmpty {
            func r(_ s: String) -> String { rename[s] ?? s }
            for i in d.children.indices { d.children[i].county = r(d.children[i].county) }
            for i in d.moms.indices { d.moms[i].county = r(d.moms[i].county) }
            for i in d.organizations.indices { d.organizations[i].county = r(d.organizations[i].county) }
            for i in d.offers.indices {
                d.offers[i].county = r(d.offers[i].county)
                if case .counties(let list) = d.offers[i].serves {
                    var out = [String]()
                    for c in list.map(r) where !out.contains(c) { out.append(c) }
                    d.offers[i].serves = .counties(out)
                }
            }
        }
        warnings += rareNearFrequent(mentions: mentions, order: order, rename: rename)
        return warnings
    }

    /// A warning for each rare county whose name is close to a much more frequent one.
    static func rareNearFrequent(mentions: [String: Mentions], order: [String], rename: [String: String]) -> [Diagnostic] {
        var rows = [String: Int]()
        var first = [String: Mentions]()
        for s in order {
            let c = rename[s] ?? s
            rows[c, default: 0] += mentions[s]!.rows
            if rename[s] == nil { first[c] = mentions[s]! }
        }
        let total = rows.values.reduce(0, +)
        let rareLimit = max(2, total / 1000)
        let frequent = rows.filter { $0.value >= 10 }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.precedesInCodePoints($1.key) }
            .prefix(50)
        guard !frequent.isEmpty else { return [] }
        var out = [Diagnostic]()
        for s in order where rename[s] == nil {
            let n = rows[s]!
            guard n <= rareLimit else { continue }
            let candidates = frequent.filter { $0.value >= 20 * n && $0.key != s }.map(\.key)
            guard let meant = NameSimilarity.likelyMeant(s, among: candidates), let m = first[s] else { continue }
            out.append(.warning(m.file, line: m.line, column: m.column,
                "county '\(s)' appears in only \(count(n, "row")), while '\(meant)' has \(rows[meant]!); did you mean '\(meant)'? It was kept as written, so it is a county of its own: offers of '\(meant)' do not serve it and its children are not counted with '\(meant)' (if it is the same county, correct the spelling or add \"\(s)\" = \"\(meant)\" under [county_aliases] in settings.toml)"))
        }
        return out
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    static func filesSummary(_ byFile: [String: Int]) -> String {
        byFile.sorted { Diagnostic.fileRank($0.key) < Diagnostic.fileRank($1.key) }
            .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }
}

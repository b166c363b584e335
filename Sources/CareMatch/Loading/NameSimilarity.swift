/// How close two names are, for "did you mean …?" in messages about column headers and counties.
///
/// Names are compared by a key that ignores case, spaces, underscores and hyphens
/// (`Paired Mom ID` = `paired_mom_id`), then by the edit distance between keys.
enum NameSimilarity {
    /// The name lowercased, without spaces (also full-width), underscores and hyphens.
    static func key(_ name: String) -> String {
        String(String.UnicodeScalarView(name.lowercased().unicodeScalars.filter {
            !CSVReader.isSpace($0) && $0 != "_" && $0 != "-" && $0.value != 0x3000
        }))
    }

    /// Levenshtein distance between the Unicode scalars of `a` and `b`, stopping early (returning
    /// `limit + 1`) once it exceeds `limit`.
    ///
    /// - Complexity: O(|a| · |b|).
    static func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if abs(a.count - b.count) > limit { return limit == .max ? limit : limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count), cur = prev
        for i in 1...a.count {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMin = min(rowMin, cur[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }

    /// The candidate that `name` most likely misspells, if any: same key, or a key within edit
    /// distance 2 (1 for keys of 4 characters or fewer), or a key that is a prefix of the other
    /// (`paired_mom` for `paired_mom_id`, at least 4 characters). Ties: smaller distance, then
    /// code-point order.
    static func likelyMeant(_ name: String, among candidates: [String]) -> String? {
        let k = key(name)
        guard !k.isEmpty else { return nil }
        var best: (name: String, distance: Int)? = nil
        for c in candidates {
            let ck = key(c)
            guard !ck.isEmpty, c != name else { continue }
            var d: Int
            if ck == k { d = 0 } else {
                let limit = min(k.unicodeScalars.count, ck.unicodeScalars.count) <= 4 ? 1 : 2
                d = editDistance(k, ck, limit: limit)
                if d > limit {
                    let (short, long) = k.count < ck.count ? (k, ck) : (ck, k)
                    guard short.unicodeScalars.count >= 4, long.hasPrefix(short) else { continue }
                    d = limit + 1
                }
            }
            if best == nil || d < best!.distance || (d == best!.distance && c.precedesInCodePoints(best!.name)) {
                best = (c, d)
            }
        }
        return best?.name
    }
}

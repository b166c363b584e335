/// Explains, in coordinators' words, why a child has no lead mom.
///
/// Not yet merged with `ChildShortfallReasons` (the codes and reasons of `unmet.csv`), though
/// both answer the same question: these strings are shown in `report.html`'s table of unpaired
/// children, so replacing them changes that page's text (not only `summary.json`, which keeps
/// only the count), and `ChildShortfallReasons` needs the pairing's mom duals, which exist only
/// after the solve returns. The merge belongs where the plan is assembled (issue 16).
enum UnmetReasons {
    static func explain(_ inst: PairingInstance, _ ev: PairingEvaluation) -> [UnmetChild] {
        var hasLead = [Bool](repeating: false, count: inst.childCount)
        for p in ev.pairs where p.role == .lead { hasLead[p.child] = true }
        var load = [Int32](repeating: 0, count: inst.momCount)
        for p in ev.pairs { load[p.mom] += 1 }
        var out: [UnmetChild] = []
        let order = (0..<inst.childCount).sorted { inst.childIDs[$0].precedesInCodePoints(inst.childIDs[$1]) }
        for c in order where !hasLead[c] {
            var within: [(m: Int, d: Int)] = []
            inst.forEachAllowedMom(of: c, within: inst.maxReach) { m, f in within.append((m, f.centikm)) }
            within.sort { $0.d != $1.d ? $0.d < $1.d : inst.momIDs[$0.m].precedesInCodePoints(inst.momIDs[$1.m]) }
            guard let nearest = within.first else {
                out.append(UnmetChild(child: c, reason: "no mom within reach"))
                continue
            }
            let km = Decimals.format(Double(nearest.d) / 100, maxDecimals: 2)
            if within.allSatisfy({ load[$0.m] >= inst.momCapacity[$0.m] }) {
                out.append(UnmetChild(child: c, reason: "moms within reach are all at capacity (\(within.count) within reach; nearest \(inst.momIDs[nearest.m]) at \(km) km)"))
            } else {
                out.append(UnmetChild(child: c, reason: "pairing would cost more points than it earns (nearest mom \(inst.momIDs[nearest.m]) at \(km) km)"))
            }
        }
        return out
    }
}

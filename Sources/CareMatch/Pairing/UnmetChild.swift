/// A child without a lead mom. Why is said where the plan is written, from the plan's pairs and
/// the moms' prices (`ChildShortfallReasons`: `unmet.csv`, and `report.html`'s table).
public struct UnmetChild: Sendable, Hashable {
    /// The child's position in the dataset.
    public var child: Int

    /// The children of `evaluation` (positions of `ids`) without a lead mom, in id order.
    static func withoutLead(_ evaluation: PairingEvaluation, ids: [String]) -> [UnmetChild] {
        var hasLead = [Bool](repeating: false, count: ids.count)
        for p in evaluation.pairs where p.role == .lead { hasLead[p.child] = true }
        return ids.indices.filter { !hasLead[$0] }.sorted { ids[$0].precedesInCodePoints(ids[$1]) }.map { UnmetChild(child: $0) }
    }
}

/// Alliances whose money is shaped unlike Quzhou's, for measuring the allocation engine on data
/// its own generator would not make. Applied after the Quzhou-shaped dataset is drawn, from a
/// random stream of its own, so the default shape's files do not change.
public enum FundingShape: String, Sendable, CaseIterable {
    /// The bundled generator's funds: the charitable fund and donors' money, 60 % unearmarked.
    case quzhou
    /// Every donor's money split into three earmarks for purchasable categories (whole-unit
    /// categories most), and the catalog's prices varied by up to ±40 %.
    case manyEarmarks = "many-earmarks"
    /// All money cut to 30 %, prices varied by up to ±40 %: funds run out long before needs.
    case scarceFunds = "scarce-funds"
    /// All money tripled: most needs can be bought, so the knapsacks of whole units decide.
    case richFunds = "rich-funds"

    func reshape(_ d: inout Dataset, seed: UInt64) {
        var r = SplitMix64(seed: seed, stream: 9)
        if self == .manyEarmarks || self == .scarceFunds {
            for i in d.catalog.indices {
                guard let p = d.catalog[i].unitCostYuan else { continue }
                d.catalog[i].unitCostYuan = max(1, (p * r.uniform(0.6, 1.4) * 100).rounded() / 100)
            }
        }
        let factor = self == .scarceFunds ? 0.3 : self == .richFunds ? 3 : 1
        for i in d.offers.indices where d.offers[i].isFunds {
            d.offers[i].quantity = (d.offers[i].quantity * factor).rounded()
        }
        guard self == .manyEarmarks else { return }
        let purchasable = d.catalog.filter { $0.unitCostYuan != nil }.map(\.category)
        let charitable = d.organizations.first?.id
        var split: [Offer] = []
        for o in d.offers {
            guard o.isFunds, o.orgID != charitable, !purchasable.isEmpty else { split.append(o); continue }
            let parts = [0.5, 0.3, 0.2]
            for (k, share) in parts.enumerated() {
                var e = o
                e.id = k == 0 ? o.id : o.id + "-\(k + 1)"
                e.category = purchasable[r.index(purchasable.count)]
                e.quantity = k == parts.count - 1
                    ? o.quantity - split.suffix(k).reduce(0) { $0 + $1.quantity }
                    : (o.quantity * share).rounded()
                split.append(e)
            }
        }
        d.offers = split
    }
}

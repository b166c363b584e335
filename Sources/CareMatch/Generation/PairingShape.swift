/// Maps of moms and children shaped unlike Quzhou's, for measuring the pairing engine on data its
/// own generator would not make (issue 16). Applied after the Quzhou-shaped dataset is drawn, from
/// a random stream of its own, so the default shape's files do not change.
public enum PairingShape: String, Sendable, CaseIterable {
    /// The bundled generator's townships, `pairing.max_km` 25 km, a little over half of the
    /// children wanting supporting moms.
    case quzhou
    /// Denser towns (every mom and child drawn halfway to her township's centre: a quarter of the
    /// area), a wider reach (`pairing.max_km` 40 km, each mom's own limit 1.6 times farther), and
    /// more children wanting supporting moms (half of those who wanted none want one, a third of
    /// those who wanted one want two): far more allowed pairs, and more of them competitive.
    case dense

    /// `pairing.max_km` of the shape.
    var maxKm: Double { self == .dense ? 40 : Settings().maxKm }

    func reshape(_ d: inout Dataset, seed: UInt64) {
        guard self == .dense else { return }
        var r = SplitMix64(seed: seed, stream: 10)
        d.settings.maxKm = maxKm
        // Township centres: the mean position of the township's moms and children.
        struct Town: Hashable { var county: String; var township: String }
        var sum: [Town: (lat: Double, lon: Double, n: Double)] = [:]
        func add(_ t: Town, _ p: GeoPoint) {
            let s = sum[t] ?? (0, 0, 0)
            sum[t] = (s.lat + p.lat, s.lon + p.lon, s.n + 1)
        }
        for m in d.moms { add(Town(county: m.county, township: m.township), m.location) }
        for c in d.children { add(Town(county: c.county, township: c.township), c.location) }
        func halfway(_ p: GeoPoint, _ t: Town) -> GeoPoint {
            guard let s = sum[t], s.n > 0 else { return p }
            return GeoPoint(lat: DatasetGenerator.micro((p.lat + s.lat / s.n) / 2), lon: DatasetGenerator.micro((p.lon + s.lon / s.n) / 2))
        }
        for i in d.moms.indices {
            d.moms[i].location = halfway(d.moms[i].location, Town(county: d.moms[i].county, township: d.moms[i].township))
            if let k = d.moms[i].maxKm { d.moms[i].maxKm = (k * 1.6).rounded() }
        }
        for i in d.children.indices {
            d.children[i].location = halfway(d.children[i].location, Town(county: d.children[i].county, township: d.children[i].township))
            let wanted = d.children[i].supportersWanted
            if wanted == 0 && r.chance(0.5) || wanted == 1 && r.chance(1.0 / 3) { d.children[i].supportersWanted = wanted + 1 }
        }
    }
}

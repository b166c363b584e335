/// The shape of Quzhou used by `DatasetGenerator`: six county-level divisions, a few real
/// townships each, with approximate centres (to about a kilometre; good enough for synthetic
/// data, not for navigation).
///
/// Shares say where children and moms live: the mountainous west (Kaihua, Changshan, Jiangshan)
/// has more left-behind children and fewer volunteers than the urban centre (Kecheng).
enum QuzhouGeography {
    struct Township: Sendable {
        let name: String
        let lat: Double, lon: Double
        /// Standard deviation of the scatter of homes around the centre, km.
        let sigmaKm: Double
        let childWeight: Double
        let momWeight: Double
    }

    struct County: Sendable {
        /// The name written in the data (contract: Kecheng, Qujiang, …).
        let name: String
        let chinese: String
        let lat: Double, lon: Double
        let childShare: Double
        let momShare: Double
        /// Share of left-behind children among the county's children (special needs is 15 % everywhere).
        let leftBehindRate: Double
        /// Multiplier of in-kind supply against demand (urban centre richer).
        let supplyFactor: Double
        let townships: [Township]
        /// Remote mountain villages: children only, no mom within reach.
        let remote: [Township]
        /// Remote children at scale 1.
        let remoteChildren: Int
    }

    /// km per degree of latitude (6371 km × π / 180), and per degree of longitude near 29° N.
    static let kmPerDegreeLat = 111.19492664455873
    static let kmPerDegreeLon = 97.25  // 111.195 × cos 29°, a literal so no libm call is involved

    static let counties: [County] = [
        County(name: "Kecheng", chinese: "柯城区", lat: 28.97, lon: 118.87,
               childShare: 0.12, momShare: 0.28, leftBehindRate: 0.40, supplyFactor: 1.4, townships: [
                Township(name: "府山街道", lat: 28.960, lon: 118.870, sigmaKm: 1.2, childWeight: 1.0, momWeight: 3.0),
                Township(name: "荷花街道", lat: 28.950, lon: 118.890, sigmaKm: 1.2, childWeight: 1.0, momWeight: 3.0),
                Township(name: "信安街道", lat: 28.980, lon: 118.850, sigmaKm: 1.5, childWeight: 1.0, momWeight: 2.0),
                Township(name: "航埠镇", lat: 28.930, lon: 118.780, sigmaKm: 2.5, childWeight: 1.5, momWeight: 1.0),
                Township(name: "石梁镇", lat: 29.040, lon: 118.870, sigmaKm: 2.5, childWeight: 1.5, momWeight: 1.0),
                Township(name: "九华乡", lat: 29.060, lon: 118.930, sigmaKm: 2.5, childWeight: 1.0, momWeight: 0.6),
                Township(name: "七里乡", lat: 29.150, lon: 118.840, sigmaKm: 2.5, childWeight: 0.8, momWeight: 0.3),
               ], remote: [], remoteChildren: 0),
        County(name: "Qujiang", chinese: "衢江区", lat: 28.98, lon: 118.96,
               childShare: 0.16, momShare: 0.18, leftBehindRate: 0.52, supplyFactor: 1.1, townships: [
                Township(name: "樟潭街道", lat: 28.970, lon: 118.950, sigmaKm: 1.5, childWeight: 1.0, momWeight: 2.5),
                Township(name: "廿里镇", lat: 28.890, lon: 118.990, sigmaKm: 2.5, childWeight: 1.0, momWeight: 1.0),
                Township(name: "杜泽镇", lat: 29.100, lon: 118.990, sigmaKm: 2.5, childWeight: 1.2, momWeight: 1.0),
                Township(name: "高家镇", lat: 28.970, lon: 119.060, sigmaKm: 2.5, childWeight: 1.0, momWeight: 1.0),
                Township(name: "莲花镇", lat: 29.060, lon: 118.780, sigmaKm: 2.5, childWeight: 1.0, momWeight: 0.8),
                Township(name: "上方镇", lat: 28.870, lon: 118.900, sigmaKm: 2.5, childWeight: 0.8, momWeight: 0.6),
                Township(name: "湖南镇", lat: 28.790, lon: 118.920, sigmaKm: 3.0, childWeight: 1.2, momWeight: 0.5),
               ], remote: [], remoteChildren: 0),
        County(name: "Longyou", chinese: "龙游县", lat: 29.03, lon: 119.17,
               childShare: 0.15, momShare: 0.17, leftBehindRate: 0.55, supplyFactor: 1.0, townships: [
                Township(name: "龙洲街道", lat: 29.030, lon: 119.170, sigmaKm: 1.5, childWeight: 1.2, momWeight: 3.0),
                Township(name: "东华街道", lat: 29.040, lon: 119.200, sigmaKm: 1.5, childWeight: 1.0, momWeight: 2.0),
                Township(name: "湖镇镇", lat: 29.100, lon: 119.300, sigmaKm: 2.5, childWeight: 1.2, momWeight: 1.0),
                Township(name: "小南海镇", lat: 29.050, lon: 119.100, sigmaKm: 2.5, childWeight: 1.0, momWeight: 1.0),
                Township(name: "横山镇", lat: 29.120, lon: 119.140, sigmaKm: 2.5, childWeight: 0.8, momWeight: 0.7),
                Township(name: "塔石镇", lat: 29.090, lon: 119.220, sigmaKm: 2.5, childWeight: 0.8, momWeight: 0.6),
                Township(name: "溪口镇", lat: 28.870, lon: 119.160, sigmaKm: 3.0, childWeight: 1.2, momWeight: 0.6),
               ], remote: [], remoteChildren: 0),
        County(name: "Jiangshan", chinese: "江山市", lat: 28.74, lon: 118.63,
               childShare: 0.20, momShare: 0.15, leftBehindRate: 0.58, supplyFactor: 0.85, townships: [
                Township(name: "双塔街道", lat: 28.740, lon: 118.630, sigmaKm: 1.5, childWeight: 1.2, momWeight: 3.0),
                Township(name: "虎山街道", lat: 28.730, lon: 118.610, sigmaKm: 1.5, childWeight: 1.0, momWeight: 2.0),
                Township(name: "贺村镇", lat: 28.830, lon: 118.680, sigmaKm: 2.5, childWeight: 1.2, momWeight: 1.0),
                Township(name: "清湖街道", lat: 28.680, lon: 118.580, sigmaKm: 2.0, childWeight: 1.0, momWeight: 1.0),
                Township(name: "上余镇", lat: 28.800, lon: 118.740, sigmaKm: 2.5, childWeight: 1.0, momWeight: 0.8),
                Township(name: "四都镇", lat: 28.690, lon: 118.500, sigmaKm: 2.5, childWeight: 0.8, momWeight: 0.5),
                Township(name: "峡口镇", lat: 28.560, lon: 118.570, sigmaKm: 2.0, childWeight: 1.2, momWeight: 0.5),
               ], remote: [
                Township(name: "廿八都镇", lat: 28.260, lon: 118.520, sigmaKm: 0.5, childWeight: 1.0, momWeight: 0),
               ], remoteChildren: 2),
        County(name: "Changshan", chinese: "常山县", lat: 28.90, lon: 118.51,
               childShare: 0.16, momShare: 0.11, leftBehindRate: 0.60, supplyFactor: 0.75, townships: [
                Township(name: "天马街道", lat: 28.900, lon: 118.510, sigmaKm: 1.5, childWeight: 1.2, momWeight: 3.0),
                Township(name: "金川街道", lat: 28.910, lon: 118.530, sigmaKm: 1.5, childWeight: 1.0, momWeight: 2.0),
                Township(name: "球川镇", lat: 28.860, lon: 118.380, sigmaKm: 2.5, childWeight: 1.2, momWeight: 0.6),
                Township(name: "辉埠镇", lat: 28.990, lon: 118.450, sigmaKm: 2.5, childWeight: 1.0, momWeight: 0.7),
                Township(name: "招贤镇", lat: 28.940, lon: 118.590, sigmaKm: 2.5, childWeight: 1.0, momWeight: 0.8),
                Township(name: "白石镇", lat: 28.850, lon: 118.560, sigmaKm: 2.5, childWeight: 0.8, momWeight: 0.6),
                Township(name: "芳村镇", lat: 29.050, lon: 118.400, sigmaKm: 3.0, childWeight: 1.0, momWeight: 0.4),
               ], remote: [], remoteChildren: 0),
        County(name: "Kaihua", chinese: "开化县", lat: 29.14, lon: 118.41,
               childShare: 0.21, momShare: 0.11, leftBehindRate: 0.62, supplyFactor: 0.7, townships: [
                Township(name: "芹阳办事处", lat: 29.140, lon: 118.410, sigmaKm: 1.5, childWeight: 1.2, momWeight: 3.0),
                Township(name: "华埠镇", lat: 29.040, lon: 118.390, sigmaKm: 2.0, childWeight: 1.2, momWeight: 1.5),
                Township(name: "池淮镇", lat: 29.200, lon: 118.440, sigmaKm: 2.5, childWeight: 1.0, momWeight: 0.7),
                Township(name: "音坑乡", lat: 29.090, lon: 118.460, sigmaKm: 2.5, childWeight: 0.8, momWeight: 0.5),
                Township(name: "桐村镇", lat: 29.030, lon: 118.290, sigmaKm: 2.5, childWeight: 1.0, momWeight: 0.5),
                Township(name: "杨林镇", lat: 28.990, lon: 118.360, sigmaKm: 2.5, childWeight: 0.8, momWeight: 0.4),
               ], remote: [
                Township(name: "齐溪镇", lat: 29.420, lon: 118.130, sigmaKm: 0.5, childWeight: 1.0, momWeight: 0),
               ], remoteChildren: 3),
    ]

    /// Neighbouring counties, for offers that serve a short list of counties.
    static let neighbours: [String: [String]] = [
        "Kecheng": ["Qujiang", "Changshan"],
        "Qujiang": ["Kecheng", "Longyou"],
        "Longyou": ["Qujiang"],
        "Jiangshan": ["Changshan", "Kecheng"],
        "Changshan": ["Kaihua", "Jiangshan"],
        "Kaihua": ["Changshan"],
    ]
}

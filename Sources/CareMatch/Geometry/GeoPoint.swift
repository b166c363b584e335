import Foundation

/// A WGS-84 location in degrees.
public struct GeoPoint: Sendable, Hashable {
    public var lat: Double
    public var lon: Double
    public init(lat: Double, lon: Double) { self.lat = lat; self.lon = lon }
}

/// Distances as the contract defines them (section 3).
public enum Distance {
    /// Earth radius of the contract, km.
    public static let earthRadiusKm = 6371.0

    /// Great-circle (haversine) distance in km, unrounded.
    public static func haversineKm(_ a: GeoPoint, _ b: GeoPoint) -> Double {
        haversineKm(a, cosLat: cosLat(a), b, cosLat: cosLat(b))
    }

    /// The cosine of a point's latitude, as the haversine takes it: a caller measuring many
    /// distances from or to the same points keeps it (`SpatialGrid`), with the same bits.
    @inline(__always) public static func cosLat(_ p: GeoPoint) -> Double { cos(p.lat * (Double.pi / 180)) }

    /// `haversineKm` with both latitudes' cosines given (`cosLat`).
    @inline(__always)
    public static func haversineKm(_ a: GeoPoint, cosLat cosA: Double, _ b: GeoPoint, cosLat cosB: Double) -> Double {
        let toRad = Double.pi / 180
        let dPhi = (b.lat - a.lat) * toRad, dLambda = (b.lon - a.lon) * toRad
        let s1 = sin(dPhi / 2), s2 = sin(dLambda / 2)
        let h = s1 * s1 + cosA * cosB * s2 * s2
        return 2 * earthRadiusKm * asin(min(1, h.squareRoot()))
    }

    /// The contract's distance in hundredths of a km: haversine rounded half away from zero to 0.01 km.
    public static func centikm(_ a: GeoPoint, _ b: GeoPoint) -> Int {
        centikm(km: haversineKm(a, b))
    }

    /// `centikm` with both latitudes' cosines given (`cosLat`).
    @inline(__always)
    public static func centikm(_ a: GeoPoint, cosLat cosA: Double, _ b: GeoPoint, cosLat cosB: Double) -> Int {
        centikm(km: haversineKm(a, cosLat: cosA, b, cosLat: cosB))
    }

    @inline(__always) private static func centikm(km: Double) -> Int {
        Int((km * 100).rounded(.toNearestOrAwayFromZero))
    }

    /// The contract's distance in km, rounded to 0.01.
    public static func km(_ a: GeoPoint, _ b: GeoPoint) -> Double { Double(centikm(a, b)) / 100 }
}

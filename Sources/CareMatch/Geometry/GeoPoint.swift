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
        let toRad = Double.pi / 180
        let phi1 = a.lat * toRad, phi2 = b.lat * toRad
        let dPhi = (b.lat - a.lat) * toRad, dLambda = (b.lon - a.lon) * toRad
        let s1 = sin(dPhi / 2), s2 = sin(dLambda / 2)
        let h = s1 * s1 + cos(phi1) * cos(phi2) * s2 * s2
        return 2 * earthRadiusKm * asin(min(1, h.squareRoot()))
    }

    /// The contract's distance in hundredths of a km: haversine rounded half away from zero to 0.01 km.
    public static func centikm(_ a: GeoPoint, _ b: GeoPoint) -> Int {
        Int((haversineKm(a, b) * 100).rounded(.toNearestOrAwayFromZero))
    }

    /// The contract's distance in km, rounded to 0.01.
    public static func km(_ a: GeoPoint, _ b: GeoPoint) -> Double { Double(centikm(a, b)) / 100 }
}

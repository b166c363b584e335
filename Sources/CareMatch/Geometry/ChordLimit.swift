import Foundation

/// Whether a point lies within a contract distance of another, decided from their unit vectors
/// (`Distance.unitVector`) by a squared chord, without trigonometry, and exactly.
///
/// The contract's distance rounds the haversine distance `d` half away from zero to 0.01 km, so
/// it is at most `L` hundredths exactly when `100·d < L + ½`. The haversine's `h` is the squared
/// half chord between the unit vectors (`h = c²/4`, an identity), and `d = 2R·asin(√h)` grows
/// with `c`, so that is `c² < T` with `T = 4·sin²((L + ½) / (200·R))`. The squared chord of two
/// unit vectors is computed with an absolute error below 10⁻¹⁵·c; the test decides only outside a
/// margin far above that (a relative 10⁻⁹ of `T`, plus 10⁻¹³·√T), and the few pairs inside it are
/// measured by the contract's own formula (`Distance.centikm`), so the answer is always the
/// contract's.
public struct ChordLimit: Sendable {
    /// The limit, centikm.
    public let limit: Int
    /// Below this squared chord the pair is within the limit; above `beyond`, it is not.
    let within: Double, beyond: Double

    public init(limitCentikm limit: Int) {
        self.limit = limit
        let angle = (Double(limit) + 0.5) / (100 * Distance.earthRadiusKm)
        if limit < 0 {
            (within, beyond) = (-1, -1)
        } else if angle >= Double.pi * (1 - 1e-9) {
            // Half the circumference or more: every pair is within (the chord is at most 2).
            (within, beyond) = (.infinity, .infinity)
        } else {
            let s = sin(angle / 2), t = 4 * s * s
            let margin = 1e-9 * t + 1e-13 * t.squareRoot()
            (within, beyond) = (t - margin, t + margin)
        }
    }

    /// Whether the pair is within the limit, given the squared chord of their unit vectors and,
    /// for the rare pair too near the limit to tell, the two points themselves.
    @inline(__always)
    public func contains(chordSquared c2: Double, _ a: GeoPoint, _ b: GeoPoint) -> Bool {
        if c2 < within { return true }
        if c2 > beyond { return false }
        return Distance.centikm(a, b) <= limit
    }
}

extension Distance {
    /// The point on the unit sphere, for `ChordLimit`.
    public static func unitVector(_ p: GeoPoint) -> SIMD3<Double> {
        let toRad = Double.pi / 180
        let phi = p.lat * toRad, lambda = p.lon * toRad
        return SIMD3(cos(phi) * cos(lambda), cos(phi) * sin(lambda), sin(phi))
    }

    /// The squared chord between two unit vectors.
    @inline(__always)
    public static func chordSquared(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Double {
        let d = a - b
        return d.x * d.x + d.y * d.y + d.z * d.z
    }
}

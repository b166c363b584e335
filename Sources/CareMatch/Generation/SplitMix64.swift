/// A small seeded pseudo-random generator (SplitMix64, Steele, Lea & Flood 2014).
///
/// The generator and every helper below use only integer arithmetic and IEEE-exact floating
/// operations (`+`, `×`, no `log`/`sin`), so the same seed gives the same numbers on every
/// platform and every Swift version. Never use the standard library's `random(in:)` helpers for
/// generated data: their algorithm is not part of Swift's stability promise.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A generator for one independent stream of a seed (e.g. one phase of the generator), so
    /// that adding draws to one phase does not shift the numbers of the others.
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        state = mixer.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1), 53 random bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in [a, b).
    public mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * unit() }

    /// Uniform integer in the range (multiply-high; the bias is below 2⁻³² for ranges we use).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(span.multipliedFullWidth(by: next()).high)
    }

    /// Uniform index in `0..<count`.
    public mutating func index(_ count: Int) -> Int {
        precondition(count > 0)
        return int(in: 0...(count - 1))
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// Approximately standard normal: the Irwin–Hall sum of four uniforms, centred and scaled to
    /// unit variance. Bounded by ±2√3 ≈ ±3.46, which keeps scatter around a township finite.
    public mutating func gaussian() -> Double {
        (unit() + unit() + unit() + unit() - 2) * 1.7320508075688772
    }

    /// An index drawn with probability proportional to `weights` (all ≥ 0, not all 0).
    public mutating func weighted(_ weights: [Double]) -> Int {
        var total = 0.0
        for w in weights { total += w }
        precondition(total > 0, "weights must not all be zero")
        var x = unit() * total
        for (i, w) in weights.enumerated() {
            if x < w { return i }
            x -= w
        }
        return weights.lastIndex { $0 > 0 }!
    }

    /// Shuffles in place (Fisher–Yates, from the back).
    public mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            a.swapAt(i, int(in: 0...i))
        }
    }

    /// `k` distinct indices of `0..<weights.count`, drawn without replacement with probability
    /// proportional to the weights, returned in increasing order.
    public mutating func distinct(_ k: Int, weights: [Double]) -> [Int] {
        var w = weights
        var out: [Int] = []
        for _ in 0..<min(k, w.filter { $0 > 0 }.count) {
            let i = weighted(w)
            out.append(i); w[i] = 0
        }
        return out.sorted()
    }
}

/// Splits a whole number `total` into parts proportional to `weights` by the largest-remainder
/// method (ties to the lower index), so the parts sum to `total` exactly.
func apportion(_ total: Int, weights: [Double]) -> [Int] {
    let sum = weights.reduce(0, +)
    guard sum > 0, total > 0 else { return weights.map { _ in 0 } }
    let exact = weights.map { Double(total) * $0 / sum }
    var parts = exact.map { Int($0.rounded(.down)) }
    var left = total - parts.reduce(0, +)
    let order = exact.indices.sorted { (exact[$0] - Double(parts[$0]), -$0) > (exact[$1] - Double(parts[$1]), -$1) }
    var k = 0
    while left > 0 { parts[order[k % order.count]] += 1; left -= 1; k += 1 }
    return parts
}

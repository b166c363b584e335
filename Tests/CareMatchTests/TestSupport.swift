import CareMatch
import Foundation

/// A small repeatable generator for test instances (SplitMix64).
struct TestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E3779B97F4A7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func bool(_ p: Double = 0.5) -> Bool { unit() < p }
}

enum TestInstances {
    static let tags = ["reading", "sports", "arts", "music"]

    /// A random pairing instance: `moms` moms and `children` children within a few km of
    /// each other around 28.9N 118.9E, with capacities, supporters, interests and continuity.
    static func pairing(seed: UInt64, moms: Int, children: Int, spreadKm: Double = 12, maxKm: Double = 8) -> Dataset {
        var r = TestRandom(seed: seed)
        func point() -> GeoPoint {
            GeoPoint(lat: 28.9 + (r.unit() - 0.5) * spreadKm / 111.2, lon: 118.9 + (r.unit() - 0.5) * spreadKm / 97.3)
        }
        func someTags() -> [String] { tags.filter { _ in r.bool(0.35) } }
        var d = Dataset(name: "random-\(seed)")
        d.settings.maxKm = maxKm
        for i in 0..<moms {
            d.moms.append(Mom(id: "M\(i)", county: "A", location: point(), capacity: r.int(0...2),
                              skills: someTags(), maxKm: r.bool(0.2) ? Double(r.int(3...8)) : nil))
        }
        let groups = ChildGroup.allCases
        for i in 0..<children {
            let paired = r.bool(0.4) && moms > 0 ? "M\(r.int(0...(moms - 1)))" : nil
            d.children.append(Child(id: "C\(i)", group: groups[r.int(0...2)], county: "A", location: point(),
                                    interests: someTags(), supportersWanted: r.int(0...2), pairedMomID: paired))
        }
        return d
    }
}

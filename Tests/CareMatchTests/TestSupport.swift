import CareMatch
import Foundation

/// The library's repeatable generator, with the short names the tests use.
typealias TestRandom = SplitMix64

extension SplitMix64 {
    mutating func int(_ range: ClosedRange<Int>) -> Int { int(in: range) }
    mutating func bool(_ p: Double = 0.5) -> Bool { chance(p) }
    mutating func pick<T>(_ a: [T]) -> T { a[index(a.count)] }
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

extension AllocationRow {
    /// A row from plain units and yuan (tests only): whole units count one tick each, others
    /// in micro-units; the price per unit is yuan / units.
    init(sourceID: String, orgID: String, needID: String, childID: String, category: String, units: Double, yuan: Double) {
        let whole = units == units.rounded()
        let per: Int64 = whole ? 1 : 1_000_000
        self.init(sourceID: sourceID, orgID: orgID, needID: needID, childID: childID, category: category,
                  ticks: Int64((units * Double(per)).rounded()), ticksPerUnit: per,
                  priceFen: units > 0 ? Int64((yuan / units * 100).rounded()) : 0)
    }
}

/// The temporary folders of the command-line and workflow tests, all under one folder per test
/// process that is removed when the process exits: a test run leaves nothing behind in the
/// temporary directory (before, every run left some sixty folders of generated datasets there).
enum TestScratch {
    static let root: URL = {
        let u = FileManager.default.temporaryDirectory
            .appendingPathComponent("carematch-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        scratchRootPath = u.path
        atexit { if let path = scratchRootPath { try? FileManager.default.removeItem(atPath: path) } }
        return u
    }()

    /// A new empty folder named `prefix-UUID` under `root`.
    static func folder(_ prefix: String) -> URL {
        let u = root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }
}

/// `TestScratch.root`'s path for the exit handler (a C function pointer captures nothing).
nonisolated(unsafe) private var scratchRootPath: String?

import Foundation

/// Writes a `Dataset` as a dataset folder of the contract (section 1).
///
/// The files are deterministic — the same dataset gives the same bytes — with rows in the
/// dataset's order, lists in their stored order (eligible groups in `ChildGroup` order), numbers
/// through `CSVWriter.number` and CRLF line ends. `settings.toml` is written only when the
/// settings differ from the defaults, and holds only the keys that differ; the manual plans only
/// when present. The folder is written atomically (`PlanFolder`: a temporary folder beside the
/// target, stamped `.carematch-output`, then renamed into place) and only where
/// `OutputFolderGuard` allows.
public struct DatasetWriter: Sendable {
    /// Write a UTF-8 byte-order mark at the start of each CSV file (for Excel on Windows).
    public var byteOrderMark: Bool

    public init(byteOrderMark: Bool = false) { self.byteOrderMark = byteOrderMark }

    /// The header of each file, in the order written.
    public static let headers: [String: [String]] = [
        "children.csv": ["child_id", "group", "county", "township", "lat", "lon", "age", "interests", "supporters_wanted", "paired_mom_id"],
        "moms.csv": ["mom_id", "county", "township", "lat", "lon", "capacity", "skills", "max_km", "alliance_member"],
        "organizations.csv": ["org_id", "name", "kind", "county"],
        "catalog.csv": ["category", "resource", "unit", "unit_cost_yuan", "integral"],
        "offers.csv": ["offer_id", "org_id", "resource", "category", "quantity", "county", "serves", "eligible_groups"],
        "needs.csv": ["need_id", "child_id", "category", "quantity", "priority"],
        "manual_pairings.csv": ["child_id", "mom_id", "role"],
        "manual_allocations.csv": ["source_id", "need_id", "units"],
    ]

    /// The files of the folder, by name, in a fixed order.
    public func files(for d: Dataset) -> [(name: String, data: Data)] {
        func csv(_ name: String, _ rows: (inout CSVWriter) -> Void) -> (name: String, data: Data) {
            var w = CSVWriter(header: Self.headers[name]!, byteOrderMark: byteOrderMark)
            rows(&w)
            return (name, w.data)
        }
        func num(_ x: Double) -> CSVWriter.Cell { .number(CSVWriter.number(x)) }
        func int(_ x: Int) -> CSVWriter.Cell { .number(String(x)) }
        func list(_ xs: [String]) -> CSVWriter.Cell { .text(xs.joined(separator: ";")) }
        var out: [(name: String, data: Data)] = []
        out.append(csv("children.csv") { w in
            for c in d.children {
                w.appendRow([.text(c.id), .text(c.group.rawValue), .text(c.county), .text(c.township),
                             num(c.location.lat), num(c.location.lon), c.age.map(int) ?? .text(""),
                             list(c.interests), int(c.supportersWanted), .text(c.pairedMomID ?? "")])
            }
        })
        out.append(csv("moms.csv") { w in
            for m in d.moms {
                w.appendRow([.text(m.id), .text(m.county), .text(m.township), num(m.location.lat), num(m.location.lon),
                             int(m.capacity), list(m.skills), m.maxKm.map(num) ?? .text(""),
                             .text(m.allianceMember.map { $0 ? "true" : "false" } ?? "")])
            }
        })
        out.append(csv("organizations.csv") { w in
            for o in d.organizations { w.appendRow([o.id, o.name, o.kind.rawValue, o.county]) }
        })
        out.append(csv("catalog.csv") { w in
            for e in d.catalog {
                w.appendRow([.text(e.category), .text(e.resource.rawValue), .text(e.unit),
                             e.unitCostYuan.map(num) ?? .text(""), .text(e.integral ? "true" : "false")])
            }
        })
        out.append(csv("offers.csv") { w in
            for o in d.offers {
                let serves: String
                switch o.serves {
                case .ownCounty: serves = "county"
                case .city: serves = "city"
                case .counties(let l): serves = l.joined(separator: ";")
                }
                let groups = o.eligibleGroups.map { g in ChildGroup.allCases.filter { g.contains($0) }.map(\.rawValue).joined(separator: ";") } ?? "all"
                w.appendRow([.text(o.id), .text(o.orgID), .text(o.resource.rawValue), .text(o.category), num(o.quantity),
                             .text(o.county), .text(serves), .text(groups)])
            }
        })
        out.append(csv("needs.csv") { w in
            for n in d.needs {
                w.appendRow([.text(n.id), .text(n.childID), .text(n.category), num(n.quantity), int(n.priority)])
            }
        })
        if let toml = Self.settingsTOML(d.settings) { out.append(("settings.toml", Data(toml.utf8))) }
        if let p = d.manualPairings {
            out.append(csv("manual_pairings.csv") { w in
                for a in p { w.appendRow([a.childID, a.momID, a.role.rawValue]) }
            })
        }
        if let a = d.manualAllocations {
            out.append(csv("manual_allocations.csv") { w in
                for x in a { w.appendRow([.text(x.sourceID), .text(x.needID), num(x.units)]) }
            })
        }
        return out
    }

    /// The keys of `settings` that differ from the defaults, as TOML tables; `nil` when none does.
    public static func settingsTOML(_ s: Settings) -> String? {
        let defaults = Settings()
        var tables: [(String, [String])] = []
        for k in Settings.keys where s[keyPath: k.keyPath] != defaults[keyPath: k.keyPath] {
            let parts = k.name.split(separator: ".", maxSplits: 1).map(String.init)
            var v = Decimals.format(s[keyPath: k.keyPath], maxDecimals: 9)
            if !v.contains(".") { v += ".0" }
            let line = "\(parts[1]) = \(v)"
            if let i = tables.firstIndex(where: { $0.0 == parts[0] }) { tables[i].1.append(line) } else { tables.append((parts[0], [line])) }
        }
        guard !tables.isEmpty else { return nil }
        return "# Overrides of the default weights (contract section 4).\n" +
            tables.map { "\n[\($0.0)]\n" + $0.1.map { $0 + "\n" }.joined() }.joined()
    }

    /// Writes the folder `guardian.target` atomically; throws `OutputFolderError` where the
    /// guard refuses (an existing folder without `force`, a folder CareMatch did not write, …).
    public func write(_ d: Dataset, to guardian: OutputFolderGuard) throws {
        try PlanFolder.write(files(for: d), to: guardian)
    }

    /// Writes the folder at `folder` atomically; an existing folder CareMatch wrote is replaced
    /// only when `overwrite` is true (see `OutputFolderGuard`).
    public func write(_ d: Dataset, to folder: URL, overwrite: Bool = false) throws {
        try write(d, to: OutputFolderGuard(path: folder.path, force: overwrite))
    }
}

import Foundation

/// Applies a scenario's edits to a base dataset and checks the result.
public enum ScenarioEditor {
    /// The edited dataset, notes for the coordinator (roundings, counts), and every problem found
    /// (an unknown id or county, a bad added file, the edited dataset failing `DatasetValidator`),
    /// each naming the scenario file, the line and the scenario.
    public static func apply(_ sc: Scenario, to base: Dataset, scenarioFile file: String, baseDirectory: URL)
        -> (dataset: Dataset, notes: [String], diagnostics: [Diagnostic]) {
        var d = base
        d.name = sc.name
        d.manualPairings = nil
        d.manualAllocations = nil
        var notes: [String] = []
        var diags: [Diagnostic] = []
        func err(_ line: Int, _ msg: String) {
            diags.append(.error(file, line: line == 0 ? nil : line, "scenario '\(sc.name)': \(msg)"))
        }
        func knownCounty(_ c: String?, _ line: Int) -> Bool {
            guard let c else { return true }
            if d.counties.contains(c) { return true }
            err(line, "unknown county '\(c)'\(DatasetValidator.suggestion(c, d.counties))"); return false
        }
        // Files added from, by the dataset file their rows belong to: the edited dataset's errors
        // in those files are about added rows (the base dataset is valid).
        var addedFiles: [String: (path: String, line: Int)] = [:]
        for edit in sc.edits.enumerated().sorted(by: { ($0.element.phase, $0.offset) < ($1.element.phase, $1.offset) }).map(\.element) {
            switch edit.kind {
            case .removeOrganizations(let ids):
                let known = Set(d.organizations.map(\.id))
                let missing = ids.filter { !known.contains($0) }
                for m in missing { err(edit.line, "remove_organizations: unknown org_id '\(m)'\(DatasetValidator.suggestion(m, Array(known)))") }
                if !missing.isEmpty { continue }
                let gone = Set(ids)
                let before = d.offers.count
                d.organizations.removeAll { gone.contains($0.id) }
                d.offers.removeAll { gone.contains($0.orgID) }
                notes.append("removed \(ids.count) organization\(ids.count == 1 ? "" : "s") and their \(before - d.offers.count) offers")
            case .removeMoms(let ids):
                let known = Set(d.moms.map(\.id))
                let missing = ids.filter { !known.contains($0) }
                for m in missing { err(edit.line, "remove_moms: unknown mom_id '\(m)'") }
                if !missing.isEmpty { continue }
                let gone = Set(ids)
                d.moms.removeAll { gone.contains($0.id) }
                notes.append("removed \(ids.count) mom\(ids.count == 1 ? "" : "s")")
            case .removeChildren(let ids):
                let known = Set(d.children.map(\.id))
                let missing = ids.filter { !known.contains($0) }
                for m in missing { err(edit.line, "remove_children: unknown child_id '\(m)'") }
                if !missing.isEmpty { continue }
                let gone = Set(ids)
                let before = d.needs.count
                d.children.removeAll { gone.contains($0.id) }
                d.needs.removeAll { gone.contains($0.childID) }
                notes.append("removed \(ids.count) children and their \(before - d.needs.count) needs")
            case .addChildren(let path), .addMoms(let path), .addNeeds(let path):
                let url = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : baseDirectory.appendingPathComponent(path)).standardizedFileURL
                var fileDiags: [Diagnostic] = []
                let table: CSVTable
                do {
                    table = try CSVReader.read(data: try Data(contentsOf: url), file: path)
                } catch let e as CSVReadError {
                    err(edit.line, e.description); continue
                } catch {
                    err(edit.line, "cannot read \(path) (\(url.path)): \(error.localizedDescription)"); continue
                }
                var added = 0
                switch edit.kind {
                case .addChildren: addedFiles[DatasetFile.children] = (path, edit.line)
                case .addMoms: addedFiles[DatasetFile.moms] = (path, edit.line)
                default: addedFiles[DatasetFile.needs] = (path, edit.line)
                }
                switch edit.kind {
                case .addChildren:
                    let rows = DatasetLoader.parseChildren(table, &fileDiags)
                    let known = Set(d.children.map(\.id))
                    for c in rows where known.contains(c.id) { fileDiags.append(.error(path, line: c.line, column: "child_id", "child '\(c.id)' is already in the dataset")) }
                    d.children += rows; added = rows.count
                    notes.append("added \(added) children from \(path)")
                case .addMoms:
                    let rows = DatasetLoader.parseMoms(table, &fileDiags)
                    let known = Set(d.moms.map(\.id))
                    for m in rows where known.contains(m.id) { fileDiags.append(.error(path, line: m.line, column: "mom_id", "mom '\(m.id)' is already in the dataset")) }
                    d.moms += rows; added = rows.count
                    notes.append("added \(added) moms from \(path)")
                default:
                    let rows = DatasetLoader.parseNeeds(table, &fileDiags)
                    let known = Set(d.needs.map(\.id)), children = Set(d.children.map(\.id))
                    for n in rows where known.contains(n.id) { fileDiags.append(.error(path, line: n.line, column: "need_id", "need '\(n.id)' is already in the dataset")) }
                    for n in rows where !children.contains(n.childID) { fileDiags.append(.error(path, line: n.line, column: "child_id", "unknown child_id '\(n.childID)'")) }
                    d.needs += rows; added = rows.count
                    notes.append("added \(added) needs from \(path)")
                }
                for f in fileDiags where f.severity == .error {
                    var f = f; f.file = path
                    err(edit.line, "\(f.description)")
                }
            case .scale(let factor, let resource, let category, let county, let organization):
                guard knownCounty(county, edit.line) else { continue }
                if let organization, !d.organizations.contains(where: { $0.id == organization }) {
                    err(edit.line, "scale: unknown organization '\(organization)'\(DatasetValidator.suggestion(organization, d.organizations.map(\.id)))"); continue
                }
                if let category, category != Offer.anyCategory, !d.catalog.contains(where: { $0.category == category }) {
                    err(edit.line, "scale: unknown category '\(category)'\(DatasetValidator.suggestion(category, d.catalog.map(\.category)))"); continue
                }
                let integral = Set(d.catalog.filter(\.integral).map(\.category))
                var changed = 0, rounded = 0
                for i in d.offers.indices {
                    let o = d.offers[i]
                    if let resource, o.resource != resource { continue }
                    if let category, o.category != category { continue }
                    if let county, o.county != county { continue }
                    if let organization, o.orgID != organization { continue }
                    let exact = o.quantity * factor
                    var q: Double
                    if o.isFunds { q = (exact * 100 + 1e-6).rounded(.down) / 100 }
                    else if integral.contains(o.category) { q = (exact + 1e-9).rounded(.down) }
                    else { q = Decimals.round(exact, places: 6) }
                    q = max(0, q)
                    if abs(q - exact) > 1e-9 { rounded += 1 }
                    d.offers[i].quantity = q
                    changed += 1
                }
                var what: [String] = []
                if let resource { what.append("resource \(resource.rawValue)") }
                if let category { what.append("category \(category)") }
                if let county { what.append("county \(county)") }
                if let organization { what.append("organization \(organization)") }
                notes.append("scaled \(changed) offers\(what.isEmpty ? "" : " (" + what.joined(separator: ", ") + ")") by \(Decimals.format(factor, maxDecimals: 6))"
                             + (rounded > 0 ? "; \(rounded) rounded down (whole units for integral categories, whole fen for money)" : ""))
                if changed == 0 { notes.append("warning: a scale edit (line \(edit.line)) matches no offer") }
            case .capacity(let set, let add, let county):
                guard knownCounty(county, edit.line) else { continue }
                var n = 0
                for i in d.moms.indices where county == nil || d.moms[i].county == county {
                    d.moms[i].capacity = set ?? max(0, d.moms[i].capacity + (add ?? 0)); n += 1
                }
                notes.append(set != nil ? "capacity set to \(set!) for \(n) moms" : "capacity \(add! >= 0 ? "+" : "")\(add!) for \(n) moms (never below 0)")
            case .momMaxKm(let km, let county):
                guard knownCounty(county, edit.line) else { continue }
                var n = 0
                for i in d.moms.indices where county == nil || d.moms[i].county == county { d.moms[i].maxKm = km; n += 1 }
                notes.append("max_km set to \(Decimals.format(km, maxDecimals: 2)) km for \(n) moms")
            case .removeOverrides(let lines):
                let known = Set(d.overrides.map(\.line))
                for l in lines where !known.contains(l) { err(edit.line, "remove_overrides: overrides.csv has no line \(l)") }
                d.overrides.removeAll { lines.contains($0.line) }
                notes.append("removed \(lines.count) lines of overrides.csv")
            case .addOverrides(let path):
                let url = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : baseDirectory.appendingPathComponent(path)).standardizedFileURL
                var fileDiags: [Diagnostic] = []
                do {
                    let table = try CSVReader.read(data: try Data(contentsOf: url), file: path)
                    let rows = OverridesLoader.parse(table, &fileDiags)
                    d.overrides += rows
                    addedFiles[DatasetFile.overrides] = (path, edit.line)
                    notes.append("added \(rows.count) overrides from \(path)")
                } catch let e as CSVReadError {
                    err(edit.line, e.description)
                } catch {
                    err(edit.line, "cannot read \(path) (\(url.path)): \(error.localizedDescription)")
                }
                for f in fileDiags where f.severity == .error {
                    var f = f; f.file = path
                    err(edit.line, f.description)
                }
            case .setting(let key, let value):
                do {
                    d.settings = try d.settings.applying(overrides: ["\(key)=\(value)"])
                    notes.append("setting \(key) = \(Decimals.format(value, maxDecimals: 6))")
                } catch {
                    err(edit.line, "\(error)".replacingOccurrences(of: "--set ", with: ""))
                }
            }
        }
        if diags.isEmpty {
            let checks = DatasetValidator.check(d) + (d.overrides.isEmpty ? [] : OverrideChecks.check(d))
            for c in checks where c.severity == .error {
                if let a = addedFiles[c.file] {
                    var c = c; c.file = a.path
                    err(a.line, "\(c.description)")
                } else {
                    err(sc.line, "the edited dataset is invalid: \(c.description)")
                }
            }
            d.warnings = checks.filter { $0.severity == .warning }
        }
        return (d, notes, diags)
    }
}

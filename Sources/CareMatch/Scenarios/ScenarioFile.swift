import Foundation
import TOMLKit

/// Reads a what-if scenario file (TOML, see `docs/scenarios.md`).
///
/// ```toml
/// [[scenario]]
/// name = "fund cut 30 %"
///   [[scenario.scale]]
///   resource = "funds"
///   factor = 0.7
/// ```
///
/// Every problem is a `Diagnostic` naming the file, the line (found by a light scan of the text,
/// since TOMLKit gives no positions) and the scenario.
public enum ScenarioFile {
    static let scenarioKeys: Set<String> = ["name", "description", "remove_organizations", "remove_moms", "remove_children",
                                            "add_children", "add_needs", "add_moms", "scale", "capacity", "max_km", "settings",
                                            "add_overrides", "remove_overrides"]

    /// Parses the text; `file` names the file in diagnostics.
    public static func parse(text: String, file: String) -> (scenarios: [Scenario], diagnostics: [Diagnostic]) {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let root: TOMLTable
        do { root = try TOMLHeaderCheck.table(parsing: text) } catch let e as TOMLHeaderCheck.BadHeader {
            return ([], [.error(file, line: e.line, TOMLHeaderCheck.message)])
        } catch let e as TOMLParseError {
            return ([], [.error(file, line: e.source.begin.line, "not valid TOML: \(e.description)")])
        } catch {
            return ([], [.error(file, "not valid TOML: \(error)")])
        }
        let lines = Lines(text)
        var diags: [Diagnostic] = []
        for key in root.keys.sorted() where key != "scenario" {
            diags.append(.error(file, line: lines.topKey(key), "unknown key '\(key)'; a scenario file holds [[scenario]] tables only"))
        }
        guard let list = root["scenario"]?.array else {
            if root["scenario"] != nil {
                diags.append(.error(file, line: lines.topKey("scenario"), "'scenario' must be an array of tables: write [[scenario]]"))
            } else {
                diags.append(.error(file, "no scenario: write at least one [[scenario]] table with a name"))
            }
            return ([], diags)
        }
        var out: [Scenario] = []
        var names = Set<String>()
        for (s, value) in list.enumerated() {
            let headerLine = lines.line(s, nil, 0, nil)
            guard let t = value.table else {
                diags.append(.error(file, line: headerLine, "each scenario must be a table: write [[scenario]]")); continue
            }
            let name = t["name"]?.string?.trimmingCharacters(in: .whitespaces) ?? ""
            let label = name.isEmpty ? "scenario #\(s + 1)" : "scenario '\(name)'"
            func err(_ line: Int?, _ msg: String) { diags.append(.error(file, line: line ?? headerLine, "\(label): \(msg)")) }
            if name.isEmpty {
                err(lines.line(s, nil, 0, "name"), "needs a name = \"…\" (it names its output folder)")
            } else if let problem = folderNameProblem(name) {
                err(lines.line(s, nil, 0, "name"), problem)
            } else if !names.insert(name).inserted {
                err(lines.line(s, nil, 0, "name"), "the name is used by an earlier scenario; names must be unique")
            }
            var sc = Scenario(name: name, description: t["description"]?.string ?? "", line: headerLine ?? 0)
            for key in t.keys.sorted() where !scenarioKeys.contains(key) {
                err(lines.line(s, nil, 0, key), "unknown key '\(key)'; known: \(scenarioKeys.sorted().joined(separator: ", "))")
            }
            // Id lists.
            for (key, make) in [("remove_organizations", ScenarioEdit.Kind.removeOrganizations), ("remove_moms", ScenarioEdit.Kind.removeMoms),
                                ("remove_children", ScenarioEdit.Kind.removeChildren)] as [(String, ([String]) -> ScenarioEdit.Kind)] {
                guard let v = t[key] else { continue }
                let line = lines.line(s, nil, 0, key)
                guard let arr = v.array, arr.allSatisfy({ $0.string != nil }) else {
                    err(line, "\(key) must be a list of ids, e.g. \(key) = [\"A1\", \"A2\"]"); continue
                }
                sc.edits.append(ScenarioEdit(make(arr.compactMap { $0.string?.trimmingCharacters(in: .whitespaces) }), line: line ?? 0))
            }
            // Files.
            for (key, make) in [("add_children", { ScenarioEdit.Kind.addChildren(path: $0) }), ("add_needs", { ScenarioEdit.Kind.addNeeds(path: $0) }),
                                ("add_moms", { ScenarioEdit.Kind.addMoms(path: $0) })] as [(String, (String) -> ScenarioEdit.Kind)] {
                guard let v = t[key] else { continue }
                let line = lines.line(s, nil, 0, key)
                guard let p = v.string, !p.isEmpty else { err(line, "\(key) must be a CSV file path (relative to the scenario file)"); continue }
                sc.edits.append(ScenarioEdit(make(p), line: line ?? 0))
            }
            if let v = t["add_overrides"] {
                let line = lines.line(s, nil, 0, "add_overrides")
                if let p = v.string, !p.isEmpty { sc.edits.append(ScenarioEdit(.addOverrides(path: p), line: line ?? 0)) }
                else { err(line, "add_overrides must be a CSV file path in the overrides.csv format (relative to the scenario file)") }
            }
            if let v = t["remove_overrides"] {
                let line = lines.line(s, nil, 0, "remove_overrides")
                if let arr = v.array, arr.allSatisfy({ $0.int != nil }) { sc.edits.append(ScenarioEdit(.removeOverrides(arr.compactMap { $0.int }), line: line ?? 0)) }
                else { err(line, "remove_overrides must be a list of line numbers of overrides.csv, e.g. remove_overrides = [2, 5]") }
            }
            // [[scenario.scale]], [[scenario.capacity]], [[scenario.max_km]].
            for sub in ["scale", "capacity", "max_km"] {
                guard let v = t[sub] else { continue }
                guard let arr = v.array, arr.allSatisfy({ $0.table != nil }) else {
                    err(lines.line(s, nil, 0, sub), "'\(sub)' must be written as [[scenario.\(sub)]] tables"); continue
                }
                for (i, item) in arr.enumerated() {
                    let et = item.table!
                    let hline = lines.line(s, sub, i, nil)
                    func kline(_ k: String) -> Int? { lines.line(s, sub, i, k) ?? hline }
                    let allowed: Set<String> = sub == "scale" ? ["factor", "resource", "category", "county", "organization"]
                        : sub == "capacity" ? ["set", "add", "county"] : ["set", "county"]
                    for k in et.keys.sorted() where !allowed.contains(k) {
                        err(kline(k), "unknown key '\(k)' in [[scenario.\(sub)]]; known: \(allowed.sorted().joined(separator: ", "))")
                    }
                    var county: String? = nil
                    if let c = et["county"] {
                        if let cs = c.string, !cs.isEmpty { county = cs } else { err(kline("county"), "county must be a county name") }
                    }
                    switch sub {
                    case "scale":
                        guard let f = number(et["factor"]), f.isFinite, f >= 0 else {
                            err(kline("factor"), "[[scenario.scale]] needs factor = a number ≥ 0, e.g. factor = 0.7"); continue
                        }
                        var resource: Resource? = nil
                        if let r = et["resource"] {
                            guard let rs = r.string, let rr = Resource(rawValue: rs.lowercased()) else {
                                err(kline("resource"), "resource must be one of \(Resource.allCases.map(\.rawValue).joined(separator: ", "))"); continue
                            }
                            resource = rr
                        }
                        sc.edits.append(ScenarioEdit(.scale(factor: f, resource: resource, category: et["category"]?.string,
                                                            county: county, organization: et["organization"]?.string), line: hline ?? 0))
                    case "capacity":
                        let setV = et["set"], addV = et["add"]
                        if (setV == nil) == (addV == nil) { err(hline, "[[scenario.capacity]] needs exactly one of set = N or add = N"); continue }
                        let k = setV != nil ? "set" : "add"
                        guard let n = (setV ?? addV)?.int else { err(kline(k), "\(k) must be a whole number"); continue }
                        if setV != nil && n < 0 { err(kline(k), "set must be ≥ 0"); continue }
                        sc.edits.append(ScenarioEdit(.capacity(set: setV != nil ? n : nil, add: addV != nil ? n : nil, county: county), line: hline ?? 0))
                    default:
                        guard let km = number(et["set"]), km.isFinite, km > 0 else {
                            err(kline("set"), "[[scenario.max_km]] needs set = a distance in km > 0"); continue
                        }
                        sc.edits.append(ScenarioEdit(.momMaxKm(km, county: county), line: hline ?? 0))
                    }
                }
            }
            // [scenario.settings]: dotted keys, quoted or as nested tables.
            if let v = t["settings"] {
                if let st = v.table {
                    for (key, value, parts) in flatten(st, prefix: []) {
                        let line = lines.setting(s, parts) ?? lines.line(s, "settings", 0, nil)
                        guard Settings.key(named: key) != nil else {
                            err(line, "unknown setting '\(key)'; known: \(Settings.keys.map(\.name).joined(separator: ", "))"); continue
                        }
                        guard let x = number(value), x.isFinite else { err(line, "setting '\(key)' must be a number"); continue }
                        sc.edits.append(ScenarioEdit(.setting(key: key, value: x), line: line ?? 0))
                    }
                } else {
                    err(lines.line(s, nil, 0, "settings"), "settings must be a table: write [scenario.settings]")
                }
            }
            out.append(sc)
        }
        return (out, diags)
    }

    static func number(_ v: TOMLValueConvertible?) -> Double? {
        guard let v else { return nil }
        switch v.type {
        case .int: return v.int.map(Double.init)
        case .double: return v.double
        default: return nil
        }
    }

    static func flatten(_ t: TOMLTable, prefix: [String]) -> [(String, TOMLValueConvertible, [String])] {
        var out: [(String, TOMLValueConvertible, [String])] = []
        for k in t.keys.sorted() {
            guard let v = t[k] else { continue }
            if let sub = v.table { out += flatten(sub, prefix: prefix + [k]) } else {
                out.append(((prefix + [k]).joined(separator: "."), v, prefix + [k]))
            }
        }
        return out
    }

    /// Why `name` cannot name an output folder, if it cannot.
    static func folderNameProblem(_ name: String) -> String? {
        if name == "baseline" { return "'baseline' is reserved for the unedited plan" }
        if name.hasPrefix(".") { return "the name must not start with '.' (it names a folder)" }
        if name.contains("/") || name.contains("\\") { return "the name must not contain '/' or '\\' (it names a folder)" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 }) { return "the name must not contain control characters" }
        if name.lowercased().hasPrefix("comparison.") { return "the name would clash with the comparison files" }
        if name.utf8.count > 200 { return "the name is too long for a folder name" }
        return nil
    }

    /// Lines of headers and keys, by (scenario position, sub-table name, sub-table position, key).
    struct Lines {
        private var map: [String: Int] = [:]
        private var top: [String: Int] = [:]

        init(_ text: String) {
            var s = -1, sub: String? = nil, subIndex = 0
            var counters: [String: Int] = [:]
            var lineNo = 0
            for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
                lineNo += 1
                let l = raw.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
                if l.hasPrefix("#") || l.isEmpty { continue }
                if l.hasPrefix("[[") {
                    let name = l.dropFirst(2).prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                    if name == "scenario" { s += 1; sub = nil; subIndex = 0; counters = [:]; map[Lines.key(s, nil, 0, nil)] = lineNo }
                    else if name.hasPrefix("scenario.") {
                        let n = String(name.dropFirst("scenario.".count))
                        subIndex = counters[n, default: 0]; counters[n] = subIndex + 1; sub = n
                        map[Lines.key(s, n, subIndex, nil)] = lineNo
                    }
                    continue
                }
                if l.hasPrefix("[") {
                    let name = l.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                    if name.hasPrefix("scenario.") { sub = String(name.dropFirst("scenario.".count)); subIndex = 0
                        if map[Lines.key(s, sub, 0, nil)] == nil { map[Lines.key(s, sub, 0, nil)] = lineNo }
                    } else { sub = "?" + name }
                    continue
                }
                guard let eq = l.firstIndex(of: "=") else { continue }
                let key = l[..<eq].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\"", with: "").replacingOccurrences(of: " ", with: "")
                if s < 0 { if top[key] == nil { top[key] = lineNo }; continue }
                let k = Lines.key(s, sub, subIndex, key)
                if map[k] == nil { map[k] = lineNo }
            }
        }

        static func key(_ s: Int, _ sub: String?, _ i: Int, _ k: String?) -> String { "\(s)\u{0}\(sub ?? "")\u{0}\(i)\u{0}\(k ?? "")" }

        func line(_ s: Int, _ sub: String?, _ i: Int, _ k: String?) -> Int? {
            map[Lines.key(s, sub, i, k)]
        }

        /// The line of a setting given as path parts (`group_weight`, `special_needs`).
        func setting(_ s: Int, _ parts: [String]) -> Int? {
            for cut in stride(from: 0, through: parts.count - 1, by: 1) {
                let table = (["settings"] + parts[..<cut]).joined(separator: ".")
                let key = parts[cut...].joined(separator: ".")
                if let l = map[Lines.key(s, table, 0, key)] { return l }
            }
            // `settings.x = 1` written directly in the [[scenario]] table.
            return map[Lines.key(s, nil, 0, "settings." + parts.joined(separator: "."))]
        }

        func topKey(_ k: String) -> Int? { top[k] }
    }
}

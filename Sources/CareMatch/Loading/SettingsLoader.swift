import Foundation
import TOMLKit

/// Reads `settings.toml`: tables `group_weight`, `pairing`, `allocation` holding the keys of
/// `Settings.keys`, each a number, and `[report]` (`ReportSettingsLoader`: the pages' language,
/// title and date). Unknown tables or keys and non-numeric values are errors, then
/// `Settings.problems()` are errors too.
///
/// TOMLKit gives no positions for values, so the line of a key is found by a light scan of the
/// text (`[table]` headers and `key =` lines); it is nil when the scan does not find it.
public enum SettingsLoader {
    static let file = DatasetFile.settings

    /// The settings (defaults overridden by the file) and the problems found.
    public static func parse(data: Data) -> (Settings, [Diagnostic]) {
        var text: String
        if let s = String(data: data, encoding: .utf8) { text = s } else {
            return (Settings(), [.error(file, "the file is not UTF-8 text; save it as UTF-8")])
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return parse(text: text)
    }

    /// As `parse(data:)`, from text.
    public static func parse(text: String) -> (Settings, [Diagnostic]) {
        var settings = Settings()
        var diags = [Diagnostic]()
        let root: TOMLTable
        do {
            root = try TOMLHeaderCheck.table(parsing: text)
        } catch let e as TOMLHeaderCheck.BadHeader {
            return (settings, [.error(file, line: e.line, TOMLHeaderCheck.message)])
        } catch let e as TOMLParseError {
            return (settings, [.error(file, line: e.source.begin.line, "not valid TOML: \(e.description)")])
        } catch {
            return (settings, [.error(file, "not valid TOML: \(error)")])
        }
        let lines = KeyLines(text)
        let tables = Array(Set(Settings.keys.map { String($0.name.split(separator: ".")[0]) })).sorted()
        for tableName in root.keys.sorted() {
            if tableName == CountyAliases.table { continue }  // read by `countyAliases(text:)`
            guard let value = root[tableName] else { continue }
            if tableName == ReportSettingsLoader.table {
                let (report, problems) = ReportSettingsLoader.read(value, lines: lines)
                settings.report = report
                diags += problems
                continue
            }
            guard tables.contains(tableName), let table = value.table else {
                let msg = tables.contains(tableName)
                    ? "'\(tableName)' must be a table ([\(tableName)]) of settings"
                    : "unknown setting '\(tableName)'; valid tables are \((tables + [CountyAliases.table]).map { "[\($0)]" }.joined(separator: ", ")) with keys \(Settings.keys.map(\.name).joined(separator: ", "))"
                diags.append(.error(file, line: lines.line(table: nil, key: tableName) ?? lines.line(table: tableName, key: nil), column: tableName, msg))
                continue
            }
            for key in table.keys.sorted() {
                let dotted = tableName + "." + key
                let line = lines.line(table: tableName, key: key)
                guard let k = Settings.key(named: dotted) else {
                    let valid = Settings.keys.filter { $0.name.hasPrefix(tableName + ".") }.map(\.name)
                    diags.append(.error(file, line: line, column: dotted, "unknown setting '\(dotted)'; valid keys in [\(tableName)] are \(valid.joined(separator: ", "))"))
                    continue
                }
                guard let v = table[key] else { continue }
                let number: Double?
                switch v.type {
                case .int: number = v.int.map(Double.init)
                case .double: number = v.double
                default: number = nil
                }
                guard let number else {
                    diags.append(.error(file, line: line, column: dotted, "must be a number (e.g. \(dotted.split(separator: ".")[1]) = \(Decimals.format(Settings()[keyPath: k.keyPath], maxDecimals: 6))), found a \(v.type)"))
                    continue
                }
                settings[keyPath: k.keyPath] = number
            }
        }
        for problem in settings.problems() {
            let parts = problem.key.split(separator: ".").map(String.init)
            diags.append(.error(file, line: lines.line(table: parts[0], key: parts.count > 1 ? parts[1] : nil), column: problem.key, problem.message))
        }
        return (settings, diags)
    }

    /// The `[county_aliases]` table of `settings.toml` (`"常山县" = "Changshan"`: a spelling, and
    /// the county it means), with a diagnostic for every entry that is not a non-empty string.
    /// Invalid TOML gives no aliases and no diagnostic (`parse(text:)` reports it).
    public static func countyAliases(data: Data) -> CountyAliases {
        guard var text = String(data: data, encoding: .utf8) else { return CountyAliases() }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return countyAliases(text: text)
    }

    /// As `countyAliases(data:)`, from text.
    public static func countyAliases(text: String) -> CountyAliases {
        var out = CountyAliases()
        guard let root = try? TOMLHeaderCheck.table(parsing: text), let value = root[CountyAliases.table] else { return out }
        let lines = KeyLines(text)
        guard let table = value.table else {
            out.diagnostics.append(.error(file, line: lines.line(table: nil, key: CountyAliases.table), column: CountyAliases.table,
                "must be a table: [county_aliases] followed by lines such as \"常山县\" = \"Changshan\""))
            return out
        }
        for key in table.keys.sorted() {
            let line = lines.line(table: CountyAliases.table, key: key)
            let spelling = CSVReader.trim(key)
            guard let target = table[key]?.string.map(CSVReader.trim), !target.isEmpty, !spelling.isEmpty else {
                out.diagnostics.append(.error(file, line: line, column: CountyAliases.table + "." + key,
                    "must be a county name in quotes, e.g. \"\(key)\" = \"Changshan\": the spelling on the left is read as the county on the right"))
                continue
            }
            out.target[spelling] = target
            if let line { out.line[spelling] = line }
        }
        return out
    }

    /// Where `[table]` headers and `key =` lines are in the text (best effort, for messages).
    struct KeyLines {
        var keyLine: [String: Int] = [:]   // "table.key" or "key" → line
        var tableLine: [String: Int] = [:]

        init(_ text: String) {
            var current: String? = nil
            var n = 0
            for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
                n += 1
                let l = raw.trimmingCharacters(in: .whitespaces)
                if l.hasPrefix("[") && !l.hasPrefix("[[") {
                    let name = l.dropFirst().prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                    current = name
                    if tableLine[name] == nil { tableLine[name] = n }
                    continue
                }
                guard let eq = l.firstIndex(of: "="), !l.hasPrefix("#") else { continue }
                let key = l[..<eq].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\"", with: "")
                let full = current.map { $0 + "." + key } ?? key
                if keyLine[full] == nil { keyLine[full] = n }
            }
        }

        func line(table: String?, key: String?) -> Int? {
            switch (table, key) {
            case let (t?, k?): return keyLine[t + "." + k]
            case let (nil, k?): return keyLine[k]
            case let (t?, nil): return tableLine[t] ?? keyLine.filter { $0.key.hasPrefix(t + ".") }.map(\.value).min()
            default: return nil
            }
        }
    }
}

import Crypto
import Foundation

/// The file names of a dataset folder (contract section 1).
public enum DatasetFile {
    public static let children = "children.csv"
    public static let moms = "moms.csv"
    public static let organizations = "organizations.csv"
    public static let catalog = "catalog.csv"
    public static let offers = "offers.csv"
    public static let needs = "needs.csv"
    public static let settings = "settings.toml"
    public static let manualPairings = "manual_pairings.csv"
    public static let manualAllocations = "manual_allocations.csv"

    /// The files every dataset has, in the contract's order.
    public static let required = [children, moms, organizations, catalog, offers, needs]
}

/// What reading a folder found: the dataset as far as it could be read, and every diagnostic.
public struct LoadResult: Sendable {
    /// The dataset; when there are errors it is partial (bad rows hold placeholders) and must not be planned.
    public var dataset: Dataset
    /// Every error and warning, sorted by file, line, column.
    public var diagnostics: [Diagnostic]
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    public var isValid: Bool { !diagnostics.contains { $0.severity == .error } }
}

/// Reads a dataset folder (contract section 1) and checks it (section 2).
///
/// Parsing (numbers, enums, required columns and cells) happens here, per file; the checks that
/// need no text (ranges, references, duplicates, `serves`, resources, integrality, and the
/// warnings) are `DatasetValidator.check`, which also runs on datasets edited in code.
public enum DatasetLoader {
    /// Loads and checks the folder; throws `InvalidInput` with every error found.
    /// Warnings are in `dataset.warnings`.
    public static func load(folder: URL) throws -> Dataset {
        let result = read(folder: folder)
        guard result.isValid else { throw InvalidInput(result.diagnostics) }
        return result.dataset
    }

    /// Loads and checks the folder at `path`.
    public static func load(path: String) throws -> Dataset {
        try load(folder: URL(fileURLWithPath: path, isDirectory: true))
    }

    /// Reads and checks the folder without throwing (for `carematch validate`).
    ///
    /// When some cell cannot be parsed, the validator's warnings are left out (placeholders would
    /// make them misleading); its errors are kept.
    public static func read(folder: URL) -> LoadResult {
        var d = Dataset(name: folder.standardizedFileURL.lastPathComponent)
        var diags = [Diagnostic]()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else {
            return LoadResult(dataset: d, diagnostics: [.error(folder.path, "the dataset folder does not exist or is not a folder")])
        }

        // Rows whose field count differs from the header's: one error each (TableParser); the
        // validator's errors on those rows would only repeat it, so they are dropped.
        // The files are read and parsed at the same time (at scale 100 they took 8 s on one core),
        // each into its own part, put together in this fixed order.
        let parts = ResultSlots<FilePart>(count: fileReaders.count)
        DispatchQueue.concurrentPerform(iterations: fileReaders.count) { i in
            parts.store(i, fileReaders[i].read(folder))
        }
        var raggedRows = Set<FileLine>()
        for part in parts.values.map({ $0! }) {
            if let hash = part.hash { d.inputHashes[part.name] = hash }
            diags += part.diagnostics
            raggedRows.formUnion(part.raggedRows)
            part.store(&d)
        }

        let settingsURL = folder.appendingPathComponent(DatasetFile.settings)
        var aliases = CountyAliases()
        if FileManager.default.fileExists(atPath: settingsURL.path) {
            do {
                let data = try Data(contentsOf: settingsURL)
                d.inputHashes[DatasetFile.settings] = sha256Hex(data)
                let (settings, problems) = SettingsLoader.parse(data: data)
                d.settings = settings
                diags += problems
                aliases = SettingsLoader.countyAliases(data: data)
                diags += aliases.diagnostics
            } catch {
                diags.append(.error(DatasetFile.settings, "cannot read the file: \(error.localizedDescription)"))
            }
        }
        // One spelling per county, before `serves` is checked against the counties.
        diags += CountyNames.fold(&d, aliases: aliases)

        let parseFailed = diags.contains { $0.severity == .error }
        let checks = DatasetValidator.check(d).filter {
            $0.severity == .warning || $0.line == nil || !raggedRows.contains(FileLine(file: $0.file, line: $0.line!))
        }
        diags += parseFailed ? checks.filter { $0.severity == .error } : checks
        if !d.overrides.isEmpty && !parseFailed { diags += OverrideChecks.check(d) }
        diags.sort()
        d.warnings = diags.filter { $0.severity == .warning }
        return LoadResult(dataset: d, diagnostics: diags)
    }

    /// A row of a file, for sets of rows.
    struct FileLine: Hashable, Sendable { let file: String; let line: Int }

    /// What reading one file gave: its hash, its diagnostics, its ragged rows, and what it puts
    /// into the dataset.
    struct FilePart: Sendable {
        let name: String
        var hash: String?
        var diagnostics: [Diagnostic] = []
        var raggedRows = Set<FileLine>()
        var store: @Sendable (inout Dataset) -> Void = { _ in }
    }

    /// How one CSV file of the folder is read and parsed.
    struct FileReader: Sendable {
        let name: String
        let required: Bool
        /// Parses the table and returns what it puts into the dataset.
        let parse: @Sendable (CSVTable, inout [Diagnostic]) -> @Sendable (inout Dataset) -> Void

        /// Reads the file from `folder` (a missing optional file gives an empty part).
        func read(_ folder: URL) -> FilePart {
            var part = FilePart(name: name)
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else {
                if required { part.diagnostics.append(.error(name, "required file is missing from the dataset folder")) }
                return part
            }
            do {
                let data = try Data(contentsOf: url)
                part.hash = sha256Hex(data)
                let t = try CSVReader.read(data: data, file: name)
                if t.encoding == .gb18030 {
                    part.diagnostics.append(.warning(name, "the file is encoded as GB18030/GBK (Excel/WPS plain \"CSV\") and was decoded as such; saving it as \"CSV UTF-8 (Comma delimited)\" avoids any doubt"))
                }
                if t.header.isEmpty { part.diagnostics.append(.error(name, line: 1, "the file is empty; expected a header row")); return part }
                for r in t.rows where t.fieldCountMismatch(r) != nil { part.raggedRows.insert(FileLine(file: name, line: r.line)) }
                part.store = parse(t, &part.diagnostics)
            } catch let e as CSVReadError {
                part.diagnostics.append(e.diagnostic)
            } catch {
                part.diagnostics.append(.error(name, "cannot read the file: \(error.localizedDescription)"))
            }
            return part
        }
    }

    /// The folder's CSV files, in the contract's order.
    static let fileReaders: [FileReader] = [
        FileReader(name: DatasetFile.children, required: true) { t, diags in let v = parseChildren(t, &diags); return { $0.children = v } },
        FileReader(name: DatasetFile.moms, required: true) { t, diags in let v = parseMoms(t, &diags); return { $0.moms = v } },
        FileReader(name: DatasetFile.organizations, required: true) { t, diags in
            let v = parseOrganizations(t, &diags); return { $0.organizations = v }
        },
        FileReader(name: DatasetFile.catalog, required: true) { t, diags in let v = parseCatalog(t, &diags); return { $0.catalog = v } },
        FileReader(name: DatasetFile.offers, required: true) { t, diags in let v = parseOffers(t, &diags); return { $0.offers = v } },
        FileReader(name: DatasetFile.needs, required: true) { t, diags in let v = parseNeeds(t, &diags); return { $0.needs = v } },
        FileReader(name: DatasetFile.manualPairings, required: false) { t, diags in
            let v = parseManualPairings(t, &diags); return { $0.manualPairings = v }
        },
        FileReader(name: DatasetFile.manualAllocations, required: false) { t, diags in
            let v = parseManualAllocations(t, &diags); return { $0.manualAllocations = v }
        },
        FileReader(name: DatasetFile.overrides, required: false) { t, diags in let v = OverridesLoader.parse(t, &diags); return { $0.overrides = v } },
    ]

    /// Lowercase hex SHA-256 of the bytes.
    public static func sha256Hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    // MARK: - One parser per file

    static func parseChildren(_ t: CSVTable, _ diags: inout [Diagnostic]) -> [Child] {
        guard var p = TableParser(file: DatasetFile.children, table: t,
                                  required: ["child_id", "group", "county", "lat", "lon"],
                                  optional: ["township", "age", "interests", "supporters_wanted", "paired_mom_id"],
                                  diagnostics: &diags) else { return [] }
        var out = [Child](); out.reserveCapacity(t.rows.count)
        for r in t.rows {
            let id = p.required(r, "child_id", "the child's id") ?? ""
            let group = p.enumValue(r, "group", ChildGroup.self) ?? .disadvantaged
            let county = p.required(r, "county", "the child's county") ?? ""
            let lat = p.number(r, "lat", required: true) ?? 0
            let lon = p.number(r, "lon", required: true) ?? 0
            let age = p.integer(r, "age", required: false) ?? nil
            let supporters = p.integer(r, "supporters_wanted", required: false) ?? 0
            out.append(Child(id: id, group: group, county: county, township: p.text(r, "township"),
                             location: GeoPoint(lat: lat ?? 0, lon: lon ?? 0), age: age,
                             interests: CellParser.list(p.text(r, "interests")),
                             supportersWanted: supporters ?? 0, pairedMomID: p.optionalText(r, "paired_mom_id"),
                             line: r.line))
        }
        diags += p.diagnostics
        return out
    }

    static func parseMoms(_ t: CSVTable, _ diags: inout [Diagnostic]) -> [Mom] {
        guard var p = TableParser(file: DatasetFile.moms, table: t,
                                  required: ["mom_id", "county", "lat", "lon", "capacity"],
                                  optional: ["township", "skills", "max_km", "alliance_member"],
                                  diagnostics: &diags) else { return [] }
        var out = [Mom](); out.reserveCapacity(t.rows.count)
        for r in t.rows {
            let id = p.required(r, "mom_id", "the mom's id") ?? ""
            let county = p.required(r, "county", "the mom's county") ?? ""
            let lat = p.number(r, "lat", required: true) ?? 0
            let lon = p.number(r, "lon", required: true) ?? 0
            let capacity = p.integer(r, "capacity", required: true) ?? 0
            let maxKm = p.number(r, "max_km", required: false) ?? nil
            let member = p.bool(r, "alliance_member") ?? nil
            out.append(Mom(id: id, county: county, township: p.text(r, "township"),
                           location: GeoPoint(lat: lat ?? 0, lon: lon ?? 0), capacity: capacity ?? 0,
                           skills: CellParser.list(p.text(r, "skills")), maxKm: maxKm,
                           allianceMember: member, line: r.line))
        }
        diags += p.diagnostics
        return out
    }

    static func parseOrganizations(_ t: CSVTable, _ diags: inout [Diagnostic]) -> [Organization] {
        guard var p = TableParser(file: DatasetFile.organizations, table: t,
                                  required: ["org_id", "name", "kind", "county"], optional: [],
                                  diagnostics: &diags) else { return [] }
        var out = [Organization]()
        for r in t.rows {
            let id = p.required(r, "org_id", "the organization's id") ?? ""
            let kind = p.enumValue(r, "kind", OrganizationKind.self) ?? .individual
            let county = p.required(r, "county", "the organization's county") ?? ""
            out.append(Organization(id: id, name: p.text(r, "name"), kind: kind, county: county, line: r.line))
        }
        diags += p.diagnostics
        return out
    }

    static func parseCatalog(_ t: CSVTable, _ diags: inout [Diagnostic]) -> [CatalogEntry] {
        guard var p = TableParser(file: DatasetFile.catalog, table: t,
                                  required: ["category", "resource", "unit", "unit_cost_yuan", "integral"], optional: [],
                                  diagnostics: &diags) else { return [] }
        var out = [CatalogEntry]()
        for r in t.rows {
            let category = p.required(r, "category", "the category's name") ?? ""
            var resource = Resource.people
            let rs = p.text(r, "resource").lowercased()
            switch rs {
            case "people": resource = .people
            case "venue": resource = .venue
            case "equipment": resource = .equipment
            default:
                p.error(r, "resource", rs.isEmpty ? "is empty; expected people, venue or equipment"
                        : "'\(p.text(r, "resource"))' is not one of people, venue, equipment (funds buy a category; they are not a catalog resource)")
            }
            let cost = p.number(r, "unit_cost_yuan", required: false) ?? nil
            let integral = p.bool(r, "integral") ?? nil
            out.append(CatalogEntry(category: category, resource: resource, unit: p.text(r, "unit"),
                                    unitCostYuan: cost, integral: integral ?? false, line: r.line))
        }
        diags += p.diagnostics
        return out
    }

    static func parseOffers(_ t: CSVTable, _ diags: inout [Diagnostic]) -> [Offer] {
        guard var p = TableParser(file: DatasetFile.offers, table: t,
                                  required: ["offer_id", "org_id", "resource", "category", "quantity", "county"],
                                  optional: ["serves", "eligible_groups"], diagnostics: &diags) else { return [] }
        var out = [Offer]()
        for r in t.rows {
            let id = p.required(r, "offer_id", "the offer's id") ?? ""
            let org = p.required(r, "org_id", "the id of the organization making the offer") ?? ""
            let resource = p.enumValue(r, "resource", Resource.self)
            let rawCategory = p.required(r, "category", "a catalog category (or 'any' for funds)") ?? ""
            let category = rawCategory.lowercased() == Offer.anyCategory ? Offer.anyCategory : rawCategory
            let quantity = p.number(r, "quantity", required: true) ?? 0
            let county = p.required(r, "county", "the county where the offer is") ?? ""
            let servesText = p.text(r, "serves")
            let serves: ServiceArea
            switch servesText.lowercased() {
            case "", "county": serves = .ownCounty
            case "city": serves = .city
            default: serves = .counties(CellParser.list(servesText))
            }
            var groups: Set<ChildGroup>? = nil
            let g = p.text(r, "eligible_groups")
            if !g.isEmpty && g.lowercased() != "all" {
                var set = Set<ChildGroup>()
                for item in CellParser.list(g) {
                    if let x = ChildGroup(rawValue: item.lowercased()) { set.insert(x) } else {
                        p.error(r, "eligible_groups", "'\(item)' is not a group; write all, or a ';' list of \(ChildGroup.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                }
                groups = set
            }
            out.append(Offer(id: id, orgID: org, resource: resource ?? .funds, category: resource == nil ? Offer.anyCategory : category,
                             quantity: quantity ?? 0, county: county, serves: serves, eligibleGroups: groups, line: r.line))
        }
        diags += p.diagnostics
        return out
    }

    static func parseNeeds(_ t: CSVTable, _ diags: inout [Diagnostic]) -> [Need] {
        guard var p = TableParser(file: DatasetFile.needs, table: t,
                                  required: ["need_id", "child_id", "category", "quantity"], optional: ["priority"],
                                  diagnostics: &diags) else { return [] }
        var out = [Need]()
        for r in t.rows {
            let id = p.required(r, "need_id", "the need's id") ?? ""
            let child = p.required(r, "child_id", "the id of the child in children.csv") ?? ""
            let category = p.required(r, "category", "a catalog category") ?? ""
            let quantity = p.number(r, "quantity", required: true) ?? 1
            let priority = p.integer(r, "priority", required: false) ?? 3
            out.append(Need(id: id, childID: child, category: category, quantity: quantity ?? 1,
                            priority: priority ?? 3, line: r.line))
        }
        diags += p.diagnostics
        return out
    }

    static func parseManualPairings(_ t: CSVTable, _ diags: inout [Diagnostic]) -> [PairAssignment] {
        guard var p = TableParser(file: DatasetFile.manualPairings, table: t,
                                  required: ["child_id", "mom_id", "role"], optional: [], diagnostics: &diags) else { return [] }
        var out = [PairAssignment]()
        for r in t.rows {
            let child = p.required(r, "child_id", "a child_id of children.csv") ?? ""
            let mom = p.required(r, "mom_id", "a mom_id of moms.csv") ?? ""
            let role = p.enumValue(r, "role", PairingRole.self) ?? .support
            out.append(PairAssignment(childID: child, momID: mom, role: role, line: r.line))
        }
        diags += p.diagnostics
        return out
    }

    static func parseManualAllocations(_ t: CSVTable, _ diags: inout [Diagnostic]) -> [AllocationAssignment] {
        guard var p = TableParser(file: DatasetFile.manualAllocations, table: t,
                                  required: ["source_id", "need_id", "units"], optional: [], diagnostics: &diags) else { return [] }
        var out = [AllocationAssignment]()
        for r in t.rows {
            let source = p.required(r, "source_id", "an offer_id of offers.csv") ?? ""
            let need = p.required(r, "need_id", "a need_id of needs.csv") ?? ""
            let units = p.number(r, "units", required: true) ?? 0
            out.append(AllocationAssignment(sourceID: source, needID: need, units: units ?? 0, line: r.line))
        }
        diags += p.diagnostics
        return out
    }
}

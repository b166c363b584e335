import Foundation

/// One planning round of the alliance: the directory of children and moms, the catalog, the
/// offers and needs, and the settings (a dataset folder, contract section 1).
///
/// A `Dataset` knows nothing of files or of GLPK; `DatasetLoader` reads one from a folder and
/// `DatasetValidator` checks one made or edited in code.
public struct Dataset: Sendable {
    /// A short name (the folder's name), used in reports.
    public var name: String
    public var children: [Child] { didSet { ids = IndexCache() } }
    public var moms: [Mom] { didSet { ids = IndexCache() } }
    public var organizations: [Organization] { didSet { ids = IndexCache() } }
    public var catalog: [CatalogEntry] { didSet { ids = IndexCache() } }
    public var offers: [Offer] { didSet { ids = IndexCache() } }
    public var needs: [Need] { didSet { ids = IndexCache() } }
    public var settings: Settings
    /// The coordinators' hand-made pairing (`manual_pairings.csv`), if present.
    public var manualPairings: [PairAssignment]?
    /// The coordinators' hand-made allocation (`manual_allocations.csv`), if present.
    public var manualAllocations: [AllocationAssignment]?
    /// The coordinators' decisions the plan must honour (`overrides.csv`); empty when absent.
    public var overrides: [Override] = []
    /// Warnings found while loading (suspicious but plannable data).
    public var warnings: [Diagnostic]
    /// SHA-256 (hex) of each input file read, by file name.
    public var inputHashes: [String: String]

    public init(name: String = "dataset", children: [Child] = [], moms: [Mom] = [],
                organizations: [Organization] = [], catalog: [CatalogEntry] = [],
                offers: [Offer] = [], needs: [Need] = [], settings: Settings = Settings(),
                manualPairings: [PairAssignment]? = nil, manualAllocations: [AllocationAssignment]? = nil,
                warnings: [Diagnostic] = [], inputHashes: [String: String] = [:]) {
        self.name = name; self.children = children; self.moms = moms
        self.organizations = organizations; self.catalog = catalog; self.offers = offers
        self.needs = needs; self.settings = settings; self.manualPairings = manualPairings
        self.manualAllocations = manualAllocations; self.warnings = warnings
        self.inputHashes = inputHashes
    }

    /// The lookup tables from ids to positions (`DatasetIndex`), built on first use and shared by
    /// copies until one of the arrays they index changes (at scale 100 a build takes about half a
    /// second, and writing a plan folder used to build them ten times).
    public var index: DatasetIndex { ids.index(of: self) }
    private var ids = IndexCache()

    /// Every county named by a child, a mom, an organization or an offer, sorted by code point.
    public var counties: [String] {
        var set = Set<String>()
        for c in children { set.insert(c.county) }
        for m in moms { set.insert(m.county) }
        for o in organizations { set.insert(o.county) }
        for o in offers { set.insert(o.county) }
        return set.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

/// Holds a dataset's `DatasetIndex` once built; a changed array gets a new, empty holder.
final class IndexCache: @unchecked Sendable {
    private let lock = NSLock()
    private var built: DatasetIndex?

    /// The index of `d`, built by the first caller (the others wait for it).
    func index(of d: Dataset) -> DatasetIndex {
        lock.lock(); defer { lock.unlock() }
        if let built { return built }
        let made = DatasetIndex(d)
        built = made
        return made
    }
}

/// Lookup tables from ids to positions, built once per dataset.
public struct DatasetIndex: Sendable {
    public let childByID: [String: Int]
    public let momByID: [String: Int]
    public let organizationByID: [String: Int]
    public let offerByID: [String: Int]
    public let needByID: [String: Int]
    public let catalogByCategory: [String: Int]

    /// Builds the tables; on duplicate ids the first row wins (the validator reports duplicates).
    public init(_ d: Dataset) {
        func table<T>(_ items: [T], _ id: (T) -> String) -> [String: Int] {
            var t = [String: Int](minimumCapacity: items.count)
            // Last row first, so that the first row's index is the one left: one hash per row.
            for i in items.indices.reversed() { t[id(items[i])] = i }
            return t
        }
        childByID = table(d.children) { $0.id }
        momByID = table(d.moms) { $0.id }
        organizationByID = table(d.organizations) { $0.id }
        offerByID = table(d.offers) { $0.id }
        needByID = table(d.needs) { $0.id }
        catalogByCategory = table(d.catalog) { $0.category }
    }
}

extension String {
    /// Code-point (UTF-8 byte) order, the contract's order for ids: independent of locale.
    @inlinable public func precedesInCodePoints(_ other: String) -> Bool {
        self.utf8.lexicographicallyPrecedes(other.utf8)
    }
}

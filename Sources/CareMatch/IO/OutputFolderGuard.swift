import Foundation

/// Decides whether CareMatch may write an output folder: called before any work (loading,
/// solving), and again by `PlanFolder` just before the rename, since the folder may have appeared
/// meanwhile.
///
/// Never written over, even with `force`: a protected path (the dataset folder, the other input
/// files, the current working directory, the home directory, `/`) or a folder containing one;
/// something that is not a folder; a folder holding a file its `.carematch-output` stamp does not
/// list, or one changed since (see `OutputStamp`). A folder CareMatch wrote, unchanged, or an empty
/// folder is replaced only with `force`. Paths are compared with symbolic links resolved; a link
/// given as the target is followed, so the folder it points to is the one written.
public struct OutputFolderGuard: Sendable {
    /// A path CareMatch never writes over, with the words that name it in a message.
    public struct Protected: Sendable, Equatable {
        public var what: String
        public var url: URL
        public init(what: String, url: URL) { self.what = what; self.url = url }
    }

    /// The folder to write: absolute, symbolic links resolved.
    public let target: URL
    /// Replace a folder CareMatch wrote (`--force`).
    public let force: Bool
    /// The paths never written over, in the order they are checked.
    public let protected: [Protected]

    /// - Parameters:
    ///   - path: the folder as the user gave it (relative to `workingDirectory`).
    ///   - inputs: what the command reads, e.g. `("the dataset folder", "Datasets/tiny")`.
    public init(path: String, force: Bool, inputs: [(what: String, path: String)] = [],
                workingDirectory: String = FileManager.default.currentDirectoryPath,
                home: String? = ProcessInfo.processInfo.environment["HOME"]) {
        func resolve(_ p: String) -> URL { ResolvedPath.resolve(p, base: workingDirectory) }
        target = resolve(path)
        self.force = force
        var protected = inputs.map { Protected(what: $0.what, url: resolve($0.path)) }
        protected.append(Protected(what: "the current working directory", url: resolve(workingDirectory)))
        if let home, !home.isEmpty { protected.append(Protected(what: "the home directory", url: resolve(home))) }
        protected.append(Protected(what: "the root folder", url: URL(fileURLWithPath: "/")))
        self.protected = protected
    }

    /// Throws `OutputFolderError` unless the target may be written now; touches nothing.
    public func check() throws {
        let path = target.path
        func refuse(_ r: OutputFolderError.Reason) -> OutputFolderError { OutputFolderError(path: path, reason: r) }
        if let p = protected.first(where: { $0.url.pathComponents == target.pathComponents }) {
            throw refuse(.isProtected(what: p.what))
        }
        if let p = protected.first(where: { ResolvedPath.isSameOrInside($0.url, target) }) {
            throw refuse(.containsProtected(what: p.what, path: p.url.path))
        }
        guard let kind = FolderEntries.kind(path) else { return }
        guard kind == .folder else { throw refuse(.notAFolder) }
        let entries: [FolderEntries.Entry]
        let stampText: String?
        do {
            entries = try FolderEntries.list(target).filter { !($0.path == OutputStamp.fileName && $0.kind == .file) }
            let stampURL = target.appendingPathComponent(OutputStamp.fileName)
            stampText = FolderEntries.kind(stampURL.path) == .file ? try String(contentsOf: stampURL, encoding: .utf8) : nil
        } catch {
            throw refuse(.cannotWrite("cannot read what it holds: \(error.localizedDescription)"))
        }
        let stamp = stampText.flatMap(OutputStamp.init(text:))
        let listed = stamp?.files ?? [:]
        // Folders are CareMatch's when they lead to a listed file.
        var listedFolders: Set<String> = []
        for file in listed.keys {
            var parts = file.split(separator: "/").dropLast()
            while !parts.isEmpty { listedFolders.insert(parts.joined(separator: "/")); parts = parts.dropLast() }
        }
        var foreign: [String] = []
        var changed: [String] = []
        for e in entries {
            switch e.kind {
            case .folder:
                if !listedFolders.contains(e.path) { foreign.append(e.path + "/") }
            case .file:
                guard let hash = listed[e.path] else { foreign.append(e.path); continue }
                if (try? OutputStamp.sha256(of: target.appendingPathComponent(e.path))) != hash { changed.append(e.path) }
            case .other:
                foreign.append(e.path)
            }
        }
        // Report a foreign folder, not each file inside it.
        foreign = foreign.filter { f in !foreign.contains { $0.hasSuffix("/") && $0 != f && f.hasPrefix($0) } }
        if stamp == nil && stampText != nil { foreign.insert(OutputStamp.fileName + " (unreadable)", at: 0) }
        if !foreign.isEmpty { throw refuse(.foreignFiles(foreign, stamped: stampText != nil)) }
        if !changed.isEmpty { throw refuse(.changedFiles(changed)) }
        if !force { throw refuse(.exists) }
    }
}

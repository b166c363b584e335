import Foundation

/// An output folder being written: a temporary folder beside the target (same file system, so
/// the final rename is atomic), renamed into place by `commit` once complete and stamped.
///
/// Files can be added in memory (`add`) or written straight into `url` by anyone (the pairing
/// engine's `exportDirectory`). Until `commit`, the target is untouched; `discard` removes the
/// temporary folder. A run killed meanwhile leaves only the hidden `.<name>.tmp-<pid>-<n>` folder.
public struct StagedFolder: Sendable {
    /// Where the folder goes and what may be replaced there.
    public let guardian: OutputFolderGuard
    /// The temporary folder to write into.
    public let url: URL

    /// Creates the temporary folder beside `guardian.target` (and the target's parent folders).
    public init(for guardian: OutputFolderGuard) throws {
        self.guardian = guardian
        let target = guardian.target
        let parent = target.deletingLastPathComponent()
        let tag = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        url = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(tag)")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        } catch {
            throw OutputFolderError(path: target.path, reason: .cannotWrite(error.localizedDescription))
        }
    }

    /// Writes `files` (relative path → bytes; `a/b.csv` makes the sub-folder `a`) into the temporary folder.
    public func add(_ files: [(name: String, data: Data)]) throws {
        let fm = FileManager.default
        for f in files {
            let file = url.appendingPathComponent(f.name)
            do {
                try fm.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try f.data.write(to: file)
            } catch {
                throw OutputFolderError(path: guardian.target.path, reason: .cannotWrite("\(f.name): \(error.localizedDescription)"))
            }
        }
    }

    /// Stamps the temporary folder (`OutputStamp` of everything in it), checks the target again,
    /// and renames the temporary folder into place; an existing folder (CareMatch's, as the check
    /// just confirmed) is moved aside first and removed only after the rename succeeded.
    /// - Parameter beforeRename: test hook, called after the stamp is written, before the check.
    public func commit(beforeRename: (() throws -> Void)? = nil) throws {
        let fm = FileManager.default
        let target = guardian.target
        func io(_ body: () throws -> Void) throws {
            do { try body() } catch {
                throw OutputFolderError(path: target.path, reason: .cannotWrite(error.localizedDescription))
            }
        }
        try io {
            let stamp = try OutputStamp.of(folder: url)
            try Data(stamp.text.utf8).write(to: url.appendingPathComponent(OutputStamp.fileName))
        }
        try beforeRename?()
        try guardian.check()
        if FolderEntries.kind(target.path) != nil {
            let old = url.deletingLastPathComponent()
                .appendingPathComponent(url.lastPathComponent.replacingOccurrences(of: ".tmp-", with: ".old-"))
            try io { try fm.moveItem(at: target, to: old) }
            do { try fm.moveItem(at: url, to: target) } catch {
                try? fm.moveItem(at: old, to: target)
                throw OutputFolderError(path: target.path, reason: .cannotWrite(error.localizedDescription))
            }
            try? fm.removeItem(at: old)
        } else {
            try io { try fm.moveItem(at: url, to: target) }
        }
    }

    /// Removes the temporary folder (after a failure; harmless after `commit`).
    public func discard() {
        try? FileManager.default.removeItem(at: url)
    }
}

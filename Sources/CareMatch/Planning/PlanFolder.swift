import Foundation

/// Writes a folder of files atomically: everything goes to a temporary folder beside the target
/// (`StagedFolder`), stamped with `.carematch-output` (`OutputStamp`), renamed into place only when
/// complete and only where `OutputFolderGuard` allows. On any error the temporary folder is removed
/// and an existing target is left as it was.
public enum PlanFolder {
    /// Writes `files` (relative path → bytes; `a/b.csv` makes the sub-folder `a`) as the folder
    /// `guardian.target`, checked by `guardian` just before the rename.
    /// - Parameter beforeRename: test hook, called after the files are written, before the rename.
    public static func write(_ files: [(name: String, data: Data)], to guardian: OutputFolderGuard,
                             beforeRename: (() throws -> Void)? = nil) throws {
        let staged = try StagedFolder(for: guardian)
        do {
            try staged.add(files)
            try staged.commit(beforeRename: beforeRename)
        } catch {
            staged.discard()
            throw error
        }
    }

    /// `write(_:to:)` with a guard that protects only the working and home directories and `/`
    /// (the caller names no inputs).
    public static func write(_ files: [(name: String, data: Data)], to target: URL, force: Bool,
                             beforeRename: (() throws -> Void)? = nil) throws {
        try write(files, to: OutputFolderGuard(path: target.path, force: force), beforeRename: beforeRename)
    }
}

import Foundation

/// Writes a folder of files atomically: everything goes to a temporary folder beside the target,
/// renamed into place only when complete. On any error the temporary folder is removed and an
/// existing target is left as it was.
public enum PlanFolder {
    /// The target exists and `force` was not given.
    public struct AlreadyExists: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var description: String { "\(path) already exists; use --force to replace it" }
    }

    /// Writes `files` (relative path → bytes; `a/b.csv` makes the sub-folder `a`) as the folder `target`.
    /// - Parameter beforeRename: test hook, called after the files are written, before the rename.
    public static func write(_ files: [(name: String, data: Data)], to target: URL, force: Bool,
                             beforeRename: (() throws -> Void)? = nil) throws {
        let fm = FileManager.default
        let target = target.standardizedFileURL
        if fm.fileExists(atPath: target.path) && !force { throw AlreadyExists(path: target.path) }
        let parent = target.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let tag = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let temp = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(tag)")
        let old = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(tag)")
        do {
            try fm.createDirectory(at: temp, withIntermediateDirectories: false)
            for f in files {
                let url = temp.appendingPathComponent(f.name)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try f.data.write(to: url, options: .atomic)
            }
            try beforeRename?()
            if fm.fileExists(atPath: target.path) {
                try fm.moveItem(at: target, to: old)
                do { try fm.moveItem(at: temp, to: target) } catch {
                    try? fm.moveItem(at: old, to: target)
                    throw error
                }
                try? fm.removeItem(at: old)
            } else {
                try fm.moveItem(at: temp, to: target)
            }
        } catch {
            try? fm.removeItem(at: temp)
            throw error
        }
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entries of a folder tree, found without following symbolic links.
enum FolderEntries {
    enum Kind { case file, folder, other }
    struct Entry: Equatable { var path: String; var kind: Kind }

    /// What is at `path` (a symbolic link is `other`); `nil` when nothing is.
    static func kind(_ path: String) -> Kind? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        default: return .other
        }
    }

    /// Every entry under `folder` (hidden ones included) as a relative path joined with `/`,
    /// parents before their contents, by name.
    static func list(_ folder: URL) throws -> [Entry] {
        var out: [Entry] = []
        func walk(_ relative: String) throws {
            let dir = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() {
                let path = relative.isEmpty ? name : relative + "/" + name
                let kind = Self.kind(folder.appendingPathComponent(path).path) ?? .other
                out.append(Entry(path: path, kind: kind))
                if kind == .folder { try walk(path) }
            }
        }
        try walk("")
        return out
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Absolute paths with every symbolic link resolved, so that two spellings of one folder
/// (`.`, `../x`, a link to it) compare equal.
public enum ResolvedPath {
    /// `path` made absolute (against `base` when relative), with the symbolic links of its longest
    /// existing prefix resolved by `realpath(3)`; the components that do not exist yet are appended
    /// as written, with `.` and `..` then removed.
    public static func resolve(_ path: String, base: String = FileManager.default.currentDirectoryPath) -> URL {
        let absolute = path.hasPrefix("/") ? path : (base.hasSuffix("/") ? base : base + "/") + path
        var head = absolute
        var tail: [String] = []
        while true {
            if let real = realpath(head, nil) {
                defer { free(real) }
                var url = URL(fileURLWithPath: String(cString: real), isDirectory: true)
                for c in tail.reversed() { url.appendPathComponent(c) }
                return url.standardizedFileURL
            }
            let trimmed = head.hasSuffix("/") && head.count > 1 ? String(head.dropLast()) : head
            guard let slash = trimmed.lastIndex(of: "/"), trimmed != "/" else { break }
            let component = String(trimmed[trimmed.index(after: slash)...])
            if !component.isEmpty { tail.append(component) }
            head = slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
        }
        return URL(fileURLWithPath: absolute).standardizedFileURL
    }

    /// Whether `inner` is `outer` itself or lies inside it (both resolved).
    public static func isSameOrInside(_ inner: URL, _ outer: URL) -> Bool {
        let a = inner.standardizedFileURL.pathComponents, b = outer.standardizedFileURL.pathComponents
        return a.count >= b.count && Array(a.prefix(b.count)) == b
    }
}

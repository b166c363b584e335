import Crypto
import Foundation

/// The stamp CareMatch leaves in every folder it writes (plan, compare, whatif, generate,
/// `--export-model`): a file `.carematch-output` listing each file of the folder with its SHA-256.
///
/// The lines have the format of `sha256sum` (`<64 hex>  <relative path>`, sorted by path, `#`
/// lines are comments), so `sha256sum -c .carematch-output` checks the folder by hand. A folder is
/// CareMatch's — `--force` may replace it — only while every file in it is listed here with
/// unchanged contents: a file added or edited by a person is never destroyed.
public struct OutputStamp: Sendable, Equatable {
    /// The stamp's file name, at the top of the folder.
    public static let fileName = ".carematch-output"

    /// Relative path (sub-folders joined with `/`) → lowercase hexadecimal SHA-256 of the contents.
    public var files: [String: String]

    public init(files: [String: String]) { self.files = files }

    /// The stamp of everything under `folder` (the stamp itself excepted).
    public static func of(folder: URL) throws -> OutputStamp {
        var files: [String: String] = [:]
        for entry in try FolderEntries.list(folder) where entry.kind != .folder && entry.path != fileName {
            files[entry.path] = try sha256(of: folder.appendingPathComponent(entry.path))
        }
        return OutputStamp(files: files)
    }

    /// Lowercase hexadecimal SHA-256 of a file's contents.
    public static func sha256(of file: URL) throws -> String {
        SHA256.hash(data: try Data(contentsOf: file)).map { String(format: "%02x", $0) }.joined()
    }

    /// The stamp's text: two comment lines, then one `sha256  path` line per file, by path.
    public var text: String {
        var s = "# Written by CareMatch. `carematch … --force` replaces this folder only while it holds\n"
        s += "# exactly these files, unchanged (check them with `sha256sum -c .carematch-output`).\n"
        for path in files.keys.sorted() { s += "\(files[path]!)  \(path)\n" }
        return s
    }

    /// Reads a stamp's text; `nil` when a line is neither a comment nor `<64 hex>  <path>`.
    public init?(text: String) {
        var files: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") { continue }
            let hex = line.prefix(64)
            let rest = line.dropFirst(64)
            guard hex.count == 64, hex.allSatisfy({ $0.isHexDigit }), rest.hasPrefix("  "), rest.count > 2 else { return nil }
            files[String(rest.dropFirst(2))] = hex.lowercased()
        }
        self.files = files
    }
}

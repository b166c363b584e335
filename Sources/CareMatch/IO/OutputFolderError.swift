import Foundation

/// CareMatch will not write an output folder there, or could not: the folder (resolved) and why.
///
/// Every case is a usage problem the user fixes by choosing another folder (exit status 2); none
/// touches anything.
public struct OutputFolderError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Why the folder is refused: a code for tests and callers, never matched by its text.
    public enum Reason: Sendable, Equatable {
        /// The folder exists, CareMatch wrote it (or it is empty), and `--force` was not given.
        case exists
        /// The folder is one CareMatch never replaces: `what` names it ("the dataset folder", …).
        case isProtected(what: String)
        /// The folder contains one CareMatch never replaces: `what` names it, `path` is where it is.
        case containsProtected(what: String, path: String)
        /// Something that is not a folder (a file, a link to nothing) is at the path.
        case notAFolder
        /// The folder holds entries its `.carematch-output` stamp does not list (all of them when
        /// it has no stamp, `stamped` false): files CareMatch did not write.
        case foreignFiles([String], stamped: Bool)
        /// Files the stamp lists were changed after CareMatch wrote them.
        case changedFiles([String])
        /// A file-system operation failed (permissions, disk full, …).
        case cannotWrite(String)
    }

    /// The folder, absolute, with symbolic links resolved.
    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) { self.path = path; self.reason = reason }

    public var description: String {
        let never = "CareMatch replaces only folders it wrote, even with --force; choose another output folder"
        switch reason {
        case .exists:
            return "\(path) already exists (written by CareMatch); use --force to replace it"
        case .isProtected(let what):
            return "\(path) is \(what); CareMatch never writes over it. Choose another output folder"
        case .containsProtected(let what, let p):
            return "\(path) contains \(what) (\(p)); CareMatch never replaces it. Choose another output folder"
        case .notAFolder:
            return "\(path) exists and is not a folder; choose another output folder"
        case .foreignFiles(let names, let stamped):
            let list = Self.list(names)
            return stamped
                ? "\(path) holds files CareMatch did not write (\(list)); \(never)"
                : "\(path) was not written by CareMatch (no \(OutputStamp.fileName) stamp) and holds \(list); \(never)"
        case .changedFiles(let names):
            return "\(path) holds files changed since CareMatch wrote them (\(Self.list(names))); \(never)"
        case .cannotWrite(let m):
            return "cannot write \(path): \(m)"
        }
    }

    /// The first five names, then how many more.
    static func list(_ names: [String]) -> String {
        let shown = names.prefix(5).joined(separator: ", ")
        return names.count > 5 ? "\(shown) and \(names.count - 5) more" : shown
    }
}

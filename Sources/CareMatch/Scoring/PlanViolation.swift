/// A rule of the contract that a given plan breaks (capacity exceeded, pair beyond reach, …).
public struct PlanViolation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file the plan row came from, if it came from a file.
    public var file: String?
    /// The plan row's physical line, if known.
    public var line: Int?
    public var message: String

    public init(file: String? = nil, line: Int? = nil, _ message: String) {
        self.file = file; self.line = line; self.message = message
    }

    public var description: String {
        var s = ""
        if let file { s += file }
        if let line { s += (s.isEmpty ? "line " : ":") + "\(line)" }
        return s.isEmpty ? message : s + ": " + message
    }
}

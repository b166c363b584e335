/// The three groups of children the program serves; each has a weight in the scores.
public enum ChildGroup: String, CaseIterable, Sendable, Hashable, Comparable, Codable {
    case leftBehind = "left_behind"
    case disadvantaged = "disadvantaged"
    case specialNeeds = "special_needs"

    public static func < (a: ChildGroup, b: ChildGroup) -> Bool { a.rawValue < b.rawValue }
}

/// A mom's role for a child.
public enum PairingRole: String, Sendable, Hashable, Codable, CaseIterable {
    case lead, support
}

/// One row of a pairing: a mom with a child, as lead or support.
public struct PairAssignment: Sendable, Hashable {
    public var childID: String
    public var momID: String
    public var role: PairingRole
    public var line: Int
    public init(childID: String, momID: String, role: PairingRole, line: Int = 0) {
        self.childID = childID; self.momID = momID; self.role = role; self.line = line
    }
}

/// One row of an allocation: units of a need's category given by a source (an offer).
public struct AllocationAssignment: Sendable, Hashable {
    public var sourceID: String
    public var needID: String
    public var units: Double
    public var line: Int
    public init(sourceID: String, needID: String, units: Double, line: Int = 0) {
        self.sourceID = sourceID; self.needID = needID; self.units = units; self.line = line
    }
}

/// The pairing engine could not prove a plan.
public enum PairingError: Error, CustomStringConvertible {
    case solverFailed(String)
    public var description: String {
        switch self { case .solverFailed(let s): return "pairing solve failed: \(s)" }
    }
}

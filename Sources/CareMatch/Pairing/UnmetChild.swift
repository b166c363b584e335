/// A child without a lead mom and why.
public struct UnmetChild: Sendable, Hashable {
    public var child: Int
    public var reason: String
}

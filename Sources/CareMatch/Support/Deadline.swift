/// The moment a computation must end: one deadline shared by every phase of a plan (pairing,
/// allocation, explanations), so that `plan --time-limit` bounds the whole run.
public struct Deadline: Sendable {
    /// The end, or `nil` for none.
    public let end: ContinuousClock.Instant?

    /// No deadline.
    public static let none = Deadline(end: nil)

    public init(end: ContinuousClock.Instant?) { self.end = end }

    /// `seconds` from now (`nil`: none).
    public init(seconds: Double?) {
        end = seconds.map { ContinuousClock.now.advanced(by: .milliseconds(Int64(($0 * 1000).rounded(.up)))) }
    }

    /// Seconds left (never negative), or `nil` without a deadline.
    public var remainingSeconds: Double? {
        guard let end else { return nil }
        return max(0, (end - ContinuousClock.now).seconds)
    }

    /// Whether the deadline has passed.
    public var hasPassed: Bool { remainingSeconds.map { $0 <= 0 } ?? false }

    /// A time limit for one step: the smaller of `limit` and the time left (`nil`: neither).
    public func limit(_ limit: Double?) -> Double? {
        switch (limit, remainingSeconds) {
        case (nil, nil): return nil
        case let (l?, nil): return l
        case let (nil, r?): return r
        case let (l?, r?): return min(l, r)
        }
    }
}

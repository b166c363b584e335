import Foundation

/// The moment a computation must end: one deadline shared by every phase of a plan (pairing,
/// allocation, explanations), so that `plan --time-limit` bounds the whole run.
public struct Deadline: Sendable {
    /// The end, or `nil` for none.
    public let end: ContinuousClock.Instant?
    /// For tests: a deadline that passes at a given check instead of a given time.
    private let checks: CheckCount?

    /// No deadline.
    public static let none = Deadline(end: nil)

    public init(end: ContinuousClock.Instant?) { self.end = end; checks = nil }

    /// For tests: a deadline that passes at its `n`-th `hasPassed` check (counted over every
    /// copy and thread), so that a test can stop a computation at each place it checks.
    static func passing(atCheck n: Int) -> Deadline { Deadline(checks: CheckCount(n)) }

    private init(checks: CheckCount) { end = nil; self.checks = checks }

    /// `seconds` from now (`nil`: none).
    public init(seconds: Double?) {
        end = seconds.map { ContinuousClock.now.advanced(by: .milliseconds(Int64(($0 * 1000).rounded(.up)))) }
        checks = nil
    }

    /// Seconds left (never negative), or `nil` without a deadline.
    public var remainingSeconds: Double? {
        if let checks { return checks.passed ? 0 : nil }
        guard let end else { return nil }
        return max(0, (end - ContinuousClock.now).seconds)
    }

    /// Whether the deadline has passed.
    public var hasPassed: Bool {
        if let checks { return checks.check() }
        return remainingSeconds.map { $0 <= 0 } ?? false
    }

    /// The same deadline `seconds` earlier: the part of a time limit given to solving, the rest
    /// kept for what follows (a test's deadline by checks is returned unchanged).
    public func reserving(_ seconds: Double) -> Deadline {
        guard checks == nil, let end else { return self }
        return Deadline(end: end.advanced(by: .milliseconds(-Int64((max(0, seconds) * 1000).rounded(.down)))))
    }

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

/// The checks left before a test's `Deadline.passing(atCheck:)` passes.
private final class CheckCount: @unchecked Sendable {
    private let lock = NSLock()
    private var left: Int
    init(_ n: Int) { left = n }
    /// Counts one check; true from the n-th on.
    func check() -> Bool { lock.withLock { left -= 1; return left <= 0 } }
    var passed: Bool { lock.withLock { left <= 0 } }
}

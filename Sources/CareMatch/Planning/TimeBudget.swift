import Foundation

/// How a plan's time limit is shared out: reading and checking the dataset (done when planning
/// starts), the solves, and what follows a solve cut short — the fallback to the pairing's last
/// whole round and its bound, the explanations of unmet children and needs, and writing the plan
/// folder. Written to `summary.json` as `timeBudget`.
///
/// The reserve for what follows is the larger of a fifth of the limit and what that work takes at
/// the dataset's size: `fixedSeconds + secondsPerRow × (children + moms + needs)`, measured on
/// this machine kind (2 cores) with the solves cut short — 0.7–0.9 s at scale 3, 3.2–4.4 s at
/// scale 10, 5.8–9.3 s at scale 30 and 22–25 s at scale 100 (Guides/Allocation.md, "The deadline").
/// A plan that finishes its solves before their deadline is unchanged, whatever the reserve.
public struct TimeBudget: Codable, Sendable, Equatable {
    /// The whole limit (`--time-limit` or `plan.time_limit_s`).
    public var limitSeconds: Double
    /// From the command's start to the start of planning: reading and checking the dataset.
    public var readSeconds: Double
    /// Kept for what follows the solves.
    public var reservedSeconds: Double
    /// What the solves had: the limit less reading and the reserve (never negative).
    public var solvingSeconds: Double
    /// Whether the reserve is the dataset's size, above a fifth of the limit: the limit is short
    /// for this dataset, and the terminal says so when a solve was cut short.
    public var reserveExceedsShare: Bool

    /// The share of the limit always kept (at scale 100 with the default 600 s, 120 s against the
    /// 25–40 s needed: room for a slower or busier machine).
    public static let share = 0.2
    /// The part of the reserve that does not grow with the dataset (seconds).
    /// (The pairing's bound alone may take 2 s: `PairingBound.lagrangianAlong`'s budget.)
    public static let fixedSeconds = 1.5
    /// The part that does, per row of children, moms and needs (seconds; measured 20 µs at scale
    /// 30 and 100, up to 40 µs at scale 10 where the fixed costs weigh more).
    public static let secondsPerRow = 28e-6

    /// The budget of a limit of `limit` seconds for `dataset`, `readSeconds` of it already spent.
    public init(limit: Double, dataset: Dataset, readSeconds: Double) {
        let bySize = Self.fixedSeconds + Self.secondsPerRow * Double(dataset.children.count + dataset.moms.count + dataset.needs.count)
        limitSeconds = limit
        self.readSeconds = max(0, readSeconds)
        reservedSeconds = max(Self.share * limit, bySize)
        reserveExceedsShare = bySize > Self.share * limit
        solvingSeconds = max(0, limit - self.readSeconds - reservedSeconds)
    }

    /// The deadline of the solves (pairing, allocation, their explanations, overrides and
    /// alternatives), counted from `start`, the command's start: the limit's end less the reserve.
    public func solvingDeadline(from start: ContinuousClock.Instant) -> Deadline {
        Deadline(end: start.advanced(by: .milliseconds(Int64((limitSeconds * 1000).rounded(.up))))).reserving(reservedSeconds)
    }
}

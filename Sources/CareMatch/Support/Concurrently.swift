import Foundation

/// Independent computations at once, on the calling thread and Dispatch's global queue: used where
/// a plan's files are put together from parts that do not read each other (the handout and the
/// comparison with the hand-made plan; the tables and the report), and where a dataset's checks
/// do not depend on each other. Each part is a pure function of its inputs, so the result does not
/// depend on which finishes first.
///
/// Not `concurrentPerform`: Dispatch runs an apply nested in another one serially once the nesting
/// reaches the number of cores, and these parts use `concurrentPerform` inside.
enum Concurrently {
    /// The values of `first` and `second`, computed at the same time.
    static func both<A: Sendable, B: Sendable>(_ first: @escaping @Sendable () -> A,
                                               _ second: @escaping @Sendable () -> B) -> (A, B) {
        let b = Pending(second)
        let a = first()
        return (a, b.value)
    }

    /// A value being computed on Dispatch's global queue; `value` waits for it.
    final class Pending<T: Sendable>: Sendable {
        private let slot = ResultSlots<T>(count: 1)
        private let group = DispatchGroup()

        /// Starts computing `compute()`.
        init(_ compute: @escaping @Sendable () -> T) {
            let slot = slot
            DispatchQueue.global().async(group: group) { slot.store(0, compute()) }
        }

        /// The value, once computed.
        var value: T {
            group.wait()
            return slot.values[0]!
        }
    }
}

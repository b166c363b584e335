import Foundation
import GLPK

/// Work on dedicated threads, each with its own GLPK environment (freed when the thread ends):
/// GLPK objects are bound to the thread that made them, and Swift tasks hop between threads.
enum WorkerThreads {
    /// Calls `body(worker)` on `count` new threads and waits for all of them.
    static func run(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let group = DispatchGroup()
        for w in 0..<max(1, count) {
            group.enter()
            let t = Thread {
                body(w)
                GLPKEnvironment.free()
                group.leave()
            }
            t.stackSize = 16 << 20
            t.start()
        }
        group.wait()
    }
}

extension WorkerThreads {
    /// Lowers the calling thread's scheduling priority (Linux: nice +`by`, for this thread and the
    /// threads it starts later). On a machine with idle cores nothing changes; when threads
    /// compete for the cores, this one yields to the others. Used by the plan's allocation, whose
    /// explanations would otherwise take cores from the pairing's parallel pricing, the longer part.
    static func lowerPriority(by amount: Int32) {
        #if os(Linux)
        // `who` = 0 is the calling thread: Linux keeps the nice value per thread.
        errno = 0
        let current = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
        if errno == 0 { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, min(19, current + amount)) }
        #endif
    }
}

/// Hands out the indices `0..<count` to workers, each once, in order.
final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    let count: Int
    init(count: Int) { self.count = count }

    /// The next index, or `nil` when all are taken.
    func next() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard nextIndex < count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    /// Indices not taken yet.
    var left: Int { lock.lock(); defer { lock.unlock() }; return count - nextIndex }
}

/// Results stored by index from several threads.
final class ResultSlots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func store(_ i: Int, _ value: T) { lock.lock(); slots[i] = value; lock.unlock() }
    var values: [T?] { lock.lock(); defer { lock.unlock() }; return slots }
}

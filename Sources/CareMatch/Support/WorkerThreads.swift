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

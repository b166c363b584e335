#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CGLPKShim

/// Records which thread and which GLPK environment generation an object belongs to.
struct ThreadOwnership {
    let thread: pthread_t
    let generation: UInt

    init() {
        thread = pthread_self()
        generation = UInt(cmglp_env_generation())
    }

    /// `true` on the creating thread.
    var isOwningThread: Bool { pthread_equal(thread, pthread_self()) != 0 }

    /// `true` while the thread's environment that created the object still exists.
    var isEnvironmentAlive: Bool { generation == UInt(cmglp_env_generation()) }

    /// Traps on a foreign thread; throws if the environment was freed.
    func check(_ type: String) throws {
        precondition(isOwningThread, "\(type) used on a thread other than the one that created it (GLPK objects are thread-bound)")
        guard isEnvironmentAlive else { throw GLPKError.environmentFreed }
    }

    /// Traps on a foreign thread or a freed environment (for non-throwing accessors).
    func assertUsable(_ type: String) {
        precondition(isOwningThread, "\(type) used on a thread other than the one that created it (GLPK objects are thread-bound)")
        precondition(isEnvironmentAlive, "\(type) used after its GLPK environment was freed")
    }
}

/// The text GLPK printed before the last caught fatal error, as an error.
func caughtFatalError() -> GLPKError {
    let text = String(cString: cmglp_last_error())
    let lines = text.split(whereSeparator: \.isNewline).map(String.init)
    return .fatal(lines.suffix(4).joined(separator: " | "))
}

/// Checks a GLPK object name: at most 255 bytes, no control characters.
func validateName(_ name: String, _ what: @autoclosure () -> String) throws {
    guard name.utf8.count <= 255 else {
        throw GLPKError.invalidArgument("\(what()): name longer than 255 bytes")
    }
    guard !name.utf8.contains(where: { $0 < 0x20 || $0 == 0x7f }) else {
        throw GLPKError.invalidArgument("\(what()): name contains control characters")
    }
}

import CGLPK
import CGLPKShim

/// The calling thread's GLPK environment.
///
/// Thread-safety rules of this wrapper:
/// - GLPK (Debian's build) keeps one environment per thread in thread-local storage.
/// - A `Problem` or `FlowNetwork` is created, used and deinitialized on one thread; misuse traps.
///   None of them is `Sendable`. Swift `async` tasks hop between threads: run GLPK work on a
///   dedicated `Thread`.
/// - A thread that used GLPK should call `GLPKEnvironment.free()` when done, after releasing its
///   GLPK objects.
///
/// The corresponding C function is `glp_free_env`.
public enum GLPKEnvironment {
    /// Frees the calling thread's GLPK environment and everything allocated in it.
    ///
    /// Objects of this thread still alive afterwards become unusable: their methods throw
    /// `GLPKError.environmentFreed` (or trap, for non-throwing accessors), and their `deinit`
    /// does not touch GLPK. The corresponding C function is `glp_free_env`.
    public static func free() {
        _ = cmglp_free_env()
    }

    /// A counter that changes every time this thread's environment is freed (by `free()` or by the
    /// shim after a caught fatal error).
    public static var generation: UInt {
        UInt(cmglp_env_generation())
    }

    /// GLPK's version string. The corresponding C function is `glp_version`.
    public static var version: String {
        String(cString: glp_version())
    }
}

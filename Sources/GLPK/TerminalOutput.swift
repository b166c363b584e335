import CGLPK
import CGLPKShim
import Logging

/// How much GLPK prints while solving.
///
/// The corresponding C field is `msg_lev` (`GLP_MSG_OFF` … `GLP_MSG_ALL`).
public enum MessageLevel: Sendable, Equatable {
    /// Nothing (the default): GLPK's terminal output is switched off with `glp_term_out(GLP_OFF)`.
    case off
    /// Warnings and errors only.
    case errorsOnly
    /// Normal progress output.
    case normal
    /// Everything.
    case all

    var glpValue: Int32 {
        switch self {
        case .off: return GLP_MSG_OFF
        case .errorsOnly: return GLP_MSG_ERR
        case .normal: return GLP_MSG_ON
        case .all: return GLP_MSG_ALL
        }
    }
}

/// Where GLPK's terminal lines go when a solve's message level is not `.off`.
///
/// Lines never reach stdout directly: the shim's terminal hook (`glp_term_hook`) receives them on
/// the solving thread and passes each complete line here.
public enum TerminalOutput {
    /// Lines go to a swift-log `Logger` with label "glpk" at `.debug`.
    case logger
    /// Lines go to the closure, called on the solving thread (the CLI uses this to show progress).
    /// The closure must not call GLPK.
    case handler((String) -> Void)
}

/// The logger used for GLPK output when no handler is given.
let glpkLogger = Logger(label: "glpk")

/// Boxes the line sink for the duration of one GLPK call.
final class OutputSink {
    let output: TerminalOutput
    init(_ output: TerminalOutput) { self.output = output }

    func emit(_ line: String) {
        switch output {
        case .logger: glpkLogger.debug("\(line)")
        case .handler(let closure): closure(line)
        }
    }
}

/// Runs `body` with this thread's GLPK terminal output routed to `output` (or switched off when
/// `level` is `.off`), then switches output off again.
func withTerminalOutput<T>(level: MessageLevel, output: TerminalOutput,
                           _ body: () throws -> T) rethrows -> T {
    guard level != .off else {
        cmglp_set_output(0, nil, nil)
        return try body()
    }
    let sink = OutputSink(output)
    return try withExtendedLifetime(sink) {
        cmglp_set_output(1, { context, line in
            guard let context, let line else { return }
            Unmanaged<OutputSink>.fromOpaque(context).takeUnretainedValue().emit(String(cString: line))
        }, Unmanaged.passUnretained(sink).toOpaque())
        defer { cmglp_set_output(0, nil, nil) }
        return try body()
    }
}

import CXLSXWriter

/// A libxlsxwriter failure: the function that failed and the library's own message.
public struct XLSXError: Error, Sendable, CustomStringConvertible {
    /// libxlsxwriter's `lxw_error` value (0 is success and never thrown); -1 when a call
    /// returned NULL instead of an error code.
    public var code: Int
    public var function: String
    public var message: String

    public var description: String { "libxlsxwriter \(function) failed (\(code)): \(message)" }

    /// Throws unless `e` is `LXW_NO_ERROR`.
    static func check(_ e: lxw_error, _ function: String) throws {
        guard e != LXW_NO_ERROR else { return }
        let text = lxw_strerror(e).map { String(cString: $0) } ?? "unknown error"
        throw XLSXError(code: Int(e.rawValue), function: function, message: text)
    }
}

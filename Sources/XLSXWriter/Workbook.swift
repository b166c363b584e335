import CXLSXWriter
import Foundation

/// An Excel workbook being written (libxlsxwriter's `lxw_workbook`).
///
/// The class owns the C workbook: `close()` writes the file and frees it; a workbook dropped
/// without `close()` is still closed (and freed) by `deinit`, its file then left unspecified.
/// Sheets and formats belong to the workbook and are only valid while it is open. Not
/// thread-safe: create, fill and close it on one thread.
public final class Workbook {
    private var wb: UnsafeMutablePointer<lxw_workbook>?
    /// The sheet names added so far (Excel compares them case-insensitively).
    private var sheetNames = Set<String>()

    /// Starts a workbook that `close()` writes to `path`. The document's creation time is
    /// fixed, so the same content gives the same bytes. The corresponding C function is
    /// `workbook_new`.
    public init(path: String, created: Date = Date(timeIntervalSince1970: 946_684_800)) throws {
        guard !path.isEmpty, !path.utf8.contains(0) else {
            throw XLSXError(code: -1, function: "workbook_new", message: "invalid path \"\(path)\"")
        }
        guard let w = workbook_new(path) else {
            throw XLSXError(code: -1, function: "workbook_new", message: "could not start a workbook at \(path)")
        }
        wb = w
        var props = lxw_doc_properties()
        props.created = time_t(created.timeIntervalSince1970)
        try XLSXError.check(workbook_set_properties(w, &props), "workbook_set_properties")
    }

    deinit { if let w = wb { _ = workbook_close(w) } }

    private func open(_ function: String) throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let w = wb else { throw XLSXError(code: -1, function: function, message: "the workbook is already closed") }
        return w
    }

    /// Adds a sheet. Names must be 1–31 characters without `[]:*?/\` and unique ignoring case.
    /// The corresponding C function is `workbook_add_worksheet`.
    public func addSheet(_ name: String) throws -> Worksheet {
        let w = try open("workbook_add_worksheet")
        let bad = CharacterSet(charactersIn: "[]:*?/\\")
        guard (1...31).contains(name.count), name.unicodeScalars.allSatisfy({ !bad.contains($0) }),
              !name.hasPrefix("'"), !name.hasSuffix("'") else {
            throw XLSXError(code: -1, function: "workbook_add_worksheet", message: "invalid sheet name \"\(name)\"")
        }
        guard sheetNames.insert(name.lowercased()).inserted else {
            throw XLSXError(code: -1, function: "workbook_add_worksheet", message: "duplicate sheet name \"\(name)\"")
        }
        guard let ws = workbook_add_worksheet(w, name) else {
            throw XLSXError(code: -1, function: "workbook_add_worksheet", message: "could not add sheet \"\(name)\"")
        }
        return Worksheet(ws, owner: self)
    }

    /// Adds a cell format: bold, and an Excel number format such as `#,##0.00`.
    /// The corresponding C functions are `workbook_add_format`, `format_set_bold` and
    /// `format_set_num_format`.
    public func addFormat(bold: Bool = false, numberFormat: String? = nil) throws -> CellFormat {
        let w = try open("workbook_add_format")
        guard let f = workbook_add_format(w) else {
            throw XLSXError(code: -1, function: "workbook_add_format", message: "could not add a format")
        }
        if bold { format_set_bold(f) }
        if let n = numberFormat { format_set_num_format(f, n) }
        return CellFormat(f)
    }

    /// Writes the file and frees the workbook. The corresponding C function is `workbook_close`.
    public func close() throws {
        let w = try open("workbook_close")
        wb = nil
        try XLSXError.check(workbook_close(w), "workbook_close")
    }
}

/// A cell format of a workbook, valid while the workbook is open.
public struct CellFormat {
    let raw: UnsafeMutablePointer<lxw_format>
    init(_ raw: UnsafeMutablePointer<lxw_format>) { self.raw = raw }
}

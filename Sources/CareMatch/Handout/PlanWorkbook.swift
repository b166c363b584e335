import Foundation
import XLSXWriter

/// `plan.xlsx`: the plan's tables as a workbook a coordinator prints (contract section 7).
///
/// One sheet per table, each cell equal to the CSV file's cell (numbers as numbers, no
/// formulas), a bold frozen header row with a filter, column widths from the content and number
/// formats by column kind; a first sheet with the plan's key figures. Deliveries are one sheet
/// with a filter rather than 68 sheets: the filter on the organization prints one
/// organization's rows, and a workbook of 68 tabs cannot be navigated on a laptop screen.
public enum PlanWorkbook {
    /// The key figures of the summary sheet (columns `item,value`).
    public static func summaryTable(_ plan: PlanResult) -> PlanTable {
        let k = plan.pairing.evaluation.kpis, a = plan.allocation, ak = a.kpis
        let rows: [(String, PlanTable.Cell)] = [
            ("dataset", .text(plan.dataset.name)),
            ("pairing score", .number(Decimals.round(plan.pairing.certificate.primal))),
            ("pairing bound", .number(Decimals.roundUp(plan.pairing.certificate.dual))),
            ("children", .number(Double(k.children))),
            ("children with a lead mom", .number(Double(k.childrenWithLead))),
            ("supporting moms wanted", .number(Double(k.supportSlotsWanted))),
            ("supporting moms found", .number(Double(k.supportSlotsFilled))),
            ("mean distance (km)", .number(Decimals.round(k.meanDistanceKm))),
            ("allocation score", .number(Decimals.round(a.score))),
            ("allocation bound", .number(Decimals.roundUp(a.bound))),
            ("allocation status", .text(a.status.rawValue)),
            ("needs", .number(Double(ak.needs))),
            ("needs fully covered", .number(Double(ak.needsFullyCovered))),
            ("needs partly covered", .number(Double(ak.needsPartlyCovered))),
            ("yuan spent", .number(ak.yuanSpent)),
            ("yuan available", .number(ak.yuanAvailable)),
        ]
        return PlanTable(name: "summary", columns: [("item", .text), ("value", .units)], rows: rows.map { [.text($0.0), $0.1] })
    }

    /// The workbook's bytes: the summary sheet, then `tables` in order.
    public static func data(_ plan: PlanResult, tables: [PlanTable], language: SheetTexts.Language = .english) throws -> Data {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("carematch-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("plan.xlsx").path
        try write([summaryTable(plan)] + tables, to: path, language: language)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// Writes the tables as sheets of a new workbook at `path`.
    public static func write(_ tables: [PlanTable], to path: String, language: SheetTexts.Language = .english) throws {
        let wb = try Workbook(path: path)
        let header = try wb.addFormat(bold: true)
        var formats: [PlanTable.ColumnKind: CellFormat] = [:]
        for kind in [PlanTable.ColumnKind.count, .units, .yuan, .km, .points] {
            formats[kind] = try wb.addFormat(numberFormat: numberFormat(kind))
        }
        for t in tables {
            let ws = try wb.addSheet(SheetTexts.sheetTitle(t.name, language))
            for (j, c) in t.columns.enumerated() {
                try ws.write(SheetTexts.header(c, language), row: 0, column: j, format: header)
            }
            var width = t.columns.map { displayWidth(SheetTexts.header($0, language)) + 3 }
            for (i, r) in t.rows.enumerated() {
                for (j, cell) in r.enumerated() {
                    switch cell {
                    case .text(let s):
                        try ws.write(s, row: i + 1, column: j)
                        width[j] = max(width[j], displayWidth(s) + 1)
                    case .number(let x):
                        try ws.write(x, row: i + 1, column: j, format: formats[t.kinds[j]])
                        width[j] = max(width[j], CSVWriter.number(x, decimals: 2).count + 3)
                    case .empty: break
                    }
                }
            }
            for j in t.columns.indices { try ws.setColumns(j, j, width: Double(min(width[j], 60)), format: formats[t.kinds[j]]) }
            try ws.freezePanes(row: 1, column: 0)
            if !t.columns.isEmpty {
                try ws.autofilter(firstRow: 0, firstColumn: 0, lastRow: max(0, t.rows.count), lastColumn: t.columns.count - 1)
            }
        }
        try wb.close()
    }

    /// Excel number formats: thousands separators for yuan, two decimals for km and points.
    static func numberFormat(_ kind: PlanTable.ColumnKind) -> String {
        switch kind {
        case .text: return "@"
        case .count: return "0"
        case .units: return "General"
        case .yuan: return "#,##0.00"
        case .km: return "0.00"
        case .points: return "#,##0.00"
        }
    }

    /// Characters as a column width: CJK and other wide characters count double.
    static func displayWidth(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
    }
}

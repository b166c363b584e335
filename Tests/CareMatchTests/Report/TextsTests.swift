import XCTest
import Foundation
@testable import CareMatch

/// The text catalogue: both languages for every entry, the glossary's words, money as ¥.
final class TextsTests: XCTestCase {
    static func placeholders(_ s: String) -> [String] {
        let r = try! NSRegularExpression(pattern: #"\{[0-9]+\}"#)
        return r.matches(in: s, range: NSRange(s.startIndex..., in: s)).map { String(s[Range($0.range, in: s)!]) }.sorted()
    }

    func testEveryEntryHasEnglishAndChineseWithTheSamePlaceholders() {
        for key in TextKey.allCases {
            let (en, zh) = key.entry
            XCTAssertFalse(en.isEmpty, "\(key) has no English")
            XCTAssertFalse(zh.isEmpty, "\(key) has no Chinese")
            XCTAssertEqual(Set(Self.placeholders(en)), Set(Self.placeholders(zh)), "\(key): the two languages use different placeholders")
            if en.contains(where: \.isLetter) {
                XCTAssertTrue(zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(key): the Chinese text has no Chinese character: \(zh)")
            }
        }
    }

    func testPlaceholdersAreFilledInOrder() {
        XCTAssertEqual(Texts(.en)(.ofTotal, "children with a lead mom", "2,414"), "children with a lead mom (of 2,414)")
        XCTAssertEqual(Texts(.zh)(.ofTotal, "有主妈妈的儿童", "2,414"), "有主妈妈的儿童（共 2,414）")
    }

    func testYuanIsWrittenWithTheSignBeforeTheGroupedAmount() {
        let t = Texts(.zh)
        XCTAssertEqual(t.yuan(1_477_910), "¥1,477,910")
        XCTAssertEqual(t.yuan(-400_470.5), "-¥400,470.5")
        XCTAssertEqual(t.yuan(999.999, decimals: 0), "¥1,000")
    }

    /// The groups and roles are named with the words of `docs/glossary.md`, which lists each.
    func testGroupsAndRolesUseTheGlossarysWords() throws {
        let t = Texts(.zh)
        XCTAssertEqual(t.group("left_behind"), "留守儿童")
        XCTAssertEqual(t.group("disadvantaged"), "困境儿童")
        XCTAssertEqual(t.group("special_needs"), "特殊需要儿童")
        XCTAssertEqual(t.group("orphaned"), "orphaned", "an unknown group is shown as written")
        let glossary = try String(contentsOf: Workflow.root.appendingPathComponent("docs/glossary.md"), encoding: .utf8)
        for word in ["留守儿童", "困境儿童", "特殊需要儿童", "结对", "主妈妈", "辅助妈妈", "手工方案", "优化方案", "情景", "基准方案", "不可比"] {
            XCTAssertTrue(glossary.contains(word), "docs/glossary.md lacks \(word)")
            XCTAssertTrue(TextKey.allCases.contains { $0.entry.zh.contains(word) } || [t.group("left_behind"), t.group("disadvantaged"), t.group("special_needs")].contains(word),
                          "the catalogue does not use the glossary's \(word)")
        }
    }

    func testTheWhatIfTerminalWidthCountsChineseCharactersTwice() {
        XCTAssertEqual(TextTable.width("留守儿童 ab"), 11)
        XCTAssertEqual(TextTable.truncate("有主妈妈的儿童", columns: 7), "有主妈…")
        XCTAssertLessThanOrEqual(TextTable.width(TextTable.truncate("有主妈妈的儿童", columns: 7)), 7)
    }
}

import Foundation
import Testing
@testable import DocBaoCore

/// Issue 18, item 12 in the core: removing from the library view asks first; :n and :p in the
/// reader; the Markdown export keeps the author's words.
@Suite struct CollectionKeysTests {
    typealias F = LibraryFixtures

    @Test func removingAsksFirstAndOnlyYRemoves() {
        var s = F.state()
        F.press(Fixtures.keys("j"), &s)
        let entry = s.selectedEntry!
        #expect(F.press([.char("D")], &s).isEmpty)
        #expect(s.confirmingRemoval == entry)
        var frame = LibraryRenderer.render(s)
        #expect(frame.lines.last!.contains("Xoá “\(entry.title)” khỏi thư viện?") && frame.lines.last!.contains("y: xoá"))
        // Any other key keeps it, and does nothing else (j does not move).
        #expect(F.press([.char("j")], &s).isEmpty)
        #expect(s.confirmingRemoval == nil && s.selectedEntry == entry && s.message == "Không xoá")
        F.press([.char("D")], &s)
        #expect(F.press([.char("y")], &s) == [.remove(id: entry.id, title: entry.title)])
        #expect(s.confirmingRemoval == nil)
        // The program answers with the entries without it: the cursor stays at the same place.
        let row = s.cursor
        _ = LibraryView.reduce(&s, .entries(F.entries.filter { $0.id != entry.id }))
        _ = LibraryView.reduce(&s, .notice("Đã xoá “\(entry.title)”"))
        #expect(!F.ids(s).contains(entry.id) && s.cursor == row)
        frame = LibraryRenderer.render(s)
        #expect(frame.lines.last!.contains("Đã xoá"))
        // Esc cancels too; an empty list has nothing to remove.
        F.press([.char("D"), .escape], &s)
        #expect(s.confirmingRemoval == nil && F.ids(s).count == 5)
        var empty = F.state(entries: [])
        #expect(F.press([.char("D")], &empty).isEmpty && empty.confirmingRemoval == nil)
    }

    @Test func theQuestionCutsALongTitleNotItself() {
        let long = LibraryEntry(id: 9, title: String(repeating: "Thứ trưởng Ngoại giao trả lời báo chí ", count: 4), words: 100, added: 1)
        var s = F.state(70, 10, entries: [long])
        F.press([.char("D")], &s)
        let status = LibraryRenderer.render(s).lines.last!
        #expect(status.contains("Xoá “Thứ trưởng") && status.contains("…” khỏi thư viện?") && status.contains("y: xoá · phím khác: thôi"))
    }

    @Test func colonNAndColonPAskForTheNextAndPreviousFile() throws {
        var s = try Fixtures.seedState(100, 30)
        #expect(Fixtures.press([.char(":")], &s).isEmpty)
        #expect(Renderer.render(s).lines.last!.contains(": n tệp sau, p tệp trước"))
        #expect(Fixtures.press([.char("n")], &s) == [.switchFile(1)])
        #expect(Fixtures.press([.char(":"), .char("p")], &s) == [.switchFile(-1)])
        // Another key says what : takes; n alone is still the next match.
        #expect(Fixtures.press([.char(":"), .char("x")], &s).isEmpty)
        #expect(s.message == ":n tệp sau, :p tệp trước")
        #expect(Fixtures.press([.char("n")], &s).isEmpty && s.pendingMark == nil)
    }

    @Test func markdownMarksTheStructureAndKeepsTheWords() {
        var caption = Block(.caption, "Bộ trưởng phát biểu tại hội nghị.", credit: "VGP/Hải Minh")
        caption.credit = "VGP/Hải Minh"
        let blocks = [
            Block(.title, "Hội nghị Ngoại giao lần thứ 29"),
            Block(.lead, "Sáng 21/8, hội nghị khai mạc."),
            Block(.paragraph, "Đoạn một có *dấu sao* và [ngoặc] và a_b."),
            Block(.heading, "Thứ nhất: đấu tranh"),
            Block(.paragraph, "# không phải tiêu đề"),
            Block(.paragraph, "1. không phải danh sách"),
            Block(.listItem, "1. Vito Mannone (Sunderland)"),
            Block(.listItem, "2. Jordan Pickford"),
            Block(.listItem, "• Gạch đầu dòng"),
            Block(.photoTitle, "Ảnh tư liệu"),
            caption,
            Block(.byline, "Tuấn Dũng"),
            Block(.source, "Theo Lê Ngọc", url: "https://example.vn/bai.html"),
        ]
        let article = Article(blocks: blocks, sections: Outline.sections(for: blocks))
        let md = MarkdownExport.render(article)
        #expect(md == """
            # Hội nghị Ngoại giao lần thứ 29

            **Sáng 21/8, hội nghị khai mạc.**

            Đoạn một có \\*dấu sao\\* và \\[ngoặc\\] và a\\_b.

            ## Thứ nhất: đấu tranh

            \\# không phải tiêu đề

            1\\. không phải danh sách

            1. Vito Mannone (Sunderland)
            2. Jordan Pickford
            - Gạch đầu dòng

            **Ảnh tư liệu**

            *Bộ trưởng phát biểu tại hội nghị.* — VGP/Hải Minh

            **Tuấn Dũng**

            Theo Lê Ngọc <https://example.vn/bai.html>

            """)
        // Every word of every block is there, as written.
        let words = { (s: String) in s.split { !$0.isLetter && !$0.isNumber } }
        for block in blocks {
            #expect(words(block.text).allSatisfy { md.contains(String($0)) }, "\(block)")
        }
    }
}

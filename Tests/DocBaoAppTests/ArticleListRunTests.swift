import DocBaoCore
import Foundation
import Testing
@testable import DocBaoApp

/// Issue 17 in-process: J, K and U in the reader go through the library's list in its order, each
/// article left with its position saved, U skipping the ones already opened.
@Suite struct ArticleListRunTests {
    @Test func jKAndUWalkTheListAndSaveEachPosition() throws {
        let h = AppHarness(size: Size(width: 110, height: 30))
        try h.add([LibraryRunTests.dantri])
        // Sorted by title (an order reading does not change: the "recent" one would), from the top.
        let script = Script.keys("s s g") + Script.keys("Enter") + Script.keys("j j") + Script.keys("J") + Script.keys("J")
            + Script.keys("K") + Script.keys("K") + Script.keys("U") + Script.keys("L") + Script.keys("q")
        #expect(h.run(.library(select: nil), script) == 0)
        let frames = h.terminal.frames
        let list = frames[1]
        #expect(list.lines[0].contains("tên bài"))
        let titles = (1...4).map { String(list.lines[$0].dropFirst(3).prefix(24)) }
        /// The frame whose status line says `label`, showing the article of list row `row`.
        func opened(_ label: String, row: Int) -> Bool {
            guard let frame = frames.first(where: { $0.lines.last!.contains(label) }) else { return false }
            return !frame.lines[0].contains("Thư viện") && frame.lines.joined(separator: "\n").contains(titles[row])
        }
        #expect(opened("Bài 2/26 · 24 bài chưa đọc", row: 1))
        #expect(opened("Bài 3/26 · 23 bài chưa đọc", row: 2))
        #expect(opened("Bài 2/26 · 23 bài chưa đọc", row: 1))
        // The first article again, where j j left it (its title scrolled off, its text where it was).
        let again = try #require(frames.first { $0.lines.last!.contains("Bài 1/26 · 23 bài chưa đọc") })
        let text = try #require(frames[3].lines.dropFirst().first { $0.contains(" ") && !$0.contains("https:") && !$0.allSatisfy { $0 == " " } })
        #expect(!again.lines[0].contains(titles[0]) && again.lines.contains(text))
        // U skips rows 2 and 3, opened already.
        #expect(opened("Bài 4/26 · 22 bài chưa đọc", row: 3))
        #expect(h.statusLine.trimmingCharacters(in: .whitespaces).hasPrefix("4/26"), "L comes back on row 4")
        // Each article left was saved; the first where j j left it.
        let store = try h.store()
        let read = try store.rows().filter { !$0.isUnread }
        #expect(read.count == 4)
        let first = try #require(read.first { titles[0].hasPrefix(String($0.title.prefix(24))) })
        #expect(try #require(try store.position(first.id)).offset > 0)
    }

    @Test func uSaysWhenNoUnreadArticleIsLeft() throws {
        let h = AppHarness(size: Size(width: 110, height: 30))
        try h.add([LibraryRunTests.dantri])
        // Filtered to one article: nothing else in the list to read.
        let first = try h.store().rows()[0].title
        let script = Script.keys("&") + Script.text(String(first.prefix(30))) + Script.keys("Enter") + Script.keys("Enter")
            + Script.keys("U") + Script.keys("J") + Script.keys("q")
        #expect(h.run(.library(select: nil), script) == 0)
        let statuses = h.terminal.frames.map { $0.lines.last! }
        #expect(statuses.contains { $0.contains("Không còn bài chưa đọc trong danh sách") })
        #expect(statuses.last!.contains("Đây là bài cuối của danh sách (1/1)"))
    }
}

import Testing
@testable import DocBaoCore

/// Marking read and unread from the library view, as newsboat users expect: N toggles the article
/// under the cursor, A marks every unread article of the list shown read (asked first when more
/// than one); the keys are the config file's toggle-read and mark-all-read.
@Suite struct LibraryMarkingTests {
    typealias F = LibraryFixtures

    @Test func nTogglesTheArticleUnderTheCursor() {
        // recent: 5, 2, 3 (read), then 4, 1, 6 (unread).
        var s = F.state()
        #expect(F.press([.char("N")], &s) == [.markRead(ids: [5], read: false)], "read → unread")
        F.press(Fixtures.keys("G"), &s)
        #expect(F.press([.char("N")], &s) == [.markRead(ids: [6], read: true)], "unread → read")
        // In a search's results, the result under the cursor.
        _ = LibraryView.reduce(&s, .results(query: "tết", options: SearchOptions(), hits: [LibraryHit(id: 4, title: "An toàn", hits: 1, snippet: "")]))
        #expect(F.press([.char("N")], &s) == [.markRead(ids: [4], read: true)])
    }

    @Test func aAsksThenMarksEveryUnreadArticleOfTheListShown() {
        var s = F.state()
        #expect(F.press([.char("A")], &s).isEmpty && s.confirmingMarkAll == [4, 1, 6])
        let status = LibraryRenderer.render(s).lines.last!
        #expect(status.contains("Đánh dấu 3 bài chưa đọc trong danh sách là đã đọc?") && status.contains("y: đánh dấu"))
        #expect(F.press([.char("x")], &s).isEmpty && s.confirmingMarkAll == nil && s.message == "Không đánh dấu")
        F.press([.char("A")], &s)
        #expect(F.press([.char("y")], &s) == [.markRead(ids: [4, 1, 6], read: true)])
        // The list filtered to one unread article: marked at once, nothing asked.
        F.press([.char("&")] + F.type("noel") + [.enter], &s)
        #expect(F.ids(s) == [6] && F.press([.char("A")], &s) == [.markRead(ids: [6], read: true)])
        // Nothing unread shown: said.
        F.press([.escape, .char("&")] + F.type("hội") + [.enter], &s)
        #expect(F.press([.char("A")], &s).isEmpty && s.message == "Không còn bài chưa đọc trong danh sách")
    }

    @Test func aWithOneFeedChosenMarksThatFeedsArticlesOnly() {
        let feed = LibraryFeed(id: 1, name: "VnExpress")
        let entries = F.entries.map { e -> LibraryEntry in
            var e = e
            if e.id == 1 || e.id == 4 { e.feed = feed }
            return e
        }
        var s = F.state(entries: entries)
        F.press(Fixtures.keys("F j Enter"), &s)
        #expect(s.feed == .feed(1))
        F.press([.char("A")], &s)
        #expect(F.press([.char("Y")], &s) == [.markRead(ids: [4, 1], read: true)])
    }

    @Test func theKeysAreInTheHelpAndCanBeRebound() {
        let help = LibraryKeyMap().helpLines.map(\.text)
        #expect(help.contains { $0.hasPrefix("  N ") && $0.contains("đã đọc ↔ chưa đọc") })
        #expect(help.contains { $0.hasPrefix("  A ") && $0.contains("là đã đọc (hỏi trước)") })
        #expect(LibraryAction(rawValue: "toggle-read") == .toggleRead && LibraryAction(rawValue: "mark-all-read") == .markAllRead)
    }
}

import Testing
@testable import DocBaoCore

/// Issue 17 in the core: the library view lists one feed's articles (F, the feed list with unread
/// counts), counts the unread in its header, and takes an update's new articles (R).
@Suite struct LibraryFeedsTests {
    typealias F = LibraryFixtures
    static let vnexpress = LibraryFeed(id: 1, name: "VnExpress")
    static let tuoiTre = LibraryFeed(id: 2, name: "Tuổi Trẻ")

    /// The fixtures' six articles, 1 and 4 from VnExpress, 2 and 6 from Tuổi Trẻ, 3 and 5 from no feed.
    static var entries: [LibraryEntry] {
        F.entries.map { entry in
            var e = entry
            e.feed = [1: vnexpress, 4: vnexpress, 2: tuoiTre, 6: tuoiTre][entry.id]
            return e
        }
    }

    @Test func theFeedListCountsUnreadAndChoosesAFeed() {
        var s = F.state(entries: Self.entries)
        #expect(LibraryRenderer.render(s).lines[0].hasPrefix(" Thư viện · 6 bài · 3 chưa đọc"))
        #expect(LibraryRenderer.render(s).lines.last!.hasSuffix("/ tìm · F nguồn tin · R cập nhật · ? trợ giúp · q thoát "))
        #expect(LibraryRenderer.render(F.state()).lines.last!.contains("& lọc · s sắp xếp"), "without feeds, the filter and the sort")
        F.press([.char("F")], &s)
        let list = try! #require(s.feedList)
        #expect(list.lines.map(\.name) == ["Tất cả bài", "Tuổi Trẻ", "VnExpress", "Bài không từ nguồn tin"])
        #expect(list.lines.map(\.countLabel) == ["3/6", "1/2", "2/2", "0/2"])
        var frame = LibraryRenderer.render(s)
        #expect(frame.lines[0].hasPrefix(" Nguồn tin · 2 nguồn"))
        #expect(frame.lines[2].contains("(1/2)") && frame.lines[2].contains("Tuổi Trẻ"))
        #expect(frame.lines.last!.contains("Enter: xem bài của nguồn"))
        // j j Enter: VnExpress's articles only, in the list's order.
        F.press(Fixtures.keys("j j Enter"), &s)
        #expect(s.feedList == nil && s.feed == .feed(1) && F.ids(s) == [4, 1])
        frame = LibraryRenderer.render(s)
        #expect(frame.lines[0].hasPrefix(" VnExpress · 2 bài · 2 chưa đọc"))
        #expect(frame.lines.last!.contains("Nguồn tin: VnExpress · 2 bài chưa đọc"))
        // The title filter narrows the feed's articles; Esc drops it, then the feed.
        F.press([.char("&")] + F.type("tet") + [.enter], &s)
        #expect(F.ids(s) == [4] && LibraryRenderer.render(s).lines[0].hasPrefix(" VnExpress · 1/2 bài · 1 chưa đọc"))
        F.press([.escape], &s)
        #expect(F.ids(s) == [4, 1])
        F.press([.escape], &s)
        #expect(s.feed == nil && F.ids(s).count == 6)
        // The articles from no feed; any other key closes the list.
        F.press(Fixtures.keys("F G Enter"), &s)
        #expect(s.feed == .noFeed && F.ids(s) == [5, 3])
        F.press(Fixtures.keys("F q"), &s)
        #expect(s.feedList == nil && s.feed == .noFeed, "q closes the list, the view stays")
    }

    @Test func aLibraryWithoutFeedsSaysHowToSubscribe() {
        var s = F.state()
        F.press([.char("F")], &s)
        #expect(s.feedList == nil && s.message == LibraryView.noFeeds)
    }

    @Test func aFeedWithNoArticleLeftListsThemAll() {
        var s = F.state(entries: Self.entries)
        F.press(Fixtures.keys("F j Enter"), &s)
        #expect(s.feed == .feed(2))
        _ = LibraryView.reduce(&s, .entries(Self.entries.filter { $0.feed != Self.tuoiTre }))
        #expect(s.feed == nil && F.ids(s).count == 4)
    }

    @Test func rUpdatesThenTheCursorGoesToTheFirstNewArticle() {
        var s = F.state(entries: Self.entries)
        #expect(F.press([.char("R")], &s) == [.update])
        #expect(LibraryRenderer.render(s).lines.last!.contains("Đang cập nhật nguồn tin…"))
        #expect(F.press([.char("R")], &s).isEmpty && s.message == "Đang cập nhật nguồn tin…", "one update at a time")
        _ = LibraryView.reduce(&s, .updateProgress(done: 2, total: 5))
        #expect(LibraryRenderer.render(s).lines.last!.contains("Đang cập nhật nguồn tin 2/5…"))
        let new = LibraryEntry(id: 7, title: "Tin mới về giá lúa", words: 300, added: 200, feed: Self.vnexpress)
        _ = LibraryView.reduce(&s, .updated(Self.entries + [new], summary: "1 bài mới (2 nguồn đã cập nhật)"))
        #expect(s.updating == nil && s.selectedEntry?.id == 7)
        let frame = LibraryRenderer.render(s)
        #expect(frame.lines.last!.contains("1 bài mới (2 nguồn đã cập nhật)"))
        #expect(frame.lines[0].contains("4 chưa đọc"))
        let row = frame.lines.first { $0.contains("Tin mới về giá lúa") }!
        #expect(row.hasPrefix(" ● "), "the new article is marked unread")
        #expect(F.press([.char("R")], &s) == [.update], "another update can start")
    }

    /// The newcomer trial: R while one feed is chosen said "3 bài mới" of articles the list does
    /// not show (the other feeds'). The status line says how many the list shows, then the whole.
    @Test func rWithAFeedChosenSaysTheNewArticlesItsListShows() {
        var s = F.state(entries: Self.entries)
        F.press(Fixtures.keys("F j j Enter"), &s)
        #expect(s.feed == .feed(1))
        F.press([.char("R")], &s)
        let mine = LibraryEntry(id: 7, title: "Tin mới về giá lúa", words: 300, added: 200, feed: Self.vnexpress)
        let others = (8...9).map { LibraryEntry(id: Int64($0), title: "Tin khác \($0)", words: 300, added: 200, feed: Self.tuoiTre) }
        _ = LibraryView.reduce(&s, .updated(Self.entries + [mine] + others, summary: "3 bài mới (2 nguồn đã cập nhật)"))
        #expect(F.ids(s).contains(7) && !F.ids(s).contains(8) && s.selectedEntry?.id == 7)
        #expect(s.message == "1 bài mới trong VnExpress · cả thư viện: 3 bài mới (2 nguồn đã cập nhật)")
        // None of the new ones in the feed shown: said so, with the whole.
        F.press([.char("R")], &s)
        let more = LibraryEntry(id: 10, title: "Tin khác nữa", words: 300, added: 300, feed: Self.tuoiTre)
        _ = LibraryView.reduce(&s, .updated(Self.entries + [mine] + others + [more], summary: "1 bài mới (2 nguồn đã cập nhật)"))
        #expect(s.message == "Không có bài mới trong VnExpress · cả thư viện: 1 bài mới (2 nguồn đã cập nhật)")
        #expect(LibraryRenderer.render(s).lines.last!.contains("Không có bài mới trong VnExpress"))
        // Every article listed: the summary as it was.
        F.press([.escape, .char("R")], &s)
        let last = LibraryEntry(id: 11, title: "Tin cuối", words: 300, added: 400, feed: Self.tuoiTre)
        _ = LibraryView.reduce(&s, .updated(Self.entries + [mine] + others + [more, last], summary: "1 bài mới (2 nguồn đã cập nhật)"))
        #expect(s.feed == nil && s.message == "1 bài mới (2 nguồn đã cập nhật)")
    }

    /// R in the feed list updates every feed, as in newsboat's feed list, rather than only closing it.
    @Test func rInTheFeedListUpdates() {
        var s = F.state(entries: Self.entries)
        F.press(Fixtures.keys("F j"), &s)
        #expect(s.feedList != nil)
        #expect(F.press([.char("R")], &s) == [.update])
        #expect(s.feedList == nil && s.updating != nil && s.feed == nil, "the list closes, the view stays as it was")
        #expect(LibraryRenderer.render(s).lines.last!.contains("Đang cập nhật nguồn tin…"))
    }
}

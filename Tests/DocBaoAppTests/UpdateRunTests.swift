import DocBaoCore
import DocBaoLoading
import DocBaoStore
import Foundation
import Synchronization
import Testing
@testable import DocBaoApp

/// Issue 17 in-process: the library view's update key (R) runs the program's `FeedUpdating` off
/// the loop, shows its progress, then lists the new articles, marked, the cursor on the first.
@Suite struct UpdateRunTests {
    /// Adds articles to the real library as an update adds a feed's new entries (subscribed to as
    /// "Báo thử", each file an entry), once the test lets it go.
    final class AddingUpdater: FeedUpdating {
        let libraryPath: String
        let files: [String]
        /// Open until the test has seen the progress on screen.
        let gate = Mutex(false)

        init(libraryPath: String, files: [String]) {
            self.libraryPath = libraryPath
            self.files = files
        }

        func updateAll(progress: @escaping @Sendable (Int, Int) -> Void) -> FeedUpdateOutcome {
            progress(1, 3)
            while !gate.withLock({ $0 }) { usleep(1000) }
            do {
                let store = try LibraryStore(path: libraryPath)
                let feed = try store.subscribe(url: "http://127.0.0.1/bao-thu.rss", name: "Báo thử").0
                let items = try files.map { path in
                    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
                    let article = PlainTextImporter.importArticle(String(decoding: bytes, as: UTF8.self))
                    return FeedItem(guid: path, link: nil, article: try PreparedArticle(article: article, original: Array(bytes), path: path,
                                                                                       fallbackTitle: "tin"))
                }
                let added = try store.addEntries(items, feed: feed.id, check: .notModified)
                progress(3, 3)
                return FeedUpdateOutcome(updatedFeeds: 2, newArticles: added.count,
                                         failures: [FeedUpdateFailure(feed: "Báo \u{1B}[31mHỏng", reason: "HTTP 404")])
            } catch {
                return FeedUpdateOutcome(updatedFeeds: 0, newArticles: 0, failures: [FeedUpdateFailure(feed: "thư viện", reason: "\(error)")])
            }
        }
    }

    @Test func rAddsTheNewArticlesMarkedWithTheCursorOnTheFirst() throws {
        let h = AppHarness(size: Size(width: 120, height: 40))
        let dantri = try FileManager.default.contentsOfDirectory(atPath: LibraryRunTests.dantri).sorted()
            .map { LibraryRunTests.dantri + "/" + $0 }
        try h.add(Array(dantri.prefix(20)))
        // All read but one: the new ones come after the read ones in the "recent" order.
        let store = try h.store()
        for entry in try store.rows().dropFirst() { try store.savePosition(entry.id, ReadingPosition(offset: 0, progress: 1)) }
        let updater = AddingUpdater(libraryPath: h.libraryPath, files: Array(dantri.suffix(3)))
        h.updater = updater
        let terminal = WaitingTerminal(size: Size(width: 120, height: 40), [.key(.char("R")), .until("the progress") { frame in
            // The progress is on screen: let the update finish.
            guard frame.lines.last!.contains("Đang cập nhật nguồn tin 1/3…") else { return false }
            updater.gate.withLock { $0 = true }
            return true
        }, .until("the summary") { $0.lines.last!.contains("bài mới") }, .key(.char("F")),
           .until("the feed list") { $0.lines[0].contains("Nguồn tin") }, .key(.char("j")), .key(.enter),
           .until("the feed's articles") { $0.lines[0].contains("Báo thử ·") }, .key(.char("q"))])
        #expect(h.run(.library(select: nil), on: terminal) == 0)
        #expect(terminal.timedOut == nil)
        let lines = try #require(terminal.frames.last { $0.lines.last!.contains("bài mới") }).lines
        #expect(lines[0].contains("Thư viện · 23 bài · 4 chưa đọc"))
        // The summary names the feed that failed, its escape neutralised.
        let status = lines.last!
        #expect(status.contains("3 bài mới (2 nguồn đã cập nhật) · 1 nguồn lỗi — Báo") && status.contains("Hỏng: HTTP 404"))
        #expect(!status.contains("\u{1B}"))
        // The new articles are marked, after the read ones, the cursor on the first of them.
        let rows = lines.dropFirst().prefix(23)
        #expect(rows.filter { $0.hasPrefix(" ● ") }.count == 4)
        // Read ones first (19), then the unread, the last added first: the cursor on row 20.
        let frame = try #require(terminal.frames.last { $0.lines.last!.contains("bài mới") })
        #expect(lines[20].hasPrefix(" ● ") && frame[0, 20].style == .sidebarCursor)
        #expect(try store.rows().filter(\.isUnread).count == 4)
        // F: the feed with its three new articles unread, the others from no feed; Enter lists its own.
        let feeds = try #require(terminal.frames.first { $0.lines[0].contains("Nguồn tin") }).lines
        #expect(feeds[0].contains("Nguồn tin · 1 nguồn"))
        #expect(feeds[1].contains("(4/23) Tất cả bài") && feeds[2].contains("( 3/3) Báo thử") && feeds[3].contains("(1/20) Bài không từ nguồn tin"))
        #expect(terminal.lines[0].contains("Báo thử · 3 bài · 3 chưa đọc"))
        #expect(terminal.lines[1...3].allSatisfy { $0.hasPrefix(" ● ") } && terminal.lines[4].trimmingCharacters(in: .whitespaces).isEmpty)
    }

    /// R with no subscription says how to subscribe, not "no new articles from 0 feeds".
    @Test func anUpdateWithNoFeedSaysHowToSubscribe() {
        let none = LibraryUpdates.summary(FeedUpdateOutcome(updatedFeeds: 0, newArticles: 0, failures: []))
        #expect(none == LibraryView.noSubscriptions)
        #expect(none.contains("docbao feed add"))
        let one = LibraryUpdates.summary(FeedUpdateOutcome(updatedFeeds: 1, newArticles: 0, failures: []))
        #expect(one == "Không có bài mới (1 nguồn đã cập nhật)")
    }
}

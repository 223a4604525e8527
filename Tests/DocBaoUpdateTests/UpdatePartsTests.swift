@testable import DocBaoUpdate
import DocBaoLoading
import DocBaoWeb
import Foundation
import Synchronization
import Testing

/// The update's parts that need no server (the whole is tested against the loopback server in
/// Tests/e2e/test_update.py): what tells an entry apart, when the feed's text is the article, the
/// address a subscription keeps, what a body that is not a feed is called, and the bounds on
/// threads and fetches.
@Suite struct UpdatePartsTests {
    func entry(id: String? = nil, link: String? = nil, title: String? = nil, summary: String? = nil, content: String? = nil) -> FeedEntry {
        var entry = FeedEntry()
        entry.id = id
        entry.link = link
        entry.title = title
        entry.summary = summary.map { FeedText(.text, $0) }
        entry.content = content.map { FeedText(.html, $0) }
        return entry
    }

    @Test func anEntryIsToldByItsIdElseItsLinkElseItsTitle() {
        #expect(EntryArticles.guid(entry(id: "tin-1", link: "http://a/1")) == "tin-1")
        #expect(EntryArticles.guid(entry(id: "", link: "http://a/1")) == "http://a/1")
        #expect(EntryArticles.guid(entry(title: "Giá vàng")) == "title:Giá vàng")
        #expect(EntryArticles.guid(entry(title: "Giá vàng")) != EntryArticles.guid(entry(title: "Giá xăng")))
    }

    @Test func theFeedsTextIsTheArticleOnlyWhenLongAndMuchLongerThanItsSummary() {
        let long = "<p>" + String(repeating: "Một câu dài của bài báo. ", count: 80) + "</p>"
        #expect(EntryArticles.carriesFullText(entry(summary: "Tóm tắt.", content: long)))
        #expect(EntryArticles.carriesFullText(entry(content: long)))
        #expect(!EntryArticles.carriesFullText(entry(summary: "Tóm tắt.", content: "<p>Hai dòng đầu của bài.</p>")))
        #expect(!EntryArticles.carriesFullText(entry(summary: String(repeating: "Tóm tắt dài. ", count: 100), content: long)))
        #expect(!EntryArticles.carriesFullText(entry(summary: "Chỉ có tóm tắt.")))
    }

    @Test func aSubscriptionKeepsWebAddressesAsGivenAndFilesByTheirAbsolutePath() {
        #expect(FeedSource.address(for: "https://bao.example/rss") == "https://bao.example/rss")
        #expect(FeedSource.address(for: "HTTP://bao.example/rss") == "HTTP://bao.example/rss")
        #expect(FeedSource.address(for: "http://") == nil)
        // Another scheme is not a file of that name, nor is nothing the current folder.
        #expect(FeedSource.address(for: "ftp://bao.example/rss") == nil)
        #expect(FeedSource.address(for: "feed://bao.example/rss") == nil)
        #expect(FeedSource.address(for: "") == nil)
        #expect(FeedSource.address(for: "/tmp/x/../tin.xml") == "file:///tmp/tin.xml")
        let relative = FeedSource.address(for: "tin.xml")
        #expect(relative == URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/tin.xml").absoluteString)
    }

    @Test func aBodyThatIsNoFeedIsSaidForWhatItIs() {
        func reason(_ text: String, _ type: String?) -> String? {
            do {
                _ = try FeedSource.parse(FetchedBytes(address: "http://a/", bytes: Array(text.utf8), mediaType: type, charset: nil))
                return nil
            } catch { return error.reason }
        }
        #expect(reason("<!doctype html><html><head><meta charset=utf-8><title>x</title></head><body><p>a<br>b</body></html>", "text/html")
            == "an HTML page, not a feed")
        #expect(reason("<!DOCTYPE HTML><p>trang", nil) == "an HTML page, not a feed")
        #expect(reason("", "application/rss+xml") == "an empty answer, not a feed")
        #expect(reason("<config/>", "application/xml") == "not a feed (<config>)")
        #expect(reason("<rss version=\"2.0\"><channel><title>Tin</title></channel></rss>", "text/xml") == nil)
    }

    @Test func aFileFeedIsReadAgainOnlyWhenItChanged() throws {
        let folder = NSTemporaryDirectory() + "docbao-update-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/tin.xml"
        try Data("<rss version=\"2.0\"><channel><title>Tin</title><item><title>Một</title></item></channel></rss>".utf8)
            .write(to: URL(fileURLWithPath: path))
        guard case .fetched(let first) = try FeedSource.readFile(path, modified: nil) else { Issue.record("not read"); return }
        #expect(first.feed.entries.count == 1 && first.modified != nil && first.etag == nil)
        guard case .notModified = try FeedSource.readFile(path, modified: first.modified) else { Issue.record("read again"); return }
        try Data("<rss version=\"2.0\"><channel><title>Tin</title><item><title>Một</title></item><item><title>Hai</title></item></channel></rss>".utf8)
            .write(to: URL(fileURLWithPath: path))
        guard case .fetched(let second) = try FeedSource.readFile(path, modified: first.modified) else { Issue.record("not read"); return }
        #expect(second.feed.entries.count == 2)
        #expect(throws: FeedProblem("no such file")) { try FeedSource.readFile(folder + "/none.xml", modified: nil) }
    }

    @Test func workRunsOnAtMostWidthThreadsAndFetchesTakeAtMostWidthSlots() {
        let running = Mutex((now: 0, most: 0, done: 0))
        let slots = FetchSlots(3)
        let inSlots = Mutex((now: 0, most: 0))
        // Eight jobs on four threads, each taking a slot of three twice.
        Parallel.forEach(8, width: 4) { _ in
            running.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
            for _ in 0..<2 {
                slots.with {
                    inSlots.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
                    usleep(20_000)
                    inSlots.withLock { $0.now -= 1 }
                }
            }
            running.withLock { $0.now -= 1; $0.done += 1 }
        }
        #expect(running.withLock { $0.done } == 8 && running.withLock { $0.most } <= 4)
        #expect(inSlots.withLock { $0.most } <= 3 && inSlots.withLock { $0.now } == 0)
        Parallel.forEach(0, width: 4) { _ in Issue.record("no work to run") }
    }
}

import DocBaoCore
@testable import DocBaoStore
import Foundation
import GRDB
import Testing

/// Subscriptions in the library (schema 4): subscribing, the checks an update records, a feed's
/// new entries added in one transaction and deduplicated by guid, then address, then text.
@Suite struct FeedStoreTests {
    /// An article of one paragraph, from the address `url`.
    func item(_ guid: String, _ text: String, url: String? = nil, title: String = "Tin") throws -> FeedItem {
        let blocks = [Block(.title, title), Block(.paragraph, text)]
        let article = Article(blocks: blocks, sections: Outline.sections(for: blocks), metadata: ArticleMetadata(url: url))
        return FeedItem(guid: guid, link: url, article: try PreparedArticle(article: article, original: Array(text.utf8), path: url,
                                                                            fallbackTitle: "tin"))
    }

    @Test func subscribingTwiceKeepsOneFeedAndAGivenNameWins() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        let (first, isNew) = try store.subscribe(url: "http://127.0.0.1/rss", now: 100)
        #expect(isNew && first.url == "http://127.0.0.1/rss" && first.added == 100 && first.displayName == "http://127.0.0.1/rss")
        try store.recordCheck(feed: first.id, .fetched(etag: "\"a\"", modified: nil, title: "Thời sự", site: "http://127.0.0.1/"))
        #expect(try store.subscription(id: first.id)?.displayName == "Thời sự")
        let (again, isNewAgain) = try store.subscribe(url: "http://127.0.0.1/rss", name: "Báo sáng", site: "http://other/")
        #expect(!isNewAgain && again.id == first.id && again.name == "Báo sáng" && again.displayName == "Báo sáng")
        #expect(again.site == "http://127.0.0.1/" && again.title == "Thời sự" && again.etag == "\"a\"")
        #expect(try store.subscriptions().map(\.id) == [first.id])
        #expect(try store.subscription(url: "http://127.0.0.1/none") == nil)
    }

    @Test func entriesAreDeduplicatedByGuidThenAddressThenText() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        let feed = try store.subscribe(url: "http://127.0.0.1/a.xml").0
        let other = try store.subscribe(url: "http://127.0.0.1/b.xml").0
        // Added before the subscription (`docbao add FEED`): no feed.
        let before = try store.add([try item("x", "Bài có từ trước, cùng địa chỉ.", url: "http://127.0.0.1/1").article,
                                    try item("y", "Bài có từ trước, cùng chữ.").article])
        let outcomes = try store.addEntries([
            try item("g1", "Một bài mới về giá vàng.", url: "http://127.0.0.1/new"),
            try item("g1", "Cùng guid, chữ khác hẳn.", url: "http://127.0.0.1/other"),
            try item("g2", "Chữ khác, cùng địa chỉ với bài cũ.", url: "http://127.0.0.1/1"),
            try item("g3", "Bài có từ trước, cùng chữ.", url: "http://127.0.0.1/3"),
        ], feed: feed.id, check: .fetched(etag: "e1", modified: "Mon, 07 Dec 2026 00:00:00 GMT", title: "A", site: nil))
        guard case .added(let new) = outcomes[0], case .duplicate(let sameGuid) = outcomes[1],
              case .duplicate(let sameAddress) = outcomes[2], case .duplicate(let sameText) = outcomes[3],
              case .added(let old1) = before[0], case .added(let old2) = before[1] else {
            Issue.record("\(outcomes) \(before)")
            return
        }
        #expect(sameGuid == new && sameAddress == old1 && sameText == old2)
        // The articles that came from no feed are now this feed's, under the entries' guids.
        #expect(try store.knownGuids(feed: feed.id) == ["g1", "g2", "g3"])
        let listed = try #require(try store.subscription(id: feed.id))
        #expect(listed.articles == 3 && listed.unread == 3 && listed.etag == "e1" && listed.title == "A" && listed.error == nil)
        // Another feed's article is not taken: it is a duplicate there, and stays where it is.
        let again = try store.addEntries([try item("o1", "Một bài mới về giá vàng.")], feed: other.id, check: .notModified)
        #expect(again == [.duplicate(new)])
        #expect(try store.knownGuids(feed: other.id).isEmpty && store.knownGuids(feed: feed.id).count == 3)
        // Read, it is no longer unread.
        try store.savePosition(new, ReadingPosition(offset: 0, progress: 0.5))
        #expect(try store.subscription(id: feed.id)?.unread == 2)
        #expect(try store.count() == 3)
    }

    @Test func aFailureMidFeedAddsNothingAndKeepsTheOldValidators() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        let feed = try store.subscribe(url: "http://127.0.0.1/a.xml").0
        try store.recordCheck(feed: feed.id, .fetched(etag: "old", modified: "then", title: "A", site: nil), now: 50)
        // The third insert fails, as a full disk or a killed process would stop it.
        try store.pool.write { db in
            try db.execute(sql: "CREATE TRIGGER boom BEFORE INSERT ON article WHEN NEW.title = 'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END")
        }
        let items = [try item("1", "Bài một."), try item("2", "Bài hai."), try item("3", "Bài ba.", title: "boom"), try item("4", "Bài bốn.")]
        #expect(throws: LibraryError.self) {
            try store.addEntries(items, feed: feed.id, check: .fetched(etag: "new", modified: "now", title: "B", site: nil), now: 60)
        }
        #expect(try store.count() == 0 && store.knownGuids(feed: feed.id).isEmpty)
        let kept = try #require(try store.subscription(id: feed.id))
        #expect(kept.etag == "old" && kept.modified == "then" && kept.title == "A" && kept.checked == 50)
        try store.pool.write { try $0.execute(sql: "DROP TRIGGER boom") }
        let outcomes = try store.addEntries(items, feed: feed.id, check: .fetched(etag: "new", modified: "now", title: "B", site: nil), now: 60)
        #expect(try outcomes.allSatisfy { if case .added = $0 { true } else { false } } && store.count() == 4)
    }

    @Test func aFailedCheckKeepsTheValidatorsAndSaysWhyUntilTheNextSuccess() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        let id = try store.subscribe(url: "http://127.0.0.1/a.xml").0.id
        try store.recordCheck(feed: id, .fetched(etag: "e", modified: "m", title: "A", site: "http://127.0.0.1/"), now: 10)
        try store.recordCheck(feed: id, .failed("HTTP 500 Internal Server Error"), now: 20)
        var feed = try #require(try store.subscription(id: id))
        #expect(feed.etag == "e" && feed.modified == "m" && feed.checked == 20 && feed.error == "HTTP 500 Internal Server Error")
        try store.recordCheck(feed: id, .notModified, now: 30)
        feed = try #require(try store.subscription(id: id))
        #expect(feed.etag == "e" && feed.checked == 30 && feed.error == nil)
        // A feed that no longer sends validators: none are sent next time. Its title, if it
        // sends none, is kept.
        try store.recordCheck(feed: id, .fetched(etag: nil, modified: nil, title: nil, site: nil), now: 40)
        feed = try #require(try store.subscription(id: id))
        #expect(feed.etag == nil && feed.modified == nil && feed.title == "A" && feed.site == "http://127.0.0.1/")
    }

    @Test(arguments: [false, true])
    func unsubscribingKeepsTheArticlesUnlessAsked(_ deleteArticles: Bool) throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        let feed = try store.subscribe(url: "http://127.0.0.1/a.xml").0
        let kept = try store.subscribe(url: "http://127.0.0.1/b.xml").0
        _ = try store.addEntries([try item("1", "Bài một về lúa gạo."), try item("2", "Bài hai.")], feed: feed.id, check: .notModified)
        _ = try store.addEntries([try item("3", "Bài ba.")], feed: kept.id, check: .notModified)
        #expect(try store.unsubscribe(feed.id, deleteArticles: deleteArticles) == (deleteArticles ? 2 : 0))
        #expect(try store.unsubscribe(feed.id) == nil)
        #expect(try store.subscriptions().map(\.id) == [kept.id] && store.subscription(id: kept.id)?.articles == 1)
        #expect(try store.count() == (deleteArticles ? 1 : 3))
        #expect(try store.search("lua gao").hits.count == (deleteArticles ? 0 : 1))
        let orphans = try store.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM article WHERE feed IS NULL") }
        #expect(orphans == (deleteArticles ? 0 : 2))
        #expect(LibraryCheck.check(path: lib.path).healthy)
    }

    @Test func anEntryRemovedIsNotAddedAgainUntilItsFeedGoes() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        let feed = try store.subscribe(url: "http://127.0.0.1/a.xml").0
        let outcomes = try store.addEntries([try item("1", "Bài một về lúa gạo."), try item("2", "Bài hai về cà phê.")],
                                            feed: feed.id, check: .notModified)
        guard case .added(let first) = outcomes[0] else { Issue.record("\(outcomes)"); return }
        #expect(try store.remove([first]) == [first])
        // The update asks which entries it knows: the removed one is among them, so it is not fetched again.
        #expect(try store.knownGuids(feed: feed.id) == ["1", "2"])
        #expect(try store.subscription(id: feed.id)?.articles == 1)
        #expect(LibraryCheck.check(path: lib.path).healthy)
        // Unsubscribing forgets it with the feed: subscribing again starts afresh.
        #expect(try store.unsubscribe(feed.id, deleteArticles: true) == 1)
        let again = try store.subscribe(url: "http://127.0.0.1/a.xml").0
        #expect(try store.knownGuids(feed: again.id).isEmpty)
        let left = try store.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM removed_entry") }
        #expect(left == 0)
    }
}

import DocBaoCore
@testable import DocBaoStore
import Foundation
import Testing

/// The library view's rows name each article's feed as the feed list does (the user's name, else
/// the feed's title, else its address), made safe for the screen; articles from no feed have none.
@Suite struct FeedRowsTests {
    @Test func rowsNameEachArticlesFeed() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        let helper = FeedStoreTests()
        let named = try store.subscribe(url: "http://127.0.0.1/a.xml", name: "Báo sáng").0
        let titled = try store.subscribe(url: "http://127.0.0.1/b.xml").0
        let bare = try store.subscribe(url: "http://127.0.0.1/c.xml").0
        _ = try store.add([try helper.item("x", "Bài thêm tay, không từ nguồn tin nào.").article])
        _ = try store.addEntries([try helper.item("a1", "Tin của báo sáng.")], feed: named.id, check: .notModified)
        _ = try store.addEntries([try helper.item("b1", "Tin có tiêu đề nguồn.")], feed: titled.id,
                                 check: .fetched(etag: nil, modified: nil, title: "Thời sự \u{1B}]52;c;eA==\u{07}", site: nil))
        _ = try store.addEntries([try helper.item("c1", "Tin của nguồn trần.")], feed: bare.id, check: .notModified)
        let rows = try store.rows()
        #expect(rows.map(\.feed?.id) == [nil, named.id, titled.id, bare.id])
        #expect(rows[1].feed?.name == "Báo sáng" && rows[3].feed?.name == "http://127.0.0.1/c.xml")
        let title = try #require(rows[2].feed?.name)
        #expect(title.hasPrefix("Thời sự ") && !title.unicodeScalars.contains { $0.value < 0x20 }, "\(title)")
        // Unsubscribed, its articles stay, from no feed.
        _ = try store.unsubscribe(named.id)
        #expect(try store.rows().map(\.feed?.id) == [nil, nil, titled.id, bare.id])
    }

    /// The newcomer trial: articles of a feed subscribed with `--name` (or an OPML file's text)
    /// showed the feed's own title as their source. The list and the search results show the
    /// user's name; without one, the source the article came with.
    @Test func theSourceShownIsTheUsersNameForTheFeed() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        func item(_ guid: String, _ text: String) throws -> FeedItem {
            let blocks = [Block(.title, "Tin \(guid)"), Block(.paragraph, text)]
            let article = Article(blocks: blocks, sections: Outline.sections(for: blocks), metadata: ArticleMetadata(sourceName: "Thời sự VnE"))
            return FeedItem(guid: guid, link: nil, article: try PreparedArticle(article: article, original: Array(text.utf8), path: nil,
                                                                               fallbackTitle: "tin"))
        }
        let named = try store.subscribe(url: "http://127.0.0.1/a.xml", name: "Báo sáng").0
        let titled = try store.subscribe(url: "http://127.0.0.1/b.xml", title: "Thời sự VnE").0
        _ = try store.addEntries([try item("a1", "Giá lúa gạo tăng mạnh ở đồng bằng.")], feed: named.id, check: .notModified)
        _ = try store.addEntries([try item("b1", "Đường sắt cao tốc khởi công.")], feed: titled.id, check: .notModified)
        #expect(try store.rows().map(\.source) == ["Báo sáng", "Thời sự VnE"])
        let hits = try store.search("lúa gạo", options: SearchOptions(), limit: 10).hits
        #expect(hits.map(\.source) == ["Báo sáng"])
        // Renamed, or the name dropped by unsubscribing: what is shown follows.
        _ = try store.subscribe(url: "http://127.0.0.1/b.xml", name: "Báo chiều")
        #expect(try store.rows().map(\.source) == ["Báo sáng", "Báo chiều"])
        _ = try store.unsubscribe(named.id)
        #expect(try store.rows().map(\.source) == ["Thời sự VnE", "Báo chiều"])
    }
}

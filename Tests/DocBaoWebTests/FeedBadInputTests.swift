import DocBaoCore
import Foundation
import Testing

@testable import DocBaoWeb

/// Hostile and broken feeds: a best reading or a clear error, never a crash, a hang, an entity
/// expanded or loaded, or a raw control character in an article.
@Suite struct FeedBadInputTests {
    static func parse(_ text: String) throws -> Feed { try FeedParser.parse(Array(text.utf8)) }

    @Test func escapesAndHTMLInTitlesReachNoArticleRaw() throws {
        let feed = try Self.parse("""
            <rss version="2.0"><channel><title>Kênh&#x1B;]0;pwned&#x7;</title>
            <item><title>Tin &lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;đậm&lt;/b&gt; \u{1B}[31mđỏ</title>
            <description>&lt;p&gt;Chữ&#x1B;[2J &lt;img src=x onerror=y&gt;&lt;/p&gt;</description><author>\u{9B}31m</author></item>
            </channel></rss>
            """)
        let entry = feed.entries[0]
        #expect(entry.title?.contains("<b>") == false && entry.title?.contains("alert") == false)
        let article = FeedArticle.article(entry, in: feed)
        let texts = article.blocks.map(\.text) + [article.metadata.byline ?? "", article.metadata.sourceName ?? ""]
        for text in texts {
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) }, "\(text)")
        }
        #expect(article.title.contains("đậm") && article.title.contains("đỏ"))
        // JSON strings can carry ESC and BEL, which XML cannot: cleaned on the way into the article.
        let json = try Self.parse(#"{"version":"https://jsonfeed.org/version/1.1","title":"K\u001b]0;x\u0007","items":[{"id":"1","title":"T\u001b[31m","content_text":"a\u001b[2Jb","authors":[{"name":"\u001b[1mA"}]}]}"#)
        #expect(json.entries[0].title?.contains("\u{1B}") == true)
        let cleaned = FeedArticle.article(json.entries[0], in: json)
        for text in cleaned.blocks.map(\.text) + [cleaned.metadata.byline ?? "", cleaned.metadata.sourceName ?? ""] {
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) }, "\(text)")
        }
    }

    /// The billion laughs: entities defined in the document's DTD are never expanded.
    @Test func entityBombIsNotExpanded() throws {
        var dtd = "<!ENTITY lol0 \"lollollollollollollollollollol\">"
        for i in 1...12 { dtd += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">" }
        let text = "<?xml version=\"1.0\"?><!DOCTYPE rss [\(dtd)]><rss><channel><title>Bom &lol12;</title>"
            + "<item><title>&lol12;&lol12;</title><description>&lol12;</description></item></channel></rss>"
        let clock = ContinuousClock()
        let start = clock.now
        let feed = try Self.parse(text)
        #expect(clock.now - start < .seconds(10))
        #expect((feed.title ?? "").utf8.count < 1_000)
        #expect((feed.entries.first?.summary?.value ?? "").utf8.count < 1_000)
    }

    /// An external entity and an external DTD are never loaded: the file's words do not appear.
    @Test func externalEntitiesAreNotLoaded() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-feed-secret-\(getpid()).txt")
        try "BÍ MẬT".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let text = """
            <?xml version="1.0"?><!DOCTYPE rss SYSTEM "\(secret.path)" [<!ENTITY x SYSTEM "file://\(secret.path)">
            <!ENTITY y SYSTEM "http://127.0.0.1:9/never">]>
            <rss><channel><title>A &x; &y;</title><item><title>&x;</title><description>&x;</description></item></channel></rss>
            """
        let feed = try Self.parse(text)
        let all = [feed.title ?? "", feed.entries.first?.title ?? "", feed.entries.first?.summary?.value ?? ""].joined()
        #expect(!all.contains("BÍ MẬT"))
    }

    @Test func anHTMLPageIsNotAFeed() {
        #expect(throws: FeedError.htmlPage) {
            try Self.parse("<!DOCTYPE html><html><head><title>Trang</title></head><body><p>Không phải feed</p></body></html>")
        }
        #expect(throws: FeedError.htmlPage) {
            try Self.parse("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>")
        }
        #expect(throws: FeedError.empty) { try Self.parse("  \n") }
        #expect(throws: FeedError.self) { try Self.parse("chỉ là chữ") }
        #expect(throws: FeedError.self) { try Self.parse("<svg/>") }
    }

    @Test func invalidDatesAreAbsentEntriesKept() throws {
        let feed = try Self.parse("""
            <rss><channel><item><title>A</title><pubDate>Thu, 45 Foo 20x4 99:99</pubDate></item>
            <item><title>B</title><pubDate>\(String(repeating: "1", count: 5000))</pubDate></item></channel></rss>
            """)
        #expect(feed.entries.map(\.title) == ["A", "B"])
        #expect(feed.entries.allSatisfy { $0.published == nil })
    }

    /// Cut anywhere, a feed still gives what came before the cut.
    @Test func truncatedXMLGivesWhatItHas() throws {
        var text = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Cắt</title>"
        for i in 1...5 { text += "<item><title>Bài \(i)</title><link>http://example.com/\(i)</link><description>Chữ \(i)</description></item>" }
        text += "</channel></rss>"
        let bytes = Array(text.utf8)
        let cut = bytes.count / 2
        let feed = try FeedParser.parse(Array(bytes.prefix(cut)))
        #expect(feed.title == "Cắt")
        #expect(feed.entries.count >= 2)
        #expect(feed.entries[0].title == "Bài 1")
        for n in stride(from: 1, to: bytes.count, by: 7) {
            _ = try? FeedParser.parse(Array(bytes.prefix(n)))
        }
    }

    /// 100,000 entries: parsed in one pass, each entry once; a quadratic step would not finish in
    /// the time allowed (a bound far above the linear cost, for a loaded machine).
    @Test func hundredThousandEntries() throws {
        var text = "<rss version=\"2.0\"><channel><title>Nhiều</title>"
        text.reserveCapacity(12_000_000)
        for i in 0..<100_000 {
            text += "<item><title>Tin \(i)</title><link>http://example.com/\(i)</link><guid>g\(i)</guid>"
                + "<pubDate>Thu, 01 Jan 2004 19:48:21 GMT</pubDate><description>Chữ &lt;b&gt;\(i)&lt;/b&gt;</description></item>"
        }
        text += "</channel></rss>"
        let clock = ContinuousClock()
        let start = clock.now
        let feed = try Self.parse(text)
        #expect(clock.now - start < .seconds(60))
        #expect(feed.entries.count == 100_000)
        #expect(feed.entries[99_999].link == "http://example.com/99999")
    }

    /// Deeply nested markup inside content: walked without recursion.
    @Test func deepXHTMLContent() throws {
        let depth = 5_000
        let text = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>Sâu</title><content type=\"xhtml\">"
            + String(repeating: "<div>", count: depth) + "chữ" + String(repeating: "</div>", count: depth) + "</content></entry></feed>"
        let feed = try Self.parse(text)
        #expect(feed.entries.count <= 1)
    }
}

import DocBaoCore
import Foundation
import Testing

@testable import DocBaoWeb

/// Each feed format and the namespaces readers meet, read into `Feed`.
@Suite struct FeedParserTests {
    static func parse(_ text: String, base: String? = nil) throws -> Feed {
        try FeedParser.parse(Array(text.utf8), baseURL: base.flatMap { URL(string: $0) })
    }

    static func date(_ text: String) -> String? { FeedDate.parse(text).map(FeedDate.iso8601String) }

    @Test func rss20WithNamespaces() throws {
        let feed = try Self.parse("""
            <?xml version="1.0"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:atom="http://www.w3.org/2005/Atom">
            <channel><title>Báo &amp; Tin</title><link>http://example.com/</link>
              <atom:link rel="self" href="http://example.com/feed.xml"/>
              <description>Tin mới</description>
              <item><title>Bài &lt;b&gt;một&lt;/b&gt;</title><link>http://example.com/1</link>
                <guid isPermaLink="false">tag:1</guid><dc:creator>Nguyễn Văn A</dc:creator>
                <pubDate>Thu, 01 Jan 2004 19:48:21 GMT</pubDate>
                <description>Tóm tắt</description>
                <content:encoded><![CDATA[<p>Toàn <b>văn</b></p>]]></content:encoded>
                <enclosure url="http://example.com/a.mp3" length="1234" type="audio/mpeg"/>
              </item>
              <item><guid>http://example.com/2</guid><title>Hai</title></item>
            </channel></rss>
            """)
        #expect(feed.format == .rss)
        #expect(feed.title == "Báo & Tin")
        #expect(feed.link == "http://example.com/")
        #expect(feed.summary == FeedText(.html, "Tin mới"))
        let first = feed.entries[0]
        #expect(first.title == "Bài một")
        #expect(first.link == "http://example.com/1")
        #expect(first.id == "tag:1")
        #expect(first.author?.name == "Nguyễn Văn A")
        #expect(first.published.map(FeedDate.iso8601String) == "2004-01-01T19:48:21Z")
        #expect(first.content == FeedText(.html, "<p>Toàn <b>văn</b></p>"))
        #expect(first.enclosures == [FeedEnclosure(url: "http://example.com/a.mp3", type: "audio/mpeg", length: 1234)])
        // A permalink guid is the link when there is no other.
        #expect(feed.entries[1].link == "http://example.com/2")
    }

    @Test func rss10RDF() throws {
        let feed = try Self.parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="http://example.com/rss"><title>RDF</title><link>http://example.com/</link>
                <items><rdf:Seq><rdf:li resource="http://example.com/1"/></rdf:Seq></items></channel>
              <item rdf:about="http://example.com/1"><title>Một</title><link>http://example.com/1</link>
                <dc:date>2003-12-31T10:14:55-08:00</dc:date><dc:creator>B</dc:creator></item>
            </rdf:RDF>
            """)
        #expect(feed.format == .rdf)
        #expect(feed.title == "RDF" && feed.id == "http://example.com/rss")
        #expect(feed.entries.count == 1)
        #expect(feed.entries[0].id == "http://example.com/1")
        #expect(feed.entries[0].updated.map(FeedDate.iso8601String) == "2003-12-31T18:14:55Z")
        #expect(feed.entries[0].author?.name == "B")
    }

    @Test func atom10TextConstructsAndXMLBase() throws {
        let feed = try Self.parse("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.com/blog/">
              <title type="html">Example &lt;b&gt;Atom&lt;/b&gt;</title>
              <subtitle type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Sub <b>title</b></div></subtitle>
              <link href="index.html"/><link rel="self" href="feed.atom"/><id>urn:feed</id>
              <author><name>An</name><email>an@example.com</email></author>
              <entry xml:base="posts/">
                <title>Plain &lt;not a tag&gt;</title><link rel="alternate" href="1.html"/>
                <link rel="enclosure" href="a.ogg" type="audio/ogg" length="9"/>
                <id>urn:1</id><published>2010-01-01T19:48:21+01:00</published><updated>2010-01-02T00:00:00Z</updated>
                <summary>Tóm</summary>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <a href="x">x</a></p></div></content>
              </entry>
            </feed>
            """)
        #expect(feed.format == .atom10)
        #expect(feed.title == "Example Atom")
        #expect(feed.summary == FeedText(.html, "Sub <b>title</b>"))
        #expect(feed.link == "http://example.com/blog/index.html")
        #expect(feed.author == FeedPerson(name: "An", email: "an@example.com"))
        let entry = feed.entries[0]
        #expect(entry.title == "Plain <not a tag>")
        #expect(entry.link == "http://example.com/blog/posts/1.html")
        #expect(entry.enclosures.first?.url == "http://example.com/blog/posts/a.ogg")
        #expect(entry.published.map(FeedDate.iso8601String) == "2010-01-01T18:48:21Z")
        #expect(entry.content == FeedText(.html, "<p>Hello <a href=\"x\">x</a></p>"))
        #expect(entry.summary == FeedText(.text, "Tóm"))
    }

    @Test func atom03EscapedAndBase64() throws {
        let feed = try Self.parse("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old</title>
              <entry><title>E</title><issued>2003-12-31T10:14:55Z</issued><modified>2004-01-01T00:00:00Z</modified>
                <content type="text/html" mode="escaped">&lt;p&gt;Hi&lt;/p&gt;</content>
                <summary type="text/html" mode="base64">PHA+QjwvcD4=</summary></entry>
            </feed>
            """)
        #expect(feed.format == .atom03)
        #expect(feed.entries[0].content == FeedText(.html, "<p>Hi</p>"))
        #expect(feed.entries[0].summary == FeedText(.html, "<p>B</p>"))
        #expect(feed.entries[0].published.map(FeedDate.iso8601String) == "2003-12-31T10:14:55Z")
        #expect(feed.entries[0].updated.map(FeedDate.iso8601String) == "2004-01-01T00:00:00Z")
    }

    @Test func jsonFeed() throws {
        let feed = try Self.parse("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "JF", "home_page_url": "https://example.org/",
             "feed_url": "https://example.org/feed.json", "authors": [{"name": "C"}],
             "items": [{"id": "1", "url": "posts/1", "title": "Một", "content_html": "<p>x</p>", "summary": "s",
                        "date_published": "2020-02-03T04:05:06+07:00", "attachments": [{"url": "a.mp3", "mime_type": "audio/mpeg"}]},
                       {"id": 2, "content_text": "văn bản", "date_modified": "not a date"}]}
            """, base: "https://other.example/")
        #expect(feed.format == .json && feed.title == "JF" && feed.link == "https://example.org/")
        #expect(feed.entries[0].link == "https://example.org/posts/1")
        #expect(feed.entries[0].author?.name == "C")
        #expect(feed.entries[0].published.map(FeedDate.iso8601String) == "2020-02-02T21:05:06Z")
        #expect(feed.entries[0].enclosures.first?.url == "https://example.org/a.mp3")
        #expect(feed.entries[1].id == "2" && feed.entries[1].content == FeedText(.text, "văn bản"))
        #expect(feed.entries[1].updated == nil)
        // docbao's own JSON article model is not a feed.
        #expect(throws: FeedError.self) { try Self.parse(#"{"version": 1, "blocks": []}"#) }
        #expect(FeedParser.looksLikeFeed(head: Array(#"  {"version":"https://jsonfeed.org/version/1","items":[]}"#.utf8)))
        #expect(!FeedParser.looksLikeFeed(head: Array(#"{"version": 1, "blocks": []}"#.utf8)))
    }

    @Test func sniffing() {
        for head in ["<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\">", "<rdf:RDF xmlns:rdf=\"x\">",
                     "\u{FEFF}<feed xmlns=\"http://www.w3.org/2005/Atom\">", "<!DOCTYPE rss><rss>"] {
            #expect(FeedParser.looksLikeFeed(head: Array(head.utf8)), "\(head)")
        }
        for head in ["<html><body>", "<?xml version=\"1.0\"?><html>", "plain text", "<article>"] {
            #expect(!FeedParser.looksLikeFeed(head: Array(head.utf8)), "\(head)")
        }
    }

    @Test func rfc822Dates() {
        #expect(Self.date("Thu, 01 Jan 2004 19:48:21 GMT") == "2004-01-01T19:48:21Z")
        #expect(Self.date("1 Jan 2004 19:48 EST") == "2004-01-02T00:48:00Z")
        #expect(Self.date("Thu, 01 Jan 04 19:48:21 +0700") == "2004-01-01T12:48:21Z")
        #expect(Self.date("Thursday, 01-Jan-2004 19:48:21 PDT") == "2004-01-02T02:48:21Z")
        #expect(Self.date("01 January 2004") == "2004-01-01T00:00:00Z")
        #expect(Self.date("Thu Jan  1 19:48:21 2004") == "2004-01-01T19:48:21Z")  // asctime
        #expect(Self.date("Sat, 07 Sep 2002 00:00:01 GMT-0500") == "2002-09-07T05:00:01Z")
    }

    @Test func iso8601Dates() {
        #expect(Self.date("2003-12-31T10:14:55Z") == "2003-12-31T10:14:55Z")
        #expect(Self.date("2003-12-31T10:14:55.123-08:00") == "2003-12-31T18:14:55Z")
        #expect(Self.date("2003-12-31 10:14+0100") == "2003-12-31T09:14:00Z")
        #expect(Self.date("20031231T101455Z") == "2003-12-31T10:14:55Z")
        #expect(Self.date("2003-12-31") == "2003-12-31T00:00:00Z")
        #expect(Self.date("2003-12") == "2003-12-01T00:00:00Z")
        #expect(Self.date("2003") == "2003-01-01T00:00:00Z")
        #expect(Self.date("2003-12-31T24:00:00Z") == "2004-01-01T00:00:00Z")
    }

    @Test func invalidDatesAreAbsent() {
        for text in ["", "   ", "tomorrow", "2003-13-01", "2003-02-30", "31 Foo 2004", "Thu, 32 Jan 2004 10:00 GMT",
                     "2003-12-31T25:00:00Z", "2003-12-31T10:14:55+99:00", "99999-01-01", "Thu, 01 Jan 2004 19:61:00 GMT",
                     String(repeating: "9", count: 10_000), "1 Jan 2004 1:2:3:4", "\u{0}\u{1B}[2J"] {
            #expect(FeedDate.parse(text) == nil, "\(text.prefix(40))")
        }
    }
}

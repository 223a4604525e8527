import Foundation
import Testing

@testable import DocBaoWeb

/// Other readers' OPML exports read into `OPMLOutline`s (fixtures written after each reader's
/// own export, shortened), and docbao's own export read back.
@Suite struct OPMLTests {
    static func parse(_ text: String) throws -> OPMLDocument { try OPML.parse(Array(text.utf8)) }

    static func triples(_ document: OPMLDocument) -> [[String?]] {
        document.outlines.map { [$0.xmlURL, $0.title, $0.htmlURL] }
    }

    /// `newsboat -e`: OPML 1.0, `title` and no `text`, `type="rss"`.
    @Test func newsboatExport() throws {
        let document = try Self.parse("""
            <?xml version="1.0"?>
            <opml version="1.0">
              <head>
                <title>newsboat - Exported Feeds</title>
              </head>
              <body>
                <outline type="rss" xmlUrl="https://vnexpress.net/rss/tin-moi-nhat.rss" htmlUrl="https://vnexpress.net" title="VnExpress - Tin nhanh Việt Nam"/>
                <outline type="rss" xmlUrl="https://example.com/feed?a=1&amp;b=2" htmlUrl="" title=""/>
                <outline type="rss" xmlUrl="exec:~/bin/tin.sh" htmlUrl="" title="Script"/>
                <outline type="rss" xmlUrl="query:Unread:unread = &quot;yes&quot;" title="Unread"/>
              </body>
            </opml>
            """)
        #expect(document.title == "newsboat - Exported Feeds")
        #expect(Self.triples(document) == [
            ["https://vnexpress.net/rss/tin-moi-nhat.rss", "VnExpress - Tin nhanh Việt Nam", "https://vnexpress.net"],
            ["https://example.com/feed?a=1&b=2", nil, nil],
        ])
        #expect(document.skipped.map(\.name) == ["Script", "Unread"])
        #expect(document.skipped.allSatisfy { $0.reason.contains("not an http or https address") })
    }

    /// Feedly and Inoreader: folders as outlines with `text` and `title`, feeds inside.
    @Test func feedlyAndInoreaderFolders() throws {
        let document = try Self.parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="1.0">
                <head><title>An subscriptions in feedly Cloud</title></head>
                <body>
                    <outline text="Tin tức" title="Tin tức">
                        <outline type="rss" text="Tuổi Trẻ" title="Tuổi Trẻ Online" xmlUrl="https://tuoitre.vn/rss/tin-moi-nhat.rss" htmlUrl="https://tuoitre.vn"/>
                        <outline text="Thế giới" title="Thế giới">
                            <outline type="rss" text="BBC Tiếng Việt" title="BBC" xmlUrl="https://feeds.bbci.co.uk/vietnamese/rss.xml" htmlUrl="https://www.bbc.com/vietnamese"/>
                        </outline>
                    </outline>
                    <outline text="Công nghệ">
                        <outline text="Ars Technica" title="Ars Technica" type="rss" xmlUrl="https://feeds.arstechnica.com/arstechnica/index" htmlUrl="https://arstechnica.com"/>
                    </outline>
                    <outline type="rss" text="Ngoài thư mục" xmlUrl="https://example.org/atom.xml"/>
                </body>
            </opml>
            """)
        #expect(document.outlines.map(\.title) == ["Tuổi Trẻ", "BBC Tiếng Việt", "Ars Technica", "Ngoài thư mục"])
        #expect(document.outlines.map(\.categories) == [["Tin tức"], ["Tin tức", "Thế giới"], ["Công nghệ"], []])
        #expect(document.skipped.isEmpty)
    }

    /// Thunderbird: its own namespace, JSON in an attribute, `&amp;` in names.
    @Test func thunderbirdExport() throws {
        let document = try Self.parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="1.0" xmlns:fz="urn:forumzilla:">
            <head><title>Thunderbird OPML Export - Blogs &amp; News Feeds</title><dateCreated>Mon, 07 Dec 2026 00:00:00 GMT</dateCreated></head>
            <body><outline title="Blogs &amp; News Feeds" text="Blogs &amp; News Feeds"><outline type="rss" title="Planet Mozilla" text="Planet Mozilla" version="RSS" fz:quickMode="false" fz:options="{&quot;version&quot;:2,&quot;updates&quot;:{&quot;enabled&quot;:true}}" xmlUrl="https://planet.mozilla.org/rss20.xml" htmlUrl="https://planet.mozilla.org/"/></outline></body>
            </opml>
            """)
        #expect(Self.triples(document) == [["https://planet.mozilla.org/rss20.xml", "Planet Mozilla", "https://planet.mozilla.org/"]])
        #expect(document.outlines[0].categories == ["Blogs & News Feeds"])
    }

    /// FreshRSS (OPML 2.0, its namespace, tabs) and Miniflux (outlines without `type`).
    @Test func freshRSSAndMiniflux() throws {
        let fresh = try Self.parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0" xmlns:frss="https://freshrss.org/opml">
            \t<head>
            \t\t<title>FreshRSS</title>
            \t\t<dateCreated>Mon, 07 Dec 2026 00:00:00 +0000</dateCreated>
            \t</head>
            \t<body>
            \t\t<outline text="Uncategorized">
            \t\t\t<outline text="FreshRSS releases" type="rss" xmlUrl="https://github.com/FreshRSS/FreshRSS/releases.atom" htmlUrl="https://github.com/FreshRSS/FreshRSS/" description="FreshRSS releases @ GitHub" frss:priority="10"/>
            \t\t</outline>
            \t</body>
            </opml>
            """)
        #expect(Self.triples(fresh) == [["https://github.com/FreshRSS/FreshRSS/releases.atom", "FreshRSS releases", "https://github.com/FreshRSS/FreshRSS/"]])
        let miniflux = try Self.parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0">
                <head>
                    <title>Miniflux</title>
                    <dateCreated>Mon, 07 Dec 2026 00:00:00 UTC</dateCreated>
                </head>
                <body>
                    <outline text="All">
                        <outline title="Miniflux" text="Miniflux" xmlUrl="https://miniflux.app/feed.xml" htmlUrl="https://miniflux.app/"></outline>
                        <outline text="Không kiểu" xmlUrl="http://example.net/rss"></outline>
                    </outline>
                </body>
            </opml>
            """)
        #expect(miniflux.outlines.map(\.xmlURL) == ["https://miniflux.app/feed.xml", "http://example.net/rss"])
        #expect(miniflux.outlines.map(\.categories) == [["All"], ["All"]])
    }

    /// `xmlUrl` in any letter case, `text` before `title`, white space collapsed, `feed:`
    /// addresses, a feed listed twice once, links and includes skipped, no `<body>`.
    @Test func attributeVariants() throws {
        let document = try Self.parse("""
            <opml version="1.1"><head/><body>
            <outline xmlurl="http://a.example/rss" TEXT="  Chữ
               thường  " title="Tựa"/>
            <outline XMLURL="http://b.example/rss" title="Chỉ tựa" HTMLURL="http://b.example/"/>
            <outline xmlURL=" feed://c.example/rss " text="" title=""/>
            <outline xmlUrl="feed:https://d.example/atom" text="http://d.example/atom"/>
            <outline xmlUrl="http://a.example/rss" text="Lần hai"/>
            <outline type="rss" url="http://e.example/rss" text="url, không xmlUrl"/>
            <outline type="link" url="http://f.example/" text="Trang"/>
            <outline type="include" url="http://g.example/more.opml" text="Thêm"/>
            <outline text="Ghi chú, không phải feed"/>
            <outline xmlUrl="/relative.xml" text="Tương đối"/>
            <outline xmlUrl="javascript:alert(1)" text="JS"/>
            <outline xmlUrl="" text="Trống"/>
            <outline xmlUrl="file:///home/an/tin.xml" text="Tệp"/>
            </body></opml>
            """)
        #expect(Self.triples(document) == [
            ["http://a.example/rss", "Chữ thường", nil],
            ["http://b.example/rss", "Chỉ tựa", "http://b.example/"],
            ["http://c.example/rss", nil, nil],
            ["https://d.example/atom", "http://d.example/atom", nil],
            ["http://e.example/rss", "url, không xmlUrl", nil],
        ])
        #expect(document.skipped.map(\.name) == ["Lần hai", "Tương đối", "JS", "Trống", "Tệp", "Trang", "Thêm"])
        #expect(document.skipped[4].reason.hasPrefix("a file on this computer (file:///home/an/tin.xml)"))
        #expect(document.skipped[0].reason == "listed twice in the file")
        #expect(document.skipped[3].reason == "no address")
        let bare = try Self.parse("<opml><outline xmlUrl='http://x.example/'/></opml>")
        #expect(bare.outlines.map(\.xmlURL) == ["http://x.example/"])
    }

    /// A byte-order mark, ISO-8859-1 declared, character references and a C1 control kept as written.
    @Test func encodingsAndEntities() throws {
        let bom = try OPML.parse([0xEF, 0xBB, 0xBF] + Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><opml><body><outline text=\"Báo\" xmlUrl=\"http://a.example/\"/></body></opml>".utf8))
        #expect(bom.outlines.map(\.title) == ["Báo"])
        let latin1 = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><opml><body><outline text=\"Caf".utf8) + [0xE9, 0x20, 0xE0]
            + Array(" Paris\" xmlUrl=\"http://b.example/\"/></body></opml>".utf8)
        #expect(try OPML.parse(latin1).outlines.map(\.title) == ["Café à Paris"])
        let utf16 = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><opml><body><outline text=\"Tiếng Việt\" xmlUrl=\"http://u.example/\"/></body></opml>"
        let utf16Bytes: [UInt8] = [0xFF, 0xFE] + utf16.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try OPML.parse(utf16Bytes).outlines.map(\.title) == ["Tiếng Việt"])
        let references = try Self.parse("""
            <opml><body><outline text="&lt;b&gt;Tin&lt;/b&gt; &amp; &#x110;&#7853;m &quot;x&quot; &apos;y&apos;\u{9B}31m" xmlUrl="http://c.example/?a=1&amp;b=&#50;"/></body></opml>
            """)
        #expect(references.outlines.map(\.title) == ["<b>Tin</b> & Đậm \"x\" 'y'\u{9B}31m"])
        #expect(references.outlines.map(\.xmlURL) == ["http://c.example/?a=1&b=2"])
    }

    /// Controls XML forbids, as another reader may have exported a hostile feed's title (raw, or as
    /// references): read as their pictures, the rest of the file as it is.
    @Test func forbiddenControlsAreReadAsPictures() throws {
        let document = try Self.parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0"><body>
            <outline text="Đỏ \u{1B}[31m &#x1B;]0;tựa&#7; &#0; &#xFFFE; &#x110000;" xmlUrl="http://a.example/?a=1&amp;b=2"/>
            <outline text="&#x9B;31m &#x24;" xmlUrl="http://b.example/"/>
            </body></opml>
            """)
        #expect(document.outlines.map(\.title) == ["Đỏ \u{241B}[31m \u{241B}]0;tựa\u{2407} \u{2400} \u{FFFD} \u{FFFD}", "\u{9B}31m $"])
        #expect(document.outlines.map(\.xmlURL) == ["http://a.example/?a=1&b=2", "http://b.example/"])
        let latin1 = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><opml><body><outline text=\"Caf".utf8) + [0xE9, 0x1B]
            + Array("[1m\" xmlUrl=\"http://c.example/\"/></body></opml>".utf8)
        #expect(try OPML.parse(latin1).outlines.map(\.title) == ["Café\u{241B}[1m"])
    }

    @Test func badFilesAreRefusedWithAReason() {
        #expect(throws: OPMLError.empty) { try Self.parse(" \n\t") }
        #expect(throws: OPMLError.htmlPage) {
            try Self.parse("<!DOCTYPE html><html><head><meta charset=utf-8><title>Trang</title></head><body><p>Không</body></html>")
        }
        #expect(throws: OPMLError.htmlPage) { try Self.parse("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>") }
        #expect(throws: OPMLError.feed) { try Self.parse("<rss version=\"2.0\"><channel><title>T</title></channel></rss>") }
        #expect(throws: OPMLError.feed) { try Self.parse("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>") }
        #expect(throws: OPMLError.notOPML("svg")) { try Self.parse("<svg/>") }
        for broken in ["chỉ là chữ", "<opml><body><outline text=\"a\" xmlUrl=\"http://a.example/\"/>",
                       "<opml><body><outline text=\"a & b\" xmlUrl=\"http://a.example/\"/></body></opml>",
                       "<opml><body><outline text=\"\u{1B}[31m\" xmlUrl=\"http://a.example/\"/></body>"] {
            #expect {
                try Self.parse(broken)
            } throws: { error in
                guard case .notXML(let line, let message)? = error as? OPMLError else { return false }
                return line >= 1 && !message.isEmpty && (error as? OPMLError)?.reason.hasPrefix("not well-formed XML") == true
            }
        }
    }

    /// The billion laughs and external entities: refused before anything is expanded or loaded.
    @Test func entitiesAndDTDsAreRefused() throws {
        var dtd = "<!ENTITY lol0 \"lollollollollollollollollollol\">"
        for i in 1...12 { dtd += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">" }
        let bombs = [
            "<?xml version=\"1.0\"?><!DOCTYPE opml [\(dtd)]><opml><body><outline text=\"&lol12;\" xmlUrl=\"http://a.example/\"/></body></opml>",
            "<?xml version=\"1.0\"?><!DOCTYPE opml [\(dtd)]><opml><body><outline text=\"a\" xmlUrl=\"http://a.example/\">&lol12;</outline></body></opml>",
        ]
        let clock = ContinuousClock()
        for bomb in bombs {
            let start = clock.now
            #expect(throws: OPMLError.declarations("it declares entities in a DTD (<!ENTITY …>)")) { try Self.parse(bomb) }
            #expect(clock.now - start < .seconds(10))
        }
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-opml-secret-\(getpid()).txt")
        try "BÍ MẬT".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let external = [
            "<!DOCTYPE opml [<!ENTITY x SYSTEM \"file://\(secret.path)\">]><opml><body><outline text=\"&x;\" xmlUrl=\"http://a.example/\"/></body></opml>",
            "<!DOCTYPE opml [<!ENTITY x SYSTEM \"file://\(secret.path)\">]><opml><body><outline text=\"a\" xmlUrl=\"http://a.example/\">&x;</outline></body></opml>",
            "<!DOCTYPE opml [<!ENTITY % p SYSTEM \"file://\(secret.path)\"> %p;]><opml/>",
        ]
        for text in external {
            #expect(throws: OPMLError.self) { try Self.parse(text) }
            #expect(throws: OPMLError.declarations("it declares entities in a DTD (<!ENTITY …>)")) { try Self.parse(text) }
        }
        #expect(throws: OPMLError.declarations("it names an external DTD (\(secret.path))")) {
            try Self.parse("<!DOCTYPE opml SYSTEM \"\(secret.path)\"><opml><body><outline text=\"a\" xmlUrl=\"http://a.example/\"/></body></opml>")
        }
        // A doctype that declares nothing is harmless.
        #expect(try Self.parse("<!DOCTYPE opml><opml><body><outline xmlUrl=\"http://a.example/\"/></body></opml>").outlines.count == 1)
    }

    // MARK: Writing

    @Test func exportIsWellFormedEscapedAndReadsBack() throws {
        let outlines = [
            OPMLOutline(xmlURL: "https://vnexpress.net/rss/tin-moi-nhat.rss", title: "VnExpress \"Tin\" <mới> & nhanh", htmlURL: "https://vnexpress.net/?a=1&b=<2>"),
            OPMLOutline(xmlURL: "http://example.com/feed?x=\"1\"&y=2"),
            OPMLOutline(xmlURL: "http://example.com/c0", title: "Điều khiển\u{1B}[31m\u{7}\u{9B}1m\tTab"),
            OPMLOutline(xmlURL: "http://example.com/a", title: "A", categories: ["Tin & tức", "Thế giới"]),
            OPMLOutline(xmlURL: "http://example.com/b", title: "B", categories: ["Tin & tức"]),
            OPMLOutline(xmlURL: "http://example.com/c", title: "C\u{202E}ngược", categories: ["Khác"]),
        ]
        let date = Date(timeIntervalSince1970: 1_796_601_723)
        let text = OPML.document(title: "docbao <subscriptions>", outlines: outlines, created: date)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">"))
        #expect(text.contains("<dateCreated>\(OPML.rfc822(date))</dateCreated>"))
        #expect(OPML.rfc822(date).hasSuffix("2026 00:02:03 GMT"))
        #expect(text.contains("text=\"VnExpress &quot;Tin&quot; &lt;mới&gt; &amp; nhanh\""))
        #expect(text.contains("xmlUrl=\"http://example.com/feed?x=&quot;1&quot;&amp;y=2\""))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
        #expect(text.contains("&#x9B;1m&#9;Tab") && text.contains("&#x202E;"))
        let back = try OPML.parse(Array(text.utf8))
        #expect(back.title == "docbao <subscriptions>")
        #expect(back.skipped.isEmpty)
        var expected = outlines
        expected[2].title = "Điều khiển\u{FFFD}[31m\u{FFFD}\u{9B}1m Tab"
        #expect(back.outlines == expected)
    }

    @Test func anEmptyListIsAnEmptyBody() throws {
        let text = OPML.document(title: "docbao", outlines: [], created: Date(timeIntervalSince1970: 0))
        let back = try OPML.parse(Array(text.utf8))
        #expect(back.outlines.isEmpty && back.skipped.isEmpty && back.title == "docbao")
    }
}

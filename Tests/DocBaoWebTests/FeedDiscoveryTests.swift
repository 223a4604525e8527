@testable import DocBaoWeb
import Testing

/// `feed add` given a site's page: the feeds its head names, absolute, in order, once each; the
/// page's other links, and alternates that are not feeds, are not feeds.
@Suite struct FeedDiscoveryTests {
    @Test func theFeedsAPageNamesInItsHead() {
        let page = """
            <!doctype html><html><head><title>Báo</title>
            <link rel="stylesheet" href="/s.css">
            <link rel="alternate" hreflang="en" href="/en/">
            <link rel="Alternate" type="application/RSS+XML" title="Tin mới" href="rss/tin-moi.rss">
            <link rel="alternate" type="application/atom+xml" href="https://bao.example/atom.xml">
            <link rel="alternate" type="application/rss+xml" href="/rss/tin-moi.rss">
            <link rel="alternate" type="application/feed+json" href="  /feed.json ">
            <link rel="alternate" type="application/rss+xml" href="">
            </head><body><a href="/rss/the-thao.rss" type="application/rss+xml">Thể thao</a></body></html>
            """
        #expect(FeedDiscovery.feeds(inPage: Array(page.utf8), address: "https://bao.example/") == [
            "https://bao.example/rss/tin-moi.rss", "https://bao.example/atom.xml", "https://bao.example/feed.json",
        ])
    }

    @Test func aPageWithoutFeedsOrNotHTMLNamesNone() {
        #expect(FeedDiscovery.feeds(inPage: Array("<html><body><p>Trang chủ</p></body></html>".utf8), address: "https://bao.example/").isEmpty)
        #expect(FeedDiscovery.feeds(inPage: [], address: "https://bao.example/").isEmpty)
        #expect(FeedDiscovery.feeds(inPage: [0xFF, 0x00, 0x3C], address: "x").isEmpty)
    }
}

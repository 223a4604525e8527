import DocBaoCore
import Foundation
import Testing

@testable import DocBaoWeb

/// Hostile and broken pages: a best reading, never a crash, a hang or a raw control character.
@Suite struct HTMLBadInputTests {
    static let sentence = "Một câu đủ dài, có dấu phẩy, để bộ tìm bài coi là nội dung của bài báo này."

    @Test func truncatedAndMalformedMarkupStillReads() {
        let page = "<html><head><title>Tin</title><body><div class=content><p>\(Self.sentence)<p>\(Self.sentence) <b><i>đảo</b></i> <table><tr><td>ô"
        for cut in [page.utf8.count, page.utf8.count - 3, 40, 10, 1] {
            let article = HTMLPage.article(Array(page.utf8.prefix(cut)))
            #expect(!article.blocks.isEmpty)
        }
        let text = HTMLPage.article(Array(page.utf8)).blocks.map(\.text).joined(separator: " ")
        #expect(text.contains(Self.sentence) && text.contains("đảo"))
    }

    /// 100,000 nested elements: walked in loops, flattened past the depth browsers allow, text kept.
    @Test func hundredThousandNestedElements() {
        let depth = 100_000
        let page = "<html><body>" + String(repeating: "<div>", count: depth) + "<p>\(Self.sentence)</p>"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        let article = HTMLPage.article(Array(page.utf8))
        #expect(article.blocks.contains { $0.text.contains(Self.sentence) })
        let tree = HTMLTree(utf8: Array(page.utf8))
        var deepest = 0
        for index in tree.nodes.indices {
            var level = 0, n = Int32(index)
            while n >= 0 { level += 1; n = tree[n].parent }
            deepest = max(deepest, level)
            if index > 2_000 { break }
        }
        #expect(deepest <= HTMLTree.maxDepth + 2)
        let inline = "<html><body>" + String(repeating: "<span><b>", count: depth) + "chữ sâu</body></html>"
        #expect(HTMLPage.article(Array(inline.utf8)).blocks.contains { $0.text.contains("chữ sâu") })
    }

    /// An XHTML page naming an external entity and defining an entity bomb: neither is loaded or expanded.
    @Test func externalEntitiesAndEntityBombsInXHTML() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("docbao-html-xxe-\(getpid())")
        try "SECRET-XXE".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        var bomb = "<!ENTITY a0 \"lol\">"
        for level in 1...10 { bomb += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">" }
        let page = """
            <?xml version="1.0"?>
            <!DOCTYPE html [<!ENTITY x SYSTEM "file://\(secret.path)">\(bomb)]>
            <html xmlns="http://www.w3.org/1999/xhtml"><head><title>X</title></head>
            <body><p>\(Self.sentence) &x; &a10;</p></body></html>
            """
        let article = HTMLPage.article(Array(page.utf8))
        let text = article.blocks.map(\.text).joined()
        #expect(!text.contains("SECRET-XXE"))
        #expect(text.utf8.count < 100_000)
        #expect(text.contains(Self.sentence))
    }

    /// Bytes that are not a page at all (random, with NULs) give an article, not a crash.
    @Test func binaryBytesGiveABestReading() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(!HTMLPage.article(bytes).blocks.isEmpty)
        }
    }

    @Test func manyLinksAndEntitiesStayBounded() {
        let page = "<html><body><p>" + String(repeating: "&amp;&lt;&#x1B;[31m&#8238; <a href=x>a</a> ", count: 20_000) + "</p></body></html>"
        let article = HTMLPage.article(Array(page.utf8))
        let all = article.blocks.map(\.text).joined()
        #expect(!all.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
        #expect(article.links.count == 20_000)
    }
}

import DocBaoCore
import DocBaoWeb

/// A saved web page on any bytes (HTMLPage: charset, libxml2's parse, the finder, the blocks):
/// never a crash or a hang, never an empty article, only clean text, links numbered from 1.
enum HTMLTarget {
    static func run(_ bytes: [UInt8]) {
        let article = HTMLPage.article(bytes)
        require(!article.blocks.isEmpty, "a page gave an empty article")
        Check.article(article)
        for (i, link) in article.links.enumerated() {
            require(link.number == i + 1, "link \(i) is numbered \(link.number)")
            require(Check.isClean(link.url) && Check.isClean(link.text), "link \(i) is not clean")
        }
        // The JSON model writes and reads back the same article.
        if let json = try? ArticleJSON.encode(article), let back = try? ArticleJSON.decode(Array(json.utf8)) {
            require(back == article, "the page's article does not round-trip through JSON")
        } else {
            require(false, "the page's article does not round-trip through JSON")
        }
    }
}

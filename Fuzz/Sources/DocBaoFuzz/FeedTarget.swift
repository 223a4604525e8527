import DocBaoCore
import DocBaoWeb

/// A feed on any bytes (FeedParser: JSON Feed or libxml2's XML, RSS/RDF/Atom, dates, HTML titles):
/// never a crash or a hang; every entry becomes an article of clean text that round-trips through JSON.
enum FeedTarget {
    static func run(_ bytes: [UInt8]) {
        guard let feed = try? FeedParser.parse(bytes) else { return }
        for entry in feed.entries.prefix(16) {
            let article = FeedArticle.article(entry, in: feed)
            require(!article.blocks.isEmpty, "an entry gave an empty article")
            Check.article(article)
            if let json = try? ArticleJSON.encode(article), let back = try? ArticleJSON.decode(Array(json.utf8)) {
                require(back == article, "an entry's article does not round-trip through JSON")
            } else {
                require(false, "an entry's article does not round-trip through JSON")
            }
        }
    }
}

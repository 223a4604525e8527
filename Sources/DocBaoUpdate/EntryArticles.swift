import DocBaoCore
import DocBaoLoading
import DocBaoNet
import DocBaoStore
import DocBaoWeb
import Foundation

/// A feed's entry made into the article the library keeps: the full article behind its link,
/// fetched and extracted as `docbao add URL` does, unless the feed already carries the full
/// text; the feed's own text when the page cannot be had or holds less of the article.
struct EntryArticles: Sendable {
    let client: HTTPClient
    let slots: FetchSlots

    /// What tells the entry from the feed's others, update after update: its id, else its link,
    /// else its title and date.
    static func guid(_ entry: FeedEntry) -> String {
        if let id = entry.id, !id.isEmpty { return id }
        if let link = entry.link, !link.isEmpty { return link }
        return "title:" + (entry.title ?? "") + (entry.date.map { " " + FeedDate.iso8601String($0) } ?? "")
    }

    /// Whether the feed's content is the article itself rather than a teaser: long, and much longer
    /// than the summary (a feed that carries content:encoded of the whole article).
    static func carriesFullText(_ entry: FeedEntry) -> Bool {
        guard let content = entry.content else { return false }
        let length = content.plain.count
        return length >= 1200 && length >= 3 * (entry.summary?.plain.count ?? 0)
    }

    /// The entry as an item; `fetchPage` false takes the feed's own text without asking the site.
    func item(_ entry: FeedEntry, in feed: Feed, fetchPage: Bool) -> FeedItem? {
        let own = FeedArticle.article(entry, in: feed)
        var article: PreparedArticle?
        if fetchPage, !Self.carriesFullText(entry), let page = page(entry, in: feed),
           // The page's extraction holding less than the feed's own text was not the article.
           page.text.count >= ArticleBytes.plainText(own).count {
            article = page
        }
        guard let chosen = article ?? prepared(own, entry, in: feed) else { return nil }
        return FeedItem(guid: Self.guid(entry), link: entry.link, article: chosen)
    }

    /// The entry's own title, text and byline (`FeedArticle`) ready for the library.
    func prepared(_ article: Article, _ entry: FeedEntry, in feed: Feed) -> PreparedArticle? {
        let fallback = FileName.readable(entry.link ?? feed.title ?? "tin")
        return try? PreparedArticle(article: article, original: Array((entry.body?.value ?? "").utf8), path: entry.link,
                                    fallbackTitle: fallback)
    }

    /// The page behind the entry's link (http and https only), extracted; nil when it cannot be
    /// fetched or is not an article page. It is given the entry's date, the feed's title as its
    /// source and the entry's title when it has none.
    func page(_ entry: FeedEntry, in feed: Feed) -> PreparedArticle? {
        guard let link = entry.link, let url = URL(string: link), ["http", "https"].contains(url.scheme?.lowercased() ?? "") else {
            return nil
        }
        let result: HTTPResult
        do { result = try slots.with { () throws(HTTPError) -> HTTPResult in try client.fetch(HTTPRequest(url: url)) } } catch { return nil }
        guard case .fetched(let response) = result else { return nil }
        let fetched = FetchedBytes(address: response.url.absoluteString, bytes: response.body,
                                   mediaType: response.mediaType, charset: response.charset)
        guard !fetched.isFeed, var article = try? ArticleLoader.loadFetched(fetched).article else { return nil }
        if article.metadata.date == nil, let date = entry.date { article.metadata.date = FeedDate.iso8601String(date) }
        if article.metadata.sourceName == nil, let site = feed.title.map(TextSanitizer.clean), !site.isEmpty {
            article.metadata.sourceName = site
        }
        if article.title.trimmingCharacters(in: .whitespaces).isEmpty, let title = entry.title.map(TextSanitizer.clean), !title.isEmpty {
            article.blocks.insert(Block(.title, title), at: 0)
            article.sections = Outline.sections(for: article.blocks)
        }
        return try? WebArticle.prepared(article, fetched)
    }
}

import DocBaoCore
import DocBaoWeb
import Foundation

/// Bytes fetched from the web and what the server said about them: the loading layer's URL input.
/// The fetching is the program's (DocBaoNet); from here on a page is read as a file is, by the
/// same importers, its kind decided by its Content-Type and then by its content.
public struct FetchedBytes: Sendable, Equatable {
    /// The address the bytes came from (after redirects): the article's name in messages and the library.
    public var address: String
    public var bytes: [UInt8]
    /// The media type, lower case, no parameters ("text/html"); nil when none was sent.
    public var mediaType: String?
    /// The Content-Type's charset label as sent; nil when none was sent.
    public var charset: String?

    public init(address: String, bytes: [UInt8], mediaType: String?, charset: String?) {
        self.address = address
        self.bytes = bytes
        self.mediaType = mediaType
        self.charset = charset
    }
}

extension ArticleLoader {
    /// The article in fetched bytes, or why they are not one ("not an article: image/png").
    public static func loadFetched(_ fetched: FetchedBytes) throws(LoadError) -> ImportedArticle {
        let name = fetched.address
        let decision: KindDecision
        switch FetchedKind(mediaType: fetched.mediaType) {
        case .kind(let kind): decision = KindDecision(kind: kind, byName: true)
        case .byContent: decision = ArticleImporters.decide(name: nil, head: Array(fetched.bytes.prefix(ArticleImporters.headSize)))
        case .feed: throw LoadError(name: name, reason: "a feed (\(fetched.mediaType ?? "")), not an article page", binary: false)
        case .notArticle: throw LoadError(name: name, reason: "not an article (\(fetched.mediaType ?? ""))", binary: false)
        }
        var bytes = fetched.bytes
        if decision.kind == .html || decision.kind == .plainText, fetched.charset != nil {
            bytes = HTMLCharset.markedUTF8(bytes, headerLabel: fetched.charset)
        }
        do {
            try ArticleBytes.check(bytes, force: false)
            var imported = try ArticleImporters.importArticle(bytes, as: decision)
            // Where it was fetched is its address, unless the page names its own (a canonical link).
            if imported.article.metadata.url == nil { imported.article.metadata.url = TextSanitizer.clean(name) }
            return imported
        } catch {
            throw LoadError(name: name, reason: error == .binary ? "not an article (binary content)" : error.description, binary: false)
        }
    }
}

/// What a Content-Type says a fetched body is.
enum FetchedKind: Equatable {
    case kind(ArticleKind)
    /// Nothing useful was said (none, a generic type): the content decides.
    case byContent
    case feed
    case notArticle

    init(mediaType: String?) {
        guard let type = mediaType else { self = .byContent; return }
        switch type {
        case "text/html", "application/xhtml+xml": self = .kind(.html)
        case "text/plain": self = .kind(.plainText)
        case "application/json": self = .kind(.json)
        case "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json": self = .feed
        case "application/octet-stream", "text/xml", "application/xml", "binary/octet-stream": self = .byContent
        default:
            if type.hasPrefix("text/") { self = .byContent }
            else if type.hasSuffix("+json") { self = .kind(.json) }
            else { self = .notArticle }
        }
    }
}

extension LoadError {
    /// A page that could not be fetched, said as a file that could not be read: "URL: reason".
    public init(address: String, reason: String) { self.init(name: address, reason: reason, binary: false) }
}

extension FetchedBytes {
    /// Whether the bytes are a feed rather than a page: by the Content-Type when it names a feed,
    /// else by their first bytes (servers send feeds as text/xml, application/xml, text/plain…).
    public var isFeed: Bool {
        if FetchedKind(mediaType: mediaType) == .feed { return true }
        if mediaType == "text/html" || mediaType == "application/xhtml+xml" { return false }
        return FeedParser.looksLikeFeed(head: Array(bytes.prefix(4096)))
    }

    /// The feed in the bytes, its relative links resolved against the address.
    public func feed() throws(LoadError) -> Feed {
        do { return try FeedParser.parse(bytes, baseURL: URL(string: address)) } catch {
            throw LoadError(address: address, reason: FeedFiles.reason(error))
        }
    }
}

import Foundation

/// A feed as read from RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0/0.3 or JSON Feed 1.x: what a reader
/// shows of the channel and of each entry. Strings are as the feed wrote them (entities decoded,
/// links resolved against xml:base and the feed's address); titles are plain text. Nothing here
/// is cleaned for the terminal yet: `FeedArticle` sends it through `TextSanitizer`.
public struct Feed: Sendable, Equatable {
    public var format: FeedFormat
    /// Plain text: entities decoded, tags dropped, white space collapsed.
    public var title: String?
    /// The site's page (the first alternate link), absolute when it could be resolved.
    public var link: String?
    public var id: String?
    public var author: FeedPerson?
    /// The description, subtitle or tagline.
    public var summary: FeedText?
    public var published: Date?
    public var updated: Date?
    public var language: String?
    public var entries: [FeedEntry] = []

    public init(format: FeedFormat) { self.format = format }
}

public enum FeedFormat: String, Sendable, Equatable {
    case rss, rdf, atom10 = "atom", atom03 = "atom03", json = "json"
}

/// One item of a feed.
public struct FeedEntry: Sendable, Equatable {
    public var title: String?
    public var link: String?
    /// The guid or id; for an RSS 1.0 item, its rdf:about.
    public var id: String?
    public var author: FeedPerson?
    public var summary: FeedText?
    /// The full text, when the feed carries it (content:encoded, Atom content, JSON content_html).
    public var content: FeedText?
    public var published: Date?
    public var updated: Date?
    public var enclosures: [FeedEnclosure] = []
    public var categories: [String] = []

    public init() {}

    /// The text a reader should get: the content, else the summary.
    public var body: FeedText? { content ?? summary }
    /// The date to show: when it was published, else when it was last updated.
    public var date: Date? { published ?? updated }
}

/// Text that may be HTML: the kind says how to read `value`.
public struct FeedText: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable { case text, html }
    public var kind: Kind
    public var value: String
    public init(_ kind: Kind, _ value: String) { self.kind = kind; self.value = value }

    /// Base64 text (Atom 0.3's mode="base64") decoded as UTF-8; nil when it is not.
    static func base64(_ text: String) -> String? {
        Data(base64Encoded: text.filter { !$0.isWhitespace }).flatMap { String(data: $0, encoding: .utf8) }
    }

    /// The text with tags dropped and entities decoded (for titles and summaries shown on a line).
    public var plain: String { kind == .html ? FeedHTML.plainText(value) : FeedHTML.collapse(value) }
}

public struct FeedPerson: Sendable, Equatable {
    public var name: String?
    public var email: String?
    public var uri: String?
    public init(name: String? = nil, email: String? = nil, uri: String? = nil) {
        self.name = name; self.email = email; self.uri = uri
    }
    /// What a byline shows: the name, else the address.
    public var display: String? { name ?? email ?? uri }
    var isEmpty: Bool { name == nil && email == nil && uri == nil }
}

public struct FeedEnclosure: Sendable, Equatable {
    public var url: String
    public var type: String?
    public var length: Int?
    public init(url: String, type: String? = nil, length: Int? = nil) {
        self.url = url; self.type = type; self.length = length
    }
}

/// Why bytes could not be read as a feed.
public enum FeedError: Error, Equatable, Sendable {
    /// Nothing but white space.
    case empty
    /// An HTML page, not a feed (perhaps the site's page that links to its feed).
    case htmlPage
    /// XML or JSON, but of no feed format: names the root element or says what was found.
    case notAFeed(String)
}

/// Links made absolute. Here rather than beside the libxml2 code: a file that imports both
/// Foundation and libxml2's headers sees ICU twice (Foundation's and the system's), which clang
/// refuses, so the readers that walk libxml2's tree use Foundation only through these helpers.
enum FeedLinks {
    /// `reference` against `base` (RFC 3986); as written when either is not a URL.
    static func resolve(_ reference: String, against base: String) -> String {
        guard let baseURL = URL(string: base), let url = URL(string: reference, relativeTo: baseURL) else { return reference }
        return url.absoluteString
    }
}

extension String {
    /// Without white space (and newlines) at either end.
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }

    /// Nil for an empty or all-blank string, the string trimmed otherwise.
    var nonBlank: String? {
        let trimmed = self.trimmed
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// One article of the library as the list shows it: the glue loads these from the database.
public struct LibraryEntry: Equatable, Sendable {
    public var id: Int64
    public var title: String
    /// Where the article comes from ("baochinhphu.vn", "Dân trí"), when known.
    public var source: String?
    /// The article's date as the article gives it ("2021-03-05", "Thứ hai, 05/03/2021 10:30").
    public var date: String?
    /// Words in the article, for the reading time.
    public var words: Int
    /// How far the reader got, 0...1; nil when the article was never opened (unread).
    public var progress: Double?
    /// When the article was last read, in unix seconds.
    public var lastRead: Double?
    /// When the article was added to the library, in unix seconds.
    public var added: Double
    /// The subscribed feed the article came from; nil for an article added otherwise.
    public var feed: LibraryFeed?

    public init(id: Int64, title: String, source: String? = nil, date: String? = nil, words: Int = 0,
                progress: Double? = nil, lastRead: Double? = nil, added: Double = 0, feed: LibraryFeed? = nil) {
        self.id = id
        self.title = title
        self.source = source
        self.date = date
        self.words = words
        self.progress = progress
        self.lastRead = lastRead
        self.added = added
        self.feed = feed
    }

    /// Never opened.
    public var isUnread: Bool { progress == nil }

    /// Vietnamese is read at about 200 words a minute: "4 phút" (never less than 1 phút).
    public var readingTime: String {
        let minutes = max(1, (max(0, words) + 199) / 200)
        return "\(minutes) phút"
    }

    /// "45%", "xong" once read to the end, "" when never opened.
    public var progressLabel: String {
        guard let progress else { return "" }
        return ReadingProgress.label(progress)
    }
}

/// A subscribed feed as the library view names it.
public struct LibraryFeed: Hashable, Sendable {
    public var id: Int64
    /// The subscription's name, else the feed's title, else its address.
    public var name: String

    public init(id: Int64, name: String) {
        self.id = id
        self.name = name
    }
}

/// One article found by a full-text search of the library, as the glue reports it.
public struct LibraryHit: Equatable, Sendable {
    public var id: Int64
    public var title: String
    public var source: String?
    /// Matches in the article.
    public var hits: Int
    /// One line of the article's text around the first match.
    public var snippet: String
    /// The parts of `snippet` to highlight, as **UTF-8 offsets** into `snippet` (the unit of
    /// `Matcher.matches(in:)`, so `Matcher(query).matches(in: snippet)` gives them directly).
    public var highlights: [Range<Int>]

    public init(id: Int64, title: String, source: String? = nil, hits: Int, snippet: String, highlights: [Range<Int>] = []) {
        self.id = id
        self.title = title
        self.source = source
        self.hits = hits
        self.snippet = snippet
        self.highlights = highlights
    }
}

/// A full-text query: what was typed and how it matches.
public struct LibraryQuery: Equatable, Hashable, Sendable {
    public var query: String
    public var options: SearchOptions

    public init(query: String, options: SearchOptions = SearchOptions()) {
        self.query = query
        self.options = options
    }
}

/// The orders the list can be sorted in; `s` cycles through them in this order.
public enum LibrarySort: String, CaseIterable, Sendable {
    /// Last read first, then the most recently added.
    case recent
    /// The article's date, newest first; articles without a date last.
    case date
    /// Titles in Vietnamese alphabetical order (see `VietnameseCollation`).
    case title

    /// The next order for `s`.
    public var next: LibrarySort {
        let all = LibrarySort.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// How the header names the order.
    public var label: String {
        switch self {
        case .recent: return "đọc gần đây"
        case .date: return "ngày đăng"
        case .title: return "tên bài A–Z"
        }
    }
}

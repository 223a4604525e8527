import DocBaoCore

/// An article to read, and where to start in it.
public struct OpenArticle {
    public var article: Article
    /// Something the status line should say about the input (replaced bytes…).
    public var notice: String?
    /// For a huge article opened on a preview (`article` is its head and tail): where the tail
    /// starts, and what imports the whole (in the background, once the first screen is out).
    public var tailStart: Int?
    public var whole: (@Sendable () -> (article: Article, notice: String?))?
    /// The file and the bytes of it the preview does not show, searched in place while it loads.
    public var middle: (path: String, range: Range<Int>)?
    /// A search to open with (`--search`, a library search), its first match shown.
    public var search: (query: String, options: SearchOptions)?
    /// Where to start: a source offset (a saved position).
    public var offset: Int?
    /// Where the article is kept in the library (its position and marks are saved there), if it is.
    public var keeper: PositionKeeper?
    /// The library's list it was opened from, for J, K and U.
    public var articles: ArticleList?

    public init(article: Article, notice: String? = nil, tailStart: Int? = nil,
                whole: (@Sendable () -> (article: Article, notice: String?))? = nil,
                search: (query: String, options: SearchOptions)? = nil, offset: Int? = nil, keeper: PositionKeeper? = nil) {
        self.article = article
        self.notice = notice
        self.tailStart = tailStart
        self.whole = whole
        self.search = search
        self.offset = offset
        self.keeper = keeper
    }
}

/// Everything the library view shows: the entries in the chosen order, narrowed by the title filter,
/// the cursor and the scroll position, the prompt, the full-text search results and the help overlay.
///
/// `rows` holds entry indices, so a sort or a filter never copies entries; the renderer formats only
/// the rows on screen.
public struct LibraryViewState: Sendable {
    /// What the screen shows; derived from the prompt and the results, never stored apart.
    public enum Mode: Equatable, Sendable {
        case list
        /// The title filter prompt is open (`&`, `f`).
        case filter
        /// The full-text search prompt is open (`/`).
        case search
        /// The results of a full-text search.
        case results
    }

    /// The results of a full-text search, with their own cursor and scroll position (in hits).
    public struct Results: Equatable, Sendable {
        public var query: LibraryQuery
        public var hits: [LibraryHit]
        public var cursor = 0
        public var top = 0

        public init(query: LibraryQuery, hits: [LibraryHit]) {
            self.query = query
            self.hits = hits
        }
    }

    var catalog: LibraryCatalog
    public internal(set) var sort: LibrarySort
    /// The title filter in force ("" for none) and how it matches.
    public internal(set) var filter = ""
    public internal(set) var filterOptions = SearchOptions()
    /// The feed whose articles are listed (`F`); nil for every article.
    public internal(set) var feed: FeedChoice?
    /// What the header calls the articles listed: "Thư viện", or the feed's name.
    public internal(set) var scopeName = "Thư viện"
    /// How many articles the feed chosen has (all of them without one), before the title filter.
    public internal(set) var scopeCount = 0
    /// How many of the visible rows were never opened.
    public internal(set) var unreadCount = 0
    /// While the feeds update (`R`): how many are done of how many (0 of 0 until the first word).
    public internal(set) var updating: (done: Int, total: Int)?
    /// The feed list, while it is open over the view.
    public internal(set) var feedList: LibraryFeedList?
    /// The visible rows: indices into `entries`, filtered and sorted.
    public internal(set) var rows: [Int] = []
    /// The selected row (an index into `rows`) and the first row on screen.
    public internal(set) var cursor = 0
    public internal(set) var top = 0
    public internal(set) var size: Size
    public internal(set) var prompt: LibraryPrompt?
    public internal(set) var results: Results?
    public internal(set) var showingHelp = false
    /// The first line of the help overlay on screen.
    public internal(set) var helpScroll = 0
    /// A one-shot notice for the status line, cleared by the next message.
    public var message: String?
    /// Full-text search history, oldest first (the glue loads and saves it).
    public var history: [String]
    /// What the next prompt starts with: the options and the input method used last.
    public var promptDefaults: Prompt.Defaults
    /// The view's keys (the defaults with the config file's `[library-keys]`).
    public let keyMap: LibraryKeyMap
    /// The last search sent to the program (`.search`) and not answered yet: only its results show.
    var awaitedSearch: LibraryQuery?
    /// The article the user chose: the cursor goes back to it whenever it is visible again.
    var anchor: Int64?
    /// The article the user asked to remove, while the status line asks to confirm it.
    public internal(set) var confirmingRemoval: LibraryEntry?
    /// The unread articles of the list the user asked to mark read (A), while the status line asks.
    public internal(set) var confirmingMarkAll: [Int64]?
    /// Whether the status line asks a question (removal, marking), which the next key answers.
    var confirming: Bool { confirmingRemoval != nil || confirmingMarkAll != nil }

    public init(entries: [LibraryEntry], size: Size, sort: LibrarySort = .recent, history: [String] = [],
                promptDefaults: Prompt.Defaults = Prompt.Defaults(), keyMap: LibraryKeyMap = LibraryKeyMap()) {
        catalog = LibraryCatalog(entries)
        self.keyMap = keyMap
        self.sort = sort
        self.size = size
        self.history = history
        self.promptDefaults = promptDefaults
        refresh()
        anchor = selectedEntry?.id
    }

    public var entries: [LibraryEntry] { catalog.entries }

    public var mode: Mode {
        if let prompt { return prompt.kind == .filter ? .filter : .search }
        return results != nil ? .results : .list
    }

    /// The entry under the cursor.
    public var selectedEntry: LibraryEntry? {
        rows.indices.contains(cursor) ? catalog.entries[rows[cursor]] : nil
    }

    /// The entry shown in row `i` of `rows`.
    public func entry(atRow i: Int) -> LibraryEntry { catalog.entries[rows[i]] }

    /// Screen rows between the header and the status line.
    public var viewHeight: Int { max(0, size.height - 2) }
    /// What a page scroll moves: the view less one row of context, as in less.
    var page: Int { max(1, viewHeight - 1) }
    /// Hits on screen in the results: two rows each (title, snippet).
    var hitsPerScreen: Int { max(1, viewHeight / 2) }

    /// Sorts and filters again, then puts the cursor back on the chosen article if it is visible
    /// (else on the first row), keeping it on screen.
    mutating func refresh() {
        let matcher = Matcher(filter, options: filterOptions)
        let scope = catalog.inFeed(catalog.order(sort), feed)
        if feed != nil && scope.isEmpty {
            // The feed has no article left (unsubscribed, its articles removed): list them all.
            feed = nil
            return refresh()
        }
        scopeName = catalog.name(of: feed)
        scopeCount = scope.count
        rows = catalog.filter(scope, matcher)
        unreadCount = rows.reduce(0) { $0 + (catalog.entries[$1].isUnread ? 1 : 0) }
        if let anchor, let i = rows.firstIndex(where: { catalog.entries[$0].id == anchor }) {
            cursor = i
        } else {
            cursor = 0
        }
        top = min(top, max(0, rows.count - viewHeight))
        reveal()
    }

    /// Moves the cursor to row `i` (clamped) and remembers that article as the chosen one.
    mutating func moveCursor(to i: Int) {
        cursor = max(0, min(rows.count - 1, i))
        anchor = selectedEntry?.id
        reveal()
    }

    /// Scrolls the view by `n` rows, dragging the cursor along when it would leave the screen.
    mutating func scroll(by n: Int) {
        top = max(0, min(top + n, rows.count - viewHeight))
        if viewHeight > 0 { moveCursor(to: max(top, min(cursor, top + viewHeight - 1))) }
    }

    /// Scrolls as little as needed for the cursor to be on screen.
    mutating func reveal() {
        let height = max(1, viewHeight)
        if cursor < top { top = cursor }
        if cursor >= top + height { top = cursor - height + 1 }
        top = max(0, min(top, rows.count - height))
    }

    mutating func setSize(_ newSize: Size) {
        size = Size(width: max(0, newSize.width), height: max(0, newSize.height))
        reveal()
        if var r = results { Self.reveal(&r, hitsPerScreen); results = r }
        let height = viewHeight
        feedList?.reveal(height: height)
    }

    /// Keeps the results' cursor on screen.
    static func reveal(_ r: inout Results, _ perScreen: Int) {
        r.cursor = max(0, min(r.hits.count - 1, r.cursor))
        if r.cursor < r.top { r.top = r.cursor }
        if r.cursor >= r.top + perScreen { r.top = r.cursor - perScreen + 1 }
        r.top = max(0, min(r.top, r.hits.count - perScreen))
    }
}

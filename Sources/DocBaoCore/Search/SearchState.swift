/// Which way a search goes: `/` forward, `?` backward. `n` repeats it, `N` goes the other way.
public enum SearchDirection: Equatable, Sendable {
    case forward, backward

    public var reversed: SearchDirection { self == .forward ? .backward : .forward }
}

/// A search in the article: the query, every match in reading order, and the one being shown.
public struct SearchState: Equatable, Sendable {
    public var query: String
    public var options: SearchOptions
    public var direction: SearchDirection
    public var matches: SearchMatches
    /// Index in `matches` of the current match.
    public var current: Int?
    /// Whether `matches` are only those near the first match from where the prompt opened, while a
    /// query is typed on a huge article (`SearchIndex.nearMatches`): Enter makes the whole list.
    public private(set) var partial = false

    /// The search's matches from `index` (`folding`: see `SearchIndex.matches(_:folding:)`).
    public init(query: String, options: SearchOptions, direction: SearchDirection, index: SearchIndex, folding: Bool = true) {
        self.query = query
        self.options = options
        self.direction = direction
        matches = index.matches(Matcher(query, options: options), folding: folding)
    }

    /// The search while it is typed on a huge article: its matches near the first one from `origin`,
    /// enough for `reach` blocks (`partial`).
    public init(query: String, options: SearchOptions, direction: SearchDirection, index: SearchIndex, near origin: SourcePosition, reach: Int) {
        self.query = query
        self.options = options
        self.direction = direction
        matches = index.nearMatches(Matcher(query, options: options), from: origin, direction, reach: reach)
        partial = true
    }

    /// The match to go to from source position (block, offset) in `direction`: the first one at or
    /// after it going forward, the last one before it going backward; wrapping around the article.
    /// Returns the index and whether it wrapped, or nil when there are no matches.
    public func next(from block: Int, offset: Int, _ direction: SearchDirection, including: Bool = true) -> (index: Int, wrapped: Bool)? {
        guard !matches.isEmpty else { return nil }
        let here = SearchMatch(block: block, start: offset, end: offset)
        let lo = matches.partitionPoint { $0 < here }  // the first match not before `here`
        switch direction {
        case .forward:
            var i = lo
            if !including, i < matches.count, !(here < matches[i]) { i += 1 }
            return i < matches.count ? (i, false) : (0, true)
        case .backward:
            return lo > 0 ? (lo - 1, false) : (matches.count - 1, true)
        }
    }

    /// Index of the first match that ends after (block, offset), for drawing highlights from a line on.
    public func firstMatch(endingAfter block: Int, offset: Int) -> Int {
        matches.partitionPoint { ($0.block, $0.end) <= (block, offset) }
    }
}

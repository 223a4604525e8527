/// Which articles the library view lists by where they came from: one subscribed feed's, or those
/// from no feed (added from files and pages). No choice lists them all.
public enum FeedChoice: Hashable, Sendable {
    case feed(Int64)
    case noFeed

    func includes(_ entry: LibraryEntry) -> Bool {
        switch self {
        case .feed(let id): return entry.feed?.id == id
        case .noFeed: return entry.feed == nil
        }
    }
}

/// One line of the feed list (`F`): a feed, every article, or those from no feed, with how many
/// articles it has and how many were never opened.
public struct LibraryFeedCount: Equatable, Sendable {
    /// What choosing the line lists; nil for every article.
    public var choice: FeedChoice?
    public var name: String
    public var total: Int
    public var unread: Int

    public init(choice: FeedChoice?, name: String, total: Int, unread: Int) {
        self.choice = choice
        self.name = name
        self.total = total
        self.unread = unread
    }

    /// "3/12": unread of total, as newsboat counts them.
    public var countLabel: String { "\(unread)/\(total)" }
}

/// The feed list over the library view: its lines and the one under the cursor.
public struct LibraryFeedList: Equatable, Sendable {
    public var lines: [LibraryFeedCount]
    public var cursor = 0
    public var top = 0

    /// Keeps the cursor on screen (`height` lines, as the list's).
    mutating func reveal(height: Int) {
        let height = max(1, height)
        if cursor < top { top = cursor }
        if cursor >= top + height { top = cursor - height + 1 }
        top = max(0, min(top, lines.count - height))
    }
}

extension LibraryCatalog {
    /// The lines of the feed list: every article first, then each feed in Vietnamese order of its
    /// name, then the articles from no feed when some came from one. Empty when none came from a feed.
    /// - Complexity: O(n + f log f) for n entries and f feeds.
    func feedCounts() -> [LibraryFeedCount] {
        var feeds: [Int64: LibraryFeedCount] = [:]
        var all = LibraryFeedCount(choice: nil, name: "Tất cả bài", total: 0, unread: 0)
        var none = LibraryFeedCount(choice: .noFeed, name: "Bài không từ nguồn tin", total: 0, unread: 0)
        for entry in entries {
            let unread = entry.isUnread ? 1 : 0
            all.total += 1
            all.unread += unread
            if let feed = entry.feed {
                feeds[feed.id, default: LibraryFeedCount(choice: .feed(feed.id), name: feed.name, total: 0, unread: 0)].total += 1
                feeds[feed.id]!.unread += unread
            } else {
                none.total += 1
                none.unread += unread
            }
        }
        guard !feeds.isEmpty else { return [] }
        let keys = feeds.mapValues { VietnameseCollation.key($0.name) }
        let sorted = feeds.values.sorted { a, b in
            guard case .feed(let i) = a.choice, case .feed(let j) = b.choice else { return false }
            return keys[i]! != keys[j]! ? keys[i]! < keys[j]! : i < j
        }
        return [all] + sorted + (none.total > 0 ? [none] : [])
    }

    /// The indices of `order` whose article `choice` includes; all of `order` for nil.
    /// - Complexity: O(n).
    func inFeed(_ order: [Int], _ choice: FeedChoice?) -> [Int] {
        guard let choice else { return order }
        return order.filter { choice.includes(entries[$0]) }
    }

    /// What the header calls the articles `choice` lists.
    func name(of choice: FeedChoice?) -> String {
        switch choice {
        case nil: return "Thư viện"
        case .noFeed: return "Bài không từ nguồn tin"
        case .feed(let id): return entries.first { $0.feed?.id == id }?.feed?.name ?? "Thư viện"
        }
    }
}

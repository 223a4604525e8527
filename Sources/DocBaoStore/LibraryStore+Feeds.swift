import DocBaoCore
import Foundation
import GRDB

/// A feed subscribed to (`docbao feed add`), as the `feed` table keeps it, with its articles counted.
public struct Subscription: Sendable, Equatable, Identifiable {
    public var id: Int64
    /// The address subscribed to.
    public var url: String
    /// The feed's own title, from its last fetch.
    public var title: String?
    /// The user's name for it (`--name`, an OPML file's): shown before the feed's title.
    public var name: String?
    /// The site's home page, as the feed links it.
    public var site: String?
    /// Unix seconds.
    public var added: Double
    /// The validators of the last answer, sent back as a conditional request.
    public var etag: String?
    public var modified: String?
    /// When it was last tried (unix seconds), nil before its first update.
    public var checked: Double?
    /// Why the last try failed, in words; nil when it did not.
    public var error: String?
    /// Its articles in the library, and those of them never opened (`LibraryEntry.isUnread`).
    public var articles: Int
    public var unread: Int

    /// What a list calls it: the user's name, else the feed's title, else its address.
    public var displayName: String { name ?? title ?? url }

    /// The site when it is a web page (http, https): a feed file's relative link, resolved against
    /// the file, makes a `file:` address of a page on no computer (`file:///news/`).
    public var webSite: String? {
        guard let site, let colon = site.firstIndex(of: ":") else { return nil }
        return ["http", "https"].contains(site[..<colon].lowercased()) ? site : nil
    }

    public init(id: Int64, url: String, title: String? = nil, name: String? = nil, site: String? = nil, added: Double,
                etag: String? = nil, modified: String? = nil, checked: Double? = nil, error: String? = nil,
                articles: Int = 0, unread: Int = 0) {
        self.id = id
        self.url = url
        self.title = title
        self.name = name
        self.site = site
        self.added = added
        self.etag = etag
        self.modified = modified
        self.checked = checked
        self.error = error
        self.articles = articles
        self.unread = unread
    }
}

/// What one attempt at fetching a feed found, kept on its row for the next update and for `feed list`.
public enum FeedCheck: Sendable, Equatable {
    /// The feed came: its validators (nil when the server sent none) and its own title and home
    /// page (nil keeps what was known).
    case fetched(etag: String?, modified: String?, title: String?, site: String?)
    /// 304: nothing new since the validators kept.
    case notModified
    /// The fetch or the feed failed: why, in words. The validators are kept.
    case failed(String)
}

/// One entry of a feed ready for the library: its guid in the feed and its article.
public struct FeedItem: Sendable {
    /// The entry's id, else its link: what tells it from the feed's other entries, update after update.
    public var guid: String
    /// The entry's link, when it has one (an article already added from that address is the same).
    public var link: String?
    public var article: PreparedArticle

    public init(guid: String, link: String?, article: PreparedArticle) {
        self.guid = guid
        self.link = link
        self.article = article
    }
}

extension LibraryStore {
    /// Subscribes to the feed at `url`; a feed already subscribed to is answered as it is (`isNew`
    /// false), given `name` when one is given, and `site` and `title` (the feed's own, as `feed
    /// add` read it) when it had none.
    @discardableResult
    public func subscribe(url: String, name: String? = nil, site: String? = nil, title: String? = nil,
                          now: Double = Date().timeIntervalSince1970) throws(LibraryError) -> (Subscription, isNew: Bool) {
        try write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO feed (url, name, site, title, added) VALUES (?, ?, ?, ?, ?)",
                           arguments: [url, name, site, title, now])
            let isNew = db.changesCount > 0
            if !isNew {
                if let name { try db.execute(sql: "UPDATE feed SET name = ? WHERE url = ?", arguments: [name, url]) }
                try db.execute(sql: "UPDATE feed SET site = coalesce(site, ?), title = coalesce(title, ?) WHERE url = ?",
                               arguments: [site, title, url])
            }
            guard let subscription = try Self.subscriptions(db, where: "f.url = ?", [url]).first else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "the feed \(url) was not kept")
            }
            return (subscription, isNew)
        }
    }

    /// Every subscription, in the order they were added.
    public func subscriptions() throws(LibraryError) -> [Subscription] {
        try read { db in try Self.subscriptions(db) }
    }

    /// The subscription of id `id`, or nil.
    public func subscription(id: Int64) throws(LibraryError) -> Subscription? {
        try read { db in try Self.subscriptions(db, where: "f.id = ?", [id]).first }
    }

    /// The subscription to the address `url` (as subscribed), or nil.
    public func subscription(url: String) throws(LibraryError) -> Subscription? {
        try read { db in try Self.subscriptions(db, where: "f.url = ?", [url]).first }
    }

    /// Ends the subscription `id`. Its articles stay in the library (no longer from a feed), unless
    /// `deleteArticles`: then they are removed with it, in the same transaction. Answers the number
    /// of articles removed, or nil when there was no such subscription.
    @discardableResult
    public func unsubscribe(_ id: Int64, deleteArticles: Bool = false) throws(LibraryError) -> Int? {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM feed WHERE id = ?", arguments: [id]) == true else { return nil }
            var removed = 0
            if deleteArticles {
                for article in try Int64.fetchAll(db, sql: "SELECT id FROM article WHERE feed = ?", arguments: [id]) {
                    if try Self.remove(article, db) { removed += 1 }
                }
            }
            // The articles left are set free by the foreign key (ON DELETE SET NULL).
            try db.execute(sql: "DELETE FROM feed WHERE id = ?", arguments: [id])
            return removed
        }
    }

    /// The guids of the feed's entries already in the library: an update fetches only the others.
    public func knownGuids(feed: Int64) throws(LibraryError) -> Set<String> {
        try read { db in
            // The entries removed from the library count as known: an update does not bring them back.
            Set(try String.fetchAll(db, sql: """
                SELECT guid FROM article WHERE feed = ? AND guid IS NOT NULL
                UNION SELECT guid FROM removed_entry WHERE feed = ?
                """, arguments: [feed, feed]))
        }
    }

    /// Records an attempt that added nothing (a failure, a 304, a feed with no new entry).
    public func recordCheck(feed: Int64, _ check: FeedCheck, now: Double = Date().timeIntervalSince1970) throws(LibraryError) {
        try write { db in try Self.record(check, feed: feed, now: now, db) }
    }

    /// Adds one update's new entries of the feed `feed` and records the check, all in one
    /// transaction: after a failure (or the process killed) the feed has all of them and its new
    /// validators, or none of them and its old ones, so the next update fetches them again.
    ///
    /// An entry is a duplicate, not added, when the feed already has its guid, else when an article
    /// has its link or address, else when one has the same text (`ArticleIdentity`); such an
    /// article that came from no feed (`docbao add FEED` before subscribing) is given to this one.
    public func addEntries(_ items: [FeedItem], feed: Int64, check: FeedCheck,
                           now: Double = Date().timeIntervalSince1970) throws(LibraryError) -> [AddOutcome] {
        try write { db in
            try Self.record(check, feed: feed, now: now, db)
            var spellings: [String: String]?
            var words = WordTally()
            var outcomes: [AddOutcome] = []
            for item in items {
                if let id = try Int64.fetchOne(db, sql: "SELECT id FROM article WHERE feed = ? AND guid = ?", arguments: [feed, item.guid]) {
                    outcomes.append(.duplicate(id))
                } else if let id = try Self.sameAddress(item, db) ?? Self.existing(item.article, db) {
                    try db.execute(sql: "UPDATE article SET feed = ?, guid = ? WHERE id = ? AND feed IS NULL",
                                   arguments: [feed, item.guid, id])
                    outcomes.append(.duplicate(id))
                } else {
                    outcomes.append(.added(try Self.insert(item.article, db, now: now, spellings: &spellings, words: &words,
                                                           feed: feed, guid: item.guid)))
                }
            }
            try LibraryWords.addWords(words, db)
            return outcomes
        }
    }

    /// The article whose address is the entry's link or the article's own.
    private static func sameAddress(_ item: FeedItem, _ db: Database) throws -> Int64? {
        let addresses = Set([item.link, item.article.url].compactMap { $0 }.filter { !$0.isEmpty })
        for address in addresses.sorted() {
            if let id = try Int64.fetchOne(db, sql: "SELECT id FROM article WHERE url = ? ORDER BY id LIMIT 1", arguments: [address]) {
                return id
            }
        }
        return nil
    }

    private static func record(_ check: FeedCheck, feed: Int64, now: Double, _ db: Database) throws {
        switch check {
        case .fetched(let etag, let modified, let title, let site):
            try db.execute(sql: """
                UPDATE feed SET etag = ?, modified = ?, title = coalesce(?, title), site = coalesce(?, site), checked = ?, error = NULL
                WHERE id = ?
                """, arguments: [etag, modified, title, site, now, feed])
        case .notModified:
            try db.execute(sql: "UPDATE feed SET checked = ?, error = NULL WHERE id = ?", arguments: [now, feed])
        case .failed(let reason):
            try db.execute(sql: "UPDATE feed SET checked = ?, error = ? WHERE id = ?", arguments: [now, reason, feed])
        }
    }

    private static func subscriptions(_ db: Database, where condition: String = "1", _ arguments: StatementArguments = []) throws -> [Subscription] {
        try Row.fetchAll(db, sql: """
            SELECT f.id, f.url, f.title, f.name, f.site, f.added, f.etag, f.modified, f.checked, f.error,
                   count(a.id) AS articles, count(a.id) - count(r.article) AS unread
            FROM feed f LEFT JOIN article a ON a.feed = f.id LEFT JOIN reading r ON r.article = a.id
            WHERE \(condition) GROUP BY f.id ORDER BY f.id
            """, arguments: arguments).map { r in
            Subscription(id: r["id"], url: r["url"], title: r["title"], name: r["name"], site: r["site"], added: r["added"],
                         etag: r["etag"], modified: r["modified"], checked: r["checked"], error: r["error"],
                         articles: r["articles"], unread: r["unread"])
        }
    }
}

import Foundation
import GRDB

/// One feed of an OPML import (`docbao feed import`): its address, the name the file gave it,
/// its site.
public struct FeedToImport: Sendable, Equatable {
    public var url: String
    public var name: String?
    public var site: String?

    public init(url: String, name: String? = nil, site: String? = nil) {
        self.url = url
        self.name = name
        self.site = site
    }
}

extension LibraryStore {
    /// Subscribes to every feed of an OPML file in one transaction: all of them or, after a
    /// failure, none. A feed already subscribed to keeps its name (the user's, or an earlier
    /// import's) and its site, and only gains those it lacked. Answers, for each feed, whether it is new.
    public func subscribe(all feeds: [FeedToImport], now: Double = Date().timeIntervalSince1970) throws(LibraryError) -> [Bool] {
        try write { db in
            try feeds.map { feed in
                try db.execute(sql: "INSERT OR IGNORE INTO feed (url, name, site, added) VALUES (?, ?, ?, ?)",
                               arguments: [feed.url, feed.name, feed.site, now])
                guard db.changesCount == 0 else { return true }
                try db.execute(sql: "UPDATE feed SET name = coalesce(name, ?), site = coalesce(site, ?) WHERE url = ?", arguments: [feed.name, feed.site, feed.url])
                return false
            }
        }
    }
}

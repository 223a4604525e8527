@testable import DocBaoStore
import Foundation
import GRDB
import Testing

/// An OPML file's feeds subscribed to together (`docbao feed import`): all or none, and a feed
/// already there keeps the user's name.
@Suite struct FeedImportStoreTests {
    @Test func feedsAreAddedInOrderAndOnesAlreadyThereKeepTheirNames() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        try store.subscribe(url: "http://127.0.0.1/b.xml", name: "Tên của tôi")
        try store.subscribe(url: "http://127.0.0.1/c.xml")
        let added = try store.subscribe(all: [
            FeedToImport(url: "http://127.0.0.1/a.xml", name: "A", site: "http://127.0.0.1/"),
            FeedToImport(url: "http://127.0.0.1/b.xml", name: "Tên trong tệp", site: "http://127.0.0.1/b/"),
            FeedToImport(url: "http://127.0.0.1/c.xml", name: "C", site: nil),
            FeedToImport(url: "http://127.0.0.1/d.xml"),
        ], now: 200)
        #expect(added == [true, false, false, true])
        let feeds = try store.subscriptions()
        #expect(feeds.map(\.url) == ["http://127.0.0.1/b.xml", "http://127.0.0.1/c.xml", "http://127.0.0.1/a.xml", "http://127.0.0.1/d.xml"])
        #expect(feeds.map(\.displayName) == ["Tên của tôi", "C", "A", "http://127.0.0.1/d.xml"])
        #expect(feeds.map(\.site) == ["http://127.0.0.1/b/", nil, "http://127.0.0.1/", nil])
        #expect(feeds[2].added == 200)
    }

    /// A failure in the middle (here a trigger that refuses one address) leaves none of them.
    @Test func aFailureAddsNothing() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        try store.subscribe(url: "http://127.0.0.1/old.xml")
        let queue = try DatabaseQueue(path: lib.path)
        try queue.write { db in
            try db.execute(sql: """
                CREATE TRIGGER refuse BEFORE INSERT ON feed WHEN NEW.url = 'http://127.0.0.1/bad.xml'
                BEGIN SELECT RAISE(ABORT, 'refused'); END
                """)
        }
        try queue.close()
        #expect(throws: LibraryError.self) {
            try store.subscribe(all: [FeedToImport(url: "http://127.0.0.1/1.xml"), FeedToImport(url: "http://127.0.0.1/bad.xml"),
                                      FeedToImport(url: "http://127.0.0.1/2.xml")])
        }
        #expect(try store.subscriptions().map(\.url) == ["http://127.0.0.1/old.xml"])
    }
}

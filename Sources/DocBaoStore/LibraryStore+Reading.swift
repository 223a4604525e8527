import DocBaoCore
import Foundation
import GRDB

/// Where the reader was in an article: the top line's UTF-8 offset in its text.
public struct ReadingPosition: Equatable, Sendable {
    public var offset: Int
    public var progress: Double

    public init(offset: Int, progress: Double) {
        self.offset = offset
        self.progress = progress
    }
}

extension LibraryStore {
    /// Every article, with its reading progress and the feed it came from (named as
    /// `Subscription.displayName` names it), in the order they were added.
    public func rows() throws(LibraryError) -> [LibraryEntry] {
        try read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT a.id, a.title, a.source, a.date, a.words, a.added, r.progress, r.at,
                       f.id, coalesce(f.name, f.title, f.url), f.name
                FROM article a LEFT JOIN reading r ON r.article = a.id LEFT JOIN feed f ON f.id = a.feed
                ORDER BY a.id
                """)
            var rows: [LibraryEntry] = []
            // Each feed's name made safe for the screen once (a feed's title is the feed's words).
            var feeds: [Int64: LibraryFeed] = [:]
            while let r = try cursor.next() {
                var feed: LibraryFeed?
                if let id: Int64 = r[8] {
                    feed = feeds[id] ?? LibraryFeed(id: id, name: TerminalSafe.line(r[9]))
                    feeds[id] = feed
                }
                rows.append(LibraryEntry(id: r[0], title: r[1], source: Self.shownSource(r[2], feedName: r[10]), date: r[3], words: r[4],
                                         progress: r[6], lastRead: r[7], added: r[5], feed: feed))
            }
            return rows
        }
    }

    /// The source an article is listed with: the user's name for the feed it came from when they
    /// gave one (`feed add --name`, an OPML file's text), else the source it came with (a feed's
    /// own title, a page's site).
    static func shownSource(_ source: String?, feedName: String?) -> String? {
        guard let feedName, !feedName.isEmpty else { return source }
        return TerminalSafe.line(feedName)
    }

    /// How many articles the library holds.
    public func count() throws(LibraryError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0 }
    }

    /// The article's model, as imported; nil when there is no such article. A model that no longer
    /// decodes is reported as damage.
    public func article(_ id: Int64) throws(LibraryError) -> Article? {
        guard let content = try content(id) else { return nil }
        do {
            return try ArticleJSON.decode(Array(content.model.utf8))
        } catch {
            throw LibraryError(path: path, problem: .corrupt("article \(id): \(error)"))
        }
    }

    /// The article's original, model and text, checked (`StoredContent.decoded`); a row that does
    /// not decode is reported as damage.
    func content(_ id: Int64) throws(LibraryError) -> ArticleContent? {
        guard let stored = try read({ db in try StoredContent.fetch(db, id) }) else { return nil }
        do {
            return try stored.decoded()
        } catch {
            throw LibraryError(path: path, problem: .corrupt("article \(id): \(error)"))
        }
    }

    /// The article's title, or nil when there is no such article.
    public func title(_ id: Int64) throws(LibraryError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT title FROM article WHERE id = ?", arguments: [id]) }
    }

    /// The bytes the article was imported from.
    public func original(_ id: Int64) throws(LibraryError) -> [UInt8]? {
        try content(id)?.original
    }

    /// The article read last (the most recently saved position), if any.
    public func lastRead() throws(LibraryError) -> Int64? {
        try read { db in try Int64.fetchOne(db, sql: "SELECT article FROM reading ORDER BY at DESC, article DESC LIMIT 1") }
    }

    public func position(_ id: Int64) throws(LibraryError) -> ReadingPosition? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT offset, progress FROM reading WHERE article = ?", arguments: [id])
                .map { ReadingPosition(offset: $0[0], progress: $0[1]) }
        }
    }

    /// Keeps where the reader is in article `id` (the article must exist).
    public func savePosition(_ id: Int64, _ position: ReadingPosition, now: Double = Date().timeIntervalSince1970) throws(LibraryError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO reading (article, offset, progress, at) VALUES (?, ?, ?, ?)
                ON CONFLICT(article) DO UPDATE SET offset = excluded.offset, progress = excluded.progress, at = excluded.at
                """, arguments: [id, position.offset, min(1, max(0, position.progress)), now])
        }
    }

    /// Marks articles `ids` read ("xong", as `N` and `A` in the library view do): an opened one
    /// keeps its place and when it was read; one never opened gets a reading row at its start,
    /// dated when it was added (marking is not reading: the "recent" order does not change).
    public func markRead(_ ids: [Int64]) throws(LibraryError) {
        try write { db in
            for id in ids {
                try db.execute(sql: """
                    INSERT INTO reading (article, offset, progress, at) SELECT id, 0, 1, added FROM article WHERE id = ?
                    ON CONFLICT(article) DO UPDATE SET progress = 1
                    """, arguments: [id])
            }
        }
    }

    /// Marks articles `ids` unread (never opened, `LibraryEntry.isUnread`): their reading
    /// positions are forgotten; their marks stay.
    public func markUnread(_ ids: [Int64]) throws(LibraryError) {
        try write { db in
            for id in ids { try db.execute(sql: "DELETE FROM reading WHERE article = ?", arguments: [id]) }
        }
    }

    /// The article's marks: letter → UTF-8 offset in its text.
    public func marks(_ id: Int64) throws(LibraryError) -> [Character: Int] {
        try read { db in try Self.marks(db, of: .article, id) }
    }

    /// Replaces the article's marks with `marks`.
    public func saveMarks(_ id: Int64, _ marks: [Character: Int]) throws(LibraryError) {
        try write { db in try Self.saveMarks(db, of: .article, id, marks) }
    }

    /// Where marks are kept: a library article's, a file's (`LibraryStore+Files.swift`).
    enum MarkTable: String {
        case article = "mark"
        case file = "file_mark"

        var owner: String { self == .article ? "article" : "file" }
    }

    static func marks(_ db: Database, of table: MarkTable, _ owner: some DatabaseValueConvertible) throws -> [Character: Int] {
        var marks: [Character: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT letter, offset FROM \(table.rawValue) WHERE \(table.owner) = ?", arguments: [owner]) {
            let letter: String = row[0]
            if let c = letter.first, letter.count == 1 { marks[c] = row[1] }
        }
        return marks
    }

    static func saveMarks(_ db: Database, of table: MarkTable, _ owner: some DatabaseValueConvertible, _ marks: [Character: Int]) throws {
        try db.execute(sql: "DELETE FROM \(table.rawValue) WHERE \(table.owner) = ?", arguments: [owner])
        for (letter, offset) in marks.sorted(by: { $0.key < $1.key }) {
            try db.execute(sql: "INSERT INTO \(table.rawValue) (\(table.owner), letter, offset) VALUES (?, ?, ?)",
                           arguments: [owner, String(letter), offset])
        }
    }
}

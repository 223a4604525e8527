import DocBaoCore
@testable import DocBaoStore
import Foundation
import GRDB
import Testing

/// A library written by docbao at schema 3 (Fixtures/library-schema3.sqlite: articles from files,
/// JSON, a web page and a feed, reading positions, marks, and files' positions and marks) opened
/// by this docbao: upgraded to its schema with every row read back as it was. The test knows
/// nothing of the steps after schema 3: it reads the fixture with plain SQL and the upgraded
/// library through the store, and runs once more with a step added.
@Suite struct Schema3UpgradeTests {
    static let fixture = MigrationTests.fixtures + "/library-schema3.sqlite"

    /// What the fixture holds, read with plain SQL from an untouched copy.
    struct Held {
        var articles: [Row] = []
        var content: [Int64: ArticleContent] = [:]
        var marks: [Int64: [Character: Int]] = [:]
        var files: [Row] = []
        var fileMarks: [String: [Character: Int]] = [:]
    }

    static func held(_ path: String) throws -> Held {
        let queue = try LibraryStore.readOnlyQueue(path)
        defer { try? queue.close() }
        return try queue.read { db in
            var held = Held()
            held.articles = try Row.fetchAll(db, sql: """
                SELECT a.id, a.hash, a.title, a.source, a.date, a.url, a.words, a.path, a.added, r.offset, r.progress, r.at
                FROM article a LEFT JOIN reading r ON r.article = a.id ORDER BY a.id
                """)
            held.content = try MigrationTests.content(db)
            for row in try Row.fetchAll(db, sql: "SELECT article, letter, offset FROM mark") {
                held.marks[row[0], default: [:]][Character(row[1] as String)] = row[2]
            }
            held.files = try Row.fetchAll(db, sql: "SELECT file, path, offset, progress, at FROM file_reading ORDER BY at")
            for row in try Row.fetchAll(db, sql: "SELECT file, letter, offset FROM file_mark") {
                held.fileMarks[row[0], default: [:]][Character(row[1] as String)] = row[2]
            }
            return held
        }
    }

    /// This docbao's schema, and one with a step more (as a later docbao's would be).
    static let schemas: [LibrarySchema] = [.current, MigrationTests.next]

    @Test(arguments: 0..<2)
    func aLibraryOfSchema3IsUpgradedWithEveryRowReadBack(_ which: Int) throws {
        let schema = Self.schemas[which]
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: lib.path)
        // The fixture is read from a copy too: SQLite leaves its -shm beside a file it reads.
        let reference = lib.folder + "/reference.sqlite"
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: reference)
        let held = try Self.held(reference)
        // What the fixture was made with (Fixtures/README.md).
        #expect(held.articles.count == 8 && held.content.count == 8)
        #expect(held.articles.filter { ($0["offset"] as Int?) != nil }.count == 4 && held.marks.values.map(\.count).reduce(0, +) == 3)
        #expect(held.files.count == 2 && held.fileMarks.values.map(\.count).reduce(0, +) == 2)
        #expect(try MigrationTests().pragma(lib.path, "user_version") == 3)

        let store = try LibraryStore(path: lib.path, schema: schema)
        #expect(store.readOnlyReason == nil)
        let rows = try store.rows()
        #expect(rows.map(\.id) == held.articles.map { $0["id"] })
        for (row, expected) in zip(rows, held.articles) {
            let id: Int64 = expected["id"]
            #expect(row.title == expected["title"] && row.source == expected["source"] && row.date == expected["date"])
            #expect(row.words == expected["words"] && row.added == expected["added"])
            #expect(row.progress == expected["progress"] && row.lastRead == expected["at"])
            let content = try #require(held.content[id])
            let article = try #require(try store.article(id))
            #expect(article == (try ArticleJSON.decode(Array(content.model.utf8))))
            #expect(article.metadata.url == expected["url"])
            #expect(ArticleBytes.plainText(article) == content.text)
            #expect(try store.original(id) == content.original)
            let offset: Int? = expected["offset"]
            #expect(try store.position(id) == offset.map { ReadingPosition(offset: $0, progress: expected["progress"]) })
            #expect(try store.marks(id) == held.marks[id] ?? [:])
        }
        let lastRead: Int64? = held.articles.max { ($0["at"] as Double? ?? 0) < ($1["at"] as Double? ?? 0) }?["id"]
        #expect(try store.lastRead() == lastRead)
        for file in held.files {
            let key: String = file["file"]
            #expect(try store.filePosition(key) == ReadingPosition(offset: file["offset"], progress: file["progress"]))
            #expect(try store.fileMarks(key) == held.fileMarks[key] ?? [:])
        }
        // The file read last is plain docbao's when it was read after every article (in the
        // fixture, article 7 was read after both files).
        let lastFile = try #require(held.files.last)
        let (lastPath, lastKey, lastAt): (String, String, Double) = (lastFile["path"], lastFile["file"], lastFile["at"])
        let articlesAt = held.articles.compactMap { $0["at"] as Double? }.max() ?? 0
        #expect(try store.lastReadFile().map { [$0.path, $0.file] } == (lastAt > articlesAt ? [lastPath, lastKey] : nil))
        // The index came through: a word of the seed, and one of the feed's entries.
        #expect(try store.search("ngoai giao").hits.contains { $0.id == 1 })
        #expect(try store.search("mua lon").hits.contains { $0.id == 8 && $0.title == "Mưa lớn ở Hà Nội" })
        // What identifies an article (its hash, where it came from) is as it was.
        let identity = "SELECT id, hash, url, path FROM article ORDER BY id"
        let before = try LibraryStore.readOnlyQueue(reference).read { try Row.fetchAll($0, sql: identity) }
        #expect(try store.pool.read { try Row.fetchAll($0, sql: identity) } == before)

        #expect(try MigrationTests().pragma(lib.path, "user_version") == schema.version)
        #expect(try MigrationTests().recorded(lib.path) == (1...schema.version).map { "v\($0)" }.sorted())
        let report = LibraryCheck.check(path: lib.path, schema: schema)
        #expect(report.healthy, "\(report.lines)")
        #expect(report.lines.contains("articles: 8") && report.lines.contains("reading positions: 4")
                && report.lines.contains("marks: 3") && report.lines.contains("files with a reading position: 2"), "\(report.lines)")
    }
}

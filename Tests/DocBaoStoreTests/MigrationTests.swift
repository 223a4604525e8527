@testable import DocBaoCore
@testable import DocBaoStore
import Foundation
import GRDB
import Testing

/// The library's schema through GRDB's migrator: a library written before migrations (the
/// fixture, Fixtures/README.md) is upgraded to schema 2 (its texts deflated) with nothing lost,
/// upgrades through a later step, and a newer docbao's library is refused untouched.
@Suite struct MigrationTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    /// Written by docbao at schema 1, before migrations.
    static let schema1 = fixtures + "/library-schema1.sqlite"

    /// This docbao's schema, and the steps that make it.
    static let n = LibrarySchema.current.version
    static let steps = (1...n).map { "v\($0)" }

    /// This docbao's schema and one step more: a stand-in for the next schema.
    static let next: LibrarySchema = {
        var schema = LibrarySchema.current
        schema.append { db in
            try db.execute(sql: """
                CREATE TABLE later (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
                ALTER TABLE article ADD COLUMN later INTEGER REFERENCES later(id) ON DELETE SET NULL;
                """)
        }
        return schema
    }()

    /// The schema of the docbao before subscriptions (3): its steps, as that docbao ran them.
    static let beforeFeeds: LibrarySchema = {
        var schema = LibrarySchema()
        schema.append(LibrarySchema.createVersion1)
        schema.append(LibrarySchema.addFileReadings)
        schema.append(LibrarySchema.compactContent)
        return schema
    }()

    /// A copy of the fixture in the folder, named `name`; returns its path.
    func copyFixture(_ lib: TemporaryLibrary, _ name: String = "library.sqlite") throws -> String {
        let path = lib.folder + "/" + name
        try FileManager.default.copyItem(atPath: Self.schema1, toPath: path)
        return path
    }

    /// What the schema-1 tables hold, row by row, read with plain SQL; `content` read back as it
    /// was given whatever the schema (deflated since schema 2).
    struct Contents: Equatable {
        var tables: [String: [Row]] = [:]
        var content: [Int64: ArticleContent] = [:]
    }

    static let contentQueries = [
        "article": "SELECT id, hash, title, source, date, url, words, length, path, added FROM article ORDER BY id",
        "reading": "SELECT * FROM reading ORDER BY article",
        "mark": "SELECT * FROM mark ORDER BY article, letter",
        "fulltext_data": "SELECT * FROM fulltext_data ORDER BY id",
        "fulltext_idx": "SELECT * FROM fulltext_idx ORDER BY segid, term",
        "fulltext_docsize": "SELECT * FROM fulltext_docsize ORDER BY id",
        "fulltext_config": "SELECT * FROM fulltext_config ORDER BY k",
    ]

    func contents(_ path: String) throws -> Contents {
        let queue = try LibraryStore.readOnlyQueue(path)
        defer { try? queue.close() }
        return try queue.read { db in
            var contents = Contents()
            for (table, sql) in Self.contentQueries { contents.tables[table] = try Row.fetchAll(db, sql: sql) }
            contents.content = try Self.content(db)
            return contents
        }
    }

    /// Every article's original, model and text, by id, as the file's schema keeps them.
    static func content(_ db: Database) throws -> [Int64: ArticleContent] {
        var content: [Int64: ArticleContent] = [:]
        if try db.columns(in: "content").contains(where: { $0.name == "checksum" }) {
            for row in try Row.fetchAll(db, sql: "SELECT \(StoredContent.columns), id FROM content") {
                content[row[4]] = try #require(StoredContent(row: row)).decoded()
            }
        } else {
            for row in try Row.fetchAll(db, sql: "SELECT id, original, model, text FROM content") {
                content[row[0]] = ArticleContent(original: [UInt8](row[1] as Data), model: row[2], text: row[3])
            }
        }
        return content
    }

    func pragma(_ path: String, _ name: String) throws -> Int {
        let queue = try LibraryStore.readOnlyQueue(path)
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: "PRAGMA \(name)") ?? 0 }
    }

    func recorded(_ path: String) throws -> [String] {
        let queue = try LibraryStore.readOnlyQueue(path)
        defer { try? queue.close() }
        return try queue.read { db in
            try db.tableExists("grdb_migrations") ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") : []
        }
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// What docbao at schema 1 answered to `docbao search --json` on the fixture, query by query.
    struct SavedHit: Decodable, Equatable {
        var id: Int64, title: String, source: String?, hits: Int, offset: Int, snippet: String
    }

    static let savedSearches: [String: [SavedHit]] = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: fixtures + "/search-schema1.json"))
        return try! JSONDecoder().decode([String: [SavedHit]].self, from: data)
    }()

    /// Every article, text, original, position, mark and search answer `store` gives is what the
    /// library at `reference` (an untouched copy of the fixture) holds, read with plain SQL.
    func expectSameLibrary(_ store: LibraryStore, as reference: String) throws {
        let queue = try LibraryStore.readOnlyQueue(reference)
        defer { try? queue.close() }
        try queue.read { db in
            let articles = try Row.fetchAll(db, sql: """
                SELECT a.id, a.title, a.source, a.date, a.words, a.added, r.offset, r.progress, r.at, c.original, c.model, c.text
                FROM article a JOIN content c ON c.id = a.id LEFT JOIN reading r ON r.article = a.id ORDER BY a.id
                """)
            #expect(articles.count == 6)
            let rows = try store.rows()
            #expect(rows.map(\.id) == articles.map { $0["id"] })
            var texts: [Int64: String] = [:]
            for (row, expected) in zip(rows, articles) {
                let id: Int64 = expected["id"]
                #expect(row.title == expected["title"] && row.source == expected["source"] && row.date == expected["date"])
                #expect(row.words == expected["words"] && row.added == expected["added"])
                #expect(row.progress == expected["progress"] && row.lastRead == expected["at"])
                let model: String = expected["model"]
                let article = try #require(try store.article(id))
                #expect(article == (try ArticleJSON.decode(Array(model.utf8))))
                #expect(ArticleBytes.plainText(article) == expected["text"])
                #expect(try store.original(id) == [UInt8](expected["original"] as Data))
                let offset: Int? = expected["offset"]
                #expect(try store.position(id) == offset.map { ReadingPosition(offset: $0, progress: expected["progress"]) })
                var marks: [Character: Int] = [:]
                for mark in try Row.fetchAll(db, sql: "SELECT letter, offset FROM mark WHERE article = ?", arguments: [id]) {
                    marks[Character(mark["letter"] as String)] = mark["offset"]
                }
                #expect(try store.marks(id) == marks)
                texts[id] = expected["text"]
            }
            #expect(try store.lastRead() == Int64.fetchOne(db, sql: "SELECT article FROM reading ORDER BY at DESC LIMIT 1"))
            // Search: what schema-1 docbao answered, and what a scan of the texts finds.
            #expect(Self.savedSearches.count == 9)
            for (query, saved) in Self.savedSearches {
                let hits = try store.search(query).hits
                // Schema 1 found words from their start only; inside words ("ung thư" in "cung thư")
                // is found now too, so its hits are there with as many occurrences or more.
                for old in saved {
                    let hit = try #require(hits.first { $0.id == old.id }, "\(query)")
                    #expect(hit.title == old.title && hit.source == old.source && hit.hits >= old.hits && hit.firstOffset <= old.offset,
                            "\(query)")
                }
                let matcher = Matcher(query, options: SearchOptions())
                let scan = texts.compactMapValues { text in Optional(matcher.matches(in: text).count).flatMap { $0 > 0 ? $0 : nil } }
                #expect(Dictionary(uniqueKeysWithValues: hits.map { ($0.id, $0.hits) }) == scan, "\(query)")
            }
        }
    }

    @Test func aLibraryWrittenBeforeMigrationsIsUpgradedAndShrunkWithNothingLost() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let reference = try copyFixture(lib, "reference.sqlite")
        let path = try copyFixture(lib)
        #expect(try recorded(path).isEmpty)
        try expectSameLibrary(try LibraryStore(path: path), as: reference)
        // Every row of every table is as it was, every original, model and text byte for byte;
        // the schema too but for `content`, with GRDB's record beside it.
        let upgraded = try contents(path)
        #expect(upgraded == (try contents(reference)))
        #expect(upgraded.content.count == 6)
        let schema = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE '%grdb_migrations%' AND name NOT LIKE 'content%' AND name != 'article' ORDER BY name"
        // Schema 1's tables and indexes are as they were (but `content`); later steps only added
        // theirs, and columns at the end of `article` (schema 4: its feed).
        let tables = try LibraryStore.readOnlyQueue(reference).read { try Row.fetchAll($0, sql: schema) }
        let now = try LibraryStore.readOnlyQueue(path).read { try Row.fetchAll($0, sql: schema) }
        #expect(tables.allSatisfy { now.contains($0) })
        let columns = { (path: String) in try LibraryStore.readOnlyQueue(path).read { try Row.fetchAll($0, sql: "PRAGMA table_info(article)") } }
        let (oldColumns, newColumns) = (try columns(reference), try columns(path))
        #expect(oldColumns.count == 10 && Array(newColumns.prefix(oldColumns.count)) == oldColumns)
        #expect(try recorded(path) == Self.steps)
        #expect(try pragma(path, "user_version") == Self.n)
        #expect(try pragma(path, "application_id") == Int(LibrarySchema.applicationID))
        // The space the old rows held is given back: the texts take fewer pages, none of the file
        // is free. (The whole file may not shrink: six short articles, and later steps add tables.)
        let pages = { (path: String) in
            try LibraryStore.readOnlyQueue(path).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM dbstat WHERE name = 'content'") ?? 0 }
        }
        let (after, before) = (try pages(path), try pages(reference))
        #expect(after < before, "\(after) of \(before) pages")
        #expect(try pragma(path, "freelist_count") == 0)
        let report = LibraryCheck.check(path: path)
        #expect(report.healthy, "\(report.lines)")
        #expect(report.lines.contains("schema: \(Self.n) (this docbao: \(Self.n))"))
        #expect(report.lines.contains("articles: 6") && report.lines.contains("reading positions: 3") && report.lines.contains("marks: 5"))
        // Opened again: nothing more to do.
        let again = try bytes(path).count
        try expectSameLibrary(try LibraryStore(path: path), as: reference)
        #expect(try contents(path) == contents(reference))
        #expect(try recorded(path) == Self.steps)
        // (GRDB's opening of a pool makes and drops a table: a free page at most.)
        #expect(try bytes(path).count <= again + 4096)
    }

    @Test func aLaterStepUpgradesTheSchemaOneLibraryWithNothingLostAndThisDocbaoThenRefusesIt() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let reference = try copyFixture(lib, "reference.sqlite")
        let path = try copyFixture(lib)
        do {
            let store = try LibraryStore(path: path, schema: Self.next)
            try expectSameLibrary(store, as: reference)
            // The upgraded library takes new articles and finds them.
            let added = try store.add([try prepared(lib.file("moi.txt", "Tin mới về nguồn tin\n\nMột đoạn về đấu tranh và báo chí.\n"))])
            guard case .added(let id) = added.first else { Issue.record("not added: \(added)"); return }
            #expect(try store.search("nguon tin").hits.map(\.id) == [id])
        }
        #expect(try recorded(path) == Self.steps + ["v\(Self.n + 1)"])
        #expect(try pragma(path, "user_version") == Self.n + 1)
        let contents = try contents(path)
        var expected = try self.contents(reference)
        #expect(contents.tables["article"]!.dropLast().elementsEqual(expected.tables["article"]!))
        #expect(contents.tables["reading"] == expected.tables["reading"] && contents.tables["mark"] == expected.tables["mark"])
        expected.content[7] = contents.content[7]
        #expect(contents.content == expected.content && contents.content.count == 7)
        let later = try LibraryStore.readOnlyQueue(path).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM article WHERE later IS NULL AND feed IS NULL") }
        #expect(later == 7)
        let report = LibraryCheck.check(path: path, schema: Self.next)
        #expect(report.healthy && report.lines.contains("schema: \(Self.n + 1) (this docbao: \(Self.n + 1))"), "\(report.lines)")

        // This docbao is now the older one: it refuses the file and leaves it as it is.
        let upgraded = try bytes(path)
        #expect(throws: LibraryError(path: path, problem: .newerSchema(Self.n + 1))) { try LibraryStore(path: path) }
        let older = LibraryCheck.check(path: path)
        #expect(older.verdict == .newer && older.lines.contains("schema: \(Self.n + 1) (this docbao: \(Self.n))"), "\(older.lines)")
        #expect(try bytes(path) == upgraded)
    }

    /// Issue 18's step: the files' positions and marks, in tables of their own; the articles,
    /// their positions and marks as they were, and a file is never an article.
    @Test func theFileReadingsStepGivesASchemaOneLibraryEmptyFileTablesAndKeepsTheRest() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let reference = try copyFixture(lib, "reference.sqlite")
        let path = try copyFixture(lib)
        #expect(try !LibraryStore.readOnlyQueue(path).read { try $0.tableExists("file_reading") })
        do {
            let store = try LibraryStore(path: path)
            #expect(try recorded(path).contains("v2"))
            #expect(try store.lastReadFile() == nil && store.filePosition("w1-x") == nil && store.fileMarks("w1-x").isEmpty)
            let lastArticle = try store.lastRead()
            try store.saveFilePosition("w1-x", path: "/tmp/bai.txt", ReadingPosition(offset: 7, progress: 0.25))
            try store.saveFileMarks("w1-x", ["q": 3])
            #expect(try store.count() == 6 && store.lastRead() == lastArticle)
        }
        #expect(try contents(path) == contents(reference))
        let store = try LibraryStore(path: path)
        #expect(try store.filePosition("w1-x") == ReadingPosition(offset: 7, progress: 0.25) && store.fileMarks("w1-x") == ["q": 3])
        #expect(try store.lastReadFile()?.path == "/tmp/bai.txt")
        let report = LibraryCheck.check(path: path)
        #expect(report.healthy && report.lines.contains("files with a reading position: 1"), "\(report.lines)")
    }

    /// Issue 17's step: a library of the docbao before subscriptions (schema 3, with a file's
    /// position) gets the feed table and columns; every article, text, position, mark, search
    /// answer and file position is as it was, every article from no feed; an entry of a new
    /// subscription with an old article's text is that article, given to the feed.
    @Test func theFeedsStepKeepsASchemaThreeLibraryAsItWas() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let reference = try copyFixture(lib, "reference.sqlite")
        let path = try copyFixture(lib)
        do {
            let store = try LibraryStore(path: path, schema: Self.beforeFeeds)
            try store.saveFilePosition("w1-x", path: "/tmp/bai.txt", ReadingPosition(offset: 7, progress: 0.25))
            try store.saveFileMarks("w1-x", ["q": 3])
        }
        #expect(try pragma(path, "user_version") == Self.beforeFeeds.version)
        #expect(try !LibraryStore.readOnlyQueue(path).read { try $0.tableExists("feed") })
        let held = try contents(path)
        let fileRows = { (path: String) in
            try LibraryStore.readOnlyQueue(path).read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM file_reading") + Row.fetchAll(db, sql: "SELECT * FROM file_mark")
            }
        }
        let files = try fileRows(path)
        #expect(files.count == 2)

        let store = try LibraryStore(path: path)
        #expect(try recorded(path) == Self.steps && pragma(path, "user_version") == Self.n)
        try expectSameLibrary(store, as: reference)
        #expect(try contents(path) == held && fileRows(path) == files)
        #expect(try store.filePosition("w1-x") == ReadingPosition(offset: 7, progress: 0.25))
        #expect(try store.subscriptions().isEmpty)
        let fromNoFeed = try LibraryStore.readOnlyQueue(path).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM article WHERE feed IS NULL AND guid IS NULL") }
        #expect(fromNoFeed == 6)

        let feed = try store.subscribe(url: "http://127.0.0.1/rss").0
        let old = try #require(try store.article(2))
        let same = try PreparedArticle(article: old, original: [], path: nil, fallbackTitle: "x")
        #expect(try store.addEntries([FeedItem(guid: "g", link: nil, article: same)], feed: feed.id, check: .notModified) == [.duplicate(2)])
        #expect(try store.subscription(id: feed.id)?.articles == 1 && store.count() == 6)
        let report = LibraryCheck.check(path: path)
        #expect(report.healthy && report.lines.contains("subscriptions: 1"), "\(report.lines)")
    }

    @Test func aSchemaOneLibraryIsToldToBeUpgradedByTheCheck() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let path = try copyFixture(lib)
        let report = LibraryCheck.check(path: path)
        #expect(report.healthy, "\(report.lines)")
        #expect(report.lines.contains("schema: 1 (this docbao: \(Self.n))"))
        #expect(report.lines.contains { $0.hasPrefix("note: upgraded to schema \(Self.n) when docbao next opens it") })
        #expect(try bytes(path) == bytes(Self.schema1))
    }

    struct StepFailed: Error {}

    @Test func aStepThatFailsLeavesTheLibraryAtTheSchemaBefore() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let reference = try copyFixture(lib, "reference.sqlite")
        let path = try copyFixture(lib)
        var failing = LibrarySchema.current
        failing.append { db in
            try db.execute(sql: "CREATE TABLE later (id INTEGER PRIMARY KEY); UPDATE article SET title = 'x'")
            throw StepFailed()
        }
        #expect(throws: LibraryError.self) { try LibraryStore(path: path, schema: failing) }
        // The steps before it each were a transaction of their own, and stay.
        #expect(try pragma(path, "user_version") == Self.n)
        #expect(try recorded(path) == Self.steps)
        #expect(try contents(path) == contents(reference))
        #expect(try !LibraryStore.readOnlyQueue(path).read { try $0.tableExists("later") })
        try expectSameLibrary(try LibraryStore(path: path), as: reference)
    }

    @Test(arguments: ["a later step", "an unknown step recorded"])
    func aNewerDocbaosLibraryIsRefusedAndLeftExactlyAsItWas(_ how: String) throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let path = try copyFixture(lib)
        let version: Int
        if how == "a later step" {
            _ = try LibraryStore(path: path, schema: Self.next)
            version = Self.n + 1
        } else {
            // A newer docbao whose step left `user_version` as it was: its record alone tells.
            _ = try LibraryStore(path: path)
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v1-feeds')") }
            try queue.close()
            version = Self.n
        }
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let before = try bytes(path), held = try contents(path), steps = try recorded(path)
        #expect(throws: LibraryError(path: path, problem: .newerSchema(version))) { try LibraryStore(path: path) }
        let report = LibraryCheck.check(path: path)
        #expect(report.verdict == .newer, "\(report.lines)")
        #expect(throws: LibraryError(path: path, problem: .newerSchema(version))) { try LibraryCheck.repair(path: path) }
        if version > LibrarySchema.current.version {
            // Its header says so: refused before SQLite opens it for writing.
            #expect(try bytes(path) == before)
        } else {
            // Only its record says so, read once it is open: GRDB's opening of the pool writes an
            // empty change (a table made and dropped), nothing it holds.
            #expect(try contents(path) == held && recorded(path) == steps && pragma(path, "user_version") == Self.n)
        }
        var wal = stat()
        #expect(stat(path + "-wal", &wal) != 0 || wal.st_size == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: lib.folder).allSatisfy { !$0.contains("broken") })
    }

    @Test func aLibraryThatCannotBeWrittenIsReadAtItsSchemaAndNeverUpgraded() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let path = try copyFixture(lib)
        let upgraded = try copyFixture(lib, "upgraded.sqlite")
        do { _ = try LibraryStore(path: upgraded) }
        let written = try bytes(upgraded)
        // Root writes a 0444 file anyway; an immutable one not.
        let immutable = getuid() == 0
        for file in [path, upgraded] {
            chmod(file, 0o444)
            if immutable { #expect(chattr("+i", file)) }
        }
        defer { if immutable { for file in [path, upgraded] { _ = chattr("-i", file) } } }
        // This docbao's schema: read as it is.
        let store = try LibraryStore(path: upgraded)
        let reason = try #require(store.readOnlyReason)
        #expect(try store.count() == 6 && !store.search("ngoai giao").hits.isEmpty)
        #expect(try store.original(1) != nil)
        // A docbao one schema further would have to upgrade it, and cannot; nor can this one
        // upgrade the schema-1 library (its texts are not deflated yet).
        #expect(throws: LibraryError(path: upgraded, problem: .needsUpgrade(from: Self.n, to: Self.n + 1, reason))) {
            try LibraryStore(path: upgraded, schema: Self.next)
        }
        #expect(throws: LibraryError(path: path, problem: .needsUpgrade(from: 1, to: Self.n, reason))) { try LibraryStore(path: path) }
        #expect(try bytes(path) == bytes(Self.schema1))
        #expect(try bytes(upgraded) == written)
    }

    @Test func manyOpeningASchemaOneLibraryAtOnceUpgradeItOnce() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        for round in 0..<6 {
            let path = try copyFixture(lib, "race-\(round).sqlite")
            let results = Mutex2()
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                do { _ = try LibraryStore(path: path, schema: Self.next).count() } catch { results.fail("\(error)") }
            }
            #expect(results.failures.isEmpty, "round \(round): \(results.failures)")
            #expect(try recorded(path) == Self.steps + ["v\(Self.n + 1)"])
            #expect(LibraryCheck.check(path: path, schema: Self.next).healthy)
        }
    }

    /// Another opening runs a step between this one's reading which steps to run and its taking
    /// the write lock: played here by the step before, which also does the next one's work and
    /// records it, as that other opening would.
    @Test func aStepRunMeanwhileByAnotherOpeningIsNotRunTwice() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let path = try copyFixture(lib)
        var schema = LibrarySchema.current
        schema.append { db in
            try db.execute(sql: """
                CREATE TABLE later (id INTEGER PRIMARY KEY);
                CREATE TABLE tag (name TEXT PRIMARY KEY);
                INSERT INTO grdb_migrations (identifier) VALUES ('v\(Self.n + 2)');
                """)
        }
        schema.append { db in try db.execute(sql: "CREATE TABLE tag (name TEXT PRIMARY KEY)") }
        let store = try LibraryStore(path: path, schema: schema)
        #expect(try store.count() == 6)
        #expect(try recorded(path) == Self.steps + ["v\(Self.n + 1)", "v\(Self.n + 2)"])
    }

    /// Issue 18's words step: a library of the schema before it gets the words of every article
    /// in the step's one transaction, and its searches then find queries that start inside a
    /// syllable or a word ("ệ" in "nhiệm", "ười" in "Người").
    @Test func theWordsStepIndexesTheWordsOfALibraryOfTheSchemaBefore() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let path = try copyFixture(lib)
        let queries = ["ệ", "ười", "ại", "ồng", "ước", "iệt Nam", "à Nội", "uyết"]
        do {
            let older = try LibraryStore(path: path, schema: LibrarySchema(steps: Self.n - 1))
            #expect(try older.count() == 6)
        }
        #expect(try pragma(path, "user_version") == Self.n - 1)
        #expect(try !LibraryStore.readOnlyQueue(path).read { try $0.tableExists("word") })
        let store = try LibraryStore(path: path)
        #expect(try recorded(path) == Self.steps)
        var texts: [Int64: String] = [:]
        for row in try store.rows() { texts[row.id] = ArticleBytes.plainText(try #require(try store.article(row.id))) }
        for query in queries {
            let reference = ReferenceMatcher.Query(query, options: SearchOptions())
            var expected: [Int64: Int] = [:]
            for (id, text) in texts {
                let n = reference.matches(in: ReferenceMatcher.characters(text)).count
                if n > 0 { expected[id] = n }
            }
            #expect(!expected.isEmpty, "\(query)")
            let found = try store.search(query, limit: 100).hits
            #expect(Dictionary(uniqueKeysWithValues: found.map { ($0.id, $0.hits) }) == expected, "\(query)")
        }
        let report = LibraryCheck.check(path: path)
        #expect(report.healthy && report.lines.contains { $0.hasPrefix("words indexed: ") }, "\(report.lines)")
    }

    @Test func aRepairMakesItsNewLibraryAtThisSchemaThroughTheSameSteps() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let path = try copyFixture(lib)
        var damaged = [UInt8](try bytes(path))
        for i in 0..<100 { damaged[i] = 0x5A }
        try Data(damaged).write(to: URL(fileURLWithPath: path))
        #expect(LibraryCheck.check(path: path).verdict == .damaged)
        let report = try LibraryCheck.repair(path: path)
        #expect(report.healthy, "\(report.lines)")
        #expect(report.lines.contains { $0.contains("6 articles, 3 reading positions, 5 marks saved") }, "\(report.lines)")
        #expect(try recorded(path) == LibrarySchema.current.migrator.migrations)
        #expect(try pragma(path, "user_version") == LibrarySchema.current.version)
        #expect(LibraryCheck.check(path: path).healthy)
    }

    /// What a first opening of a new library leaves when it is killed before the first step:
    /// GRDB's record table, empty, and nothing else.
    @Test func aNewFileWithOnlyAnEmptyRecordOfStepsIsANewLibrary() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let queue = try DatabaseQueue(path: lib.path)
        try queue.write { try $0.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)") }
        try queue.close()
        let report = LibraryCheck.check(path: lib.path)
        #expect(report.healthy && report.lines.contains { $0.hasPrefix("empty:") }, "\(report.lines)")
        #expect(try lib.open().count() == 0)
        #expect(try recorded(lib.path) == Self.steps)
        #expect(LibraryCheck.check(path: lib.path).lines.contains("schema: \(Self.n) (this docbao: \(Self.n))"))

        // Another program's database made with GRDB (steps recorded) stays another program's.
        let other = lib.folder + "/other.sqlite"
        let app = try DatabaseQueue(path: other)
        try app.write { try $0.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY); INSERT INTO grdb_migrations VALUES ('createNotes')") }
        try app.close()
        let before = try bytes(other)
        #expect(throws: LibraryError(path: other, problem: .foreign(tables: ["grdb_migrations"]))) { try LibraryStore(path: other) }
        #expect(LibraryCheck.check(path: other).verdict == .foreign)
        #expect(try bytes(other) == before)
    }
}

import Foundation
import GRDB

/// The library's schema: the steps (GRDB migrations) that make it, in order, and how a file is
/// told to be a docbao library of a schema this code can use.
///
/// Versions. Migration "vN" makes schema N: it sets `PRAGMA user_version = N` in the same
/// transaction as its changes and GRDB's record of it (a row "vN" in `grdb_migrations`), so the
/// two always agree. `user_version` is the schema's version, the one every docbao reads: the
/// docbaos from before migrations read only it, and refuse a library whose version is higher than
/// theirs. `grdb_migrations` says which steps were run: a step this code does not know (made by a
/// newer docbao) is refused the same way, whatever `user_version` says.
///
/// A library made before migrations (schema 1, no `grdb_migrations`) is schema 1: its first
/// opening for writing runs "v1", which finds the tables there and only records itself. Nothing
/// else in the file changes, and the docbaos from before migrations still open it.
///
/// Upgrading is automatic, when a library is opened for writing: each step is one transaction
/// (its changes, its record and its `user_version` together), so a library is always at one
/// schema or the next, never between; an older docbao then refuses the upgraded file. A library
/// that cannot be written is never upgraded (`LibraryStore.init`).
struct LibrarySchema: Sendable {
    /// One step: it makes schema N, N its place in `steps` counted from 1.
    private struct Step: Sendable {
        var foreignKeyChecks: DatabaseMigrator.ForeignKeyChecks
        var body: @Sendable (Database, UpgradeRows) throws -> Void
    }

    /// The steps, in order: "v1", "v2"…
    private var steps: [Step] = []
    /// The schema the steps make: the number of steps.
    var version: Int { steps.count }
    /// The steps as GRDB's migrator: what a file has had of them, what it has that they are not.
    var migrator: DatabaseMigrator { migrator(progress: nil) }

    /// The schema this docbao writes.
    /// The schema this docbao writes.
    static let current = LibrarySchema(steps: .max)

    /// An empty schema, for steps appended one by one (tests).
    init() {}

    /// The schema of this docbao's first `count` steps: what an older docbao wrote (for tests).
    init(steps count: Int) {
        let all: [@Sendable (inout LibrarySchema) -> Void] = [
            { $0.append(Self.createVersion1) },
            { $0.append(Self.addFileReadings) },
            { $0.append(Self.compactContent) },
            { $0.append(Self.addFeeds) },
            { $0.append(LibraryWords.addWordTable) },
        ]
        for add in all.prefix(count) { add(&self) }
    }

    /// "dblb" in the database header (`PRAGMA application_id`): how a docbao library is told
    /// from any other SQLite file.
    static let applicationID: Int32 = 0x6462_6C62

    /// The tables every library has had since schema 1 (the full-text table's shadow tables are
    /// SQLite's own, `grdb_migrations` GRDB's).
    static let tableNames = ["article", "content", "fulltext", "mark", "reading"]

    /// GRDB's record of the steps run.
    static let recordTable = "grdb_migrations"

    /// Registers the next step: it makes schema `version + 1` from schema `version`. Its foreign
    /// keys are checked as it goes (a check of every row at the end would read the whole library);
    /// a step that rebuilds a table asks for `.deferred`.
    mutating func append(foreignKeyChecks: DatabaseMigrator.ForeignKeyChecks = .immediate,
                         _ body: @escaping @Sendable (Database) throws -> Void) {
        append(foreignKeyChecks: foreignKeyChecks) { db, _ in try body(db) }
    }

    /// Registers the next step, one that goes through many rows and says how far it is with
    /// `rows` (`UpgradeRows`): whoever opened the library is told (a minutes-long upgrade shows
    /// its progress, `LibraryStore.init(path:upgradeProgress:)`).
    mutating func append(foreignKeyChecks: DatabaseMigrator.ForeignKeyChecks = .immediate,
                         _ body: @escaping @Sendable (_ db: Database, _ rows: UpgradeRows) throws -> Void) {
        steps.append(Step(foreignKeyChecks: foreignKeyChecks, body: body))
    }

    /// The steps registered with GRDB; each tells `progress` of its rows.
    private func migrator(progress: UpgradeProgress.Report?) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (index, step) in steps.enumerated() {
            let version = index + 1
            let identifier = "v\(version)"
            migrator.registerMigration(identifier, foreignKeyChecks: step.foreignKeyChecks) { db in
                // Two processes opening the library at once both see the step to run; the second
                // gets the write lock when the first has run it, and finds it recorded.
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM \(Self.recordTable) WHERE identifier = ?", arguments: [identifier]) == true {
                    throw RunMeanwhile()
                }
                try step.body(db, UpgradeRows(schema: version, report: progress))
                try db.execute(sql: "PRAGMA user_version = \(version)")
            }
        }
        return migrator
    }

    /// Brings the database to this schema, running the steps it has not had, each in one
    /// transaction; the steps that go through many rows tell `progress` how far they are. Call
    /// it only once `inspect` has accepted the database.
    func migrate(_ writer: some DatabaseWriter, progress: UpgradeProgress.Report? = nil) throws {
        let migrator = migrator(progress: progress)
        let stepsBefore = try writer.read { try migrator.appliedIdentifiers($0).count }
        try runSteps(writer, migrator)
        // An upgrade gives back whatever its steps left free (a later step may have filled part
        // of what an earlier one freed, leaving less than the quarter that asks for it otherwise).
        let upgraded = try writer.read { try migrator.appliedIdentifiers($0).count } > stepsBefore
        if try writer.read({ try upgraded ? Self.hasFreePages($0) : Self.hasSpaceToReclaim($0) }) {
            try Self.reclaimSpace(writer)
        }
    }

    private func runSteps(_ writer: some DatabaseWriter, _ migrator: DatabaseMigrator) throws {
        // Each retry starts after a step another process ran: there are at most `version` of them.
        for _ in 0..<version {
            do {
                try migrator.migrate(writer)
                return
            } catch is RunMeanwhile {
                continue
            }
        }
        try migrator.migrate(writer)
    }

    /// Whether the file has any free page.
    static func hasFreePages(_ db: Database) throws -> Bool {
        try (Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0) > 0
    }

    /// Whether a quarter of the file or more is free pages: what a step that rewrote a table left
    /// (schema 2 frees two thirds of a library), or a VACUUM killed before its end.
    static func hasSpaceToReclaim(_ db: Database) throws -> Bool {
        let free = try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
        let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
        return free > 0 && free * 4 >= pages
    }

    /// Gives the file back its free pages, by VACUUM: SQLite rewrites the file through its
    /// write-ahead log, so a process killed meanwhile leaves the library as it was before (only
    /// larger, which the next opening for writing sees again), never a broken one.
    static func reclaimSpace(_ writer: some DatabaseWriter) throws {
        try writer.vacuum()
        // The rewritten file went through the -wal: folded in, the -wal is left empty.
        try writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }

    /// A step found already run by another process once it had the write lock.
    private struct RunMeanwhile: Error {}

    /// What a database is, as a docbao library.
    enum Found: Equatable {
        /// No schema yet (an empty file, or one whose making stopped before its first step).
        case new
        /// A docbao library of schema `version`; `complete` when it has had every step of this
        /// code recorded (a library made before migrations has not).
        case library(version: Int, complete: Bool)
    }

    /// What the database is; throws unless it is new or a docbao library this code can use (or
    /// upgrade): another program's database, a newer docbao's library, missing tables.
    func inspect(_ db: Database, path: String) throws -> Found {
        if try Self.isNew(db) { return .new }
        let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let tables = try Self.tables(db)
        guard application == Self.applicationID else {
            throw LibraryError(path: path, problem: .foreign(tables: tables))
        }
        let fileVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if try fileVersion > version || migrator.hasBeenSuperseded(db) {
            throw LibraryError(path: path, problem: .newerSchema(fileVersion))
        }
        let missing = Self.tableNames.filter { !tables.contains($0) }
        guard missing.isEmpty else { throw LibraryError(path: path, problem: .missingTables(missing)) }
        // A library made before migrations said 1, or nothing (0) in the earliest builds.
        return .library(version: max(fileVersion, 1), complete: try migrator.hasCompletedMigrations(db))
    }

    /// Whether the database has nothing of a library yet: no application ID, and no table but
    /// GRDB's record of steps, with none recorded (what is left when the first opening of a new
    /// library stopped before its first step, which sets the application ID).
    static func isNew(_ db: Database) throws -> Bool {
        guard try Int32.fetchOne(db, sql: "PRAGMA application_id") == 0 else { return false }
        let tables = try tables(db)
        if tables.isEmpty { return true }
        guard tables == [recordTable] else { return false }
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM \(recordTable)") == 0
    }

    /// The names of the database's tables, sorted.
    static func tables(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    }

    /// Schema 3: `content` keeps each article's text, original and model deflated, with a checksum
    /// (`StoredContent`); every row of schema 2 is moved over in this step's one transaction, so the
    /// library is all of schema 2 or all of schema 3. The space is reclaimed after (`reclaimSpace`).
    static func compactContent(_ db: Database, _ rows: UpgradeRows) throws {
        try db.execute(sql: """
            CREATE TABLE content_v2 (
                id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
                text BLOB NOT NULL,             -- zlib stream of the text
                original BLOB NOT NULL,         -- zlib stream, the text as dictionary
                model BLOB NOT NULL,            -- zlib stream, the text as dictionary
                checksum INTEGER NOT NULL       -- StoredContent.checksum of the three
            )
            """)
        let insert = try db.makeStatement(sql: "INSERT INTO content_v2 (id, \(StoredContent.columns)) VALUES (?, ?, ?, ?, ?)")
        try rows.start(db, counting: "content")
        let cursor = try Row.fetchCursor(db, sql: "SELECT id, original, model, text FROM content ORDER BY id")
        while let row = try cursor.next() {
            guard let id = Int64.fromDatabaseValue(row[0]), let original = Data.fromDatabaseValue(row[1]),
                  let model = String.fromDatabaseValue(row[2]), let text = String.fromDatabaseValue(row[3]) else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "article \(row[0]): its content row cannot be read")
            }
            let stored = try StoredContent(ArticleContent(original: [UInt8](original), model: model, text: text))
            try insert.execute(arguments: StatementArguments([id] + stored.arguments))
            rows.advance()
        }
        try db.execute(sql: "DROP TABLE content; ALTER TABLE content_v2 RENAME TO content")
    }

    /// Schema 4: subscriptions (`docbao feed add`, `docbao update`). Each feed's row keeps what the
    /// next update needs (the validators of its last answer, when it was last tried and why that
    /// failed); an article from a feed names it and keeps the entry's guid, by which the feed's
    /// entries are told apart from one update to the next. An article outlives its feed (SET NULL).
    /// Only new tables and columns: every row of schema 3 stays as it is.
    static func addFeeds(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE feed (
                id INTEGER PRIMARY KEY,
                url TEXT NOT NULL UNIQUE,       -- the address subscribed to
                title TEXT,                     -- the feed's own title, from its last fetch
                name TEXT,                      -- the user's (or an OPML file's) name: shown before the title
                site TEXT,                      -- the site's home page, from the feed
                added REAL NOT NULL,            -- unix seconds
                etag TEXT,                      -- the last answer's ETag: sent as If-None-Match
                modified TEXT,                  -- the last answer's Last-Modified: sent as If-Modified-Since
                checked REAL,                   -- unix seconds of the last attempt
                error TEXT                      -- why the last attempt failed, in words; NULL when it did not
            );
            ALTER TABLE article ADD COLUMN feed INTEGER REFERENCES feed(id) ON DELETE SET NULL;
            ALTER TABLE article ADD COLUMN guid TEXT;  -- the entry's id (else its link) in its feed
            CREATE INDEX article_feed ON article(feed, guid);
            -- The entries whose articles the user removed: an update never adds them again.
            CREATE TABLE removed_entry (
                feed INTEGER NOT NULL REFERENCES feed(id) ON DELETE CASCADE,
                guid TEXT NOT NULL,
                PRIMARY KEY (feed, guid)
            ) WITHOUT ROWID;
            """)
    }

    /// Schema 1: the articles, their texts, the full-text index, reading positions and marks.
    /// A library made before migrations already has them: this step then only records itself.
    static func createVersion1(_ db: Database) throws {
        if try db.tableExists("article") { return }
        try db.execute(sql: """
            PRAGMA application_id = \(applicationID);
            -- One row per article: what the library view lists, kept small so listing is fast.
            CREATE TABLE article (
                id INTEGER PRIMARY KEY,
                hash INTEGER NOT NULL,          -- FNV-1a 64 of the text: finds duplicates
                title TEXT NOT NULL,
                source TEXT,
                date TEXT,
                url TEXT,
                words INTEGER NOT NULL,
                length INTEGER NOT NULL,        -- UTF-8 bytes of the text
                path TEXT,                      -- where it was imported from
                added REAL NOT NULL             -- unix seconds
            );
            CREATE INDEX article_hash ON article(hash);
            -- The big columns apart: the original bytes, the model (docs/article-json.md, compact)
            -- and the text (blocks joined by line feeds: its UTF-8 offsets are reading positions).
            CREATE TABLE content (
                id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
                original BLOB NOT NULL,
                model TEXT NOT NULL,
                text TEXT NOT NULL
            );
            -- The text folded to base letters ("dau tranh"), indexed only (contentless).
            CREATE VIRTUAL TABLE fulltext USING fts5(folded, content = '', tokenize = 'unicode61 remove_diacritics 2');
            CREATE TABLE reading (
                article INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
                offset INTEGER NOT NULL,        -- UTF-8 offset in the text of the top line
                progress REAL NOT NULL,         -- 0…1, 1 when the end was on screen
                at REAL NOT NULL                -- unix seconds
            );
            CREATE INDEX reading_at ON reading(at);
            CREATE TABLE mark (
                article INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
                letter TEXT NOT NULL,
                offset INTEGER NOT NULL,
                PRIMARY KEY (article, letter)
            ) WITHOUT ROWID;
            """)
    }

    /// Schema 2: the reading positions and marks of files read where they are (`docbao FILE`),
    /// outside the library's list. A file is known by its content (`ContentKey`), so a copy or a
    /// renamed file goes on at the same place; `path` is where it was last opened from, for plain
    /// `docbao` to reopen it when it was read last.
    static func addFileReadings(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE file_reading (
                file TEXT PRIMARY KEY,          -- ContentKey of the file's bytes
                path TEXT NOT NULL,             -- absolute path it was last opened from
                offset INTEGER NOT NULL,        -- UTF-8 offset in the text of the top line
                progress REAL NOT NULL,         -- 0…1, 1 when the end was on screen
                at REAL NOT NULL                -- unix seconds
            );
            CREATE INDEX file_reading_at ON file_reading(at);
            CREATE TABLE file_mark (
                file TEXT NOT NULL,
                letter TEXT NOT NULL,
                offset INTEGER NOT NULL,
                PRIMARY KEY (file, letter)
            ) WITHOUT ROWID;
            """)
    }
}

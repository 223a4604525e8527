import DocBaoCore
import Foundation
import GRDB

/// docbao's library: one SQLite database (WAL mode, so readers never wait for a writer and two
/// processes can share it) holding each article's model, original text and folded text for
/// full-text search, and the reader's positions and marks.
///
/// The database is never replaced or reset behind the user's back: a file that is not a docbao
/// library is refused with a message naming `docbao library check`.
public final class LibraryStore: Sendable {
    /// Where the database is.
    public let path: String
    let pool: DatabasePool
    /// Why the library was opened read-only (its file cannot be written), or nil: it can be listed,
    /// searched and read, and every change is refused with `LibraryError.Problem.readOnly`.
    public let readOnlyReason: String?

    /// "dblb" in the database header (`PRAGMA application_id`): how a docbao library is told
    /// from any other SQLite file.
    static let applicationID: Int32 = 0x6462_6C62
    /// The schema this code writes (`PRAGMA user_version`); a higher one is from a newer docbao.
    static let schemaVersion = 1

    /// Opens the library at `path`, creating it (and its folder) when there is none; read-only when
    /// the file is there but cannot be written.
    public init(path: String) throws(LibraryError) {
        self.path = path
        readOnlyReason = Self.unwritable(path)
        // "library.sqlite" (in the current folder) has no folder to create.
        let folder = (path as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        } catch {
            throw LibraryError(path: path, problem: .cannotOpen("cannot create \(folder)"))
        }
        var configuration = Configuration()
        // Another docbao writing (an import, a position being saved) holds the lock briefly; wait.
        configuration.busyMode = .timeout(10)
        configuration.label = "docbao library"
        configuration.readonly = readOnlyReason != nil
        // Two processes opening a new library at once: one of them switching it to WAL, or reading
        // its first schema while the other writes it, gets SQLITE_BUSY at once (SQLite returns it
        // without the busy handler where waiting could deadlock). Such an opening is tried again.
        var attempt = 0
        while true {
            do {
                let opened = try Self.openPool(path, configuration)
                if let readOnlyReason, try opened.read({ try String.fetchAll($0, sql: "SELECT name FROM sqlite_master") }).isEmpty {
                    // An empty file cannot be given its tables: there is nothing to read either.
                    throw LibraryError(path: path, problem: .readOnly("empty, and \(readOnlyReason)"))
                }
                pool = opened
                return
            } catch let error as LibraryError {
                throw error
            } catch let error as DatabaseError where (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED) && attempt < 200 {
                attempt += 1
                usleep(50_000)
            } catch {
                throw LibraryError(path: path, sqlite: error)
            }
        }
    }

    /// One attempt at opening: checks a file that is not known to be a docbao library read-only
    /// first, then opens the pool and prepares the schema in one immediate transaction.
    private static func openPool(_ path: String, _ configuration: Configuration) throws -> DatabasePool {
        // A file whose header already says "docbao library, WAL mode" is not looked at twice: opening
        // it changes nothing, and the schema is checked below all the same (a third of the opening).
        if try !checkHeader(path) { try checkExisting(path) }
        let pool = try DatabasePool(path: path, configuration: configuration)
        if configuration.readonly {
            _ = try pool.read { db in try checkSchema(db, path: path, allowEmpty: true) }
            return pool
        }
        try pool.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                try prepareSchema(db, path: path)
                return .commit
            }
        }
        return pool
    }

    /// Why the existing file at `path` cannot be written ("permission denied"…), or nil when it can
    /// be (or is not there yet: it is then created).
    static func unwritable(_ path: String) -> String? {
        guard access(path, F_OK) == 0, access(path, W_OK) != 0 else { return nil }
        return String(cString: strerror(errno)).lowercased()
    }

    /// `$XDG_DATA_HOME/docbao/library.sqlite`, default `~/.local/share/docbao/library.sqlite`.
    public static func defaultPath() -> String {
        Environment.xdgFolder("XDG_DATA_HOME", fallback: ".local/share") + "/docbao/library.sqlite"
    }

    /// Refuses a file that is not SQLite before SQLite touches it, with a message that says so.
    /// True when the header says the file is a docbao library in WAL mode (its application ID, and
    /// format versions 2): opening it for writing then changes nothing in it.
    @discardableResult
    static func checkHeader(_ path: String) throws(LibraryError) -> Bool {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            if errno == ENOENT { return false }
            throw LibraryError(path: path, problem: .cannotOpen(String(cString: strerror(errno))))
        }
        defer { close(fd) }
        guard let head = FileBytes.readAt(fd, offset: 0, count: 100), !head.isEmpty else { return false }
        if head.count < 16 || head[..<16] != Array("SQLite format 3\0".utf8)[...] {
            throw LibraryError(path: path, problem: .notADatabase)
        }
        guard head.count == 100 else { return false }
        let application = head[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return Int32(bitPattern: application) == applicationID && head[18] == 2 && head[19] == 2
    }

    /// Looks at an existing file read-only before the library is opened for writing (which turns
    /// on WAL mode, a change to the file): a database that is not docbao's is left exactly as it was.
    static func checkExisting(_ path: String) throws {
        guard access(path, F_OK) == 0, !isEmptyFile(path) else { return }
        let queue = try readOnlyQueue(path)
        _ = try queue.read { db in try checkSchema(db, path: path, allowEmpty: true) }
        try queue.close()
    }

    /// True when the file at `path` is there and empty (0 bytes, with no write-ahead log holding
    /// its first pages): a new library, everywhere in docbao.
    static func isEmptyFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, info.st_size == 0 else { return false }
        return stat(path + "-wal", &info) != 0 || info.st_size == 0
    }

    /// The file opened read-only (a look that changes nothing), waiting for a writer's lock.
    static func readOnlyQueue(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        return try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Creates the tables in a new database, or checks that an existing one is a docbao library of
    /// a schema this code knows. Runs inside one immediate transaction, so two processes opening a
    /// new library at once do not both create it.
    static func prepareSchema(_ db: Database, path: String) throws {
        if try checkSchema(db, path: path, allowEmpty: true) { try createSchema(db) }
    }

    /// Throws unless the database is a docbao library this code can use; true when it is empty.
    @discardableResult
    static func checkSchema(_ db: Database, path: String, allowEmpty: Bool) throws -> Bool {
        let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        if application == 0 && tables.isEmpty && allowEmpty { return true }
        guard application == applicationID else {
            throw LibraryError(path: path, problem: .foreign(tables: tables))
        }
        guard version <= schemaVersion else { throw LibraryError(path: path, problem: .newerSchema(version)) }
        let missing = Self.tableNames.filter { !tables.contains($0) }
        guard missing.isEmpty else { throw LibraryError(path: path, problem: .missingTables(missing)) }
        return false
    }

    /// The tables of schema 1 (the full-text table's shadow tables are SQLite's own).
    static let tableNames = ["article", "content", "fulltext", "mark", "reading"]

    static func createSchema(_ db: Database) throws {
        try db.execute(sql: """
            PRAGMA application_id = \(applicationID);
            PRAGMA user_version = \(schemaVersion);
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
}

/// Why the library cannot be used, with the way out.
public struct LibraryError: Error, CustomStringConvertible, Equatable {
    public enum Problem: Equatable, Sendable {
        case notADatabase
        case corrupt(String)
        case foreign(tables: [String])
        case newerSchema(Int)
        case missingTables([String])
        case cannotOpen(String)
        /// A change asked of a library opened read-only: why its file cannot be written.
        case readOnly(String)
        case sqlite(String)
    }

    public let path: String
    public let problem: Problem

    public init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    init(path: String, sqlite error: Error) {
        self.path = path
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB: problem = .notADatabase
            case .SQLITE_CORRUPT: problem = .corrupt(error.message ?? "\(error)")
            case .SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
                problem = .cannotOpen(error.message ?? "\(error)")
            default: problem = .sqlite(error.message ?? "\(error)")
            }
        } else {
            problem = .sqlite("\(error)")
        }
    }

    /// Whether `docbao library check` is the way out (the file itself is the problem).
    public var isDamage: Bool {
        switch problem {
        case .notADatabase, .corrupt, .foreign, .missingTables: return true
        case .newerSchema, .cannotOpen, .readOnly, .sqlite: return false
        }
    }

    public var description: String {
        var text = "library \(path) \(summary)"
        if case .foreign = problem {
            text += ". Nothing was changed: docbao leaves other programs' databases alone. Use another --library, or move the file away yourself."
        } else if isDamage {
            text += ". Nothing was changed. `docbao library check` tells more and `docbao library check --repair` sets the file aside and starts a new library with what can be saved from it."
        }
        return text
    }

    /// What is wrong, without the path or the way out (for a status line).
    public var summary: String {
        let what: String
        switch problem {
        case .notADatabase: what = "is not an SQLite database (damaged, or another kind of file)"
        case .corrupt(let detail): what = "is damaged (\(detail))"
        case .foreign(let tables):
            what = "is an SQLite database that docbao did not make (tables: \(tables.prefix(5).joined(separator: ", ")))"
        case .newerSchema(let v): what = "was made by a newer docbao (schema \(v)); this one knows schema \(LibraryStore.schemaVersion)"
        case .missingTables(let t): what = "is a docbao library with missing tables (\(t.joined(separator: ", ")))"
        case .cannotOpen(let reason): what = "cannot be opened (\(reason))"
        case .readOnly(let reason): what = "is read-only (\(reason)): it can be listed, searched and read, not changed"
        case .sqlite(let reason): what = "failed: \(reason)"
        }
        return what
    }
}

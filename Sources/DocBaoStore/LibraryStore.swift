import DocBaoCore
import DocBaoLoading
import Foundation
import GRDB

/// docbao's library: one SQLite database (WAL mode, so readers never wait for a writer and two
/// processes can share it) holding each article's model, original text and folded text for
/// full-text search, and the reader's positions and marks.
///
/// The database is never replaced or reset behind the user's back: a file that is not a docbao
/// library is refused with a message naming `docbao library check`. Its schema is made and
/// upgraded by `LibrarySchema`'s steps, when it is opened.
public final class LibraryStore: Sendable {
    /// Where the database is.
    public let path: String
    let pool: DatabasePool
    /// Why the library was opened read-only (its file cannot be written), or nil: it can be listed,
    /// searched and read, and every change is refused with `LibraryError.Problem.readOnly`.
    public let readOnlyReason: String?
    /// The words table in memory, for the searches after the first (`LibraryWordList`).
    let wordList: LibraryWordList

    /// Opens the library at `path`, creating it (and its folder) when there is none, upgrading it
    /// when its schema is older (`LibrarySchema`); read-only when the file is there but cannot be
    /// written: it is then read when its schema is this docbao's, and refused when it would need
    /// an upgrade (`.needsUpgrade`), which cannot be written. An upgrade that goes through every
    /// article tells `upgradeProgress` how far it is (on the thread that writes).
    public convenience init(path: String, upgradeProgress: UpgradeProgress.Report? = nil) throws(LibraryError) {
        try self.init(path: path, schema: .current, upgradeProgress: upgradeProgress)
    }

    /// Opens the library at `path` for the schema `schema` (tests give one with more steps).
    init(path: String, schema: LibrarySchema, upgradeProgress: UpgradeProgress.Report? = nil) throws(LibraryError) {
        self.path = path
        wordList = LibraryWordList(path: path)
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
                pool = try Self.openPool(path, configuration, schema: schema, readOnlyReason: readOnlyReason,
                                         progress: upgradeProgress)
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
    /// first, then opens the pool, checks the schema and brings it to `schema` when it is older.
    private static func openPool(_ path: String, _ configuration: Configuration, schema: LibrarySchema,
                                 readOnlyReason: String?, progress: UpgradeProgress.Report?) throws -> DatabasePool {
        // A file whose header already says "docbao library, WAL mode, not of a newer schema" is not
        // looked at twice: opening it changes nothing it holds (GRDB writes an empty change to a
        // pool's new -wal), and the schema is checked below all the same (a third of the opening).
        // A newer docbao's library is refused by the look, untouched to the byte.
        if try !checkHeader(path, newest: schema.version) { try checkExisting(path, schema: schema) }
        let pool = try DatabasePool(path: path, configuration: configuration)
        let (found, wasteful) = try pool.read { db in (try schema.inspect(db, path: path), try LibrarySchema.hasSpaceToReclaim(db)) }
        if let readOnlyReason {
            switch found {
            case .new:
                // An empty file cannot be given its tables: there is nothing to read either.
                throw LibraryError(path: path, problem: .readOnly("empty, and \(readOnlyReason)"))
            case .library(let version, _) where version < schema.version:
                throw LibraryError(path: path, problem: .needsUpgrade(from: version, to: schema.version, readOnlyReason))
            case .library:
                return pool
            }
        }
        if found != .library(version: schema.version, complete: true) {
            try schema.migrate(pool, progress: progress)
        } else if wasteful {
            try LibrarySchema.reclaimSpace(pool)
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
    /// format versions 2) of schema `newest` or older (`PRAGMA user_version`): opening it for
    /// writing then changes nothing it holds.
    @discardableResult
    static func checkHeader(_ path: String, newest: Int = LibrarySchema.current.version) throws(LibraryError) -> Bool {
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
        func number(at offset: Int) -> Int32 { Int32(bitPattern: head[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }) }
        return number(at: 68) == LibrarySchema.applicationID && head[18] == 2 && head[19] == 2 && number(at: 60) <= newest
    }

    /// Looks at an existing file read-only before the library is opened for writing (which turns
    /// on WAL mode, a change to the file): a database that is not docbao's is left exactly as it was.
    static func checkExisting(_ path: String, schema: LibrarySchema) throws {
        guard access(path, F_OK) == 0, !isEmptyFile(path) else { return }
        let queue = try readOnlyQueue(path)
        _ = try queue.read { db in try schema.inspect(db, path: path) }
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
        /// A library of an older schema that cannot be written, so cannot be upgraded: its schema,
        /// this docbao's, and why its file cannot be written.
        case needsUpgrade(from: Int, to: Int, String)
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
        case .newerSchema, .cannotOpen, .readOnly, .needsUpgrade, .sqlite: return false
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
        case .newerSchema(let v) where v > LibrarySchema.current.version:
            what = "was made by a newer docbao (schema \(v)); this one knows schema \(LibrarySchema.current.version)"
        case .newerSchema:
            what = "was made by a newer docbao (its schema has changes this one does not know)"
        case .missingTables(let t): what = "is a docbao library with missing tables (\(t.joined(separator: ", ")))"
        case .cannotOpen(let reason): what = "cannot be opened (\(reason))"
        case .readOnly(let reason): what = "is read-only (\(reason)): it can be listed, searched and read, not changed"
        case .needsUpgrade(let from, let to, let reason):
            what = "has schema \(from) and this docbao needs schema \(to), an upgrade it cannot write (\(reason)): open it once with write access, or use the docbao that made it"
        case .sqlite(let reason): what = "failed: \(reason)"
        }
        return what
    }
}

import DocBaoCore
import Foundation
import GRDB

/// `docbao library check`: what is wrong with a library file, read-only; with `--repair`, the
/// way out: the file is set aside (never deleted) and a new library gets what can be read of it.
public enum LibraryCheck {
    public struct Report: Equatable, Sendable {
        public var lines: [String] = []
        public var healthy = true
        /// Made by a newer docbao: sound, but not for this one, and not to be repaired.
        public var newer = false
    }

    /// Looks at the library at `path` without changing it.
    public static func check(path: String) -> Report {
        var report = Report()
        guard FileManager.default.fileExists(atPath: path) else {
            report.lines.append("\(path): no library yet (docbao add creates it)")
            return report
        }
        report.lines.append("library: \(path)")
        inspect(path, &report)
        if report.healthy {
            report.lines.append("ok")
        } else if !report.newer {
            report.lines.append("damaged: `docbao library check --repair` sets the file aside and starts a new library with what can be read from it")
        }
        return report
    }

    private static func inspect(_ path: String, _ report: inout Report) {
        do {
            try LibraryStore.checkHeader(path)
        } catch {
            report.healthy = false
            report.lines.append("problem: not an SQLite database (damaged, or another kind of file)")
            return
        }
        do {
            let queue = try readOnlyQueue(path)
            try queue.read { db in
                let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                if application != LibraryStore.applicationID {
                    report.healthy = false
                    report.lines.append("problem: an SQLite database docbao did not make (application id \(application); tables: \(tables.prefix(8).joined(separator: ", ")))")
                    return
                }
                report.lines.append("schema: \(version) (this docbao: \(LibraryStore.schemaVersion))")
                if version > LibraryStore.schemaVersion {
                    report.healthy = false
                    report.newer = true
                    report.lines.append("problem: made by a newer docbao; use that one (there is nothing to repair)")
                    return
                }
                let missing = LibraryStore.tableNames.filter { !tables.contains($0) }
                if !missing.isEmpty {
                    report.healthy = false
                    report.lines.append("problem: missing tables: \(missing.joined(separator: ", "))")
                    return
                }
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check(20)")
                if integrity != ["ok"] {
                    report.healthy = false
                    report.lines.append("problem: SQLite integrity check failed:")
                    report.lines += integrity.map { "  " + $0 }
                }
                for (name, sql) in [("articles", "SELECT count(*) FROM article"), ("texts", "SELECT count(*) FROM content"),
                                    ("reading positions", "SELECT count(*) FROM reading"), ("marks", "SELECT count(*) FROM mark")] {
                    report.lines.append("\(name): \(try Int.fetchOne(db, sql: sql) ?? 0)")
                }
            }
        } catch {
            report.healthy = false
            report.lines.append("problem: \(LibraryError(path: path, sqlite: error).summary)")
        }
    }

    /// Sets the library at `path` aside (renamed, with its -wal and -shm files) and makes a new one
    /// there holding every article, position and mark that can still be read from the old.
    public static func repair(path: String, now: Date = Date()) throws(LibraryError) -> Report {
        var report = Report()
        guard FileManager.default.fileExists(atPath: path) else {
            report.lines.append("\(path): no library yet; nothing to repair")
            return report
        }
        if check(path: path).newer {
            let version = (try? DatabaseQueue(path: path, configuration: readOnly).read { try Int.fetchOne($0, sql: "PRAGMA user_version") }) ?? nil
            throw LibraryError(path: path, problem: .newerSchema(version ?? 0))
        }
        let stamp = Int(now.timeIntervalSince1970)
        let aside = "\(path).broken-\(stamp)"
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            guard rename(path + suffix, aside + suffix) == 0 else {
                throw LibraryError(path: path, problem: .cannotOpen("cannot set it aside: \(String(cString: strerror(errno)))"))
            }
        }
        report.lines.append("set aside as \(aside) (not deleted)")
        let store = try LibraryStore(path: path)
        let saved = salvage(from: aside, into: store)
        report.lines.append("new library at \(path): \(saved.articles) articles, \(saved.positions) reading positions, \(saved.marks) marks saved"
                            + (saved.lost > 0 ? "; \(saved.lost) articles could not be read" : ""))
        return report
    }

    private static var readOnly: Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        return configuration
    }

    private static func readOnlyQueue(_ path: String) throws -> DatabaseQueue {
        try DatabaseQueue(path: path, configuration: readOnly)
    }

    /// Copies row by row what can be read from the old library, so one damaged page loses only the
    /// rows on it. A file that is not a docbao library gives nothing.
    static func salvage(from old: String, into store: LibraryStore) -> (articles: Int, positions: Int, marks: Int, lost: Int) {
        var result = (articles: 0, positions: 0, marks: 0, lost: 0)
        guard (try? LibraryStore.checkHeader(old)) != nil, let queue = try? readOnlyQueue(old) else { return result }
        try? queue.read { source in
            guard try Int32.fetchOne(source, sql: "PRAGMA application_id") == LibraryStore.applicationID else { return }
            let ids = (try? Int64.fetchAll(source, sql: "SELECT id FROM article ORDER BY id")) ?? []
            for id in ids {
                do {
                    guard let a = try Row.fetchOne(source, sql: "SELECT * FROM article WHERE id = ?", arguments: [id]),
                          let c = try Row.fetchOne(source, sql: "SELECT * FROM content WHERE id = ?", arguments: [id]) else {
                        result.lost += 1
                        continue
                    }
                    let text: String = c["text"]
                    try store.write { db in
                        try db.execute(sql: """
                            INSERT INTO article (id, hash, title, source, date, url, words, length, path, added)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """, arguments: [id, a["hash"], a["title"], a["source"], a["date"], a["url"], a["words"],
                                             a["length"], a["path"], a["added"]])
                        try db.execute(sql: "INSERT INTO content (id, original, model, text) VALUES (?, ?, ?, ?)",
                                       arguments: [id, c["original"], c["model"], text])
                        try db.execute(sql: "INSERT INTO fulltext (rowid, folded) VALUES (?, ?)",
                                       arguments: [id, VietnameseFolding.baseText(text)])
                    }
                    result.articles += 1
                } catch {
                    result.lost += 1
                }
            }
            for row in (try? Row.fetchAll(source, sql: "SELECT article, offset, progress, at FROM reading")) ?? [] {
                let id: Int64 = row[0]
                if (try? store.write({ db in
                    try db.execute(sql: "INSERT INTO reading (article, offset, progress, at) SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM article WHERE id = ?)",
                                   arguments: [id, row[1], row[2], row[3], id])
                    return db.changesCount
                })) == 1 { result.positions += 1 }
            }
            for row in (try? Row.fetchAll(source, sql: "SELECT article, letter, offset FROM mark")) ?? [] {
                let id: Int64 = row[0]
                if (try? store.write({ db in
                    try db.execute(sql: "INSERT INTO mark (article, letter, offset) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM article WHERE id = ?)",
                                   arguments: [id, row[1], row[2], id])
                    return db.changesCount
                })) == 1 { result.marks += 1 }
            }
        }
        return result
    }
}

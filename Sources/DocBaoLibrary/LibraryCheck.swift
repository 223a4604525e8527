import DocBaoCore
import Foundation
import GRDB

/// `docbao library check`: what is wrong with a library file, read-only; with `--repair`, the
/// way out for a damaged one: the file is set aside (never deleted) and a new library gets what
/// can be read of it.
public enum LibraryCheck {
    /// What the check found.
    public enum Verdict: Equatable, Sendable {
        case sound
        /// Not SQLite, damaged pages, missing tables: `--repair` is the way out.
        case damaged
        /// Another program's SQLite database: left alone (docbao was pointed at the wrong file).
        case foreign
        /// A library of a newer docbao: sound, only not for this one.
        case newer
        /// The file could not be read (permissions…): nothing is known about its state.
        case unreadable
    }

    public struct Report: Equatable, Sendable {
        public var lines: [String] = []
        public var verdict = Verdict.sound
        public var healthy: Bool { verdict == .sound }
        public var newer: Bool { verdict == .newer }
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
        switch report.verdict {
        case .sound: report.lines.append("ok")
        case .damaged:
            report.lines.append("damaged: `docbao library check --repair` sets the file aside and starts a new library with what can be read from it")
        case .foreign:
            report.lines.append("not a docbao library: docbao leaves it alone; use another --library, or move it away yourself")
        case .newer: report.lines.append("use the newer docbao (there is nothing to repair)")
        case .unreadable: report.lines.append("could not be checked (nothing is known to be wrong with the library itself)")
        }
        return report
    }

    private static func inspect(_ path: String, _ report: inout Report) {
        guard access(path, R_OK) == 0 else {
            report.verdict = .unreadable
            report.lines.append("problem: cannot be read (\(String(cString: strerror(errno))))")
            return
        }
        if LibraryStore.isEmptyFile(path) {
            // What a first `docbao add` killed in its first moments leaves: every command takes it
            // for a new library, which the next `add` fills.
            report.lines.append("empty: a new library with no articles yet (docbao add fills it)")
            return
        }
        do {
            try LibraryStore.checkHeader(path)
        } catch {
            report.verdict = .damaged
            report.lines.append("problem: not an SQLite database (damaged, or another kind of file)")
            return
        }
        do {
            let queue = try LibraryStore.readOnlyQueue(path)
            try queue.read { db in
                let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                if application != LibraryStore.applicationID {
                    report.verdict = .foreign
                    report.lines.append("problem: an SQLite database docbao did not make (application id \(application); tables: \(tables.prefix(8).joined(separator: ", ")))")
                    return
                }
                report.lines.append("schema: \(version) (this docbao: \(LibraryStore.schemaVersion))")
                if version > LibraryStore.schemaVersion {
                    report.verdict = .newer
                    report.lines.append("problem: made by a newer docbao")
                    return
                }
                let missing = LibraryStore.tableNames.filter { !tables.contains($0) }
                if !missing.isEmpty {
                    report.verdict = .damaged
                    report.lines.append("problem: missing tables: \(missing.joined(separator: ", "))")
                    return
                }
                let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check(20)")
                if integrity != ["ok"] {
                    report.verdict = .damaged
                    report.lines.append("problem: SQLite integrity check failed:")
                    report.lines += integrity.map { "  " + $0 }
                }
                for (name, sql) in [("articles", "SELECT count(*) FROM article"), ("texts", "SELECT count(*) FROM content"),
                                    ("reading positions", "SELECT count(*) FROM reading"), ("marks", "SELECT count(*) FROM mark")] {
                    report.lines.append("\(name): \(try Int.fetchOne(db, sql: sql) ?? 0)")
                }
            }
        } catch {
            let problem = LibraryError(path: path, sqlite: error)
            report.verdict = problem.isDamage ? .damaged : .unreadable
            report.lines.append("problem: \(problem.summary)")
        }
    }

    /// Sets the damaged library at `path` aside (renamed, with its -wal and -shm files) and makes
    /// a new one there holding every article, position and mark that can still be read from the
    /// old. A sound, foreign, newer or unreadable file is left as it is.
    /// - Returns: the report; `healthy` is false when some article could not be saved.
    public static func repair(path: String, now: Date = Date()) throws(LibraryError) -> Report {
        var report = Report()
        let found = check(path: path)
        switch found.verdict {
        case .sound:
            report.lines.append("\(path): sound; nothing to repair")
            return report
        case .foreign:
            throw LibraryError(path: path, problem: .cannotOpen("not a docbao library; --repair leaves other programs' databases alone"))
        case .newer:
            let version = (try? LibraryStore.readOnlyQueue(path).read { try Int.fetchOne($0, sql: "PRAGMA user_version") }) ?? nil
            throw LibraryError(path: path, problem: .newerSchema(version ?? 0))
        case .unreadable:
            throw LibraryError(path: path, problem: .cannotOpen(found.lines.last { $0.hasPrefix("problem:") } ?? "cannot be read"))
        case .damaged:
            break
        }
        // A free name: two repairs in the same second do not overwrite the first one's file.
        var aside = "\(path).broken-\(Int(now.timeIntervalSince1970))"
        var n = 1
        while FileManager.default.fileExists(atPath: aside) {
            n += 1
            aside = "\(path).broken-\(Int(now.timeIntervalSince1970))-\(n)"
        }
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            guard rename(path + suffix, aside + suffix) == 0 else {
                throw LibraryError(path: path, problem: .cannotOpen("cannot set it aside: \(String(cString: strerror(errno)))"))
            }
        }
        report.lines.append("set aside as \(aside) (not deleted); repair when no docbao is using the library")
        let store = try LibraryStore(path: path)
        let saved = LibrarySalvage.copy(from: aside, into: store, now: now.timeIntervalSince1970)
        report.lines.append("new library at \(path): \(saved.articles) articles, \(saved.positions) reading positions, \(saved.marks) marks saved"
                            + (saved.lost > 0 ? "; \(saved.lost) articles could not be read" : ""))
        if saved.lost > 0 { report.verdict = .damaged }
        return report
    }

}

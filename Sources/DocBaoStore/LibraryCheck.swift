import DocBaoCore
import Foundation
import GRDB

/// `docbao library check`: what is wrong with a library file, read-only; with `--repair`
/// (LibraryRepair.swift), the way out for a damaged one: a new library gets what can be read of
/// it and takes its place, the file itself set aside (never deleted).
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
        /// A repair stopped by a signal before it was complete: the library is as it was.
        public var interrupted = false
    }

    /// Looks at the library at `path` without changing it.
    public static func check(path: String) -> Report {
        check(path: path, schema: .current)
    }

    /// Looks at the library at `path` as a docbao of the schema `schema` would.
    static func check(path: String, schema: LibrarySchema) -> Report {
        var report = Report()
        guard FileManager.default.fileExists(atPath: path) else {
            report.lines.append("\(path): no library yet (docbao add creates it)")
            return report
        }
        report.lines.append("library: \(path)")
        if FileManager.default.fileExists(atPath: path + repairSuffix) {
            report.lines.append("note: \(path + repairSuffix) is an unfinished repair left by an interrupted `--repair`; the library does not use it, and the next --repair removes it")
        }
        inspect(path, schema, &report)
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

    private static func inspect(_ path: String, _ schema: LibrarySchema, _ report: inout Report) {
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
                if try LibrarySchema.isNew(db) {
                    // A first opening stopped before the library had its first table.
                    report.lines.append("empty: a new library with no articles yet (docbao add fills it)")
                    return
                }
                let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                let tables = try LibrarySchema.tables(db)
                if application != LibrarySchema.applicationID {
                    report.verdict = .foreign
                    report.lines.append("problem: an SQLite database docbao did not make (application id \(application); tables: \(tables.prefix(8).joined(separator: ", ")))")
                    return
                }
                report.lines.append("schema: \(version) (this docbao: \(schema.version))")
                let unknown = try schema.migrator.appliedIdentifiers(db).subtracting(schema.migrator.migrations)
                if version > schema.version || !unknown.isEmpty {
                    report.verdict = .newer
                    let steps = unknown.isEmpty ? "" : " (schema changes this one does not know: \(unknown.sorted().joined(separator: ", ")))"
                    report.lines.append("problem: made by a newer docbao" + steps)
                    return
                }
                if version < schema.version {
                    report.lines.append("note: upgraded to schema \(schema.version) when docbao next opens it with write access; older docbaos then refuse it")
                }
                let missing = LibrarySchema.tableNames.filter { !tables.contains($0) }
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
                let words = try checkContent(db, &report)
                try checkWords(db, words, current: version >= schema.version, &report)
                for (name, sql) in [("articles", "SELECT count(*) FROM article"), ("texts", "SELECT count(*) FROM content"),
                                    ("reading positions", "SELECT count(*) FROM reading"), ("marks", "SELECT count(*) FROM mark")] {
                    report.lines.append("\(name): \(try Int.fetchOne(db, sql: sql) ?? 0)")
                }
                // Schema 2: the files read where they are (a library not yet upgraded has none).
                if try db.tableExists("file_reading") {
                    report.lines.append("files with a reading position: \(try Int.fetchOne(db, sql: "SELECT count(*) FROM file_reading") ?? 0)")
                }
                // Schema 4: the subscriptions.
                if try db.tableExists("feed") {
                    report.lines.append("subscriptions: \(try Int.fetchOne(db, sql: "SELECT count(*) FROM feed") ?? 0)")
                }
            }
        } catch {
            let problem = LibraryError(path: path, sqlite: error)
            report.verdict = problem.isDamage ? .damaged : .unreadable
            report.lines.append("problem: \(problem.summary)")
        }
    }

    /// Reads every article's stored text, original and model back (schema 2 and later) and checks
    /// them against their checksum: a byte changed inside a deflated row, which SQLite's own check
    /// cannot see, is damage. The first 20 are named.
    /// Answers how many articles hold each folded word, from the texts read back.
    private static func checkContent(_ db: Database, _ report: inout Report) throws -> [String: Int] {
        var words = WordTally()
        guard try db.columns(in: "content").contains(where: { $0.name == "checksum" }) else { return [:] }
        var damaged: [String] = [], count = 0
        let rows = try Row.fetchCursor(db, sql: "SELECT \(StoredContent.columns), id FROM content ORDER BY id")
        while let row = try rows.next() {
            let problem: String
            do {
                guard let stored = StoredContent(row: row) else { throw Deflate.Damaged(description: "its row has the wrong types") }
                let text = try stored.decoded().text
                words.add(folded: VietnameseFolding.baseText(text))
                continue
            } catch {
                problem = "\(error)"
            }
            count += 1
            if damaged.count < 20 { damaged.append("  article \(row[4] as DatabaseValue): \(problem)") }
        }
        guard count > 0 else { return words.dictionary }
        report.verdict = .damaged
        report.lines.append("problem: \(count == 1 ? "1 article's" : "\(count) articles'") stored words no longer read back as they were added:")
        report.lines += damaged
        if count > damaged.count { report.lines.append("  … and \(count - damaged.count) more") }
        return words.dictionary
    }

    /// The words table (the search's, `LibraryWords`) must hold every word of the texts, with the
    /// number of articles that hold it: a word missing is an article searches would not find.
    /// A library of this docbao's schema must have it.
    private static func checkWords(_ db: Database, _ words: [String: Int], current: Bool, _ report: inout Report) throws {
        guard try db.tableExists("word") else {
            if current {
                report.verdict = .damaged
                report.lines.append("problem: missing tables: word")
            }
            return
        }
        var stored: [String: Int] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT word, articles FROM word")
        while let row = try rows.next() { stored[row[0] as String] = row[1] as Int }
        let wrong = Set(words.keys).union(stored.keys).filter { words[$0] != stored[$0] }
        report.lines.append("words indexed: \(stored.count)")
        guard !wrong.isEmpty else { return }
        report.verdict = .damaged
        let some = wrong.sorted().prefix(5).map { "\($0) (\(stored[$0] ?? 0) articles, the texts: \(words[$0] ?? 0))" }
        let count = wrong.count == 1 ? "1 word" : "\(wrong.count) words"
        report.lines.append("problem: the search's words table disagrees with the texts (\(count)): \(some.joined(separator: ", "))")
    }
}

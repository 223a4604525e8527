import DocBaoCore
import Foundation
import GRDB

/// What `library check --repair` copies out of a damaged library: row by row and article by
/// article through SQLite, so one damaged page loses only what is on it, and from the pages
/// themselves (`PageScan`) what SQLite cannot reach (a damaged header, schema or interior page).
enum LibrarySalvage {
    struct Counts {
        var articles = 0, positions = 0, marks = 0
        /// Articles known to have been in the file (their ids were met) that could not be saved.
        var lost = 0
        /// Pages whose content is unknown (`PageScan.unreadablePages`).
        var unreadablePages = 0
        /// Whether SQLite read the whole list of articles: then every article the file held is known.
        var listComplete = false
        /// Whether SQLite could read the file at all (else its pages were read one by one).
        var sqliteRead = false
    }

    /// The repair was stopped (a signal): nothing of it is kept.
    struct Stopped: Error {}

    /// Copies every article (with its position and marks) that can be read from the library at
    /// `old` into `target` (an empty library), checking each against its model first. `stop` is
    /// asked between articles.
    static func copy(from old: String, into target: DatabaseQueue, now: Double, stop: () -> Bool) throws -> Counts {
        let scan = try PageScan(path: old, stop: stop)
        var counts = Counts()
        counts.unreadablePages = scan?.unreadablePages ?? 0
        let queue = (try? LibraryStore.checkHeader(old)) != nil ? try? LibraryStore.readOnlyQueue(old) : nil
        var copied = false
        do {
            try queue?.read { source in
                guard try Int32.fetchOne(source, sql: "PRAGMA application_id") == LibrarySchema.applicationID else { return }
                counts.sqliteRead = true
                copied = true
                try copyArticles(source, scan, into: target, now: now, stop: stop, &counts)
                copyFileReadings(source, into: target)
                copyFeeds(source, into: target)
            }
        } catch let stopped as Stopped {
            throw stopped
        } catch {
            // SQLite could not even start reading: the pages alone.
        }
        if !copied { try copyArticles(nil, scan, into: target, now: now, stop: stop, &counts) }
        return counts
    }

    /// The positions and marks of files read where they are (schema 2), row by row through SQLite
    /// (the pages alone are not searched for them: they are a convenience, the articles are not).
    static func copyFileReadings(_ source: Database, into target: DatabaseQueue) {
        for (table, columns) in [("file_reading", "file, path, offset, progress, at"), ("file_mark", "file, letter, offset")] {
            guard (try? source.tableExists(table)) == true,
                  let rows = try? Row.fetchAll(source, sql: "SELECT \(columns) FROM \(table)") else { continue }
            let marks = Array(repeating: "?", count: rows.first?.count ?? 0).joined(separator: ", ")
            for row in rows {
                _ = try? target.write { db in
                    try db.execute(sql: "INSERT OR IGNORE INTO \(table) (\(columns)) VALUES (\(marks))",
                                   arguments: StatementArguments(row.databaseValues))
                }
            }
        }
    }

    /// The subscriptions (schema 4), which of the saved articles came from which and the entries
    /// whose articles were removed, row by row through SQLite: a feed lost only means its entries
    /// are fetched again by the next update.
    static func copyFeeds(_ source: Database, into target: DatabaseQueue) {
        let columns = "id, url, title, name, site, added, etag, modified, checked, error"
        guard (try? source.tableExists("feed")) == true,
              let feeds = try? Row.fetchAll(source, sql: "SELECT \(columns) FROM feed") else { return }
        for row in feeds {
            _ = try? target.write { db in
                try db.execute(sql: "INSERT OR IGNORE INTO feed (\(columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               arguments: StatementArguments(row.databaseValues))
            }
        }
        // Read from both ends, as the articles are: a scan stops at a damaged page.
        var links: [Row] = []
        for order in ["ASC", "DESC"] {
            guard let rows = try? Row.fetchCursor(source, sql: "SELECT id, feed, guid FROM article WHERE feed IS NOT NULL ORDER BY id \(order)") else { continue }
            while let row = try? rows.next() { links.append(row.copy()) }
        }
        _ = try? target.write { db in
            for link in links {
                try? db.execute(sql: "UPDATE article SET feed = ?, guid = ? WHERE id = ? AND ? IN (SELECT id FROM feed)",
                                arguments: [link[1], link[2], link[0], link[1]])
            }
        }
        // The entries whose articles the user removed (schema 4): lost, the next update would add
        // them again.
        guard (try? source.tableExists("removed_entry")) == true,
              let removed = try? Row.fetchAll(source, sql: "SELECT feed, guid FROM removed_entry") else { return }
        _ = try? target.write { db in
            for row in removed {
                try? db.execute(sql: "INSERT OR IGNORE INTO removed_entry (feed, guid) SELECT ?, ? WHERE ? IN (SELECT id FROM feed)",
                                arguments: [row[0], row[1], row[0]])
            }
        }
    }

    private static func copyArticles(_ source: Database?, _ scan: PageScan?, into target: DatabaseQueue, now: Double,
                                     stop: () -> Bool, _ counts: inout Counts) throws {
        // The ids from both tables, each scanned from both ends: a scan stops at a damaged page,
        // the other direction reaches the rows beyond it. Then every id met on a page.
        var ids = Set<Int64>()
        if let source {
            for table in ["article", "content"] {
                for order in ["ASC", "DESC"] {
                    let (found, complete) = readable(source, "SELECT id FROM \(table) ORDER BY id \(order)")
                    ids.formUnion(found)
                    if table == "article" && complete { counts.listComplete = true }
                }
            }
        }
        let met = scan.map { $0.articleIDs.union($0.contentIDs) } ?? []
        ids.formUnion(met)
        for id in ids.sorted() {
            if stop() { throw Stopped() }
            let listed = source.flatMap { try? Row.fetchOne($0, sql: "SELECT * FROM article WHERE id = ?", arguments: [id]) }
                .flatMap { try? ArticleRow(row: $0) }
            guard let content = self.content(id, source, scan), let row = listed ?? rebuiltRow(id, content, scan, now: now) else {
                // An id SQLite read on a damaged page, with no row behind it on any page, is noise.
                if listed != nil || met.contains(id) { counts.lost += 1 }
                continue
            }
            do {
                try target.write { db in
                    try db.execute(sql: """
                        INSERT INTO article (id, hash, title, source, date, url, words, length, path, added)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [id, row.hash, row.title, row.source, row.date, row.url, row.words, content.text.utf8.count,
                                         row.path, row.added])
                    try db.execute(sql: "INSERT INTO content (id, \(StoredContent.columns)) VALUES (?, ?, ?, ?, ?)",
                                   arguments: StatementArguments([id] + StoredContent(content).arguments))
                    try LibraryWords.add(id, folded: VietnameseFolding.baseText(content.text), db)
                }
                counts.articles += 1
            } catch {
                counts.lost += 1
                continue
            }
            let read = source.flatMap { try? Row.fetchOne($0, sql: "SELECT offset, progress, at FROM reading WHERE article = ?", arguments: [id]) }
                .flatMap { row -> (offset: Int64, progress: Double, at: Double)? in
                    // (Values read from a damaged file are converted without trusting their types.)
                    guard let offset = Int64.fromDatabaseValue(row[0]), let progress = Double.fromDatabaseValue(row[1]),
                          let at = Double.fromDatabaseValue(row[2]) else { return nil }
                    return (offset, progress, at)
                } ?? scan?.positions[id]
            if let r = read, (try? target.write({ db in
                try db.execute(sql: "INSERT INTO reading (article, offset, progress, at) VALUES (?, ?, ?, ?)",
                               arguments: [id, r.offset, r.progress, r.at])
            })) != nil {
                counts.positions += 1
            }
            var marks: [String: Int64] = scan?.marks[id] ?? [:]
            if let source, let rows = try? Row.fetchAll(source, sql: "SELECT letter, offset FROM mark WHERE article = ?", arguments: [id]) {
                for m in rows {
                    if let letter = String.fromDatabaseValue(m[0]), let offset = Int64.fromDatabaseValue(m[1]) { marks[letter] = offset }
                }
            }
            for (letter, offset) in marks.sorted(by: { $0.key < $1.key }) {
                if (try? target.write({ db in
                    try db.execute(sql: "INSERT INTO mark (article, letter, offset) VALUES (?, ?, ?)", arguments: [id, letter, offset])
                })) != nil { counts.marks += 1 }
            }
        }
    }

    /// The article's content row, through SQLite or from the pages, when its model decodes and
    /// gives its text: a row from a damaged file is kept only when it is whole.
    private static func content(_ id: Int64, _ source: Database?, _ scan: PageScan?) -> PageScan.Content? {
        // Schema 2's row (deflated, with a checksum), else schema 1's (the three as they are).
        if let db = source, let row = try? Row.fetchOne(db, sql: "SELECT \(StoredContent.columns) FROM content WHERE id = ?", arguments: [id]),
           let stored = StoredContent(row: row), let read = try? stored.decoded(), agrees(read) {
            return read
        }
        let read = source.flatMap { try? Row.fetchOne($0, sql: "SELECT original, model, text FROM content WHERE id = ?", arguments: [id]) }
            .flatMap { row -> PageScan.Content? in
                guard let original = Data.fromDatabaseValue(row["original"]), let model = String.fromDatabaseValue(row["model"]),
                      let text = String.fromDatabaseValue(row["text"])
                else { return nil }
                return PageScan.Content(original: [UInt8](original), model: model, text: text)
            }
        func agrees(_ c: PageScan.Content) -> Bool {
            guard let article = try? ArticleJSON.decode(Array(c.model.utf8)) else { return false }
            return ArticleBytes.plainText(article) == c.text
        }
        if let read, agrees(read) { return read }
        if let found = scan?.content(id), agrees(found) { return found }
        return nil
    }

    /// The ids a query yields until it meets a damaged page, and whether it reached the end.
    private static func readable(_ db: Database, _ sql: String) -> ([Int64], complete: Bool) {
        var ids: [Int64] = []
        guard let cursor = try? Int64.fetchCursor(db, sql: sql) else { return (ids, false) }
        while true {
            do {
                guard let next = try cursor.next() else { return (ids, true) }
                ids.append(next)
            } catch {
                return (ids, false)
            }
        }
    }

    /// The article's `article` row rebuilt from its model and text, with what its row on the pages
    /// still says (its title, file and when it was added), if it was found.
    private static func rebuiltRow(_ id: Int64, _ content: PageScan.Content, _ scan: PageScan?, now: Double) -> ArticleRow? {
        guard var rebuilt = try? ArticleRow(model: content.model, text: content.text, added: now) else { return nil }
        if let facts = scan?.articles[id] {
            if !facts.title.isEmpty { rebuilt.title = facts.title }
            rebuilt.path = facts.path
            rebuilt.added = facts.added
        }
        return rebuilt
    }

    /// An `article` row: read back, or rebuilt from the model when it is lost.
    private struct ArticleRow {
        var hash: Int64, title: String, source: String?, date: String?, url: String?, words: Int, path: String?, added: Double

        /// A row read from a damaged file: each value of its column's type, or the row is not used.
        init(row: Row) throws {
            func text(_ column: String) throws -> String? {
                switch (row[column] as DatabaseValue).storage {
                case .null: return nil
                case .string(let s): return s
                default: throw PageScan.Unusable()
                }
            }
            guard case .int64(let hash) = (row["hash"] as DatabaseValue).storage, let title = try text("title"),
                  case .int64(let words) = (row["words"] as DatabaseValue).storage else { throw PageScan.Unusable() }
            switch (row["added"] as DatabaseValue).storage {
            case .double(let d): added = d
            case .int64(let i): added = Double(i)
            default: throw PageScan.Unusable()
            }
            self.hash = hash; self.title = title; self.words = Int(words)
            source = try text("source"); date = try text("date"); url = try text("url"); path = try text("path")
        }

        init(model: String, text: String, added: Double) throws {
            let article = try ArticleJSON.decode(Array(model.utf8))
            let heading = article.title.trimmingCharacters(in: .whitespaces)
            hash = PreparedArticle.hash(article); title = heading.isEmpty ? "?" : heading
            source = article.metadata.sourceName; date = article.metadata.date; url = article.metadata.url
            words = PreparedArticle.wordCount(text); path = nil
            self.added = added
        }
    }
}

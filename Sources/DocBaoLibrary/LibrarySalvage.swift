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
        let scan = PageScan(path: old)
        var counts = Counts()
        counts.unreadablePages = scan?.unreadablePages ?? 0
        let queue = (try? LibraryStore.checkHeader(old)) != nil ? try? LibraryStore.readOnlyQueue(old) : nil
        var copied = false
        do {
            try queue?.read { source in
                guard try Int32.fetchOne(source, sql: "PRAGMA application_id") == LibraryStore.applicationID else { return }
                counts.sqliteRead = true
                copied = true
                try copyArticles(source, scan, into: target, now: now, stop: stop, &counts)
            }
        } catch let stopped as Stopped {
            throw stopped
        } catch {
            // SQLite could not even start reading: the pages alone.
        }
        if !copied { try copyArticles(nil, scan, into: target, now: now, stop: stop, &counts) }
        return counts
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
        if let scan { ids.formUnion(scan.articleIDs.union(scan.contentIDs)) }
        for id in ids.sorted() {
            if stop() { throw Stopped() }
            guard let content = self.content(id, source, scan), let row = articleRow(id, content, source, scan, now: now) else {
                counts.lost += 1
                continue
            }
            do {
                try target.write { db in
                    try db.execute(sql: """
                        INSERT INTO article (id, hash, title, source, date, url, words, length, path, added)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [id, row.hash, row.title, row.source, row.date, row.url, row.words, content.text.utf8.count,
                                         row.path, row.added])
                    try db.execute(sql: "INSERT INTO content (id, original, model, text) VALUES (?, ?, ?, ?)",
                                   arguments: [id, Data(content.original), content.model, content.text])
                    try db.execute(sql: "INSERT INTO fulltext (rowid, folded) VALUES (?, ?)",
                                   arguments: [id, VietnameseFolding.baseText(content.text)])
                }
                counts.articles += 1
            } catch {
                counts.lost += 1
                continue
            }
            let read = source.flatMap { try? Row.fetchOne($0, sql: "SELECT offset, progress, at FROM reading WHERE article = ?", arguments: [id]) }
                .map { (offset: $0[0] as Int64, progress: $0[1] as Double, at: $0[2] as Double) } ?? scan?.positions[id]
            if let r = read, (try? target.write({ db in
                try db.execute(sql: "INSERT INTO reading (article, offset, progress, at) VALUES (?, ?, ?, ?)",
                               arguments: [id, r.offset, r.progress, r.at])
            })) != nil {
                counts.positions += 1
            }
            var marks: [String: Int64] = scan?.marks[id] ?? [:]
            if let source, let rows = try? Row.fetchAll(source, sql: "SELECT letter, offset FROM mark WHERE article = ?", arguments: [id]) {
                for m in rows { marks[m[0]] = m[1] }
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
        let read = source.flatMap { try? Row.fetchOne($0, sql: "SELECT original, model, text FROM content WHERE id = ?", arguments: [id]) }
            .flatMap { row -> PageScan.Content? in
                guard let original = row["original"] as Data?, let model = row["model"] as String?, let text = row["text"] as String?
                else { return nil }
                return PageScan.Content(original: [UInt8](original), model: model, text: text)
            }
        for candidate in [read, scan?.contents[id]] {
            guard let candidate, let article = try? ArticleJSON.decode(Array(candidate.model.utf8)),
                  ArticleBytes.plainText(article) == candidate.text else { continue }
            return candidate
        }
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

    /// The article's `article` row: read back through SQLite or from the pages, or rebuilt from its
    /// model when it is lost.
    private static func articleRow(_ id: Int64, _ content: PageScan.Content, _ source: Database?, _ scan: PageScan?, now: Double) -> ArticleRow? {
        if let row = source.flatMap({ try? Row.fetchOne($0, sql: "SELECT * FROM article WHERE id = ?", arguments: [id]) }),
           let read = try? ArticleRow(row: row) {
            return read
        }
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

        init(row: Row) throws {
            guard let title = row["title"] as String?, let words = row["words"] as Int?, let added = row["added"] as Double?,
                  let hash = row["hash"] as Int64? else { throw PageScan.Unusable() }
            self.hash = hash; self.title = title; self.words = words; self.added = added
            source = row["source"]; date = row["date"]; url = row["url"]; path = row["path"]
        }

        init(model: String, text: String, added: Double) throws {
            let article = try ArticleJSON.decode(Array(model.utf8))
            let heading = article.title.trimmingCharacters(in: .whitespaces)
            hash = PreparedArticle.hash(text); title = heading.isEmpty ? "?" : heading
            source = article.metadata.sourceName; date = article.metadata.date; url = article.metadata.url
            words = PreparedArticle.wordCount(text); path = nil
            self.added = added
        }
    }
}

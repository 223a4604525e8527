import DocBaoCore
import Foundation
import GRDB

/// What `library check --repair` copies out of a damaged library: row by row and article by
/// article, so one damaged page loses only what is on it.
enum LibrarySalvage {
    struct Counts {
        var articles = 0, positions = 0, marks = 0, lost = 0
    }

    /// Copies every article (with its position and marks) that can be read from the library at
    /// `old` into `store`. An article whose list row is lost is rebuilt from its model and text.
    static func copy(from old: String, into store: LibraryStore, now: Double) -> Counts {
        var counts = Counts()
        guard (try? LibraryStore.checkHeader(old)) != nil, let queue = try? LibraryStore.readOnlyQueue(old) else { return counts }
        try? queue.read { source in
            guard try Int32.fetchOne(source, sql: "PRAGMA application_id") == LibraryStore.applicationID else { return }
            // The ids from both tables, each scanned from both ends: a scan stops at a damaged page,
            // the other direction reaches the rows beyond it.
            var ids = Set<Int64>()
            for table in ["article", "content"] {
                for order in ["ASC", "DESC"] {
                    ids.formUnion(readable(source, "SELECT id FROM \(table) ORDER BY id \(order)"))
                }
            }
            for id in ids.sorted() {
                do {
                    guard let c = try Row.fetchOne(source, sql: "SELECT original, model, text FROM content WHERE id = ?", arguments: [id]) else {
                        counts.lost += 1
                        continue
                    }
                    let text: String = c["text"]
                    let model: String = c["model"]
                    let a = try? Row.fetchOne(source, sql: "SELECT * FROM article WHERE id = ?", arguments: [id])
                    let row = try a.map(ArticleRow.init(row:)) ?? ArticleRow(model: model, text: text, added: now)
                    try store.write { db in
                        try db.execute(sql: """
                            INSERT INTO article (id, hash, title, source, date, url, words, length, path, added)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """, arguments: [id, row.hash, row.title, row.source, row.date, row.url, row.words, text.utf8.count,
                                             row.path, row.added])
                        try db.execute(sql: "INSERT INTO content (id, original, model, text) VALUES (?, ?, ?, ?)",
                                       arguments: [id, c["original"] as Data, model, text])
                        try db.execute(sql: "INSERT INTO fulltext (rowid, folded) VALUES (?, ?)",
                                       arguments: [id, VietnameseFolding.baseText(text)])
                    }
                    counts.articles += 1
                } catch {
                    counts.lost += 1
                    continue
                }
                if let r = try? Row.fetchOne(source, sql: "SELECT offset, progress, at FROM reading WHERE article = ?", arguments: [id]),
                   (try? store.write({ db in
                       try db.execute(sql: "INSERT INTO reading (article, offset, progress, at) VALUES (?, ?, ?, ?)",
                                      arguments: [id, r[0], r[1], r[2]])
                   })) != nil {
                    counts.positions += 1
                }
                for m in (try? Row.fetchAll(source, sql: "SELECT letter, offset FROM mark WHERE article = ?", arguments: [id])) ?? [] {
                    if (try? store.write({ db in
                        try db.execute(sql: "INSERT INTO mark (article, letter, offset) VALUES (?, ?, ?)", arguments: [id, m[0], m[1]])
                    })) != nil { counts.marks += 1 }
                }
            }
        }
        return counts
    }

    /// The ids a query yields until it meets a damaged page.
    private static func readable(_ db: Database, _ sql: String) -> [Int64] {
        var ids: [Int64] = []
        guard let cursor = try? Int64.fetchCursor(db, sql: sql) else { return ids }
        while true {
            guard let next = try? cursor.next() else { return ids }
            ids.append(next)
        }
    }

    /// An `article` row: read back, or rebuilt from the model when it is lost.
    private struct ArticleRow {
        var hash: Int64, title: String, source: String?, date: String?, url: String?, words: Int, path: String?, added: Double

        init(row: Row) {
            hash = row["hash"]; title = row["title"]; source = row["source"]; date = row["date"]; url = row["url"]
            words = row["words"]; path = row["path"]; added = row["added"]
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

import DocBaoCore
import Foundation
import GRDB

extension LibraryStore {
    /// Removes the articles `ids` in one transaction, with their text, index entry, position and
    /// marks; answers the ids that were there (and are removed), in the order given, once each.
    /// The files they came from are never touched.
    ///
    /// The full-text table is contentless: an entry is removed by giving FTS5 the text it indexed,
    /// the folded text of the article's text (the words table then loses the words no other
    /// article holds). That is the fold of this docbao, the one its queries
    /// use: a docbao whose folding changes must rebuild the index anyway (a schema step), since its
    /// queries would no longer match the old entries.
    @discardableResult
    public func remove(_ ids: [Int64]) throws(LibraryError) -> [Int64] {
        try write { db in
            var removed: [Int64] = []
            for id in ids where !removed.contains(id) {
                if try Self.remove(id, db) { removed.append(id) }
            }
            return removed
        }
    }

    /// Removes one article in the caller's transaction; false when there was none of that id.
    static func remove(_ id: Int64, _ db: Database) throws -> Bool {
        guard let stored = try Data.fetchOne(db, sql: "SELECT text FROM content WHERE id = ?", arguments: [id]) else {
            // A list row without its content (a damaged library) goes too.
            try db.execute(sql: "DELETE FROM article WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
        // The text is kept deflated (`StoredContent`): what was indexed is its fold.
        let text = try StoredContent.text(stored)
        try LibraryWords.remove(id, folded: VietnameseFolding.baseText(text), db)
        // A feed's entry removed stays removed: the next update must not add it again.
        try db.execute(sql: """
            INSERT OR IGNORE INTO removed_entry (feed, guid)
            SELECT feed, guid FROM article WHERE id = ? AND feed IS NOT NULL AND guid IS NOT NULL
            """, arguments: [id])
        // The content, position and marks go with it (ON DELETE CASCADE).
        try db.execute(sql: "DELETE FROM article WHERE id = ?", arguments: [id])
        return true
    }
}

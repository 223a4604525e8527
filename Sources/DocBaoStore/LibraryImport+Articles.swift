import DocBaoCore
import Foundation
import GRDB

extension LibraryStore {
    /// Every address the library's articles have: a feed's entries already added are told by it,
    /// in one read rather than a query per entry (the column has no index).
    public func knownURLs() throws(LibraryError) -> Set<String> {
        try read { db in Set(try String.fetchAll(db, sql: "SELECT url FROM article WHERE url IS NOT NULL")) }
    }
}

extension LibraryImport {
    /// Articles made in memory (a feed's entries) into the library, `batchSize` to a transaction.
    /// `prepare(i)` makes the i-th, one batch at a time, so 100,000 entries are never all in memory
    /// as articles. An article whose address (`url`) the library or an earlier one already has is a
    /// duplicate; so is one of the same text, as for files.
    public static func runArticles(count: Int, into store: LibraryStore, batchSize: Int = 256,
                                   prepare: (Int) -> Result<PreparedArticle, Skipped>,
                                   progress: (Int, Int) -> Void = { _, _ in }) throws(Interrupted) -> Summary {
        var summary = Summary()
        var known: Set<String>
        do { known = try store.knownURLs() } catch { throw Interrupted(error: error, summary: summary) }
        var start = 0
        while start < count {
            let end = min(count, start + max(1, batchSize))
            var ready: [PreparedArticle] = []
            for i in start..<end {
                switch prepare(i) {
                case .success(let article):
                    if let url = article.url, !url.isEmpty, !known.insert(url).inserted {
                        summary.duplicates += 1
                        continue
                    }
                    ready.append(article)
                case .failure(let skip): summary.skipped.append(skip)
                }
            }
            try add(ready, into: store, summary: &summary)
            start = end
            progress(end, count)
        }
        return summary
    }
}

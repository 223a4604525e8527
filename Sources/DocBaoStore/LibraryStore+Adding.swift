import DocBaoCore
import Foundation
import GRDB

/// An article made ready for the library off the writer's thread: its text, folded text, model
/// and the facts the library view lists.
public struct PreparedArticle: Sendable {
    public let title: String
    public let source: String?
    public let date: String?
    public let url: String?
    public let words: Int
    /// The text (`ArticleBytes.plainText`), and the FNV-1a 64 hash of its identity
    /// (`ArticleIdentity`: no white space, no link references), which finds duplicates.
    public let text: String
    public let hash: Int64
    /// The hash of the text itself: how libraries written before issue 16 found duplicates, still
    /// looked up so that their articles are found too.
    let textHash: Int64
    /// What makes it the same article as another (`ArticleIdentity`).
    let identity: String
    let folded: String
    /// The text, original and model as the library keeps them (deflated here, on every core).
    let stored: StoredContent
    let path: String?

    /// - Parameters:
    ///   - original: the bytes the article was read from, kept as they were.
    ///   - path: where they came from (absolute), or nil.
    ///   - fallbackTitle: the title when the article has none (the file's name).
    public init(article: Article, original: [UInt8], path: String?, fallbackTitle: String) throws {
        let text = ArticleBytes.plainText(article)
        let title = article.title.trimmingCharacters(in: .whitespaces)
        self.title = title.isEmpty ? fallbackTitle : title
        source = article.metadata.sourceName
        date = article.metadata.date
        url = article.metadata.url
        words = Self.wordCount(text)
        self.text = text
        identity = ArticleIdentity.of(article)
        hash = Self.fnv1a(identity)
        textHash = Self.fnv1a(text)
        folded = VietnameseFolding.baseText(text)
        stored = try StoredContent(ArticleContent(original: original, model: try ArticleJSON.encode(article, compact: true), text: text))
        self.path = path
    }

    /// Runs of characters between white space (ASCII white space is what separates words here).
    static func wordCount(_ text: String) -> Int {
        var count = 0, inWord = false
        for b in text.utf8 {
            let space = b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }

    /// FNV-1a, 64 bits: enough to find candidates; the texts are compared before a duplicate is
    /// called one.
    static func hash(_ article: Article) -> Int64 { fnv1a(ArticleIdentity.of(article)) }

    static func fnv1a(_ text: String) -> Int64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return Int64(bitPattern: h)
    }
}

/// What adding one article did.
public enum AddOutcome: Equatable, Sendable {
    case added(Int64)
    /// The same text was already in the library, under this id.
    case duplicate(Int64)
}

extension LibraryStore {
    /// Adds the articles in one transaction: all of them are in the library afterwards, or, if the
    /// process dies first, none of them; what earlier calls committed is never lost.
    public func add(_ batch: [PreparedArticle], now: Double = Date().timeIntervalSince1970) throws(LibraryError) -> [AddOutcome] {
        try write { db in
            var outcomes: [AddOutcome] = []
            outcomes.reserveCapacity(batch.count)
            var spellings: [String: String]?
            var words = WordTally()
            for a in batch {
                if let id = try Self.existing(a, db) {
                    outcomes.append(.duplicate(id))
                    continue
                }
                outcomes.append(.added(try Self.insert(a, db, now: now, spellings: &spellings, words: &words)))
            }
            try LibraryWords.addWords(words, db)
            return outcomes
        }
    }

    /// Writes one new article (its row, content and index entry) in the caller's transaction;
    /// answers its id. Its words are counted into `words`, for the caller to add to the words
    /// table once for the whole batch (`LibraryWords.addWords`). `feed` and `guid`: the
    /// subscription it came from and its entry's guid.
    static func insert(_ a: PreparedArticle, _ db: Database, now: Double, spellings: inout [String: String]?,
                       words: inout WordTally, feed: Int64? = nil, guid: String? = nil) throws -> Int64 {
        let source = try a.source.map { try grouped($0, db, &spellings) }
        try db.execute(sql: """
            INSERT INTO article (hash, title, source, date, url, words, length, path, added, feed, guid)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [a.hash, a.title, source, a.date, a.url, a.words, a.text.utf8.count, a.path, now, feed, guid])
        let id = db.lastInsertedRowID
        try db.execute(sql: "INSERT INTO content (id, \(StoredContent.columns)) VALUES (?, ?, ?, ?, ?)",
                       arguments: StatementArguments([id] + a.stored.arguments))
        try LibraryWords.add(id, folded: a.folded, counting: &words, db)
        return id
    }

    /// `source` spelled as the library already spells it, ignoring case ("VnExpress" for a new
    /// "Vnexpress"), so that one source is listed and grouped as one. `spellings` (lowercased name
    /// → spelling) is read from the library once per batch and kept up to date.
    private static func grouped(_ source: String, _ db: Database, _ spellings: inout [String: String]?) throws -> String {
        if spellings == nil {
            var known: [String: String] = [:]
            for name in try String.fetchAll(db, sql: "SELECT source FROM article WHERE source IS NOT NULL ORDER BY id") {
                if known[name.lowercased()] == nil { known[name.lowercased()] = name }
            }
            spellings = known
        }
        let key = source.lowercased()
        if let spelling = spellings![key] { return spelling }
        spellings![key] = source
        return source
    }

    /// The article with the same text (the same identity: `ArticleIdentity`), if there is one.
    /// Rows added before identities were hashed carry the hash of their text itself.
    static func existing(_ a: PreparedArticle, _ db: Database) throws -> Int64? {
        let rows = try Row.fetchAll(db, sql: """
            SELECT article.id, content.text FROM article JOIN content ON content.id = article.id
            WHERE article.hash IN (?, ?)
            """, arguments: [a.hash, a.textHash])
        var others: [Int64] = []
        for row in rows {
            if try StoredContent.text(row[1]).utf8.elementsEqual(a.text.utf8) { return row[0] }
            others.append(row[0])
        }
        // Rarely more than one candidate: its model read back only to compare identities.
        return try others.first { id in
            guard let model = try? StoredContent.fetch(db, id)?.decoded().model,
                  let stored = try? ArticleJSON.decode(Array(model.utf8)) else { return false }
            return ArticleIdentity.of(stored) == a.identity
        }
    }

    /// Runs `body` in an immediate write transaction, turning SQLite's errors into `LibraryError`.
    func write<T>(_ body: (Database) throws -> T) throws(LibraryError) -> T {
        if let readOnlyReason { throw LibraryError(path: path, problem: .readOnly(readOnlyReason)) }
        return try mappingErrors { try pool.write(body) }
    }

    /// Runs `body` on a read snapshot, turning SQLite's errors into `LibraryError`.
    func read<T>(_ body: (Database) throws -> T) throws(LibraryError) -> T {
        try mappingErrors { try pool.read(body) }
    }

    private func mappingErrors<T>(_ access: () throws -> T) throws(LibraryError) -> T {
        do {
            return try access()
        } catch let error as LibraryError {
            throw error
        } catch let error as Deflate.Damaged {
            throw LibraryError(path: path, problem: .corrupt("an article's stored text: \(error)"))
        } catch {
            throw LibraryError(path: path, sqlite: error)
        }
    }
}

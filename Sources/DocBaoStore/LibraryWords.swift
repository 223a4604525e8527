import DocBaoCore
import Foundation
import GRDB

/// The library's search index: the full-text table (FTS5 over each article's folded text) and the
/// table of the distinct folded words of the library, `word`, with how many articles hold each.
///
/// FTS5 finds words and their starts; a query may start inside a word ("ệ" in "Việt", "người" in
/// "giúpngười"), so the words that hold a query's first piece are looked up in `word` first and
/// handed to FTS5 by name (`LibraryCandidates`). Both are written together, in the transaction
/// that adds or removes the article.
enum LibraryWords {
    /// Schema step: the words table, filled from every article's text in the step's transaction.
    static func addWordTable(_ db: Database, _ progress: UpgradeRows) throws {
        try createTable(db)
        var tally = WordTally()
        try progress.start(db, counting: "content")
        let rows = try Row.fetchCursor(db, sql: "SELECT text FROM content ORDER BY id")
        while let row = try rows.next() {
            progress.advance()
            guard let stored = Data.fromDatabaseValue(row[0]) else { continue }
            tally.add(folded: VietnameseFolding.baseText(try StoredContent.text(stored)))
        }
        let insert = try db.makeStatement(sql: "INSERT INTO word (word, articles) VALUES (?, ?)")
        for i in 0..<tally.count { try insert.execute(arguments: [tally.word(i), Int(tally.counts[i])]) }
    }

    static func createTable(_ db: Database) throws {
        try db.execute(sql: """
            -- The distinct words of the folded texts ("nguoi", "giupnguoi") and how many articles hold
            -- each: where a query that starts inside a word finds the words to ask the index for.
            CREATE TABLE word (
                word TEXT PRIMARY KEY,
                articles INTEGER NOT NULL
            ) WITHOUT ROWID
            """)
    }

    /// Indexes article `id` whose folded text is `folded` (`VietnameseFolding.baseText`).
    static func add(_ id: Int64, folded: String, _ db: Database) throws {
        var words = WordTally()
        try add(id, folded: folded, counting: &words, db)
        try addWords(words, db)
    }

    /// Indexes article `id` in the full-text table and counts its words into `words`, which the
    /// caller adds to the words table (`addWords`) before its transaction ends: a batch of
    /// articles then writes each of its words once (a row per word and article made the words
    /// upkeep most of an import's time).
    static func add(_ id: Int64, folded: String, counting words: inout WordTally, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO fulltext (rowid, folded) VALUES (?, ?)", arguments: [id, folded])
        words.add(folded: folded)
    }

    /// Adds the words counted in `words` to the words table.
    static func addWords(_ words: WordTally, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO word (word, articles) VALUES (?, ?) ON CONFLICT (word) DO UPDATE SET articles = articles + excluded.articles
            """)
        for i in 0..<words.count { try statement.execute(arguments: [words.word(i), Int(words.counts[i])]) }
    }

    /// Takes article `id`, whose folded text was `folded`, out of the index: a word no other
    /// article holds leaves the words table.
    static func remove(_ id: Int64, folded: String, _ db: Database) throws {
        try db.execute(sql: "INSERT INTO fulltext (fulltext, rowid, folded) VALUES ('delete', ?, ?)", arguments: [id, folded])
        let decrement = try db.cachedStatement(sql: "UPDATE word SET articles = articles - 1 WHERE word = ?")
        let drop = try db.cachedStatement(sql: "DELETE FROM word WHERE word = ? AND articles <= 0")
        for word in words(ofFolded: folded) {
            try decrement.execute(arguments: [word])
            try drop.execute(arguments: [word])
        }
    }

    /// The distinct words of a folded text as FTS5's tokenizer (unicode61) cuts them: runs of
    /// letters, digits and private-use characters.
    static func words(ofFolded folded: String) -> Set<String> {
        var result = Set<String>()
        forEachWord(inFolded: folded) { result.insert(String(decoding: $0, as: UTF8.self)) }
        return result
    }

    /// Calls `body` with the bytes of each word of a folded text, in order, repeats included (see
    /// `words(ofFolded:)`). Read byte by byte: folded text is mostly ASCII.
    static func forEachWord(inFolded folded: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var folded = folded
        folded.makeContiguousUTF8()
        folded.utf8.withContiguousStorageIfAvailable { bytes in
            var start = -1, i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                var length = 1
                let word: Bool
                if b < 0x80 {
                    word = (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A)
                } else {
                    length = b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
                    var v = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for k in 1..<min(length, n - i) { v = v << 6 | UInt32(bytes[i + k] & 0x3F) }
                    word = Unicode.Scalar(v).map(isWordScalar) ?? false
                }
                if word {
                    if start < 0 { start = i }
                } else if start >= 0 {
                    body(UnsafeBufferPointer(rebasing: bytes[start..<i]))
                    start = -1
                }
                i += length
            }
            if start >= 0 { body(UnsafeBufferPointer(rebasing: bytes[start..<n])) }
        }
    }

    /// Whether FTS5's unicode61 tokenizer keeps `s` in a word (categories L*, N* and Co).
    @inline(__always)
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .privateUse:
            return true
        default:
            return false
        }
    }

    /// The words of the library that start with `piece` (folded word characters).
    static func words(starting piece: String, _ db: Database) throws -> [String] {
        var scalars = Array(piece.unicodeScalars)
        // Every word that starts with the piece sorts before the piece with its last scalar the next one.
        guard let last = scalars.popLast(), let next = Unicode.Scalar(last.value + 1) else {
            return try String.fetchAll(db, sql: "SELECT word FROM word WHERE substr(word, 1, length(?1)) = ?1", arguments: [piece])
        }
        let bound = String(String.UnicodeScalarView(scalars + [next]))
        return try String.fetchAll(db, sql: "SELECT word FROM word WHERE word >= ? AND word < ?", arguments: [piece, bound])
    }

    /// The words of the library that hold `piece` (folded word characters), at their end when
    /// `atEnd`, anywhere in them otherwise; with each, how many articles hold it.
    static func words(holding piece: String, atEnd: Bool, _ db: Database) throws -> [(word: String, articles: Int)] {
        let found = try Row.fetchAll(db, sql: "SELECT word, articles FROM word WHERE instr(word, ?) > 0", arguments: [piece])
            .map { (word: $0[0] as String, articles: $0[1] as Int) }
        guard atEnd else { return found }
        let suffix = Array(piece.utf8)
        return found.filter { $0.word.utf8.count >= suffix.count && $0.word.utf8.suffix(suffix.count).elementsEqual(suffix) }
    }
}

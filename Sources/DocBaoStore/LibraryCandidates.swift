import DocBaoCore
import GRDB

/// The articles a library search checks with the `Matcher`, best first: every article that can hold
/// a match, found with the index (`LibraryWords`), so that none the matcher would accept is left out.
///
/// A phrase's folded form ("nguoi", "ha noi") is cut into pieces at what is not a word character.
/// The middle pieces are whole words, the last one a word's start, the first one a word's end,
/// unless the phrase starts with a space or punctuation (or the search is for whole words), when it
/// is a whole word too. FTS5 finds whole words and starts; the words that end with (or, for a phrase
/// of one piece, hold) the first piece are looked up in the words table and asked for by name.
/// When they are so many that their articles are most of the library, every article is a candidate.
struct LibraryCandidates {
    /// The FTS5 query, or nil when every article is a candidate.
    let fts: String?
    /// False when no article can match (a piece no word holds).
    let possible: Bool

    /// How many articles are ranked (bm25) at a time: the newest `window` candidates are checked
    /// best first, then the next `window`… Ranking every match costs ~4 µs an article, 45 ms for
    /// 10,000.
    static let window = 1_000

    /// Up to this many words hold a phrase's first piece, each is asked for as a phrase with the
    /// rest ("ha noi"* OR "nha noi"*…): the words must then be next to each other, which a
    /// query for either word AND the rest does not ask (three times the candidates for "Hà Nội").
    static let phraseWords = 32

    /// More postings than this many times the library's articles, and the words' articles are
    /// simply all of them: they are checked newest first.
    static let scanAllRatio = 2

    init(_ query: LibrarySearchQuery, options: SearchOptions, _ db: Database) throws {
        let articles = try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0
        var alternatives: [String] = []
        var anything = false
        for phrases in query.alternatives {
            var parts: [String] = []
            var possible = true
            for phrase in phrases {
                switch try Self.ftsQuery(phrase, options: options, articles: articles, db) {
                case .none: possible = false
                case .everything: break
                case .some(let fts): parts.append(fts)
                }
            }
            guard possible else { continue }
            if parts.isEmpty { anything = true; break }
            alternatives.append(parts.joined(separator: " AND "))
        }
        possible = anything || !alternatives.isEmpty
        fts = anything || alternatives.isEmpty ? nil
            : alternatives.count == 1 ? alternatives[0] : alternatives.map { "(\($0))" }.joined(separator: " OR ")
    }

    /// What FTS5 is asked for one phrase.
    enum PhraseQuery: Equatable {
        /// No article can hold it.
        case none
        /// Too common to narrow the search.
        case everything
        case some(String)
    }

    /// The FTS5 query for one phrase (see the type's comment).
    static func ftsQuery(_ phrase: String, options: SearchOptions, articles: Int, _ db: Database) throws -> PhraseQuery {
        let (pieces, leading, trailing) = self.pieces(phrase, options: options)
        guard let first = pieces.first else { return .none }
        let rest = pieces.dropFirst()
        let restPhrase = rest.isEmpty ? nil : quoted(rest.joined(separator: " ")) + (trailing ? "" : "*")
        if leading { return .some(quoted(pieces.joined(separator: " ")) + (trailing ? "" : "*")) }
        let words = try LibraryWords.words(holding: first, atEnd: !rest.isEmpty || trailing, db)
        if words.isEmpty { return .none }
        if words.reduce(0, { $0 + $1.articles }) > scanAllRatio * max(articles, 1) {
            return restPhrase.map { .some($0) } ?? .everything
        }
        if let restPhrase, words.count <= Self.phraseWords {
            let rest = restPhrase.dropFirst()
            return .some(words.map { "\"" + $0.word + " " + rest }.joined(separator: " OR "))
        }
        let either = words.map { quoted($0.word) }.joined(separator: " OR ")
        return .some(restPhrase.map { "(\(either)) AND \($0)" } ?? either)
    }

    /// A phrase's folded pieces, and whether its first piece must start a word and its last one end
    /// one (a space or punctuation at that end, or whole words asked for).
    static func pieces(_ phrase: String, options: SearchOptions) -> (pieces: [String], leading: Bool, trailing: Bool) {
        let folded = VietnameseFolding.baseText(phrase).unicodeScalars
        var pieces: [String] = []
        var piece = String.UnicodeScalarView()
        for s in folded {
            if LibraryWords.isWordScalar(s) {
                piece.append(s)
            } else if !piece.isEmpty {
                pieces.append(String(piece))
                piece.removeAll()
            }
        }
        if !piece.isEmpty { pieces.append(String(piece)) }
        let leading = options.wholeWord || (folded.first.map { !LibraryWords.isWordScalar($0) } ?? false)
        let trailing = options.wholeWord || (folded.last.map { !LibraryWords.isWordScalar($0) } ?? false)
        return (pieces, leading, trailing)
    }

    static func quoted(_ words: String) -> String { "\"" + words + "\"" }

    /// Calls `body` with each candidate until it answers false: the newest `window` matches of the
    /// index best first (bm25), then the next `window`…; every article newest first when the index
    /// cannot narrow the search.
    func forEach(_ db: Database, _ body: (Int64) throws -> Bool) throws {
        guard possible else { return }
        guard let fts else {
            let ids = try Int64.fetchCursor(db, sql: "SELECT id FROM article ORDER BY id DESC")
            while let id = try ids.next() { if try !body(id) { return } }
            return
        }
        var below: Int64?
        while true {
            let bound = below.map { " AND rowid < \($0)" } ?? ""
            let lowest = try Int64.fetchOne(db, sql: """
                SELECT rowid FROM fulltext WHERE fulltext MATCH ?\(bound) ORDER BY rowid DESC LIMIT 1 OFFSET \(Self.window - 1)
                """, arguments: [fts])
            let range = (lowest.map { " AND rowid >= \($0)" } ?? "") + bound
            let ids = try Int64.fetchAll(db, sql: "SELECT rowid FROM fulltext WHERE fulltext MATCH ?\(range) ORDER BY rank",
                                         arguments: [fts])
            for id in ids {
                if try !body(id) { return }
            }
            guard let lowest else { return }
            below = lowest
        }
    }
}

import DocBaoCore
import GRDB

/// The articles a library search checks with the `Matcher`, newest first: every article that can
/// hold a match, found with the index (`LibraryWords`), so that none the matcher would accept is left out.
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

    /// Up to this many words hold a phrase's first piece, each is asked for as a phrase with the
    /// rest ("ha noi"* OR "nha noi"*…): the words must then be next to each other, which a
    /// query for either word AND the rest does not ask (three times the candidates for "Hà Nội").
    static let phraseWords = 32

    /// More postings than this many times the library's articles, and the words' articles are
    /// simply all of them: they are checked newest first.
    static let scanAllRatio = 2

    /// - Parameter words: the store's words in memory, or nil to ask the words table.
    init(_ query: LibrarySearchQuery, options: SearchOptions, words: LibraryWordList? = nil, _ db: Database) throws {
        let articles = try Int.fetchOne(db, sql: "SELECT count(*) FROM article") ?? 0
        var alternatives: [String] = []
        var anything = false
        for phrases in query.alternatives {
            var parts: [String] = []
            var possible = true
            for phrase in phrases {
                switch try Self.ftsQuery(phrase, options: options, articles: articles, words: words, db) {
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
    static func ftsQuery(_ phrase: String, options: SearchOptions, articles: Int, words list: LibraryWordList? = nil,
                         _ db: Database) throws -> PhraseQuery {
        let (pieces, leading, trailing) = self.pieces(phrase, options: options)
        guard let first = pieces.first else { return .none }
        let rest = pieces.dropFirst()
        let restPhrase = rest.isEmpty ? nil : quoted(rest.joined(separator: " ")) + (trailing ? "" : "*")
        if leading { return .some(quoted(pieces.joined(separator: " ")) + (trailing ? "" : "*")) }
        let atEnd = !rest.isEmpty || trailing
        let words = try list?.words(holding: first, atEnd: atEnd, db) ?? LibraryWords.words(holding: first, atEnd: atEnd, db)
        if words.isEmpty { return .none }
        if words.reduce(0, { $0 + $1.articles }) > scanAllRatio * max(articles, 1) {
            return restPhrase.map { .some($0) } ?? .everything
        }
        if let restPhrase, words.count <= Self.phraseWords {
            // The last piece's words by name too when they are few: FTS5 expands a prefix ("noi"*)
            // again in every phrase of an OR (21 ms for 11 phrases at 35,000 articles, 2 ms named).
            let middle = rest.dropLast().map { " " + $0 }.joined()
            let lasts = trailing ? [rest.last!] : try LibraryWords.words(starting: rest.last!, db)
            if lasts.isEmpty { return .none }
            if words.count * lasts.count <= Self.phraseWords {
                return .some(words.flatMap { w in lasts.map { quoted(w.word + middle + " " + $0) } }.joined(separator: " OR "))
            }
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

    /// Calls `body` with each candidate, newest first, until it answers false.
    ///
    /// Newest first rather than SQLite's bm25: bm25 weighs each phrase by the articles that hold
    /// it, so ranking even a few matches reads every match of the phrase first (13 ms of "kinh te"'s
    /// 45 ms at 35,000 articles, 10,677 matches, on a quiet machine; the whole ranking 45 ms), while
    /// the newest matches stream from the index as they are checked.
    func forEach(_ db: Database, _ body: (Int64) throws -> Bool) throws {
        guard possible else { return }
        let ids = if let fts {
            try Int64.fetchCursor(db, sql: "SELECT rowid FROM fulltext WHERE fulltext MATCH ? ORDER BY rowid DESC", arguments: [fts])
        } else {
            try Int64.fetchCursor(db, sql: "SELECT id FROM article ORDER BY id DESC")
        }
        while let id = try ids.next() {
            if try !body(id) { return }
        }
    }
}

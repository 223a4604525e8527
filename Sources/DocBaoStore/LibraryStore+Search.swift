import DocBaoCore
import Foundation
import GRDB

/// An article that matches a library search.
public struct LibrarySearchHit: Equatable, Sendable {
    public var id: Int64
    public var title: String
    public var source: String?
    /// How many times the query occurs in the article.
    public var hits: Int
    /// UTF-8 offset of the first occurrence in the article's text (a reading position).
    public var firstOffset: Int
    /// The text around the first occurrence, on one line.
    public var snippet: String
    /// The occurrences inside `snippet`, as UTF-8 offsets in it.
    public var highlights: [Range<Int>]
}

/// A library search's answer, newest first.
public struct LibrarySearchResults: Equatable, Sendable {
    public var hits: [LibrarySearchHit]
    /// Whether every candidate was checked: false when the search stopped at its limit, so there
    /// may be more matching articles than `hits`.
    public var complete: Bool
}

extension LibraryStore {
    /// Articles that contain `query`, matched as in an article (accents optional in smart mode, đ
    /// is d with a stroke, NFC/NFD and tone placement never a difference, from anywhere in a word),
    /// newest first. Phrases in quotes must all be there, `OR` between them takes either
    /// (`LibrarySearchQuery`).
    ///
    /// The index finds the articles that may hold it (`LibraryCandidates`), newest first; each is
    /// then checked with the core's `Matcher` on the real text, which also counts the hits and
    /// places the snippet: only the lines around the query's base letters are folded whole
    /// (`LineScan.matches(inText:)`, the same matches as the Matcher's over the whole text).
    /// - Parameter limit: stop after this many matching articles.
    public func search(_ query: String, options: SearchOptions = SearchOptions(), limit: Int = 200) throws(LibraryError) -> LibrarySearchResults {
        guard let parsed = LibrarySearchQuery(query) else { return LibrarySearchResults(hits: [], complete: true) }
        let phrases = parsed.phrases
        let scans = Dictionary(uniqueKeysWithValues: phrases.map { ($0, LineScan(Matcher($0, options: options))) })
        return try read { db in
            wordList.prepare()
            let candidates = try LibraryCandidates(parsed, options: options, words: wordList, db)
            let statement = try db.cachedStatement(sql: """
                SELECT a.title, a.source, c.text, f.name
                FROM article a JOIN content c ON c.id = a.id LEFT JOIN feed f ON f.id = a.feed WHERE a.id = ?
                """)
            var hits: [LibrarySearchHit] = []
            var complete = true
            try candidates.forEach(db) { id in
                if hits.count == limit {
                    complete = false
                    return false
                }
                guard let row = try Row.fetchOne(statement, arguments: [id]) else { return true }
                // The text's bytes as they are: valid UTF-8 (written from a String, checked by the
                // stream's Adler-32), so no String of the whole text is made (its check of the UTF-8
                // was a quarter of the time).
                let text = try StoredContent.textBytes(row[2])
                var found: [String: [Range<Int>]] = [:]
                text.withUnsafeBufferPointer { bytes in
                    for phrase in phrases { found[phrase] = scans[phrase]!.matches(inUTF8: bytes) }
                }
                // The phrases of every alternative the article satisfies, their matches in text order.
                let held = parsed.alternatives.filter { $0.allSatisfy { !found[$0]!.isEmpty } }
                let ranges = Self.merged(Set(held.joined()).flatMap { found[$0]! })
                guard let first = ranges.first else { return true }
                let (snippet, highlights) = Self.snippet(text, around: first, ranges: ranges)
                hits.append(LibrarySearchHit(id: id, title: row[0], source: Self.shownSource(row[1], feedName: row[3]), hits: ranges.count,
                                             firstOffset: first.lowerBound, snippet: snippet, highlights: highlights))
                return true
            }
            return LibrarySearchResults(hits: hits, complete: complete)
        }
    }

    /// Whether `query` has something the library can be searched for: a letter or a digit.
    public static func isSearchable(_ query: String) -> Bool { LibrarySearchQuery(query) != nil }

    /// What the reader looks for in an article a library search opened: the query's first phrase
    /// (the reader finds one phrase at a time).
    public static func readerQuery(_ query: String) -> String { LibrarySearchQuery(query)?.phrases.first ?? query }

    /// Matches of several phrases in text order, one where two overlap (the earlier kept).
    static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for r in ranges.sorted(by: { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }) {
            if let last = result.last, r.lowerBound < last.upperBound { continue }
            result.append(r)
        }
        return result
    }

    /// About a line of text around `hit`, within its paragraph, with the matches in it.
    /// - Parameter utf8: the text's bytes.
    static func snippet(_ utf8: [UInt8], around hit: Range<Int>, ranges: [Range<Int>],
                        before: Int = 50, after: Int = 110) -> (String, [Range<Int>]) {
        var lineStart = hit.lowerBound
        while lineStart > 0 && utf8[lineStart - 1] != 0x0A { lineStart -= 1 }
        var lineEnd = hit.upperBound
        while lineEnd < utf8.count && utf8[lineEnd] != 0x0A { lineEnd += 1 }
        // Start a word or so before the hit, end at a space after the window, never inside a character.
        var start = max(lineStart, hit.lowerBound - before)
        if start > lineStart {
            while start < hit.lowerBound && utf8[start - 1] != 0x20 { start += 1 }
        }
        var end = min(lineEnd, max(hit.upperBound, start + before + after))
        if end < lineEnd {
            while end > hit.upperBound && utf8[end] != 0x20 { end -= 1 }
        }
        while start > lineStart && utf8[start] & 0xC0 == 0x80 { start -= 1 }
        while end < lineEnd && utf8[end] & 0xC0 == 0x80 { end += 1 }
        let lead = start > lineStart ? "…" : ""
        let snippet = lead + String(decoding: utf8[start..<end], as: UTF8.self) + (end < lineEnd ? "…" : "")
        let shift = lead.utf8.count - start
        let highlights = ranges.filter { $0.lowerBound >= start && $0.upperBound <= end }
            .map { ($0.lowerBound + shift)..<($0.upperBound + shift) }
        return (snippet, highlights)
    }
}

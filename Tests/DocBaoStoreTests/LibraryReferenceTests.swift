@testable import DocBaoCore
@testable import DocBaoStore
import DocBaoLoading
import Foundation
import Testing

/// The library's search held to `ReferenceMatcher` over every article of the shared corpora
/// (issue 18, items 9–11 and 15): hits counted as the reference counts them, every article found
/// whose matches start a word (the index knows words), and phrases and OR.
@Suite struct LibraryReferenceTests {
    var store: LibraryStore { LibrarySearchTests.library.1 }

    /// Every article's text, split for the reference once.
    static let articles: [(id: Int64, chars: [ReferenceMatcher.Char], bases: Data)] = {
        let store = LibrarySearchTests.library.1
        return try! store.rows().map { row in
            let chars = ReferenceMatcher.characters(ArticleBytes.plainText(try store.article(row.id)!))
            return (row.id, chars, ReferenceMatcher.bases(chars))
        }
    }()

    static let queries = ["ệ", "ờ", "ế", "ại", "uý", "ồng", "iệ", "người", "hòa", "hoà", "Hòa", "thủy", "thuỷ", "khỏe",
                          "ngoại giao", "Việt Nam", "đấu tranh", "quý", "tiếng", "loại", "luồng", "ủy ban", "uỷ ban", "hoạt động"]

    @Test(arguments: queries)
    func findsWhatTheReferenceFinds(_ query: String) throws {
        for options in [SearchOptions(), SearchOptions(mode: .exact), SearchOptions(wholeWord: true)] {
            let reference = ReferenceMatcher.Query(query, options: options)
            let found = Dictionary(uniqueKeysWithValues: try store.search(query, options: options, limit: 10_000).hits.map { ($0.id, $0.hits) })
            var wordStarts = 0
            for article in Self.articles where article.bases.range(of: reference.bases) != nil {
                let matches = reference.matches(in: article.chars)
                if let n = found[article.id] { #expect(n == matches.count, "\(query) \(options) in \(article.id)") }
                else { #expect(matches.isEmpty || !matches.contains { Self.startsWord($0, article.chars) }, "\(query) \(options) missed in \(article.id)") }
                if matches.contains(where: { Self.startsWord($0, article.chars) }) { wordStarts += 1 }
            }
            for id in found.keys { #expect(Self.articles.contains { $0.id == id }) }
            #expect(found.count >= wordStarts)
        }
    }

    /// Whether a match (UTF-8 range) starts a word: its first character is not a letter or digit
    /// after another.
    static func startsWord(_ r: Range<Int>, _ chars: [ReferenceMatcher.Char]) -> Bool {
        guard let i = chars.firstIndex(where: { $0.range.lowerBound == r.lowerBound }) else { return false }
        return i == 0 || !chars[i].word || !chars[i - 1].word
    }

    /// hòa = hoà also where the text's group is longer: "Hoài" (item 11).
    @Test func hoaFindsHoaiWrittenEitherWay() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        _ = try LibraryImport.run([lib.file("hoai.txt", "Nghệ sĩ Hoài Linh\n\nMột bài về nghệ sĩ Hoài Linh và khán giả.\n")], into: store)
        for query in ["hòa", "hoà", "Hoà", "hoài"] {
            #expect(try store.search(query).hits.first?.hits == 2, "\(query)")
        }
    }

    @Test func phrasesInQuotesMustAllBeThere() throws {
        let both = try store.search("\"ngoại giao\" \"đấu tranh\"", limit: 10_000).hits
        let ngoai = Set(try store.search("ngoại giao", limit: 10_000).hits.map(\.id))
        let dau = Set(try store.search("đấu tranh", limit: 10_000).hits.map(\.id))
        #expect(!both.isEmpty)
        #expect(Set(both.map(\.id)) == ngoai.intersection(dau))
        let either = Set(try store.search("\"ngoại giao\" OR \"đấu tranh\"", limit: 10_000).hits.map(\.id))
        #expect(either == ngoai.union(dau))
        #expect(Set(try store.search("ngoại giao OR đấu tranh", limit: 10_000).hits.map(\.id)) == either)
        // The hits are both phrases' matches.
        for hit in both {
            let text = ArticleBytes.plainText(try #require(try store.article(hit.id)))
            #expect(hit.hits == Matcher("ngoại giao").matches(in: text).count + Matcher("đấu tranh").matches(in: text).count)
        }
    }

    @Test func queriesAreRead() {
        #expect(LibrarySearchQuery("ngoai giao")?.alternatives == [["ngoai giao"]])
        #expect(LibrarySearchQuery("ngoại ")?.alternatives == [["ngoại "]])
        #expect(LibrarySearchQuery("\"ngoai giao\" kinh te")?.alternatives == [["ngoai giao", "kinh te"]])
        #expect(LibrarySearchQuery("a OR “b c” OR d e")?.alternatives == [["a"], ["b c"], ["d e"]])
        #expect(LibrarySearchQuery("\"unfinished phrase")?.alternatives == [["unfinished phrase"]])
        #expect(LibrarySearchQuery("") == nil)
        #expect(LibrarySearchQuery("\"\" OR ,,") == nil)
        #expect(LibrarySearchQuery("OR")?.alternatives == nil)
        #expect(LibraryStore.ftsQuery(LibrarySearchQuery("\"đấu tranh\" OR ngoại")!, options: SearchOptions()) == "(\"dau tranh\"*) OR (\"ngoai\"*)")
    }
}

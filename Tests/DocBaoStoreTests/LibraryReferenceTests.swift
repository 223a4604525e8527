@testable import DocBaoCore
@testable import DocBaoStore
import DocBaoLoading
import Foundation
import Testing

/// The library's search held to `ReferenceMatcher` over every article of the shared corpora
/// (issue 18, items 9–11 and 15): every article the reference finds is found, with as many hits,
/// and none else, for the queries and queries cut from the articles anywhere (inside
/// syllables, across words), as written, without marks, and with their tones moved; phrases and OR.
@Suite struct LibraryReferenceTests {
    var store: LibraryStore { LibrarySearchTests.library.1 }

    /// Every article's text, split for the reference once.
    static let articles: [(id: Int64, text: String, chars: [ReferenceMatcher.Char], bases: Data)] = {
        let store = LibrarySearchTests.library.1
        return try! store.rows().map { row in
            let text = ArticleBytes.plainText(try store.article(row.id)!)
            let chars = ReferenceMatcher.characters(text)
            return (row.id, text, chars, ReferenceMatcher.bases(chars))
        }
    }()

    static let queries = ["ệ", "ờ", "ế", "ại", "uý", "ồng", "iệ", "người", "hòa", "hoà", "Hòa", "thủy", "thuỷ", "khỏe",
                          "ngoại giao", "Việt Nam", "đấu tranh", "quý", "tiếng", "loại", "luồng", "ủy ban", "uỷ ban", "hoạt động",
                          "ười dân", "ệt Nam", "à Nội", " an ", "an ", " an", "ỳ", "ưở"]

    /// Queries cut from the articles at a random character (seeded), 1 to 12 characters long, as
    /// written, without marks, and with each syllable's tone on its group's first vowel.
    static let generated: [String] = {
        var random = SplitMix(state: 18)
        var queries: [String] = []
        while queries.count < 60 {
            let article = articles[Int(random.next() % UInt64(articles.count))]
            let characters = Array(article.text)
            guard characters.count > 20 else { continue }
            let start = Int(random.next() % UInt64(characters.count - 12))
            let query = String(characters[start..<(start + 1 + Int(random.next() % 12))])
            guard query.contains(where: { $0.isLetter }), !query.contains("\n") else { continue }
            switch queries.count % 3 {
            case 0: queries.append(query)
            case 1: queries.append(VietnameseFolding.baseText(query))
            default: queries.append(Self.toneOnFirstVowel(query))
            }
        }
        return queries
    }()

    @Test(arguments: queries)
    func findsWhatTheReferenceFinds(_ query: String) throws {
        try expectReferenceAnswers(query)
    }

    @Test func findsWhatTheReferenceFindsForQueriesCutFromTheArticles() throws {
        for query in Self.generated { try expectReferenceAnswers(query) }
    }

    func expectReferenceAnswers(_ query: String) throws {
        for options in [SearchOptions(), SearchOptions(mode: .exact), SearchOptions(wholeWord: true)] {
            let reference = ReferenceMatcher.Query(query, options: options)
            let results = try store.search(query, options: options, limit: 10_000)
            #expect(results.complete)
            let found = Dictionary(uniqueKeysWithValues: results.hits.map { ($0.id, $0.hits) })
            var expected: [Int64: Int] = [:]
            for article in Self.articles where article.bases.range(of: reference.bases) != nil {
                let n = reference.matches(in: article.chars).count
                if n > 0 { expected[article.id] = n }
            }
            #expect(found == expected, "\(query.debugDescription) \(options)")
        }
    }

    /// `text` with the tone of each vowel group moved to its first vowel ("hoà" → "hòa").
    static func toneOnFirstVowel(_ text: String) -> String {
        let tones: Set<UInt32> = [0x300, 0x301, 0x309, 0x303, 0x323]
        let vowels = Set("aeiouyAEIOUY".unicodeScalars.map(\.value))
        func isMark(_ s: Unicode.Scalar) -> Bool { s.value >= 0x300 && s.value < 0x370 }
        var scalars = Array(text.decomposedStringWithCanonicalMapping.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard vowels.contains(scalars[i].value) else { i += 1; continue }
            var end = i
            var toneAt: Int?
            while end < scalars.count && (vowels.contains(scalars[end].value) || isMark(scalars[end])) {
                if tones.contains(scalars[end].value) { toneAt = end }
                end += 1
            }
            if let t = toneAt {
                let tone = scalars.remove(at: t)
                var at = i + 1
                while at < scalars.count && isMark(scalars[at]) { at += 1 }
                scalars.insert(tone, at: at)
            }
            i = end
        }
        return String(String.UnicodeScalarView(scalars)).precomposedStringWithCanonicalMapping
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
    }
}

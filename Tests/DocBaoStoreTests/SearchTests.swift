import DocBaoCore
@testable import DocBaoStore
import DocBaoLoading
import Foundation
import TestCorpus
import Testing

@Suite struct LibrarySearchTests {
    /// One library of every test-data article and the seed, shared by the tests (read only).
    static let library: (TemporaryLibrary, LibraryStore) = {
        let lib = TemporaryLibrary()
        let store = try! lib.open()
        let files = ArticleFiles.find(in: [Corpus.testdata, Corpus.seed]).files
        _ = try! LibraryImport.run(files, into: store)
        return (lib, store)
    }()
    var store: LibraryStore { Self.library.1 }

    /// What a scan of every article with the core's matcher finds: the reference answer.
    func scan(_ query: String, _ options: SearchOptions = SearchOptions()) throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        let matcher = Matcher(query, options: options)
        for row in try store.rows() {
            let text = ArticleBytes.plainText(try #require(try store.article(row.id)))
            let n = matcher.matches(in: text).count
            if n > 0 { counts[row.id] = n }
        }
        return counts
    }

    @Test(arguments: ["dau tranh", "đấu tranh", "ngoai giao", "duong", "hoà", "khỏe", "Việt Nam", "covid"])
    func findsWhatAScanOfEveryArticleFinds(_ query: String) throws {
        let results = try store.search(query, limit: 10_000)
        #expect(results.complete)
        let found = Dictionary(uniqueKeysWithValues: results.hits.map { ($0.id, $0.hits) })
        let expected = try scan(query)
        #expect(!expected.isEmpty)
        // Every article the scan finds is found, inside words too, with as many hits; none else.
        #expect(found == expected, "\(query)")
    }

    @Test func accentsTypedMustBeThereAndDWithStrokeIsD() throws {
        let plain = try store.search("dau tranh").hits.map(\.id)
        let marked = try store.search("đấu tranh").hits.map(\.id)
        #expect(Set(marked).isSubset(of: Set(plain)))
        let duong = try store.search("duong").hits
        #expect(duong.contains { $0.snippet.lowercased().contains("đường") })
        #expect(try store.search("đường").hits.allSatisfy { $0.hits > 0 })
    }

    @Test func snippetsShowTheFirstHitHighlighted() throws {
        let hit = try #require(try store.search("đấu tranh").hits.first)
        #expect(!hit.highlights.isEmpty)
        let bytes = Array(hit.snippet.utf8)
        for r in hit.highlights {
            #expect(String(decoding: bytes[r], as: UTF8.self).lowercased() == "đấu tranh")
        }
        let text = ArticleBytes.plainText(try #require(try store.article(hit.id)))
        let at = Array(text.utf8)[hit.firstOffset...].prefix(12)
        #expect(String(decoding: at, as: UTF8.self).lowercased().hasPrefix("đấu tranh"))
    }

    @Test func exactAndWholeWordModesAreHonoured() throws {
        let exact = try store.search("Đấu tranh", options: SearchOptions(mode: .exact))
        for hit in exact.hits {
            let text = ArticleBytes.plainText(try #require(try store.article(hit.id)))
            #expect(text.contains("Đấu tranh"))
        }
        let word = try store.search("an", options: SearchOptions(wholeWord: true)).hits
        #expect(!word.isEmpty)
        #expect(try store.search("zzqxw").hits.isEmpty)
        #expect(try store.search("  ,, ").hits.isEmpty)
    }

    @Test func theLimitStopsTheSearchAndSaysSo() throws {
        let all = try store.search("va", limit: 10_000)
        #expect(all.hits.count > 5)
        let some = try store.search("va", limit: 5)
        #expect(some.hits.count == 5 && !some.complete)
        #expect(some.hits.map(\.id) == Array(all.hits.prefix(5).map(\.id)))
    }

    /// A phrase's first piece may end a word ("người" in "giúpngười") or, alone, be anywhere in one
    /// ("ệ" in "Việt"): the words that hold it are asked for by name; its other pieces are a phrase.
    @Test func ftsQueriesAskForTheWordsThatHoldTheFirstPiece() throws {
        let lib = TemporaryLibrary()
        defer { lib.clean() }
        let store = try lib.open()
        _ = try LibraryImport.run([lib.file("a.txt", "Đấu tranh giúpngười người dân\n\nNgười Việt tranh đấu, mới nói\n")], into: store)
        try store.read { db in
            func fts(_ phrase: String, _ options: SearchOptions = SearchOptions()) throws -> LibraryCandidates.PhraseQuery {
                try LibraryCandidates.ftsQuery(phrase, options: options, articles: 100, db)
            }
            #expect(try fts("Đấu tranh") == .some("\"dau tranh\""))
            #expect(try fts("Đấu tr") == .some("\"dau tranh\""))
            #expect(try fts(" đấu tr") == .some("\"dau tr\"*"))
            #expect(try fts(" đấu tranh ") == .some("\"dau tranh\""))
            #expect(try fts("dau \"tranh", SearchOptions(wholeWord: true)) == .some("\"dau tranh\""))
            #expect(try fts("người") == .some("\"giupnguoi\" OR \"nguoi\""))
            #expect(try fts("ười dân") == .some("\"giupnguoi dan\" OR \"nguoi dan\""))
            #expect(try fts("ười d") == .some("\"giupnguoi dan\" OR \"giupnguoi dau\" OR \"nguoi dan\" OR \"nguoi dau\""))
            #expect(try fts("ười dx") == .none)
            #expect(try fts("ệ") == .some("\"viet\""))
            #expect(try fts("an") == .some("\"dan\" OR \"tranh\""))
            #expect(try fts("an", SearchOptions(wholeWord: true)) == .some("\"an\""))
            #expect(try fts("zq") == .none)
            #expect(try fts("a") == .some("\"dan\" OR \"dau\" OR \"tranh\""))
            // Words whose articles are more than twice the library's: every article is a candidate.
            #expect(try LibraryCandidates.ftsQuery("a", options: SearchOptions(), articles: 0, db) == .everything)
            #expect(try LibraryCandidates.ftsQuery("i tr", options: SearchOptions(), articles: 0, db) == .some("\"tr\"*"))
            let parsed = try #require(LibrarySearchQuery("\"đấu tranh\" OR ngoại"))
            #expect(try LibraryCandidates(parsed, options: SearchOptions(), db).fts == "\"dau tranh\"")
            let both = try #require(LibrarySearchQuery("\"đấu tranh\" OR Việt"))
            #expect(try LibraryCandidates(both, options: SearchOptions(), db).fts == "(\"dau tranh\") OR (\"viet\")")
        }
    }
}

@Suite struct BaseTextTests {
    /// The base text is the folded units' bases, whatever the text: the index and the matcher agree.
    @Test func baseTextIsTheBasesOfTheFoldedUnits() throws {
        var texts = ["Đấu tranh bảo vệ", "ĐƯỜNG hoà hòa THUỶ", "a\u{0301} \u{0301}x", "Tab\there\r\nline", "日本語 ﬁ Ǆ 🇻🇳 e\u{0301}\u{0323}"]
        for path in ArticleFiles.find(in: [Corpus.testdata]).files.prefix(20) {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            texts += [text, text.decomposedStringWithCanonicalMapping]
        }
        for text in texts {
            let expected = String(String.UnicodeScalarView(VietnameseFolding.fold(text).units.compactMap {
                $0.base == 0 ? nil : Unicode.Scalar($0.base)
            }))
            #expect(VietnameseFolding.baseText(text) == expected)
        }
        #expect(VietnameseFolding.baseText("Đấu Tranh") == "dau tranh")
    }
}

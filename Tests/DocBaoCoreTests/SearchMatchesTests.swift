import Foundation
import Testing
@testable import DocBaoCore

/// The compact match list (`SearchMatches`, what `SearchIndex.matches` gives and `SearchState`
/// keeps) against the plain `[SearchMatch]` it replaced (`SearchIndex.referenceMatches`): the same
/// matches in the same order, read by iteration and by subscript, on corpus articles and on edge
/// cases (no match, one block, matches at a block's last bytes, runs across chunk boundaries, numbers
/// past 32 bits).
@Suite struct SearchMatchesTests {
    /// `list` holds exactly `expected`: count, iteration, every subscript, and equality both ways.
    static func check(_ list: SearchMatches, _ expected: [SearchMatch], _ comment: Comment? = nil,
                      sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(list.count == expected.count, comment, sourceLocation: sourceLocation)
        #expect(list.isEmpty == expected.isEmpty, comment, sourceLocation: sourceLocation)
        #expect(Array(list) == expected, comment, sourceLocation: sourceLocation)
        #expect(list.indices.allSatisfy { list[$0] == expected[$0] }, comment, sourceLocation: sourceLocation)
        #expect(list == SearchMatches(expected), comment, sourceLocation: sourceLocation)
        #expect(list.first == expected.first && list.last == expected.last, comment, sourceLocation: sourceLocation)
    }

    /// The reference's `next(from:)`: a linear walk over the plain list.
    static func referenceNext(_ matches: [SearchMatch], _ block: Int, _ offset: Int, _ direction: SearchDirection,
                              including: Bool) -> (index: Int, wrapped: Bool)? {
        guard !matches.isEmpty else { return nil }
        let here = SearchMatch(block: block, start: offset, end: offset)
        switch direction {
        case .forward:
            let i = matches.firstIndex { including ? !($0 < here) : here < $0 }
            return i.map { ($0, false) } ?? (0, true)
        case .backward:
            let i = matches.lastIndex { $0 < here }
            return i.map { ($0, false) } ?? (matches.count - 1, true)
        }
    }

    static func article(_ texts: [String]) -> Article {
        Article(blocks: texts.map { Block(.paragraph, $0) }, sections: [])
    }

    @Test func corpusArticlesMatchTheReference() throws {
        let queries = ["n", "ng", "a", " ", "ngoai giao", "người", "đ", "…", "1", "zzzz"]
        for url in try TestData.corpusArticles() + [TestData.seed] {
            let raw = try TestData.text(url)
            for text in [raw.precomposedStringWithCanonicalMapping, raw.decomposedStringWithCanonicalMapping] {
                let index = SearchIndex(article: PlainTextImporter.importArticle(text))
                for query in queries {
                    for options in MatcherDifferentialTests.allOptions {
                        let matcher = Matcher(query, options: options)
                        Self.check(index.matches(matcher), index.referenceMatches(matcher),
                                   "\(url.lastPathComponent): \(query.debugDescription) \(options)")
                    }
                }
            }
        }
    }

    /// `next(from:)` and `firstMatch(endingAfter:)` on the compact list give what the plain list gives.
    @Test func searchStateFindsTheSameMatches() throws {
        var rng = SeededRandom(seed: 61)
        let article = PlainTextImporter.importArticle(try TestData.text(TestData.seed))
        let index = SearchIndex(article: article)
        for query in ["n", "ngoai giao", "đ"] {
            let search = SearchState(query: query, options: SearchOptions(), direction: .forward, index: index)
            let plain = index.referenceMatches(Matcher(query))
            #expect(search.matches.count == plain.count && !plain.isEmpty)
            for _ in 0..<300 {
                let block = Int.random(in: 0..<article.blocks.count, using: &rng)
                let offset = Int.random(in: 0...article.blocks[block].text.utf8.count, using: &rng)
                for direction in [SearchDirection.forward, .backward] {
                    for including in [true, false] {
                        let found = search.next(from: block, offset: offset, direction, including: including)
                        let expected = Self.referenceNext(plain, block, offset, direction, including: including)
                        #expect(found?.index == expected?.index && found?.wrapped == expected?.wrapped, "\(query) \(block):\(offset)")
                    }
                }
                let first = search.firstMatch(endingAfter: block, offset: offset)
                #expect(first == (plain.firstIndex { ($0.block, $0.end) > (block, offset) } ?? plain.count))
            }
        }
    }

    @Test func noMatches() {
        let index = SearchIndex(article: Self.article(["xin chào", "", "bài báo"]))
        for query in ["", "zzz", "ngoai giao"] {
            Self.check(index.matches(Matcher(query)), index.referenceMatches(Matcher(query)), "\(query)")
            #expect(index.matches(Matcher(query)).isEmpty)
        }
        let empty = SearchIndex(article: Self.article([]))
        Self.check(empty.matches(Matcher("n")), [])
        let search = SearchState(query: "n", options: SearchOptions(), direction: .forward, index: empty)
        #expect(search.next(from: 0, offset: 0, .forward) == nil)
        #expect(search.firstMatch(endingAfter: 0, offset: 0) == 0)
        Self.check([], [])
        #expect(SearchMatches().first == nil)
    }

    @Test func oneBlock() {
        let index = SearchIndex(article: Self.article(["Ngân hàng nông nghiệp ngày nay: n"]))
        for query in ["n", "ng", "Ngân", "nay: n", "Ngân hàng nông nghiệp ngày nay: n"] {
            let expected = index.referenceMatches(Matcher(query))
            #expect(!expected.isEmpty && expected.allSatisfy { $0.block == 0 })
            Self.check(index.matches(Matcher(query)), expected, "\(query)")
        }
    }

    /// Matches that take a block's last bytes (a two-byte and a three-byte letter among them), blocks
    /// of one letter, empty blocks between, and a block with no match between blocks with some.
    @Test func matchesAtBlockEnds() {
        let texts = ["xn", "n", "", "nn", "abc", "ń", "ễn", "bản", "n", "", "", "ñ", "Ệ", "ê"]
        let index = SearchIndex(article: Self.article(texts))
        for query in ["n", "e", "ê", "ễn", "an", "n", "ản"] {
            let expected = index.referenceMatches(Matcher(query))
            Self.check(index.matches(Matcher(query)), expected, "\(query)")
        }
        let n = Array(index.matches(Matcher("n")))
        #expect(n.contains(SearchMatch(block: 0, start: 1, end: 2)))
        #expect(n.contains(SearchMatch(block: 3, start: 1, end: 2)))
        #expect(n.contains(SearchMatch(block: 8, start: 0, end: 1)))
        #expect(index.matches(Matcher("ễn")).last == SearchMatch(block: 6, start: 0, end: 4))
    }

    /// More matches than a chunk holds, with blocks changing at, before and after a chunk boundary,
    /// and a run of one block that spans two chunks.
    @Test func acrossChunks() {
        let size = SearchMatches.chunkSize
        var texts = [String(repeating: "n", count: size - 1), "n", "n n", String(repeating: "nx", count: 2 * size + 5), ""]
        texts += (0..<50).map { String(repeating: "ñ", count: $0) }
        let index = SearchIndex(article: Self.article(texts))
        let expected = index.referenceMatches(Matcher("n"))
        #expect(expected.count > 3 * size)
        Self.check(index.matches(Matcher("n")), expected)
        let list = index.matches(Matcher("n"))
        #expect(list[size - 1] == SearchMatch(block: 1, start: 0, end: 1))
        #expect(list[size] == SearchMatch(block: 2, start: 0, end: 1))
        // Appending one by one, stopping at each count around the boundaries, gives the same prefix.
        for n in [0, 1, size - 1, size, size + 1, 2 * size, 2 * size + 1] {
            Self.check(SearchMatches(expected.prefix(n)), Array(expected.prefix(n)), "prefix \(n)")
        }
        #expect(list.byteCount <= 8 * list.count + 8 * texts.count)
    }

    /// A list whose numbers do not fit in 32 bits keeps them (as a plain array from then on).
    @Test func numbersPast32Bits() {
        let big = Int(UInt32.max) + 10
        let before = [SearchMatch(block: 0, start: 3, end: 4), SearchMatch(block: 2, start: 0, end: 9)]
        let all = before + [SearchMatch(block: 2, start: big, end: big + 2), SearchMatch(block: big, start: 1, end: 2),
                            SearchMatch(block: big, start: 5, end: 6)]
        Self.check(SearchMatches(all), all)
        #expect(SearchMatches(all) != SearchMatches(before))
        #expect(SearchMatches(before) != SearchMatches(all))
        var list = SearchMatches(before)
        list.append(all[2])
        #expect(Array(list) == Array(all.prefix(3)))
        #expect(list.byteCount == 3 * MemoryLayout<SearchMatch>.stride)
    }

    /// Lists built from the same matches are equal; any difference (block, start, end, count) is not.
    @Test func equality() {
        let a: [SearchMatch] = [SearchMatch(block: 0, start: 1, end: 2), SearchMatch(block: 1, start: 0, end: 3),
                                SearchMatch(block: 1, start: 5, end: 6)]
        #expect(SearchMatches(a) == SearchMatches(a))
        var other = a
        other[2].end = 7
        #expect(SearchMatches(a) != SearchMatches(other))
        other = a
        other[1].block = 0
        #expect(SearchMatches(a) != SearchMatches(other))
        #expect(SearchMatches(a) != SearchMatches(a.prefix(2)))
        #expect(SearchMatches(a) == [a[0], a[1], a[2]])
    }
}

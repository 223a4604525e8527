import Foundation
import Testing
@testable import DocBaoCore

/// Search inside syllables (issue 18, items 9–11): the rules as `ReferenceMatcher` states them, and
/// every matcher of the reader and `grep` held to it over the whole shared corpora.
@Suite struct MatcherReferenceTests {
    static let allOptions = [SearchOptions(), SearchOptions(mode: .exact), SearchOptions(wholeWord: true),
                             SearchOptions(mode: .exact, wholeWord: true)]

    func finds(_ query: String, in text: String, _ options: SearchOptions = SearchOptions()) -> [String] {
        let bytes = Array(text.utf8)
        return Matcher(query, options: options).matches(in: text).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// The issue's queries: a toned vowel that is not the first of its group, a syllable run into
    /// the word before it, and hòa = hoà inside a longer group — in both modes, NFC and NFD.
    @Test(arguments: [("ệ", "Việt Nam", "ệ"), ("ờ", "người Việt", "ờ"), ("ế", "tiếng Việt", "ế"), ("ại", "các loại", "ại"),
                      ("uý", "quý vị", "uý"), ("ồng", "luồng gió", "ồng"), ("/iệ", "Việt", "iệ"),
                      ("người", "giúpngười khác", "người"), ("hòa", "Hoài Linh", "Hoà"), ("hoà", "Hoài Linh", "Hoà"),
                      ("Người", "GIÚPNgười", "Người")])
    func issueQueries(_ query: String, _ text: String, _ found: String) {
        let query = query.hasPrefix("/") ? String(query.dropFirst()) : query
        for mode in SearchOptions.Mode.allCases where mode == .smart || found == query {
            for form in [text, text.decomposedStringWithCanonicalMapping] {
                for q in [query, query.decomposedStringWithCanonicalMapping] {
                    #expect(finds(q, in: form, SearchOptions(mode: mode)).map { $0.precomposedStringWithCanonicalMapping } == [found],
                            "\(query) in \(text) \(mode)")
                    #expect(ReferenceMatcher.matches(q, in: form, options: SearchOptions(mode: mode)).count == 1)
                }
            }
        }
        // The unit-by-unit matcher and the reader's whole-article index agree.
        let folded = VietnameseFolding.fold(text)
        #expect(Matcher(query).ranges(in: folded).count == 1)
        let index = SearchIndex(article: Article(blocks: [Block(.paragraph, "x"), Block(.paragraph, text)], sections: []))
        #expect(Array(index.matches(Matcher(query))).count == 1)
    }

    /// What the rules say where a tone may move and where it may not.
    @Test func tonesBySyllable() {
        for finder in [finds, { q, t, o in ReferenceMatcher.matches(q, in: t, options: o).map { String(decoding: Array(t.utf8)[$0], as: UTF8.self) } }] as [(String, String, SearchOptions) -> [String]] {
            let smart = SearchOptions(), exact = SearchOptions(mode: .exact)
            // A whole group: the tone anywhere in it, both ways, in both modes.
            #expect(finder("hòa", "hoà hòa hoá", smart) == ["hoà", "hòa"])
            #expect(finder("thuỷ", "thủy thuỷ", exact) == ["thủy", "thuỷ"])
            #expect(finder("uý", "thúy quý thủy", smart) == ["úy", "uý"])
            // Part of a group: as written.
            #expect(finder("ó", "hóa hoá", smart) == ["ó"])
            #expect(finder("á", "hóa hoá", smart) == ["á"])
            #expect(finder("ì", "người gì", smart) == ["ì"])
            #expect(finder("ừ", "người từ", smart) == ["ừ"])
            #expect(finder("an", "toàn an", exact) == ["an"])
            #expect(finder("oa", "hoài hoa", exact) == ["oa"])
            // The query's own placement is free: "ừơ" is "ườ".
            #expect(finder("ừơ", "người", smart) == ["ườ"])
            // qu and gi: their u and i are not in the group.
            #expect(finder("ủy", "quỷ", smart) == ["uỷ"])
            #expect(finder("gìa", "già", smart) == [])
            #expect(finder("ía", "giá", smart) == ["iá"])
            // Words run together: each run of vowels is a syllable's.
            #expect(finder("ười", "giúpngười", exact) == ["ười"])
            #expect(finder("hòa", "xinhoà", smart) == ["hoà"])
        }
    }

    /// Random texts of syllables, marks, joiners, letters kept aside and spaces (MatcherDifferentialTests'
    /// pieces), NFC, NFD or mixed, and queries taken from them, respelled or not.
    @Test func randomTextsAgainstTheReference() {
        var rng = SeededRandom(seed: 1809)
        for _ in 0..<800 {
            let text = MatcherDifferentialTests.randomText(&rng, pieces: Int.random(in: 0...30, using: &rng))
            let query = MatcherDifferentialTests.randomQuery(in: text, &rng)
            for options in Self.allOptions {
                #expect(Matcher(query, options: options).matches(in: text) == ReferenceMatcher.matches(query, in: text, options: options),
                        "\(query.debugDescription) in \(text.debugDescription) \(options)")
            }
        }
    }

    /// Queries made from the corpora: every toned piece of a vowel group of a real word, alone and
    /// with the letters after it, as typed (NFC) and decomposed.
    static func generatedQueries(_ words: [String], _ rng: inout SeededRandom) -> [String] {
        var pieces = Set<String>(), longer = Set<String>()
        for word in words {
            let chars = Array(word.lowercased())
            let isVowel = { (c: Character) in "aeiouy".contains(c.unicodeScalars.first.map { String(String($0).decomposedStringWithCanonicalMapping.unicodeScalars.first!) } ?? "") }
            let toned = { (c: Character) in String(c).decomposedStringWithCanonicalMapping.unicodeScalars.contains { [0x300, 0x301, 0x309, 0x303, 0x323].contains($0.value) } }
            for s in chars.indices where isVowel(chars[s]) {
                var e = s
                while e < chars.count && isVowel(chars[e]) {
                    e += 1
                    if chars[s..<e].contains(where: toned) { pieces.insert(String(chars[s..<e])) }
                }
                if chars[s..<e].contains(where: toned) && e < chars.count { longer.insert(String(chars[s...])) }
            }
        }
        return pieces.sorted() + longer.sorted().shuffled(using: &rng).prefix(150)
    }

    /// The corpora and the seed, as the reader imports them (whole-article index) and as `grep`
    /// reads them (line by line), NFC and NFD, against the reference, block by block: the issue's
    /// queries in every text, each generated one in every 16th (all of them cover every text).
    @Test func corporaAgainstTheReference() throws {
        var rng = SeededRandom(seed: 18)
        var texts: [(name: String, text: String)] = []
        for url in try TestData.corpusArticles() + [TestData.seed] {
            let raw = try TestData.text(url)
            texts.append((url.lastPathComponent, raw.precomposedStringWithCanonicalMapping))
            texts.append((url.lastPathComponent + " (NFD)", raw.decomposedStringWithCanonicalMapping))
        }
        let words = Set(texts.flatMap { $0.text.precomposedStringWithCanonicalMapping.split { !$0.isLetter }.map(String.init) }).sorted()
        let issue = ["ệ", "ờ", "ế", "ại", "uý", "ồng", "iệ", "người", "hòa", "hoà", "ngoại giao", "Việt Nam", "đấu tranh", "an"]
        let generated = Self.generatedQueries(words, &rng)
        #expect(generated.count > 300)
        let stride = 16
        var checked = 0, found = 0
        for (t, (name, text)) in texts.enumerated() {
            let article = PlainTextImporter.importArticle(text)
            let blocks = article.blocks.map { ReferenceText($0.text) }
            let lines = TextSanitizer.clean(text).split(separator: "\n", omittingEmptySubsequences: false).map { ReferenceText(String($0)) }
            let index = SearchIndex(article: article)
            let queries = issue + generated.enumerated().filter { $0.offset % stride == t % stride }.map(\.element)
            for (n, query) in queries.enumerated() {
                let q = n % 3 == 2 ? query.decomposedStringWithCanonicalMapping : query
                let options = Self.allOptions[(n + t) % Self.allOptions.count]
                let matcher = Matcher(q, options: options)
                let reference = ReferenceMatcher.Query(q, options: options)
                // The reader.
                var expected: [SearchMatch] = []
                for (b, block) in blocks.enumerated() where block.mayHold(reference) {
                    expected += reference.matches(in: block.chars).map { SearchMatch(block: b, start: $0.lowerBound, end: $0.upperBound) }
                }
                #expect(Array(index.matches(matcher)) == expected, "\(name): reader, \(q.debugDescription) \(options)")
                // grep, on the lines that hold the query's letters (no other line can match).
                for line in lines where line.mayHold(reference) {
                    let want = reference.matches(in: line.chars)
                    #expect(matcher.matches(in: line.text) == want, "\(name): grep, \(q.debugDescription) in \(line.text.debugDescription) \(options)")
                    found += want.count
                    checked += 1
                }
            }
        }
        #expect(checked > 10_000 && found > 10_000)
    }
}

/// A text split into the reference's characters once, for many queries.
struct ReferenceText {
    let text: String
    let chars: [ReferenceMatcher.Char]
    let bases: Data

    init(_ text: String) {
        self.text = text
        chars = ReferenceMatcher.characters(text)
        bases = ReferenceMatcher.bases(chars)
    }

    /// Whether the query's letters are all there, in order: the only lines worth the reference's time.
    func mayHold(_ query: ReferenceMatcher.Query) -> Bool { bases.range(of: query.bases) != nil }
}

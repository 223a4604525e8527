import Foundation
import Testing
@testable import DocBaoCore

/// The compact folded form and its scan (`FoldedText`, `Matcher.ranges(in: FoldedText)`) against
/// the unit-by-unit reference (`Matcher.ranges(in: VietnameseFolding.Folded)`): the same unit
/// ranges and the same UTF-8 ranges for random texts and the corpus, in NFC and NFD, for queries
/// with and without marks, đ, both tone placements, partial vowel groups, whole words and exact mode.
@Suite struct MatcherDifferentialTests {
    static let allOptions = [SearchOptions(), SearchOptions(mode: .exact), SearchOptions(wholeWord: true),
                             SearchOptions(mode: .exact, wholeWord: true)]

    /// Pieces random texts are made of: syllables whose tone moves (hoà, người, quyền), letters with
    /// every Vietnamese mark, stray combining marks, joiners, letters kept aside (non-Latin, ÿ's
    /// 0xFF neighbours, emoji), spaces, newlines and punctuation.
    static let pieces = [
        "hòa", "hoà", "Hoà", "thủy", "thuỷ", "khỏe", "khoẻ", "toàn", "toán", "người", "NGƯỜI", "được", "quyền",
        "giữa", "quốc", "Việt", "Nam", "ngoại", "giao", "an", "Thanh", "đường", "dầu", "đâu", "Đấu", "tranh",
        "oa", "uy", "ua", "ia", "qua", "gia", "hoà\u{300}", "uyển", "khuya", "nguyễn",
        "a", "à", "ă", "ắ", "â", "ậ", "d", "đ", "Đ", "o", "ơ", "ờ", "u", "ư", "y", "ý", "e", "ê", "i", "A", "Ấ",
        "\u{300}", "\u{301}", "\u{303}", "\u{323}", "\u{306}", "\u{302}", "\u{31B}", "\u{308}", "\u{200D}", "\u{FE0F}",
        "Ж", "ж", "中", "文", "😀", "“", "”", "…", "–", "ÿ", "þ", "ß", "Æ", "ø", "ẞ", "Ω", "\u{FF}", "\u{100}",
        " ", " ", " ", "  ", ",", ".", "\n", "\t", "-", "1", "2024", "\u{A0}",
    ]

    static func randomText(_ rng: inout SeededRandom, pieces count: Int) -> String {
        var s = ""
        for _ in 0..<count { s += pieces.randomElement(using: &rng)! }
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: return s.decomposedStringWithCanonicalMapping
        case 1: return s.precomposedStringWithCanonicalMapping
        default: return s
        }
    }

    /// A query likely to be found in `text`: a piece of it, maybe without marks, in other case, in the
    /// other normal form, or with the other tone placement.
    static func randomQuery(in text: String, _ rng: inout SeededRandom) -> String {
        let scalars = Array(text.unicodeScalars)
        var query: String
        if scalars.isEmpty || Int.random(in: 0..<4, using: &rng) == 0 {
            query = randomText(&rng, pieces: Int.random(in: 1...3, using: &rng))
        } else {
            let start = Int.random(in: 0..<scalars.count, using: &rng)
            let end = min(scalars.count, start + Int.random(in: 1...12, using: &rng))
            query = String(String.UnicodeScalarView(scalars[start..<end]))
        }
        switch Int.random(in: 0..<8, using: &rng) {
        case 0: query = VietnameseFolding.strippingMarksForTests(query)
        case 1: query = query.uppercased()
        case 2: query = query.decomposedStringWithCanonicalMapping
        case 3: query = query.precomposedStringWithCanonicalMapping
        case 4: query = query.replacingOccurrences(of: "oà", with: "òa").replacingOccurrences(of: "òa", with: "oà")
        default: break
        }
        return query
    }

    /// The reference's matches in `text` and the compact form's, for `expect` to compare.
    static func compare(_ query: String, _ text: String, _ options: SearchOptions,
                        sourceLocation: SourceLocation = #_sourceLocation) {
        let matcher = Matcher(query, options: options)
        let folded = VietnameseFolding.fold(text)
        let reference = matcher.ranges(in: folded)
        let compact = FoldedText(text)
        #expect(compact.count == folded.units.count, sourceLocation: sourceLocation)
        #expect(matcher.ranges(in: compact) == reference, "\(query.debugDescription) in \(text.debugDescription) \(options)",
                sourceLocation: sourceLocation)
        let offsets = reference.map { Int(folded.offsets[$0.lowerBound])..<Int(folded.offsets[$0.upperBound]) }
        #expect(matcher.matches(in: text) == offsets, "\(query.debugDescription) in \(text.debugDescription) \(options)",
                sourceLocation: sourceLocation)
    }

    @Test func compactFormHoldsEveryUnit() {
        var rng = SeededRandom(seed: 11)
        for _ in 0..<300 {
            let text = Self.randomText(&rng, pieces: Int.random(in: 0...40, using: &rng))
            let folded = VietnameseFolding.fold(text)
            let compact = FoldedText(text)
            #expect((0..<compact.count).map { compact.unit($0) } == folded.units, "\(text.debugDescription)")
            var cursor = FoldedText.Cursor(block: 0, unit: 0, offset: 0)
            var copy = text
            copy.makeContiguousUTF8()
            let offsets = copy.utf8.withContiguousStorageIfAvailable { bytes in
                (0...compact.count).map { compact.offset(ofUnit: $0, &cursor, bytes) }
            }!
            #expect(offsets == folded.offsets.map(Int.init), "\(text.debugDescription)")
        }
    }

    @Test func randomTextsAndQueries() {
        var rng = SeededRandom(seed: 2026)
        for _ in 0..<1500 {
            let text = Self.randomText(&rng, pieces: Int.random(in: 0...60, using: &rng))
            let query = Self.randomQuery(in: text, &rng)
            for options in Self.allOptions { Self.compare(query, text, options) }
        }
    }

    @Test func partialVowelGroupsAndTonePlacements() {
        let texts = ["toàn an toàn", "hoà hòa hoá hóa HOÀ", "người ngươi nguoi", "quyền quyen quyển", "khuya khuỷa",
                     "thuỷ thủy thuy", "oà oá, oa", "giữa gịua", "a\u{300}\u{301} ờ\u{31B}"]
        let queries = ["an", "oa", "oà", "òa", "à", "a", "ươ", "ười", "ườ", "uyê", "uyề", "yề", "ề", "uỷ", "ủy", "ỷ",
                       "hoa", "hoà", "hòa", "Hoà", "ngươi", "người", "ơi", "ời", "ữa", "iữ", "ua", "u", "y"]
        for text in texts {
            for form in [text, text.decomposedStringWithCanonicalMapping] {
                for query in queries {
                    for options in Self.allOptions { Self.compare(query, form, options) }
                }
            }
        }
    }

    /// Long texts go past many offset checkpoints; matches dense and sparse.
    @Test func longTextsAcrossCheckpoints() {
        var rng = SeededRandom(seed: 5)
        for _ in 0..<20 {
            let text = Self.randomText(&rng, pieces: 2000)
            for _ in 0..<10 {
                let query = Self.randomQuery(in: text, &rng)
                Self.compare(query, text, Self.allOptions.randomElement(using: &rng)!)
            }
            for query in ["a", " ", "o", "\u{300}"] { Self.compare(query, text, SearchOptions()) }
        }
    }

    /// The corpus and the seed, NFC and NFD, as articles of many blocks searched through `SearchIndex`
    /// (one `FoldedText` for all blocks), against the reference block by block.
    @Test func corpusArticlesThroughTheSearchIndex() throws {
        var rng = SeededRandom(seed: 29)
        let fixed = ["ngoai giao", "ngoại giao", "đấu tranh", "dau tranh", "hòa", "hoà", "an", "Việt Nam", "người",
                     "được", "d", "đ", "toàn", "oa", "A", "“", "…", "1", " "]
        for url in try TestData.corpusArticles() + [TestData.seed] {
            let raw = try TestData.text(url)
            for text in [raw.precomposedStringWithCanonicalMapping, raw.decomposedStringWithCanonicalMapping] {
                let blocks = text.split(separator: "\n").map { Block(.paragraph, String($0)) }
                let index = SearchIndex(article: Article(blocks: blocks, sections: []))
                let folded = blocks.map { VietnameseFolding.fold($0.text) }
                let queries = fixed + (0..<15).map { _ in Self.randomQuery(in: blocks.randomElement(using: &rng)?.text ?? "", &rng) }
                for query in queries {
                    let options = Self.allOptions.randomElement(using: &rng)!
                    let matcher = Matcher(query, options: options)
                    var expected: [SearchMatch] = []
                    for (b, f) in folded.enumerated() {
                        for r in matcher.ranges(in: f) {
                            expected.append(SearchMatch(block: b, start: Int(f.offsets[r.lowerBound]), end: Int(f.offsets[r.upperBound])))
                        }
                    }
                    #expect(index.referenceMatches(matcher) == expected, "\(url.lastPathComponent): \(query.debugDescription) \(options)")
                    #expect(Array(index.matches(matcher)) == expected, "\(url.lastPathComponent): \(query.debugDescription) \(options)")
                }
            }
        }
    }
}

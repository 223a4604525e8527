import Foundation
import Testing
@testable import DocBaoCore

/// A huge article searched block by block (`BlockScan`), without folding it whole: exactly the
/// matches `SearchIndex.matches` finds in the article's fold, in the same order, for the corpus in
/// every form the importer takes (blocks kept in their file, NFD ones cleaned again when read, CR
/// LF, lone CR, hostile bytes; and blocks held as strings), and for text whose cleaning changes
/// its letters (controls, C1, bidi, a byte order mark, NFC singletons, Hangul jamo).
@Suite struct BlockScanTests {
    static let fixed = ["ngoai giao", "ngoại giao", "đấu tranh", "dau tranh", "hòa", "hoà", "ệ", "an", "a", "n", "ng",
                        "Việt Nam", "người", "được", "d", "đ", "toàn", "oa", "A", "“", "…", "1", "2024", " ", "  ", ". ",
                        "j", "w", "f", "z", "qjvwkx", "0", "85", "<U+", ";", "`", "·", "Å", "å", "k", "ab", "a b", "\t",
                        "\u{301}", "a각b", "각", "␡", "␛[2J", "x", "ngoai giao\n"]

    /// `BlockScan`'s matches and `SearchIndex`'s for `queries` in every matching mode.
    /// (Every mode for each query when `everyMode`, else one drawn at random: the corpus is large.)
    static func expectSame(_ article: Article, _ queries: [String], _ name: String, everyMode: Bool = true,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        let index = SearchIndex(article: article)
        var rng = SeededRandom(seed: UInt64(queries.count))
        for query in queries {
            let modes = everyMode ? MatcherDifferentialTests.allOptions : [MatcherDifferentialTests.allOptions.randomElement(using: &rng)!]
            for options in modes {
                let matcher = Matcher(query, options: options)
                let expected = Array(index.matches(matcher))
                let scanned = BlockScan(matcher).matches(in: article.blocks)
                #expect(Array(scanned) == expected, "\(name): \(query.debugDescription) \(options)", sourceLocation: sourceLocation)
            }
        }
    }

    /// Queries cut from `text` (across its line breaks too), maybe changed as a reader would type them.
    static func cutQueries(_ text: String, _ count: Int, _ rng: inout SeededRandom) -> [String] {
        let lines = text.split(separator: "\n").map(String.init)
        return (0..<count).map { k in
            k % 3 == 0 ? MatcherDifferentialTests.randomQuery(in: text, &rng)
                       : MatcherDifferentialTests.randomQuery(in: lines.randomElement(using: &rng) ?? "", &rng)
        }
    }

    @Test func corpusArticlesKeptInTheirFile() throws {
        var rng = SeededRandom(seed: 41)
        var filed = 0, articles = 0
        for url in try TestData.corpusArticles() + [TestData.seed] {
            let text = try TestData.text(url)
            for (variant, bytes) in ChunkedImportTests.variants(text) {
                articles += 1
                let article = FiledTextTests.imported(bytes, file: BytesTextFile(bytes))
                if article.blocks.contains(where: { $0.isFiled }) { filed += 1 }
                Self.expectSame(article, Self.fixed + Self.cutQueries(text, 8, &rng), "\(url.lastPathComponent) \(variant)", everyMode: false)
            }
        }
        // Most articles have blocks kept in the file: the scan reads those from it.
        #expect(filed > articles / 2, "\(filed) of \(articles)")
    }

    @Test func corpusArticlesHeldAsStrings() throws {
        var rng = SeededRandom(seed: 43)
        for url in try TestData.corpusArticles() {
            let raw = try TestData.text(url)
            for text in [raw.precomposedStringWithCanonicalMapping, raw.decomposedStringWithCanonicalMapping] {
                let blocks = text.split(separator: "\n").map { Block(.paragraph, String($0)) }
                Self.expectSame(Article(blocks: blocks, sections: []), Self.cutQueries(text, 12, &rng), url.lastPathComponent, everyMode: false)
            }
        }
    }

    /// A file whose bytes are not UTF-8 where it matters most: overlong forms (E0 80 80, F0 80 80 80),
    /// a surrogate, past U+10FFFF, a lead byte cut short; its blocks' scan never traps and finds what
    /// the fold finds.
    @Test func overlongFormsAndSurrogates() {
        var bytes = Array("Tiêu đề bài báo có đủ chữ để giữ trong tệp\n\n".utf8)
        for bad: [UInt8] in [[0xE0, 0x80, 0x80], [0xF0, 0x80, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                             [0xE0, 0x9F, 0xBF], [0xC0, 0x80], [0xE1, 0x80]] {
            bytes += Array("Đoạn có chữ ngoại giao ".utf8) + bad + Array(" và a\u{301} giao.\n\n".utf8)
            bytes += bad + Array("ngoai giao ở đầu đoạn.\n\n".utf8)
        }
        let article = FiledTextTests.imported(bytes, file: BytesTextFile(bytes))
        Self.expectSame(article, ["ngoai giao", "a", "á", "\u{FFFD}", "giao \u{FFFD}", "\u{0}", "đoạn"], "overlong")
    }

    /// Text that cleaning changes: a control becomes its picture, a C1 control or a bidi override
    /// visible text ("<U+0085>": letters and digits the raw bytes do not have), a byte order mark
    /// goes, CR LF becomes LF, NFC turns singletons into other letters (Å for the Angstrom sign, ";"
    /// for the Greek question mark) and jamo into one Hangul syllable.
    @Test func textThatCleaningChanges() {
        let paragraphs = [
            "Tiêu đề bài báo có đủ chữ để giữ trong tệp",
            "Đoạn có \u{85} và \u{202E} ở giữa, mã 0085 và 202E viết ra, đủ dài để giữ trong tệp.",
            "Dòng có\u{FEFF} dấu BOM giữa chữ: a\u{FEFF}b, rồi ab và a b, đủ dài để giữ trong tệp.",
            "Dấu hỏi Hy Lạp\u{37E} chấm giữa\u{387} rồi \u{1FEF} và \u{1FFD}, \u{212B}ngstrom, \u{212A}elvin, đủ dài.",
            "Hàn: a\u{1100}\u{1161}\u{11A8}b và 각 riêng, đủ dài để giữ trong tệp.",
            "Tab\tở đây, DEL\u{7F}x, ESC\u{1B}[2J, CR\r\nLF và hết, đủ dài để giữ trong tệp.",
            "Số 2024 và chữ jwfz, qjvwkx một lần; ngoại giao, hòa, hoà, Việt Nam, đủ dài.",
        ]
        let text = paragraphs.joined(separator: "\n\n") + "\n"
        for (form, variant) in [(text, "as written"), (text.decomposedStringWithCanonicalMapping, "nfd"),
                                (text.precomposedStringWithCanonicalMapping, "nfc")] {
            let bytes = Array(form.utf8)
            let article = FiledTextTests.imported(bytes, file: BytesTextFile(bytes))
            Self.expectSame(article, Self.fixed + ["<u+0085>", "<U+202E>", "202e", "ngstrom", "angstrom", "ångstrom", "kelvin",
                                                   "lạp;", "giữa·", "2J", "DEL␡x", "CR\nLF", "CR LF", "a\u{FEFF}b"], variant)
        }
    }

    /// Blocks that hold line breaks, tabs and marks after them (a web page's preformatted text): a
    /// query's space finds them, and a mark after a line break joins it, as in the whole's fold.
    @Test func blocksWithLineBreaksAndTabs() {
        let blocks = [Block(.code, "dòng một\n\u{301}dòng hai\ta  b\n\nhoà\thòa"), Block(.paragraph, "\u{301}đầu"),
                      Block(.code, "x\r\ny\n"), Block(.paragraph, "")]
        Self.expectSame(Article(blocks: blocks, sections: []),
                        [" ", "  ", "\u{301}", "một d", "một dòng", "hai a", "a b", "a  b", "hoà hòa", "x y", "y ", "\u{301}đầu", "o"], "code")
    }

    /// The made benchmark article's shape: many numbered paragraphs, searched for a rare word, a
    /// common one and a one-letter query.
    @Test func manyBlocksOneFile() throws {
        var rng = SeededRandom(seed: 47)
        let seed = try TestData.text(TestData.seed)
        let lines = seed.split(separator: "\n").map(String.init)
        var text = ""
        for k in 0..<600 {
            text += "\(k). " + lines.randomElement(using: &rng)! + (k == 300 ? " qjvwkx" : "") + "\n\n"
        }
        for form in [text.precomposedStringWithCanonicalMapping, text.decomposedStringWithCanonicalMapping] {
            let bytes = Array(form.utf8)
            let article = FiledTextTests.imported(bytes, file: BytesTextFile(bytes))
            Self.expectSame(article, ["qjvwkx", "ngoai giao", "n", "599", "3", "ệ"] + Self.cutQueries(form, 10, &rng), "made")
        }
    }
}

/// The matches a prompt shows while a query is typed on a huge article (`SearchIndex.nearMatches`):
/// from any place, either way, the match `SearchState.next` goes to in them is the one it goes to in
/// the whole list (wrapping or not), and they hold every match of the blocks a screen after it.
@Suite struct NearMatchesTests {
    @Test func theFirstMatchFromAnywhereIsTheWholeListsFirst() throws {
        var rng = SeededRandom(seed: 59)
        for url in try TestData.corpusArticles().prefix(8) + [TestData.seed] {
            let text = try TestData.text(url)
            let article = FiledTextTests.imported(Array(text.utf8), file: BytesTextFile(Array(text.utf8)))
            let index = SearchIndex(article: article), n = article.blocks.count
            for query in ["ngoai giao", "a", "hòa", "Việt Nam", "zzzq"] + BlockScanTests.cutQueries(text, 6, &rng) {
                let whole = SearchState(query: query, options: SearchOptions(), direction: .forward, index: index)
                for _ in 0..<12 {
                    let block = Int.random(in: 0..<max(n, 1), using: &rng)
                    let offset = n > 0 ? Int.random(in: 0...article.blocks[block].utf8Count, using: &rng) : 0
                    let origin = SourcePosition(block: block, offset: offset)
                    for direction in [SearchDirection.forward, .backward] {
                        let reach = Int.random(in: 0...5, using: &rng)
                        let near = SearchState(query: query, options: SearchOptions(), direction: direction, index: index, near: origin, reach: reach)
                        let expected = whole.next(from: block, offset: offset, direction)
                        let got = near.next(from: block, offset: offset, direction)
                        #expect(expected.map { whole.matches[$0.index] } == got.map { near.matches[$0.index] },
                                "\(url.lastPathComponent) \(query.debugDescription) \(direction) from \(block):\(offset)")
                        #expect(expected?.wrapped == got?.wrapped)
                        #expect(near.partial && near.matches.allSatisfy { m in whole.matches.contains(m) })
                        if let hit = got.map({ near.matches[$0.index].block }) {
                            let screen = whole.matches.filter { $0.block >= hit && $0.block <= hit + reach }
                            #expect(screen.allSatisfy { m in near.matches.contains(m) })
                        }
                    }
                }
            }
        }
    }
}

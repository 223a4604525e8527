import Foundation
import Testing
@testable import DocBaoCore

@Suite struct MatcherTests {
    func finds(_ query: String, in text: String, _ options: SearchOptions = SearchOptions()) -> [String] {
        let bytes = Array(text.utf8)
        return Matcher(query, options: options).matches(in: text).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    static func scalars(_ hex: String) -> String {
        var s = ""
        s.unicodeScalars.append(contentsOf: hex.split(separator: " ").compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) })
        return s
    }

    @Test func foldCasesOracle() throws {
        let rows = try TestData.tsv("fold_cases.tsv")
        #expect(rows.count > 300)
        for row in rows {
            let input = Self.scalars(try #require(row["input_hex"]))
            // Compatibility ligatures (ﬁ) fold to two letters in the oracle's casefold; docbao keeps
            // one unit per character and does not expand them.
            if input.unicodeScalars.contains(where: { (0xFB00...0xFB06).contains($0.value) }) { continue }
            let folded = try #require(row["fold_search"])
            // The unaccented, lowercased form finds the text in smart mode (đ → d included)…
            #expect(finds(folded, in: input).count == 1, "'\(folded)' finds \(row["input"] ?? "") \(row["input_hex"] ?? "")")
            // …and the text finds itself in every spelling, in both modes.
            let nfc = input.precomposedStringWithCanonicalMapping, nfd = input.decomposedStringWithCanonicalMapping
            for mode in SearchOptions.Mode.allCases {
                #expect(finds(nfc, in: nfd, SearchOptions(mode: mode)).count == 1)
                #expect(finds(nfd, in: nfc, SearchOptions(mode: mode)).count == 1)
            }
            // Exact mode wants the marks: the folded form does not find a text that has some.
            if Array(folded.unicodeScalars) != Array(nfc.lowercased().unicodeScalars) {
                #expect(finds(folded, in: input, SearchOptions(mode: .exact)).isEmpty, "exact '\(folded)' vs \(nfc)")
            }
        }
    }

    @Test func marksTypedMustBeThereMarksLeftOutMayBeAnything() {
        let vowels = "a à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ"
        #expect(finds("a", in: vowels).count == 18)
        #expect(finds("â", in: vowels) == ["â", "ầ", "ấ", "ẩ", "ẫ", "ậ"])
        #expect(finds("ấ", in: vowels) == ["ấ"])
        #expect(finds("ă", in: vowels).count == 6)
        #expect(finds("d", in: "d đ D Đ") == ["d", "đ", "D", "Đ"])
        #expect(finds("đ", in: "d đ D Đ") == ["đ", "Đ"])
        #expect(finds("dau tranh", in: "kiên trì đấu tranh bảo vệ") == ["đấu tranh"])
        #expect(finds("đâu", in: "dầu mỏ ở đâu") == ["đâu"])
        #expect(finds("NGOAI GIAO", in: "Ngoại giao và ngoại giao") == ["Ngoại giao", "ngoại giao"])
    }

    @Test func tonePlacementIsNotADifference() {
        for (a, b) in [("hòa", "hoà"), ("thủy", "thuỷ"), ("khỏe", "khoẻ"), ("Hòa Bình", "Hoà Bình"), ("thúy", "thuý")] {
            for mode in SearchOptions.Mode.allCases {
                #expect(finds(a, in: "x \(b) y", SearchOptions(mode: mode)).count == 1, "\(a) finds \(b)")
                #expect(finds(b, in: "x \(a) y", SearchOptions(mode: mode)).count == 1, "\(b) finds \(a)")
            }
        }
        #expect(finds("hoa", in: "hòa hoà hoá hóa").count == 4)
        #expect(finds("hòa", in: "hòa hoà hoá hóa").count == 2)
        #expect(finds("giữa", in: "ở giữa") == ["giữa"])
        #expect(finds("quốc", in: "Quốc gia") == ["Quốc"])
    }

    @Test func exactModeIsCaseAndMarkSensitive() {
        let exact = SearchOptions(mode: .exact)
        #expect(finds("Ngoại", in: "ngoại Ngoại ngoai", exact) == ["Ngoại"])
        #expect(finds("ngoai", in: "ngoại Ngoại ngoai", exact) == ["ngoai"])
    }

    @Test func wholeWordDoesNotMatchInsideWords() {
        let word = SearchOptions(wholeWord: true)
        #expect(finds("an", in: "Thanh an ninh, an.", word) == ["an", "an"])
        #expect(finds("an", in: "Thanh an ninh") == ["an", "an"])
        #expect(finds("thanh", in: "Bùi Thanh Sơn", word) == ["Thanh"])
    }

    @Test func theBundledArticleHas28NgoaiGiao() throws {
        let article = try Fixtures.seedArticle()
        let index = SearchIndex(article: article)
        #expect(index.matches(Matcher("ngoai giao")).count == 28)
        #expect(index.matches(Matcher("ngoại giao")).count == 28)
        #expect(index.matches(Matcher("ngoại giao".decomposedStringWithCanonicalMapping)).count == 28)
        #expect(index.matches(Matcher("dau tranh")).count == index.matches(Matcher("đấu tranh")).count)
        #expect(index.matches(Matcher("dau tranh")).count >= 3)
    }

    @Test func nfdArticlesMatchNfcQueries() throws {
        let names = try TestData.tsv("../articles-dantri/MANIFEST.tsv").filter { $0["is_nfc"] == "NO" }.compactMap { $0["file"] }
        #expect(names.count == 6)
        for name in names {
            let raw = try TestData.text(TestData.testdata.appendingPathComponent("articles-dantri/" + name))
            let nfc = raw.precomposedStringWithCanonicalMapping
            #expect(Array(raw.unicodeScalars) != Array(nfc.unicodeScalars), "\(name) is not NFC")
            // Every word of the file, typed in NFC (and without accents), is found in the raw text as
            // often as in its NFC form.
            let words = Set(nfc.split(whereSeparator: { $0.isWhitespace || $0.isPunctuation }).map(String.init)).sorted()
            let foldedRaw = VietnameseFolding.fold(raw), foldedNFC = VietnameseFolding.fold(nfc)
            for word in words.prefix(400) {
                let inNFC = Matcher(word).ranges(in: foldedNFC).count
                #expect(inNFC > 0)
                #expect(Matcher(word).ranges(in: foldedRaw).count == inNFC, "\(name): \(word)")
                let bare = Matcher(VietnameseFolding.strippingMarksForTests(word))
                #expect(bare.ranges(in: foldedRaw).count == bare.ranges(in: foldedNFC).count)
            }
        }
    }

    /// Every reported match lies inside the text and folds to something the query accepts.
    @Test func matchesLieInTheTextAndFoldToTheQuery() throws {
        let words = ["ngoại", "giao", "đấu", "tranh", "hòa", "hoà", "Việt", "Nam", "an", "Thanh", "đường", "dầu"]
        var rng = SeededRandom(seed: 7)
        let article = try Fixtures.seedArticle()
        let text = article.blocks.map(\.text).joined(separator: "\n")
        for _ in 0..<200 {
            var query = (0..<Int.random(in: 1...2, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ")
            if Bool.random(using: &rng) { query = VietnameseFolding.strippingMarksForTests(query) }
            let options = SearchOptions(mode: Bool.random(using: &rng) ? .smart : .exact, wholeWord: Bool.random(using: &rng))
            let matcher = Matcher(query, options: options)
            let bytes = Array(text.utf8)
            for r in matcher.matches(in: text) {
                #expect(r.lowerBound >= 0 && r.upperBound <= bytes.count)
                let found = String(decoding: bytes[r], as: UTF8.self)
                #expect(Matcher(query, options: SearchOptions(mode: options.mode)).matches(in: found) == [0..<found.utf8.count], "\(query) \(options) found '\(found)'")
            }
        }
    }
}

extension VietnameseFolding {
    /// The query a user without accents would type: marks dropped, đ → d.
    static func strippingMarksForTests(_ s: String) -> String {
        String(String.UnicodeScalarView(s.decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { $0.properties.generalCategory != .nonspacingMark }))
            .replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
    }
}

import Foundation
import Testing
@testable import DocBaoCore

/// `LineScan`, the search of raw bytes a huge file is scanned with while it loads, held to the
/// `Matcher` (whatever its rules): on every line of the corpus, NFC and NFD, and of random texts,
/// the scan's matches are exactly the Matcher's matches in that line's text.
@Suite struct LineScanTests {
    /// The Matcher's matches in each line of `bytes` (lines cut at LF and CR), as byte ranges.
    static func reference(_ bytes: [UInt8], _ matcher: Matcher) -> [LineScan.Hit] {
        var hits: [LineScan.Hit] = []
        var start = 0
        for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A || bytes[i] == 0x0D {
            let text = String(decoding: bytes[start..<i], as: UTF8.self)
            for r in matcher.matches(in: text) {
                hits.append(LineScan.Hit(line: start..<i, match: (start + r.lowerBound)..<(start + r.upperBound)))
            }
            start = i + 1
        }
        return hits
    }

    static func scanned(_ bytes: [UInt8], _ matcher: Matcher) -> [LineScan.Hit] {
        var hits: [LineScan.Hit] = []
        bytes.withUnsafeBytes { raw in _ = LineScan(matcher).scan(raw) { hits.append($0); return true } }
        return hits
    }

    static func compare(_ query: String, _ bytes: [UInt8], _ options: SearchOptions, _ label: String,
                        sourceLocation: SourceLocation = #_sourceLocation) {
        let matcher = Matcher(query, options: options)
        #expect(scanned(bytes, matcher) == reference(bytes, matcher), "\(label): \(query.debugDescription) \(options)",
                sourceLocation: sourceLocation)
    }

    @Test func theCorpusLineByLineNFCAndNFD() throws {
        var rng = SeededRandom(seed: 19)
        let fixed = ["ngoai giao", "ngoại giao", "đấu tranh", "dau tranh", "hòa", "hoà", "an", "Việt Nam", "người",
                     "được", "d", "đ", "toàn", "oa", "A", "“", "…", "1", " ", "ệ", "uyê"]
        for url in try TestData.corpusArticles() + [TestData.seed] {
            let raw = try TestData.text(url)
            for text in [raw.precomposedStringWithCanonicalMapping, raw.decomposedStringWithCanonicalMapping] {
                let lines = text.split(separator: "\n").map(String.init)
                // CR LF line ends in one of the two forms, so both kinds of break are scanned.
                let bytes = Array((Bool.random(using: &rng) ? text.replacingOccurrences(of: "\n", with: "\r\n") : text).utf8)
                let queries = fixed + (0..<12).map { _ in
                    MatcherDifferentialTests.randomQuery(in: lines.randomElement(using: &rng) ?? "", &rng)
                }
                for query in queries {
                    Self.compare(query, bytes, MatcherDifferentialTests.allOptions.randomElement(using: &rng)!, url.lastPathComponent)
                }
            }
        }
    }

    /// Random texts: stray marks at a line's start, joiners, letters kept aside, CR and LF.
    @Test func randomTextsAndQueries() {
        var rng = SeededRandom(seed: 77)
        for _ in 0..<800 {
            var text = MatcherDifferentialTests.randomText(&rng, pieces: Int.random(in: 0...60, using: &rng))
            if Bool.random(using: &rng) { text = text.replacingOccurrences(of: " ", with: "\r") }
            let query = MatcherDifferentialTests.randomQuery(in: text, &rng)
            for options in MatcherDifferentialTests.allOptions { Self.compare(query, Array(text.utf8), options, "random") }
        }
    }

    /// Every ASCII byte, in runs long enough for the eight-at-a-time step and cut by controls and
    /// breaks, against queries of letters in either case, digits and punctuation.
    @Test func everyASCIIByte() {
        var rng = SeededRandom(seed: 3)
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0...300, using: &rng)).map { _ in
                Bool.random(using: &rng) ? UInt8.random(in: 0x41...0x5A, using: &rng) : UInt8.random(in: 1...0x7F, using: &rng)
            }
            let text = String(decoding: bytes, as: UTF8.self)
            for query in ["a", "Z", "q", "@", "[", "`", "{", "~", "\u{7F}", " ", "ab", "M N"]
                + [MatcherDifferentialTests.randomQuery(in: text, &rng)] {
                Self.compare(query, bytes, MatcherDifferentialTests.allOptions.randomElement(using: &rng)!, "ascii")
            }
        }
    }

    /// Bytes that are not UTF-8 never stop the scan, and the lines around them are still searched.
    /// Overlong forms (E0 80 80 for NUL, F0 80 80 80), surrogates (ED A0 80), past U+10FFFF (F4 90 80 80)
    /// and a lead byte cut short are units of their own, as String's repair makes them: never a
    /// character below U+0080 (whose table lookup would trap).
    @Test func overlongFormsAndSurrogatesAreNotCharacters() {
        let bad: [[UInt8]] = [[0xE0, 0x80, 0x80], [0xE0, 0x81, 0x81], [0xE0, 0x9F, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
                              [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0x80], [0xC1, 0xBF], [0xE1, 0x80], [0xE2],
                              [0xE1, 0xBB, 0x1F], [0xF0, 0x9F, 0x98], [0xF0, 0x9F, 0x1F], [0xF4, 0x8F, 0xBF], [0xED, 0x9F]]
        for b in bad {
            var bytes = Array("ngoại giao ".utf8) + b + Array(" ngoai giao\nA".utf8) + b + Array("a ".utf8)
            bytes += b  // at the very end too
            let repaired = String(decoding: b, as: UTF8.self)  // a query holding the bytes as repaired (found by fuzzing)
            for query in ["ngoai giao", "a", "\u{FFFD}", "\u{0}", "giao \u{FFFD}", "giao " + repaired, repaired + "a"] {
                for options in MatcherDifferentialTests.allOptions { Self.compare(query, bytes, options, "\(b)") }
            }
        }
    }

    @Test func invalidBytesAreSkippedOver() {
        var bytes = Array("đầu dòng\n".utf8) + [0xFF, 0xC3, 0x28, 0xE1, 0xBA, 0x0A, 0xF0, 0x9F]
        bytes += Array(" ngoại giao \u{300}\nngoai giao cuối".utf8) + [0xE1]
        let matcher = Matcher("ngoai giao")
        let hits = Self.scanned(bytes, matcher)
        #expect(hits.count == 2)
        #expect(hits == Self.reference(bytes, matcher))
        #expect(Self.scanned(bytes, Matcher("đầu")).count == 1)
    }

    /// The fold's table of two- and three-byte characters gives each its base as the article's fold
    /// does (`FoldedText.bases`): every scalar of U+0080 ..< U+0800 and U+1000 ..< U+3000, at a
    /// line's start and after a letter (where a mark joins it), in lines of several.
    @Test func everyTwoAndThreeByteCharacter() {
        let scalars = (0x80..<0x800).compactMap(Unicode.Scalar.init) + (0x1000..<0x3000).compactMap(Unicode.Scalar.init)
        for chunk in stride(from: 0, to: scalars.count, by: 64) {
            var text = ""
            for s in scalars[chunk..<min(chunk + 64, scalars.count)] { text += "\(s)x a\(s)b\n" }
            var folding = LineScan.Folding()
            Array(text.utf8).withUnsafeBufferPointer { folding.fold($0) }
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false).map { FoldedText(String($0)).bases }
            #expect(folding.bases.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init) == expected,
                    "from U+\(String(scalars[chunk].value, radix: 16))")
        }
    }
}

import Foundation
import Testing
@testable import DocBaoCore

/// `LineScan.matches(inText:)`, how a library search checks an article, held to
/// `Matcher.matches(in:)` of the whole text: the same ranges for every text and query, matches that
/// run across a line break (a space to the Matcher) included.
@Suite struct LineScanTextTests {
    static func compare(_ query: String, _ text: String, _ options: SearchOptions, _ label: String,
                        sourceLocation: SourceLocation = #_sourceLocation) {
        let matcher = Matcher(query, options: options)
        #expect(LineScan(matcher).matches(inText: text) == matcher.matches(in: text),
                "\(label): \(query.debugDescription) \(options)", sourceLocation: sourceLocation)
    }

    @Test func theCorpusNFCAndNFD() throws {
        var rng = SeededRandom(seed: 35)
        let fixed = ["ngoai giao", "ngoại giao", "dau tranh", "Hà Nội", "kinh te", "covid", "hòa", "an", " an ", "an ",
                     " an", "người", "ệ", "toàn", "d", " ", "“", "1"]
        for url in try TestData.corpusArticles() + [TestData.seed] {
            let raw = try TestData.text(url)
            for text in [raw.precomposedStringWithCanonicalMapping, raw.decomposedStringWithCanonicalMapping] {
                let scalars = Array(text.unicodeScalars)
                // Queries across a line break: the end of one paragraph and the start of the next.
                let across = scalars.indices.filter { scalars[$0] == "\n" && $0 > 3 && $0 + 4 < scalars.count }
                    .shuffled(using: &rng).prefix(4)
                    .map { String(String.UnicodeScalarView(scalars[($0 - 3)..<($0 + 4)])).replacingOccurrences(of: "\n", with: " ") }
                let queries = fixed + across + (0..<4).map { _ in MatcherDifferentialTests.randomQuery(in: text, &rng) }
                let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
                for query in queries {
                    let options = MatcherDifferentialTests.allOptions.randomElement(using: &rng)!
                    Self.compare(query, text, options, url.lastPathComponent)
                    Self.compare(query, crlf, options, url.lastPathComponent + " CR LF")
                }
            }
        }
    }

    /// Random texts of many short lines: stray marks at a line's start (the Matcher puts them on
    /// the break before), joiners, letters kept aside, CR and LF, queries cut across lines.
    @Test func randomTextsAndQueries() {
        var rng = SeededRandom(seed: 91)
        for _ in 0..<1_500 {
            var text = MatcherDifferentialTests.randomText(&rng, pieces: Int.random(in: 0...60, using: &rng))
            for (from, to) in [(" ", "\n"), ("a", "\r"), ("o", "\r\n")] where Bool.random(using: &rng) {
                text = text.replacingOccurrences(of: from, with: to)
            }
            let query = MatcherDifferentialTests.randomQuery(in: text, &rng)
            for options in MatcherDifferentialTests.allOptions { Self.compare(query, text, options, "random") }
        }
    }

    @Test func aMatchAcrossABreakAndAWordAtALinesStart() {
        let text = "Tại Hà\nNội hôm nay\nan ninh\r\n\u{301}an toàn\n"
        for query in ["hà nội", "Hà Nội", " an ", " an", "nay an", "ninh \u{301}an"] {
            for options in MatcherDifferentialTests.allOptions { Self.compare(query, text, options, "fixed") }
        }
        #expect(LineScan(Matcher("ha noi")).matches(inText: text).count == 1)
        #expect(LineScan(Matcher(" an ")).matches(inText: text).count == 2)  // "an ninh" and, a mark on the break before it, "́an toàn"
    }
}

import Testing
@testable import DocBaoCore

/// `VietnameseFolding.baseText`, what the library's index holds, is the bases of the folded units
/// (as the Matcher reads them) for random texts too: stray marks, joiners, letters kept aside,
/// emoji, CR and tabs, NFC and NFD.
@Suite struct BaseTextDifferentialTests {
    @Test func randomTexts() {
        var rng = SeededRandom(seed: 52)
        for _ in 0..<3_000 {
            var text = MatcherDifferentialTests.randomText(&rng, pieces: Int.random(in: 0...40, using: &rng))
            if Bool.random(using: &rng) { text = text.replacingOccurrences(of: " ", with: Bool.random(using: &rng) ? "\t" : "\r\n") }
            let expected = String(String.UnicodeScalarView(VietnameseFolding.fold(text).units.compactMap {
                $0.base == 0 ? nil : Unicode.Scalar($0.base)
            }))
            #expect(VietnameseFolding.baseText(text) == expected, "\(text.debugDescription)")
        }
    }
}

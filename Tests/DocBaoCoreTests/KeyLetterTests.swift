import Foundation
import Testing
@testable import DocBaoCore

/// `KeyLetter`, the rare letter `LineScan` looks for before it folds a line: every character that
/// folds to it is found, only the lines holding one are folded, and the scan's matches stay the
/// Matcher's, line by line, when lines hold the letter in any of its forms.
@Suite struct KeyLetterTests {
    /// Every scalar outside the tables whose fold has an ASCII base (not a space) is in
    /// `outsideTables`, so `scalars(foldingTo:)` misses no character.
    @Test func noScalarOutsideTheTablesIsMissed() {
        var found: [Unicode.Scalar] = []
        for v in UInt32(0x80)...0x10FFFF where !(v < 0x250 || (v >= 0x1E00 && v < 0x1F00)) {
            guard let s = Unicode.Scalar(v), s.properties.generalCategory != .unassigned else { continue }
            let base = VietnameseFolding.fold(s).base
            if base > 0x20 && base < 0x7F { found.append(s) }
        }
        #expect(found == KeyLetter.outsideTables)
    }

    @Test func theFormsOfALetter() throws {
        let j = try #require(KeyLetter(VietnameseFolding.fold("j").units))
        #expect(j.single == [0x4A, 0x6A])
        #expect(KeyLetter.scalars(foldingTo: UInt8(ascii: "j")).map { String($0) }.joined() == "JjĴĵǰ")
        #expect(KeyLetter.scalars(foldingTo: UInt8(ascii: "k")).contains("\u{212A}"))
        // Common letters are no key: on news paragraphs every line holds them.
        #expect(KeyLetter(VietnameseFolding.fold("ngoại giao quốc").units) == nil)
        // The letter with the fewest forms is taken: a digit (one) before a w (thirteen).
        #expect(KeyLetter(VietnameseFolding.fold("w7").units)?.base == UInt8(ascii: "7"))
    }

    /// Only the lines that hold the key letter, in any form, are folded.
    @Test func onlyTheLinesWithTheKeyAreCandidates() {
        let lines = ["công tác ngoại giao", "chữ qjvwkx ở giữa", "không có", "ĵa", "x\u{212A}", "ǰ\r\nđường", "w"]
        let bytes = Array(lines.joined(separator: "\n").utf8)
        func candidates(_ query: String) -> [String] {
            bytes.withUnsafeBytes { raw in
                LineScan(Matcher(query)).candidates(raw).map { String(decoding: bytes[$0], as: UTF8.self) }
            }
        }
        #expect(candidates("qjvwkx") == ["chữ qjvwkx ở giữa", "ĵa", "ǰ"])
        #expect(candidates("wk") == ["chữ qjvwkx ở giữa", "w"])
        #expect(candidates("ngoai giao") == [lines.joined(separator: "\n")])
    }

    /// Texts full of the rare letters' forms, NFC and NFD, CR and LF: the scan's matches are the
    /// Matcher's on each line.
    @Test func rareLettersInEveryForm() {
        var rng = SeededRandom(seed: 1919)
        let pieces = ["j", "J", "ĵ", "Ĵ", "ǰ", "w", "W", "ẘ", "ẃ", "ŵ", "k", "K", "\u{212A}", "ḱ", "z", "ž", "Ẑ", "f", "ḟ",
                      "7", "x", "q", "ngoại", "giao", "jazz", "Wifi", " ", " ", "\n", "\r\n", "\u{301}", "\u{30C}", "đ", "ô"]
        for _ in 0..<600 {
            var text = ""
            for _ in 0..<Int.random(in: 0...50, using: &rng) { text += pieces.randomElement(using: &rng)! }
            if Bool.random(using: &rng) { text = text.decomposedStringWithCanonicalMapping }
            let query = Bool.random(using: &rng) ? MatcherDifferentialTests.randomQuery(in: text, &rng)
                : (0..<Int.random(in: 1...3, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            for options in MatcherDifferentialTests.allOptions { LineScanTests.compare(query, Array(text.utf8), options, "rare") }
        }
    }

    /// Long lines, so the sixteen-byte steps and the bytes after the last full step are both used.
    @Test func candidatesAcrossSixteenByteSteps() {
        for at in [0, 1, 14, 15, 16, 17, 31, 40, 47, 48] {
            for form in ["j", "ǰ", "ẘ"] {
                var line = Array(repeating: UInt8(ascii: "a"), count: 49)
                line.replaceSubrange(at..<(at + 1), with: Array(form.utf8))
                let head = Array("đầu\n".utf8)
                let bytes = head + line + Array("\ncuối".utf8)
                let query = form == "ẘ" ? "w" : "j"
                let found = bytes.withUnsafeBytes { Array(LineScan(Matcher(query)).candidates($0)) }
                #expect(found == [head.count..<(head.count + line.count)], "\(form) at \(at)")
                LineScanTests.compare(query, bytes, SearchOptions(), "\(at)")
            }
        }
    }
}

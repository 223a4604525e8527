import Foundation
import Testing
@testable import DocBaoCore

@Suite struct SanitizerTests {
    /// The ranges `clean` treats as NFC-stable without asking Unicode must be: every scalar of
    /// them (and of Latin-1, below U+0300) comes out as Foundation's NFC makes it. (The fuzzer found
    /// U+2000 and U+2001, which NFC turns into U+2002 and U+2003.)
    @Test func fastPathRangesAgreeWithNFC() {
        let ranges: [ClosedRange<UInt32>] = [0xA0...0x2FF, 0x1E00...0x1EFF, 0x2000...0x2029, 0x202F...0x2065, 0x206A...0x206F]
        for range in ranges {
            for v in range {
                guard let scalar = Unicode.Scalar(v) else { continue }
                let text = "a" + String(scalar) + "b"
                let nfc = text.precomposedStringWithCanonicalMapping
                #expect(Array(TextSanitizer.clean(text).unicodeScalars) == Array(nfc.unicodeScalars), "U+\(String(v, radix: 16))")
            }
        }
    }

    @Test func escapeSequencesBecomeVisible() {
        #expect(TextSanitizer.clean("a\u{1B}[2Jb") == "a␛[2Jb")
        #expect(TextSanitizer.clean("\u{1B}]0;pwned\u{07}") == "␛]0;pwned␇")
        #expect(TextSanitizer.clean("\u{1B}]52;c;SGVsbG8=\u{07}") == "␛]52;c;SGVsbG8=␇")
        #expect(TextSanitizer.clean("x\u{9B}31m") == "x<U+009B>31m")
        #expect(TextSanitizer.clean("del\u{7F}") == "del␡")
        #expect(TextSanitizer.clean("\u{0}\u{1F}") == "␀␟")
    }

    @Test func bidiControlsBecomeVisible() {
        #expect(TextSanitizer.clean("abc\u{202E}fed") == "abc<U+202E>fed")
        #expect(TextSanitizer.clean("\u{202A}\u{2066}\u{2069}") == "<U+202A><U+2066><U+2069>")
    }

    @Test func invisiblesLineEndsAndTabs() {
        #expect(TextSanitizer.clean("\u{FEFF}Tin\u{FEFF} tức") == "Tin tức")
        #expect(TextSanitizer.clean("lần \u{200B}4") == "lần \u{200B}4")
        #expect(TextSanitizer.clean("a\r\nb\rc\n\nd") == "a\nb\nc\n\nd")
        #expect(TextSanitizer.clean("\r\r\n") == "\n\n")
        #expect(TextSanitizer.clean("a\tb") == "a b")
    }

    @Test func outputHasNoControlsOrBidiOverrides() {
        var hostile = String.UnicodeScalarView()
        for v in UInt32(0)..<0x100 { hostile.append(Unicode.Scalar(v)!) }
        for v in [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF] as [UInt32] {
            hostile.append(Unicode.Scalar(v)!)
        }
        let cleaned = TextSanitizer.clean(String(hostile) + "\r\n\u{1B}[31mđỏ\u{1B}[0m")
        for scalar in cleaned.unicodeScalars {
            let v = scalar.value
            #expect(v >= 0x20 || v == 0x0A, "C0 control U+\(String(v, radix: 16)) left in the output")
            #expect(!(0x7F...0x9F).contains(v), "DEL or C1 control U+\(String(v, radix: 16)) left in the output")
            #expect(!(0x202A...0x202E).contains(v) && !(0x2066...0x2069).contains(v) && v != 0xFEFF)
        }
        #expect(cleaned.contains("␛[31mđỏ␛[0m"))
    }

    @Test func nfdSpellingsBecomeNFC() throws {
        let rows = try TestData.tsv("vi_nfd_widths.tsv")
        #expect(rows.count > 400)
        for row in rows {
            let scalars = row["cps", default: ""].split(separator: " ").compactMap { UInt32($0, radix: 16) }
                .compactMap(Unicode.Scalar.init)
            let form = String(String.UnicodeScalarView(scalars))
            let cleaned = TextSanitizer.clean(form)
            #expect(cleaned.unicodeScalars.elementsEqual(form.precomposedStringWithCanonicalMapping.unicodeScalars),
                    "\(row["cps", default: ""])")
            if row["nfc_equal"] == "yes" { #expect(cleaned.unicodeScalars.elementsEqual(row["letter", default: ""].unicodeScalars)) }
        }
    }

    @Test func corpusTextBecomesFoundationNFC() throws {
        for url in try TestData.corpusArticles() + [TestData.seed] {
            let text = try TestData.text(url)
            let expected = text.replacingOccurrences(of: "\u{FEFF}", with: "").precomposedStringWithCanonicalMapping
            #expect(TextSanitizer.clean(text).unicodeScalars.elementsEqual(expected.unicodeScalars), "\(url.lastPathComponent)")
        }
    }

    @Test func cleaningIsIdempotent() throws {
        let samples = ["\u{1B}[2J\u{9B}\u{202E}x\r\n", "Nhập cảnh", "nha\u{0323}\u{0302}p", "thi \u{0323}trường", "e\u{0301}\u{0323}"]
        for sample in samples {
            let once = TextSanitizer.clean(sample)
            #expect(TextSanitizer.clean(once).unicodeScalars.elementsEqual(once.unicodeScalars))
        }
        #expect(TextSanitizer.clean("nha\u{0323}\u{0302}p").unicodeScalars.elementsEqual("nh\u{1EAD}p".unicodeScalars))
    }
}

@Suite struct SanitizerNFCPiecesTests {
    /// Long decomposed text normalises exactly as one Foundation call on the whole would, whatever
    /// falls at the cuts between pieces.
    @Test func piecewiseNFCEqualsWholeNFC() throws {
        let seed = try TestData.text(TestData.seed)
        var rng = SeededRandom(seed: 3)
        for _ in 0..<5 {
            var text = ""
            while text.unicodeScalars.count < 30_000 {
                let start = Int.random(in: 0..<(seed.count - 200), using: &rng)
                let piece = String(seed.dropFirst(start).prefix(Int.random(in: 1...200, using: &rng)))
                text += Bool.random(using: &rng) ? piece.decomposedStringWithCanonicalMapping : piece
            }
            let expected = text.precomposedStringWithCanonicalMapping
            #expect(Array(TextSanitizer.nfc(text).unicodeScalars) == Array(expected.unicodeScalars))
        }
    }
}

@Suite struct SanitizerNFCClusterTests {
    /// Letters followed by marks in any order and number, precomposed letters given more marks,
    /// and other scripts' composing sequences (Hangul jamo, Greek, Devanagari, Kannada) come out
    /// exactly as Foundation's NFC of the whole: clusters cut only where nothing composes across.
    @Test func clusterNFCEqualsFoundationNFC() {
        let starters: [String] = ["a", "A", "e", "E", "o", "O", "u", "U", "i", "y", "d", "n", "ơ", "ư", "ê", "Ă", "ạ", "ế",
                                  "ω", "α", "ᄀ", "각", "क", "ೆ", " ", "1", "\u{1E9E}",
                                  // Singletons NFC replaces even alone: Angstrom and Ohm signs, an em quad, a CJK
                                  // compatibility ideograph, a composition exclusion.
                                  "\u{212B}", "\u{2126}", "\u{2001}", "\u{F900}", "\u{958}"]
        let followers: [String] = ["\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}", "\u{302}", "\u{306}", "\u{31B}",
                                   "\u{308}", "\u{345}", "\u{1161}", "\u{11A8}", "\u{93C}", "\u{CC2}", "\u{CD5}", "\u{200D}",
                                   "\u{2000}", "\u{F900}"]
        var rng = SeededRandom(seed: 11)
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 1...40, using: &rng) {
                text += starters.randomElement(using: &rng)!
                for _ in 0..<Int.random(in: 0...3, using: &rng) { text += followers.randomElement(using: &rng)! }
            }
            let expected = text.precomposedStringWithCanonicalMapping
            #expect(Array(TextSanitizer.nfc(text).unicodeScalars) == Array(expected.unicodeScalars), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// A text's first scalar is a cluster of its own even when it is not a stable starter: "Å"
    /// (U+212B) at the very start, or at the start of a chunk the importer cleans, becomes U+00C5.
    @Test func aSingletonAtTheStartIsNormalised() {
        #expect(Array(TextSanitizer.clean("\u{212B}a\u{301}").unicodeScalars) == ["\u{C5}", "\u{E1}"])
        #expect(Array(TextSanitizer.clean("\u{2126}").unicodeScalars) == ["\u{3A9}"])
    }
}

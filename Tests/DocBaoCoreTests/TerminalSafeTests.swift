import Foundation
import Testing
@testable import DocBaoCore

@Suite struct TerminalSafeTests {
    /// Every C0 and C1 control, DEL, the bidi controls and marks and U+FEFF, in one string.
    static let hostile: String = {
        var scalars = String.UnicodeScalarView()
        for v in UInt32(0)..<0x100 { scalars.append(Unicode.Scalar(v)!) }
        for v: UInt32 in [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C, 0xFEFF] {
            scalars.append(Unicode.Scalar(v)!)
        }
        return String(scalars)
    }()

    static func isHarmless(_ scalar: Unicode.Scalar, lineFeed: Bool) -> Bool {
        let v = scalar.value
        return (v >= 0x20 || (lineFeed && v == 0x0A)) && !(0x7F...0x9F).contains(v)
            && !(0x202A...0x202E).contains(v) && !(0x2066...0x2069).contains(v)
            && ![0x200E, 0x200F, 0x061C, 0xFEFF].contains(v)
    }

    @Test func aNameHasNoControlNotEvenALineFeed() {
        let safe = TerminalSafe.line(Self.hostile + "\r\n\t")
        for scalar in safe.unicodeScalars { #expect(Self.isHarmless(scalar, lineFeed: false), "U+\(String(scalar.value, radix: 16))") }
        #expect(TerminalSafe.line("a\nb\rc\td") == "a␊b␍c␉d")
    }

    @Test func aTextKeepsItsLineFeedsOnly() {
        let safe = TerminalSafe.text(Self.hostile + "\r\nx")
        for scalar in safe.unicodeScalars { #expect(Self.isHarmless(scalar, lineFeed: true), "U+\(String(scalar.value, radix: 16))") }
        #expect(TerminalSafe.text("Error: bad\nUsage: docbao") == "Error: bad\nUsage: docbao")
    }

    /// The same rules as article text: controls as pictures, C1 and bidi controls as <U+XXXX>.
    @Test func controlsBecomeVisibleAsInArticles() {
        let name = "\u{1B}]2;FNPWN\u{07}\u{1B}]52;c;Rk5QV04=\u{07}x.txt"
        #expect(TerminalSafe.line(name) == "␛]2;FNPWN␇␛]52;c;Rk5QV04=␇x.txt")
        #expect(TerminalSafe.line("\u{1B}[2J") == "␛[2J")
        #expect(TerminalSafe.line("a\u{9D}0;x\u{9C}\u{9B}31m") == "a<U+009D>0;x<U+009C><U+009B>31m")
        #expect(TerminalSafe.line("bidi-\u{202E}txt.exe") == "bidi-<U+202E>txt.exe")
        #expect(TerminalSafe.line("m\u{200F}\u{061C}\u{200E}.txt") == "m.txt")
        #expect(TerminalSafe.line("ba\u{300}i") == "bài")
        #expect(TerminalSafe.line("bài báo.txt") == "bài báo.txt")
    }

    /// --dump and grep print article text as the reader shows it: without bidi marks.
    @Test func articleTextLosesItsBidiMarksOnly() {
        #expect(TerminalSafe.articleText("Tin \u{200F}ngoại\u{061C} giao\u{200E}") == "Tin ngoại giao")
        #expect(TerminalSafe.articleText("\u{200F}\u{200F}\n\u{061C}") == "\n")
        let other = "“Ngoại giao” – ؛ \u{200B}\u{200D}\u{2010}"  // E2 80 xx and D8 xx that are not marks
        #expect(TerminalSafe.articleText(other) == other)
    }

    @Test func bytesThatAreNotUTF8AreShownAsReplacementCharacters() {
        let name = FileName.string(fromBytes: Array("b".utf8) + [0xE0] + Array("i-b".utf8) + [0xE1] + Array("o.txt".utf8))
        #expect(TerminalSafe.line(name) == "b\u{FFFD}i-b\u{FFFD}o.txt")
        #expect(TerminalSafe.text(name) == "b\u{FFFD}i-b\u{FFFD}o.txt")
    }

    @Test func isIdempotent() {
        for s in [Self.hostile, "a\nb", "bài\u{202E}", "x\u{1B}y"] {
            #expect(TerminalSafe.line(TerminalSafe.line(s)) == TerminalSafe.line(s))
            #expect(TerminalSafe.text(TerminalSafe.text(s)) == TerminalSafe.text(s))
        }
    }
}

@Suite struct FileNameTests {
    /// Any bytes (but NUL, which no name holds) come back from their string exactly.
    @Test func everyByteStringComesBack() {
        var generator = SystemRandomNumberGenerator()
        var samples: [[UInt8]] = [
            Array("bài-báo.txt".utf8), [0x62, 0xE0, 0x69], [0xFF], [0xC3], [0xC3, 0x28], [0xE1, 0xBB],
            [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
            // A name holding, as UTF-8, the very scalars that carry bytes (U+10FF80, U+10FFFF).
            [0xF4, 0x8F, 0xBE, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0x61, 0xF4, 0x8F, 0xBE, 0xA0, 0xE0],
        ]
        for _ in 0..<2000 {
            samples.append((0..<Int.random(in: 1...12, using: &generator)).map { _ in
                [UInt8(0x41), 0xC3, 0xA0, 0xE1, 0xBB, 0x87, 0xF4, 0x8F, 0xBE, 0xBF, 0x80, 0xFF][Int.random(in: 0..<12, using: &generator)]
            })
        }
        for bytes in samples {
            let name = FileName.string(fromBytes: bytes)
            #expect(FileName.bytes(of: name) == bytes, "\(bytes)")
            // Carried bytes are there exactly when the string's own UTF-8 is not the name's bytes.
            #expect(FileName.carriesBytes(name) == (Array(name.utf8) != bytes), "\(bytes)")
        }
    }

    @Test func validUTF8IsItsText() {
        #expect(FileName.string(fromBytes: Array("bài-báo.txt".utf8)) == "bài-báo.txt")
        #expect(!FileName.carriesBytes("bài-báo.txt"))
        #expect(FileName.bytes(of: "bài") == Array("bài".utf8))
    }

    @Test func readableShowsEachCarriedByteAsAReplacementCharacter() {
        let name = FileName.string(fromBytes: [0x62, 0xE0, 0x69, 0xF4, 0x8F, 0xBE, 0x80])
        #expect(FileName.readable(name) == "b\u{FFFD}i\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")
        #expect(FileName.readable("bài") == "bài")
    }

    @Test func cStringHoldsTheBytes() {
        let bytes: [UInt8] = [0x2F, 0x74, 0x6D, 0x70, 0x2F, 0xE0, 0xFF]
        let copied = FileName.withCString(FileName.string(fromBytes: bytes)) { pointer in
            Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer)))
        }
        #expect(copied == bytes)
    }
}

import Foundation
import Testing
@testable import DocBaoCore

@Suite struct ImportBytesTests {
    @Test func utf8WithAndWithoutBOM() throws {
        let text = try TestData.text(TestData.seed)
        let plain = PlainTextImporter.importArticle(bytes: Array(text.utf8))
        let withBOM = PlainTextImporter.importArticle(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(plain.replacedBytes == 0 && withBOM.replacedBytes == 0)
        #expect(plain.article == PlainTextImporter.importArticle(text))
        #expect(withBOM.article == plain.article)
    }

    @Test func utf16WithBOM() throws {
        let text = try TestData.text(TestData.seed)
        let units = Array(text.utf16)
        let little: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let expected = PlainTextImporter.importArticle(text)
        #expect(PlainTextImporter.importArticle(bytes: little) == (expected, 0))
        #expect(PlainTextImporter.importArticle(bytes: big) == (expected, 0))
        let lone = PlainTextImporter.decode([0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00, 0x43])
        #expect(lone.text == "A\u{FFFD}B\u{FFFD}" && lone.replacedBytes == 3)
    }

    @Test func utf32WithBOM() throws {
        let text = try TestData.text(TestData.seed)
        let values = text.unicodeScalars.map(\.value)
        let little: [UInt8] = [0xFF, 0xFE, 0, 0] + values.flatMap { v in (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        let big: [UInt8] = [0, 0, 0xFE, 0xFF] + values.flatMap { v in (0..<4).reversed().map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        let expected = PlainTextImporter.importArticle(text)
        #expect(PlainTextImporter.importArticle(bytes: little) == (expected, 0))
        #expect(PlainTextImporter.importArticle(bytes: big) == (expected, 0))
        // Streamed in small pieces too, and not taken for binary for its NUL bytes.
        let streamed = little.withUnsafeBytes { PlainTextImporter.importArticle(source: BufferSource(bytes: $0, pieceSize: 3)) }
        #expect(streamed == (expected, 0))
        #expect(!PlainTextImporter.looksBinary(little) && !PlainTextImporter.looksBinary(big))
        #expect(throws: Never.self) { try ArticleBytes.check(little) }
        // A surrogate, a value past U+10FFFF and a final short unit are replaced and counted.
        let bad = PlainTextImporter.decode([0xFF, 0xFE, 0, 0, 0x41, 0, 0, 0, 0x00, 0xD8, 0, 0, 0, 0, 0x11, 0, 0x42, 0, 0, 0, 0x43, 0])
        #expect(bad.text == "A\u{FFFD}\u{FFFD}B\u{FFFD}" && bad.replacedBytes == 10)
        // FF FE followed by a scalar other than U+0000 is UTF-16.
        #expect(PlainTextImporter.decode([0xFF, 0xFE, 0x41, 0x00]).text == "A")
    }

    @Test func invalidBytesAreReplacedAndCounted() {
        #expect(PlainTextImporter.decode([0x41, 0xFF, 0x42]) == ("A\u{FFFD}B", 1))
        #expect(PlainTextImporter.decode([0x41, 0xE1, 0xBB]) == ("A\u{FFFD}", 2))
        #expect(PlainTextImporter.decode([0xED, 0xA0, 0x80]) == ("\u{FFFD}\u{FFFD}\u{FFFD}", 3))
        #expect(PlainTextImporter.decode([0xC0, 0xAF, 0xE1, 0xBB, 0x87]) == ("\u{FFFD}\u{FFFD}ệ", 2))
        let (article, replaced) = PlainTextImporter.importArticle(bytes: Array("Tiêu đề\n\nĐoạn ".utf8) + [0xF0, 0x9F] + Array(" văn.".utf8))
        #expect(replaced == 2)
        #expect(article.blocks.map(\.text) == ["Tiêu đề", "Đoạn \u{FFFD} văn."])
    }

    @Test func decodingAgreesWithTheStandardLibrary() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<500 {
            var bytes: [UInt8] = []
            for _ in 0..<40 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let r = UInt8(truncatingIfNeeded: state >> 33)
                bytes.append(r < 0x60 ? 0x61 : r)
            }
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { continue }
            let decoded = PlainTextImporter.decode(bytes)
            #expect(decoded.text == String(decoding: bytes, as: UTF8.self))
            let replacements = decoded.text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count
            #expect(decoded.replacedBytes >= replacements && decoded.replacedBytes <= 3 * replacements)
        }
    }
}

import Foundation
import Testing
@testable import DocBaoCore

/// The chunked import (`PlainTextImporter.importArticle(source:)`) gives exactly the article that
/// importing the whole text at once did (`ReferenceImporter`), wherever the pieces and chunks end:
/// inside a UTF-8 sequence, inside CR LF, between a letter and its combining marks.
@Suite struct ChunkedImportTests {
    /// (size of the pieces the source hands over, size of the chunks cleaned at once).
    static let cuts = [(1, 1), (2, 3), (3, 2), (5, 7), (7, 64), (64, 13), (1000, 1000), (4096, 1 << 20)]

    static func chunked(_ bytes: [UInt8], piece: Int, chunk: Int, filed: Bool = false) -> (article: Article, replacedBytes: Int) {
        let file = filed ? BytesTextFile(bytes) : nil
        return bytes.withUnsafeBytes {
            PlainTextImporter.importArticle(source: BufferSource(bytes: $0, pieceSize: piece, textFile: file), chunkSize: chunk)
        }
    }

    /// Checks every cut on `bytes`; the line map from the raw bytes must be the cleaned lines' map.
    static func expectSame(_ bytes: [UInt8], _ name: String, cuts: [(Int, Int)] = cuts, sourceLocation: SourceLocation = #_sourceLocation) {
        let reference = ReferenceImporter.importArticle(bytes: bytes)
        for (piece, chunk) in cuts {
            let result = chunked(bytes, piece: piece, chunk: chunk)
            #expect(result.article == reference.article, "\(name), pieces \(piece), chunks \(chunk)", sourceLocation: sourceLocation)
            #expect(result.replacedBytes == reference.replacedBytes, "\(name), pieces \(piece), chunks \(chunk)", sourceLocation: sourceLocation)
            // With the blocks kept in the file where their bytes are there (read back to compare).
            let filed = chunked(bytes, piece: piece, chunk: chunk, filed: true)
            #expect(filed.article == reference.article, "\(name) filed, pieces \(piece), chunks \(chunk)", sourceLocation: sourceLocation)
        }
        #expect(PlainTextImporter.importArticle(bytes: bytes).article == reference.article, "\(name)", sourceLocation: sourceLocation)
        guard !bytes.starts(with: [0xFF, 0xFE]), !bytes.starts(with: [0xFE, 0xFF]) else { return }
        var scanner = LineMap.RawScanner()
        for piece in [3, 1 << 20] {
            scanner = LineMap.RawScanner()
            bytes.withUnsafeBytes { BufferSource(bytes: $0, pieceSize: piece).read { scanner.feed($0) } }
            let cleaned = TextSanitizer.clean(PlainTextImporter.decode(bytes).text)
            let expected = LineMap(cleanedLines: cleaned.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) })
            #expect(scanner.finish() == expected, "\(name), line map, pieces \(piece)", sourceLocation: sourceLocation)
        }
    }

    /// The article in NFC, NFD, with CR LF and with lone CR line ends, and with hostile bytes.
    static func variants(_ text: String) -> [(String, [UInt8])] {
        [("nfc", Array(text.precomposedStringWithCanonicalMapping.utf8)),
         ("nfd", Array(text.decomposedStringWithCanonicalMapping.utf8)),
         ("crlf", Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)),
         ("cr", Array(text.decomposedStringWithCanonicalMapping.replacingOccurrences(of: "\n", with: "\r").utf8)),
         ("hostile", [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n\n", with: "\n \t\u{FEFF}\n\u{1B}[2J\u{85}").utf8) + [0xE1, 0x80, 0x0A, 0xFF])]
    }

    @Test func corpusArticlesImportTheSameInChunks() throws {
        for url in try TestData.corpusArticles() {
            for (variant, bytes) in Self.variants(try TestData.text(url)) {
                // Every cut on a few articles; the others with chunks of a few bytes and of many.
                let cuts = url.lastPathComponent.hasPrefix("0") ? Self.cuts : [(3, 2), (64, 13), (4096, 1 << 20)]
                Self.expectSame(bytes, "\(url.lastPathComponent) \(variant)", cuts: cuts)
            }
        }
    }

    @Test func generatedArticlesImportTheSameInChunks() {
        // Pieces that make every layout and every rule likely: headers, blank runs, fragments,
        // credits, combining marks after a letter or alone, CR LF, controls, invalid bytes.
        let pieces: [[UInt8]] = [
            "ngoại", "giao", " ", " ", "  ", "\t", "\n", "\n", "\n\n", "\n\n\n", "\r\n", "\r", "\r\n\r\n",
            "e\u{301}", "\u{301}", "\u{323}\u{302}", "Ạ", "ệ", "👩\u{200D}💻", "\u{FEFF}", "\u{1B}", "\u{85}", "\u{202E}",
            "# url = https://x.vn\n", "# date = 1/2\n", "Tiêu đề bài", "Ảnh: AFP", "(Ảnh: TTXVN)", "Theo VnExpress",
            "Share on Facebook", "- Mục một", "1. Phần", "Tuy nhiên", "của ", ",", ".", ":", "Tuấn Dũng",
        ].map { Array($0.utf8) } + [[0xE1, 0x80], [0xFF], [0xC3], [0xEF, 0xBB]]
        var random = SeededRandom(seed: 6)
        for n in 0..<120 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...300, using: &random) { bytes += pieces.randomElement(using: &random)! }
            Self.expectSame(bytes, "generated \(n)", cuts: [(1, 1), (2, 3), (5, 7), (64, 13)])
        }
    }

    @Test func hugeShapesImportTheSameInChunks() {
        let big = HugeArticleTests.bigText(paragraphs: 3_000)
        for (variant, bytes) in Self.variants(big) {
            Self.expectSame(bytes, "big \(variant)", cuts: [(4096, 1000), (65536, 1 << 16)])
        }
        // One line without a line end, longer than many chunks: cut before ASCII bytes only.
        let solid = "Tiêu đề\n\n" + String(repeating: "ngoại giao e\u{301}\u{323} ", count: 20_000)
        Self.expectSame(Array(solid.utf8), "one long line", cuts: [(4096, 1000), (7, 50_000)])
        // No ASCII byte at all for a long run: the chunk waits for one.
        let noASCII = "Tiêu đề\n\n" + String(repeating: "ệ", count: 30_000) + "\nKết."
        Self.expectSame(Array(noASCII.utf8), "no ASCII", cuts: [(4096, 1000)])
        // UTF-16 is decoded whole.
        let utf16: [UInt8] = [0xFF, 0xFE] + "Tiêu đề\n\nĐoạn một.".utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        Self.expectSame(utf16, "utf16", cuts: [(1, 1), (3, 2)])
    }

    /// A file that changes between the two reads (the line map no longer fits the lines) still
    /// gives an article: the second read's text, shaped by the first read's blank lines.
    @Test func aSourceThatChangesBetweenReadsStillImports() {
        final class Changing: PlainTextSource {
            var reads = 0
            func read(_ body: (UnsafeRawBufferPointer) -> Void) {
                reads += 1
                let text = reads % 2 == 1 ? "Tiêu đề\n\nMột.\n\nHai.\n\n\n\nBa" : "Tiêu đề\nMột.\nHai.\nBa.\nBốn.\nNăm.\n\n\n"
                Array(text.utf8).withUnsafeBytes(body)
            }
        }
        let article = PlainTextImporter.importArticle(source: Changing()).article
        #expect(article.title == "Tiêu đề")
        let shrinking = PlainTextImporter.importArticle(source: { () -> Changing in let c = Changing(); c.reads = 1; return c }()).article
        #expect(shrinking.blocks.first?.text == "Tiêu đề")
    }

    @Test func linesAreCutAfterALineFeedOrBeforeAnASCIIByte() {
        #expect(PlainTextImporter.CleanLines.cut(Array("ab\ncd".utf8)) == 3)
        #expect(PlainTextImporter.CleanLines.cut(Array("ệ ệ".utf8)) == 3)
        #expect(PlainTextImporter.CleanLines.cut(Array("ệ".utf8)) == nil)
        #expect(PlainTextImporter.CleanLines.cut(Array("\r".utf8)) == nil)
    }
}

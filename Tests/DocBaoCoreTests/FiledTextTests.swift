import Foundation
import Testing
@testable import DocBaoCore

/// Blocks whose text is kept as a place in the file it came from (`Block.isFiled`): which blocks
/// are, that they read back as the text, and what a file changed since the import shows.
@Suite struct FiledTextTests {
    /// A file whose bytes a test changes after the import.
    final class ChangingFile: TextFile, @unchecked Sendable {
        var bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
        func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
            BytesTextFile(bytes).read(into: buffer, at: offset)
        }
    }

    static func imported(_ bytes: [UInt8], file: any TextFile, chunk: Int = PlainTextImporter.chunkSize) -> Article {
        bytes.withUnsafeBytes {
            PlainTextImporter.importArticle(source: BufferSource(bytes: $0, textFile: file), chunkSize: chunk).article
        }
    }

    /// Bytes of text in filed blocks, of all blocks' text.
    static func filedShare(_ article: Article) -> Double {
        let filed = article.blocks.filter(\.isFiled).reduce(0) { $0 + $1.utf8Count }
        return Double(filed) / Double(max(1, article.blocks.reduce(0) { $0 + $1.utf8Count }))
    }

    @Test func aBlockStaysThirtyTwoBytes() {
        // Hundreds of thousands of them make a huge article: the span and the kind share two words.
        #expect(MemoryLayout<Block>.size == 32)
    }

    @Test func mostOfACleanArticleIsKeptInItsFile() throws {
        var shares: [String: Double] = [:]
        for url in try TestData.corpusArticles() {
            let text = try TestData.text(url)
            for (variant, bytes) in ChunkedImportTests.variants(text) {
                let article = Self.imported(bytes, file: BytesTextFile(bytes))
                #expect(article == ReferenceImporter.importArticle(bytes: bytes).article, "\(url.lastPathComponent) \(variant)")
                // Only text longer than a string holds in place is worth a place in the file.
                #expect(article.blocks.allSatisfy { !$0.isFiled || $0.utf8Count > 15 })
                shares[variant, default: 0] += Self.filedShare(article)
            }
        }
        let count = Double(try TestData.corpusArticles().count)
        // NFC and CR LF lines are in the file as they are read, NFD ones cleaned again when read;
        // with lone CRs cleaning makes two lines of one, and the lines are not told apart.
        #expect(shares["nfc"]! / count > 0.6, "\(shares)")
        #expect(shares["crlf"]! / count > 0.6, "\(shares)")
        #expect(shares["nfd"]! / count > 0.6, "\(shares)")
        #expect(shares["cr"]! == 0, "\(shares)")
    }

    @Test func sectionsOfBlocksKeptInTheFileAreTheSame() {
        // Fifteen U+FEFF, which cleaning drops, before "Thứ nhất": the first bytes read from the
        // file do not reach the first word, and the whole text decides.
        let text = "Tiêu đề bài báo\n\nĐoạn mở đầu của bài báo, sau tiêu đề.\n\n" + String(repeating: "\u{FEFF}", count: 15) + "Thứ nhất, cần làm việc A cho tốt.\n\n"
            + "Thứ hai, cần làm việc B cho tốt.\n\nĐoạn cuối của bài, đủ dài để giữ trong tệp.\n"
        for form in [text, text.decomposedStringWithCanonicalMapping] {
            let bytes = Array(form.utf8)
            let article = Self.imported(bytes, file: BytesTextFile(bytes))
            #expect(article.blocks.filter(\.isFiled).count == 4)
            #expect(article.sections.map(\.label) == ["Tiêu đề bài báo", "Thứ nhất: cần làm việc A cho tốt", "Thứ hai: cần làm việc B cho tốt"])
            #expect(article == ReferenceImporter.importArticle(bytes: bytes).article)
        }
    }

    @Test func aChangedFileShowsQuestionMarksOfTheSameLength() throws {
        let text = HugeArticleTests.bigText(paragraphs: 200)
        let bytes = Array(text.utf8)
        let file = ChangingFile(bytes)
        let article = Self.imported(bytes, file: file, chunk: 1000)
        let filed = try #require(article.blocks.indices.first { article.blocks[$0].isFiled && $0 > 5 })
        let before = article.blocks[filed].text
        #expect(before.hasPrefix("Đoạn "))

        // One byte changed inside the block: that block only reads as question marks.
        let other = try #require(article.blocks.indices.last { article.blocks[$0].isFiled })
        let otherText = article.blocks[other].text
        let at = try #require(bytes.indices.first { bytes[$0...].starts(with: Array(before.utf8)) })
        file.bytes[at + 3] = UInt8(ascii: "x")
        #expect(article.blocks[filed].text == String(repeating: "?", count: before.utf8.count))
        #expect(article.blocks[other].text == otherText)

        // Cut short: every block past the cut, too; laying out and drawing them is still safe.
        file.bytes = Array(bytes.prefix(bytes.count / 2))
        #expect(article.blocks[other].text == String(repeating: "?", count: otherText.utf8.count))
        var state = ReaderState(article: article, size: Size(width: 60, height: 12), readingWidth: 50)
        _ = Fixtures.press(Fixtures.keys("G"), &state)
        let pane = Fixtures.paneLines(state).joined(separator: "\n")
        #expect(pane.contains("???"))
    }

    @Test func findingMatchesReadsNoTextAndReadingOneReadsItsBlock() throws {
        final class CountingFile: TextFile, @unchecked Sendable {
            let bytes: [UInt8]
            var reads = 0
            init(_ bytes: [UInt8]) { self.bytes = bytes }
            func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
                reads += 1
                return BytesTextFile(bytes).read(into: buffer, at: offset)
            }
        }
        let bytes = Array(HugeArticleTests.bigText(paragraphs: 300).decomposedStringWithCanonicalMapping.utf8)
        let file = CountingFile(bytes)
        let article = Self.imported(bytes, file: file)
        let index = SearchIndex(article: article)
        _ = index.text  // folding reads every block
        file.reads = 0
        let matches = index.matches(Matcher("ngoai giao"))
        #expect(matches.count == 300 && file.reads == 0)
        let reference = index.referenceMatches(Matcher("ngoai giao"))
        file.reads = 0
        #expect(matches[150] == reference[150] && file.reads == 1)
        #expect(Array(matches) == reference)
    }

    @Test func settingTheTextHoldsItAndKeepsTheCredit() throws {
        let bytes = Array("Tiêu đề bài báo\n\nĐoạn thứ nhất của bài báo, dài hơn mười lăm byte.\n\nĐoạn thứ hai cũng vậy, dài hơn mười lăm byte.\n".utf8)
        let article = Self.imported(bytes, file: BytesTextFile(bytes))
        var block = try #require(article.blocks.first { $0.isFiled })
        block.credit = "VGP/Hải Minh"
        #expect(block.isFiled && block.credit == "VGP/Hải Minh")
        #expect(block.text.hasPrefix("Đoạn"))
        block.text = "Khác"
        #expect(!block.isFiled && block.text == "Khác" && block.credit == "VGP/Hải Minh")
    }

    @Test func rawLinesFollowTheLinesAndSkipOnesTheyCannotPlace() {
        /// (offset, count, verbatim) of each line, or nil.
        func places(_ raw: String, midLine: Bool = false) -> [String] {
            var cleaned = TextSanitizer.clean(raw)
            let feeds = PlainTextImporter.CleanLines.lineFeeds(cleaned)
            let rawBytes = Array(raw.utf8)
            var clusters = TextSanitizer.ClusterCache()
            let lines = cleaned.withUTF8 { c in
                rawBytes.withUnsafeBytes {
                    PlainTextImporter.CleanLines.rawLines(of: feeds, in: UnsafeRawBufferPointer(c), raw: $0, startsMidLine: midLine, clusters: &clusters)
                }
            }
            return lines.map { $0.map { "\($0.offset)+\($0.count)\($0.verbatim ? "" : " cleaned")" } ?? "-" }
        }
        #expect(places("ab\ncd\n") == ["0+2", "3+2"])
        #expect(places("ab\r\ncd\r\n") == ["0+2", "4+2"])
        // Changed by cleaning: the raw line, cleaned again when read.
        #expect(places("a\u{1B}b\ncd\n") == ["0+3 cleaned", "4+2"])
        #expect(places("to\u{301}i\r\nx\n") == ["0+5 cleaned", "7+1"])
        // A line that continues one from the chunk before has no place of its own.
        #expect(places("ab\ncd\n", midLine: true) == ["-", "3+2"])
        // A lone CR made two lines of one: the rest of the chunk is out of step, never misplaced.
        #expect(places("a\rb\ncd\n") == ["-", "-", "-"])
    }
}

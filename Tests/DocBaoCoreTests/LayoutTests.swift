import Foundation
import Testing
@testable import DocBaoCore

@Suite struct LayoutTests {
    func article(paragraphs: Int) -> Article {
        var blocks = [Block(.title, "Tiêu đề")]
        for i in 0..<paragraphs { blocks.append(Block(.paragraph, "Đoạn \(i): đấu tranh bảo vệ chủ quyền toàn vẹn lãnh thổ và lợi ích quốc gia.")) }
        return Article(blocks: blocks, sections: [Section(label: "Tiêu đề", block: 0)])
    }

    @Test func isLazyTheFirstScreenWrapsOnlyItsBlocks() {
        let layout = Layout(article: article(paragraphs: 100_000), width: 40)
        let lines = layout.lines(from: layout.start, count: 30)
        #expect(lines.count == 30)
        #expect(layout.cachedBlockCount < 20)
        _ = layout.lastTop(height: 30)
        #expect(layout.cachedBlockCount < 40, "the end is reached without wrapping the middle")
    }

    @Test func movesAcrossBlocksAndClamps() {
        let layout = Layout(article: article(paragraphs: 3), width: 30)
        let all = layout.lines(from: layout.start, count: 1000)
        #expect(layout.move(layout.start, by: -5) == layout.start)
        #expect(layout.move(layout.start, by: 10_000) == layout.end)
        for n in 0..<all.count {
            let p = layout.move(layout.start, by: n)
            #expect(layout.line(at: p) == all[n])
            #expect(layout.move(p, by: -n) == layout.start)
        }
        #expect(layout.lines(from: layout.lastTop(height: 5), count: 10).count == 5)
    }

    @Test func sourceAnchorsSurviveAWidthChange() throws {
        let a = try Fixtures.seedArticle()
        let wide = Layout(article: a, width: 80), narrow = Layout(article: a, width: 37)
        var p = wide.start
        for _ in 0..<60 {
            let anchor = wide.anchor(of: p)
            defer { p = wide.move(p, by: 1) }
            guard let source = wide.line(at: p), source.start < source.end else { continue }  // blank separators
            let q = narrow.position(block: anchor.block, offset: anchor.offset)
            let line = try #require(narrow.line(at: q))
            #expect(line.block == anchor.block)
            #expect(line.start <= anchor.offset && anchor.offset < line.end)
        }
    }

    /// Every block of every test-data article, laid out at random widths: the lines of a block put
    /// back together are its text, no line starts or ends inside a grapheme cluster, and no line is
    /// wider than the column, its indent included (unless it is a single cluster).
    @Test func corpusBlocksKeepTheirTextAtRandomWidths() throws {
        var rng = SeededRandom(seed: 55)
        for url in [TestData.seed] + (try TestData.corpusArticles()) {
            let article = PlainTextImporter.importArticle(try TestData.text(url))
            let width = Int.random(in: 10...120, using: &rng)
            let layout = Layout(article: article, width: width)
            for (index, block) in article.blocks.enumerated() {
                let text = block.text, utf8 = Array(text.utf8)
                var boundaries: Set<Int> = [text.utf8.count]
                var i = text.startIndex
                while i < text.endIndex { boundaries.insert(text.utf8.distance(from: text.startIndex, to: i)); i = text.index(after: i) }
                var restored = ""
                for line in layout.lines(ofBlock: index) {
                    if line.start < line.end {
                        #expect(boundaries.contains(line.start) && boundaries.contains(line.end),
                                "\(url.lastPathComponent) block \(index) at width \(width) splits a cluster")
                        restored += String(decoding: utf8[line.start..<line.end], as: UTF8.self)
                    }
                    #expect(line.indent + line.width <= width || line.text.count == 1,
                            "\(url.lastPathComponent) block \(index): '\(line.text)' overflows \(width)")
                }
                #expect(restored == text, "\(url.lastPathComponent) block \(index) at width \(width)")
            }
        }
    }

    /// `--dump` writes as it lays out, a piece at a time: the pieces are the layout's lines in order.
    @Test func dumpWrittenInPiecesIsTheLayout() throws {
        let article = try Fixtures.seedArticle()
        let layout = Layout(article: article, width: 50)
        var expected = ""
        for block in 0..<layout.blockCount {
            for line in layout.lines(ofBlock: block) {
                expected += (line.text.isEmpty ? "" : String(repeating: " ", count: line.indent)) + line.text + "\n"
            }
        }
        var pieces: [String] = []
        PlainTextDump.write(article, width: 50, pieceSize: 300) { pieces.append($0) }
        #expect(pieces.joined() == expected)
        #expect(pieces.count > 5 && pieces.dropLast().allSatisfy { $0.utf8.count >= 300 && $0.hasSuffix("\n") })
        #expect(PlainTextDump.render(article, width: 50) == expected)
    }

    @Test func captionCreditAndSourceAddressAreLaidOut() throws {
        let dump = PlainTextDump.render(try Fixtures.seedArticle(), width: 60)
        #expect(dump.contains("  Ảnh: VGP/Hải Minh\n"))
        #expect(dump.contains("Nguồn Chính Phủ\n"))
        #expect(dump.contains("http://baochinhphu.vn/"))
        #expect(!dump.contains("Share on Tumblr"))
        for line in dump.split(separator: "\n") { #expect(DisplayWidth.of(line) <= 60, "\(line)") }
    }
}

@Suite struct BlockLayoutTests {
    func lines(_ blocks: [Block], width: Int) -> [String] {
        let layout = Layout(article: Article(blocks: blocks, sections: []), width: width)
        return layout.lines(from: layout.start, count: 100).map { String(repeating: " ", count: $0.indent) + $0.text }
    }

    @Test func listItemsGetABulletUnlessTheyCarryAMarker() {
        let shown = lines([Block(.listItem, "Cách ly tập trung tại bệnh viện: 528"), Block(.listItem, "- Cách ly tại nhà, nơi lưu trú: 15.015.")], width: 24)
        #expect(shown == ["• Cách ly tập trung", "  tại bệnh viện: 528", "- Cách ly tại nhà, nơi", "  lưu trú: 15.015."])
    }

    @Test func bylineIsRightAlignedAndPhotoTitleStaysWithItsCaption() {
        let shown = lines([Block(.photoTitle, "Bế mạc"), Block(.caption, "Thứ trưởng.", credit: "Ảnh: VGP"), Block(.byline, "Tuấn Dũng")], width: 20)
        #expect(shown == ["  Bế mạc", "  Thứ trưởng.", "  Ảnh: VGP", "", "           Tuấn Dũng"])
    }

    @Test func listItemOffsetsPointIntoTheItemsOwnText() {
        let layout = Layout(article: Article(blocks: [Block(.listItem, "một hai ba bốn")], sections: []), width: 9)
        let ls = layout.lines(ofBlock: 0)
        #expect(ls.count == 3)
        #expect(ls.first?.start == 0)
        for i in 1..<ls.count { #expect(ls[i].start == ls[i - 1].end, "lines tile the item's text") }
        #expect(ls.last?.end == "một hai ba bốn".utf8.count)
        #expect(ls.map(\.text) == ["• một", "hai ba", "bốn"])
    }
}

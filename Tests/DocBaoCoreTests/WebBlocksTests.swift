import Foundation
import Testing
@testable import DocBaoCore

/// The block kinds and links web pages brought into the model: quotes, preformatted text, tables.
@Suite struct WebBlocksTests {
    static func dump(_ blocks: [Block], links: [Link] = [], width: Int) -> String {
        var blocks = blocks
        Block.alignTables(&blocks)
        return PlainTextDump.render(Article(blocks: blocks, sections: Outline.sections(for: blocks), links: links), width: width)
    }

    @Test func aBlockIsStillThirtyTwoBytes() {
        #expect(MemoryLayout<Block>.size <= 32)
    }

    @Test func tableRowsAreAlignedColumnsByDisplayWidth() {
        let rows = [Block.tableRow(["Tỉnh", "Dân số"]), Block.tableRow(["Hà Nội", "8,4 triệu"]), Block.tableRow(["Huế", "1,1"])]
        let text = Self.dump(rows, width: 40)
        #expect(text == "Tỉnh    Dân số\nHà Nội  8,4 triệu\nHuế     1,1\n")
    }

    @Test func wideCharactersCountTwoColumns() {
        let text = Self.dump([Block.tableRow(["日本", "x"]), Block.tableRow(["a", "y"])], width: 40)
        #expect(text == "日本  x\na     y\n")
    }

    @Test func aTableWiderThanTheColumnWrapsInsideItsCells() {
        let rows = [Block.tableRow(["Năm", "Sự kiện"]), Block.tableRow(["1945", "Cách mạng tháng Tám thành công"])]
        let text = Self.dump(rows, width: 20)
        for line in text.split(separator: "\n") { #expect(DisplayWidth.of(line) <= 20, "\(line)") }
        // 20 columns less the gap and the first column leave 14 for the second.
        #expect(text == "Năm   Sự kiện\n1945  Cách mạng\n      tháng Tám\n      thành công\n")
    }

    @Test func separateTablesKeepTheirOwnWidths() {
        let blocks = [Block.tableRow(["a", "b"]), Block(.paragraph, "Giữa."), Block.tableRow(["dài hơn", "c"])]
        #expect(Self.dump(blocks, width: 40) == "a  b\n\nGiữa.\n\ndài hơn  c\n")
    }

    @Test func codeKeepsItsLinesAndSpacesAndCutsOnlyPastTheWidth() {
        let code = Block(.code, "func f() {\n    return 1\n}\nabcdefghijklmnopqrstuvwxyz")
        let text = Self.dump([code], width: 14)
        #expect(text == "  func f() {\n      return 1\n  }\n  abcdefghijkl\n  mnopqrstuvwxyz\n".replacingOccurrences(of: "mnopqrstuvwxyz", with: "mnopqrstuvwx\n  yz"))
    }

    @Test func codeLinesMapBackToTheirText() {
        let code = Block(.code, "ab\n  cd")
        let lines = BlockLayout.lines(of: code, at: 0, next: nil, width: 40)
        #expect(lines.map(\.textStart) == [0, 3])
        #expect(lines.map { String($0.text) } == ["ab", "  cd"])
    }

    @Test func quotesAreSetApart() {
        let text = Self.dump([Block(.paragraph, "Ông nói:"), Block(.quote, "Không có gì quý hơn độc lập, tự do.")], width: 30)
        #expect(text == "Ông nói:\n\n    Không có gì quý hơn độc\n    lập, tự do.\n")
    }

    @Test func linksAreListedAfterTheArticle() {
        let blocks = [Block(.title, "Tin"), Block(.paragraph, "Xem báo cáo[1] và trang chủ[2].")]
        let links = [Link(number: 1, url: "https://example.vn/bao-cao", text: "báo cáo"),
                     Link(number: 2, url: "https://example.vn/", text: "trang chủ")]
        let text = Self.dump(blocks, links: links, width: 60)
        #expect(text.hasSuffix("Xem báo cáo[1] và trang chủ[2].\n\nLiên kết:\n[1] https://example.vn/bao-cao\n[2] https://example.vn/\n"))
    }

    @Test func newKindsAndLinksRoundTripThroughJSON() throws {
        var blocks = [Block(.title, "Bảng"), Block(.quote, "Trích."), Block(.code, "a\n  b"),
                      Block.tableRow(["x", "y z"]), Block.tableRow(["1", ""])]
        Block.alignTables(&blocks)
        let article = Article(blocks: blocks, sections: Outline.sections(for: blocks),
                              links: [Link(number: 1, url: "https://a.vn/", text: "a")])
        let json = try ArticleJSON.encode(article)
        #expect(json.contains("\"cells\""))
        #expect(json.contains("\"links\""))
        let decoded = try ArticleJSON.decode(Array(json.utf8))
        #expect(decoded == article)
        #expect(decoded.blocks[3].cells == ["x", "y z"])
        #expect(decoded.blocks[4].tableColumns == [1, 3])
    }

    /// Cells from a file are cleaned one by one: an escape in a cell is shown, a tab does not split it.
    @Test func cellsFromJSONAreCleaned() throws {
        let json = #"{"blocks": [{"kind": "tableRow", "text": "", "cells": ["a\tb", "\u001b[2J"]}]}"#
        let article = try ArticleJSON.decode(Array(json.utf8))
        #expect(article.blocks[0].cells == ["a b", "␛[2J"])
    }

    /// A file written by docbao before links and tables (the seed's export) reads, and writes back
    /// byte for byte: nothing new appears in an article that has none of the new things.
    @Test func aFileWrittenBeforeLinksReadsAndWritesTheSame() throws {
        let url = TestData.projectRoot.appendingPathComponent("Tests/DocBaoCoreTests/Snapshots/seed-v1-written-before-links.json")
        let bytes = try Data(contentsOf: url)
        let article = try ArticleJSON.decode(Array(bytes))
        #expect(article.links.isEmpty && !article.blocks.contains { [.quote, .code, .tableRow].contains($0.kind) })
        #expect(try ArticleJSON.encode(article) + "\n" == String(decoding: bytes, as: UTF8.self))
    }

    /// Preformatted text is cut only between clusters, and only a line of one cluster may pass the
    /// room: a zero-width cluster before a wide one at width 1 (found by the layout fuzz target).
    @Test func codeLinesPassTheWidthOnlyWithOneCluster() {
        let blocks = [Block(.code, "\u{2062}쎡ab\nxy")]
        let article = Article(blocks: blocks, sections: Outline.sections(for: blocks))
        for width in 1...4 {
            for line in Layout(article: article, width: width).lines(ofBlock: 0) {
                #expect(line.width <= max(1, width - line.indent) || line.text.count == 1, "\(line.text.debugDescription) in \(width)")
            }
        }
    }
}

import Foundation
import Testing
@testable import DocBaoCore

/// Huge input: the preview a reader opens on, the hand-over to the whole article, and blocks small
/// enough for the lazy layout.
@Suite struct HugeArticleTests {
    /// A plain-text article of about `paragraphs` numbered paragraphs, blank-line separated.
    static func bigText(paragraphs: Int) -> String {
        var lines = ["Bài báo rất dài để thử", ""]
        for n in 0..<paragraphs {
            lines.append("Đoạn \(n): công tác ngoại giao kinh tế phục vụ phát triển đất nước trong tình hình mới.")
            lines.append("")
        }
        lines.append("Một từ hiếm gặp ở cuối bài: zyxwvu kết thúc.")
        return lines.joined(separator: "\n")
    }

    @Test func smallInputHasNoPreview() {
        #expect(PlainTextImporter.previewCut(Array(Self.bigText(paragraphs: 100).utf8)) == nil)
    }

    @Test func previewCutsAtABlankLineAndIsTheStartOfTheWhole() {
        let bytes = Array(Self.bigText(paragraphs: 20_000).utf8)
        let cut = try! #require(PlainTextImporter.previewCut(bytes))
        #expect(cut >= PlainTextImporter.previewSize && cut < 2 * PlainTextImporter.previewSize)
        #expect(bytes[cut] == 0x0A && bytes[cut - 1] == 0x0A)
        let preview = PlainTextImporter.importArticle(bytes: Array(bytes[..<cut])).article
        let whole = PlainTextImporter.importArticle(bytes: bytes).article
        // Every preview block but the last few (whose neighbours differ) is the whole's block.
        #expect(Array(preview.blocks.prefix(preview.blocks.count - 3)) == Array(whole.blocks.prefix(preview.blocks.count - 3)))
    }

    @Test func previewOfTextWithoutLineEndsCutsAtASpaceOrBetweenCharacters() {
        let spaced = Array(String(repeating: "ngoại giao ", count: 100_000).utf8)
        let cut = try! #require(PlainTextImporter.previewCut(spaced))
        #expect(spaced[cut] == 0x20)
        let solid = Array(String(repeating: "ệ", count: 400_000).utf8)  // 3 bytes each, no space
        let solidCut = try! #require(PlainTextImporter.previewCut(solid))
        #expect(String(validating: solid[..<solidCut], as: UTF8.self) != nil)
    }

    @Test func longParagraphsBecomeBlocksOfAtMost64KBWithNothingLost() {
        let words = (0..<40_000).map { "từ\($0)" }
        let text = "Tiêu đề\n\n" + words.joined(separator: " ") + "\n\n" + String(repeating: "ộ", count: 100_000)
        let article = PlainTextImporter.importArticle(text)
        #expect(article.blocks.allSatisfy { $0.text.utf8.count <= PlainTextImporter.maxBlockBytes })
        let body = article.blocks.dropFirst()
        let rejoined = body.map(\.text).joined(separator: " ")
        #expect(rejoined.split(separator: " ").prefix(words.count).map(String.init) == words)
        #expect(body.last.map { $0.text.allSatisfy { $0 == "ộ" } } == true)
        #expect(body.map(\.text).joined().filter { $0 == "ộ" }.count == 100_000)
    }

    /// A reader state on the preview of `text`, as the program opens a huge article.
    static func previewState(_ text: String, height: Int = 30) throws -> (state: ReaderState, whole: Article) {
        let bytes = Array(text.utf8)
        let cut = try #require(PlainTextImporter.previewCut(bytes))
        var state = ReaderState(article: PlainTextImporter.importArticle(bytes: Array(bytes[..<cut])).article,
                                size: Size(width: 100, height: height))
        state.loading = true
        return (state, PlainTextImporter.importArticle(bytes: bytes).article)
    }

    @Test func endPressedWhileLoadingGoesToTheEndOnceLoaded() throws {
        var (s, whole) = try Self.previewState(Self.bigText(paragraphs: 20_000))
        Fixtures.press(Fixtures.keys("j j j"), &s)
        let before = s.topSource
        Fixtures.press(Fixtures.keys("G"), &s)
        #expect(s.topSource == before)
        #expect(s.message?.contains("Đang nạp") == true)
        _ = Reader.reduce(&s, .articleLoaded(whole))
        #expect(!s.loading)
        #expect(s.top == s.layout.lastTop(height: s.geometry.viewHeight))
        #expect(Fixtures.paneLines(s).contains { $0.contains("zyxwvu") })
    }

    @Test func theWholeArticleKeepsTheLineBeingRead() throws {
        var (s, whole) = try Self.previewState(Self.bigText(paragraphs: 20_000))
        Fixtures.press(Fixtures.keys("Space Space j"), &s)
        let shown = Fixtures.paneLines(s)
        _ = Reader.reduce(&s, .articleLoaded(whole))
        #expect(Fixtures.paneLines(s) == shown)
    }

    @Test func aSearchThatFindsNothingYetFindsItOnceLoaded() throws {
        var (s, whole) = try Self.previewState(Self.bigText(paragraphs: 20_000))
        Fixtures.press([.char("/")] + "zyxwvu".map { Key.char($0) } + [.enter], &s)
        #expect(s.search == nil)
        #expect(s.message?.contains("tìm tiếp khi nạp xong") == true)
        _ = Reader.reduce(&s, .articleLoaded(whole))
        #expect(s.search?.current != nil)
        #expect(Fixtures.paneLines(s).contains { $0.contains("zyxwvu") })
    }

    static func currentMatch(_ s: ReaderState) -> SearchMatch? {
        guard let search = s.search, let current = search.current else { return nil }
        return search.matches[current]
    }

    @Test func aSearchUnderWayKeepsItsMatchWhenTheWholeArrives() throws {
        var (s, whole) = try Self.previewState(Self.bigText(paragraphs: 20_000))
        Fixtures.press([.char("/")] + "Đoạn 7".map { Key.char($0) } + [.enter], &s)
        let match = try #require(Self.currentMatch(s))
        _ = Reader.reduce(&s, .articleLoaded(whole))
        let after = try #require(Self.currentMatch(s))
        #expect(after == match)
        #expect(s.search!.matches.count > 1_000)
    }
}

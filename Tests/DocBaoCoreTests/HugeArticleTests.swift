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
        // A first line over 64 KB is one title, its other pieces paragraphs.
        let blob = PlainTextImporter.importArticle(String(repeating: "x", count: 200_000) + "\n\nĐoạn.\n")
        #expect(blob.blocks.filter { $0.kind == .title }.count == 1)
        // Pieces of a run without spaces end between characters, never inside one (no U+FFFD).
        for run in ["ệ", "e\u{0323}\u{0302}", "👩\u{200D}💻"] {
            let solid = PlainTextImporter.importArticle("Tiêu đề\n\n" + String(repeating: run, count: 70_000))
            #expect(!solid.blocks.contains { $0.text.contains("\u{FFFD}") }, "\(run)")
            #expect(solid.blocks.dropFirst().allSatisfy { $0.text.utf8.count <= PlainTextImporter.maxBlockBytes })
            #expect(solid.blocks.dropFirst().map(\.text).joined() == String(repeating: run, count: 70_000))
        }
    }

    /// A grapheme cluster of 300,000 marks (issue 15: 'a' + a million U+0301 took 38 s, quadratic) is
    /// cut into pieces at scalar boundaries: every mark is kept, in order, and no piece is too long.
    @Test func aClusterOfAbsurdLengthIsCutWithoutLosingAMark() {
        let n = 300_000
        let article = PlainTextImporter.importArticle("Tiêu đề\n\n a" + String(repeating: "\u{301}", count: n) + " \n")
        let body = article.blocks.dropFirst()
        #expect(body.count == (n * 2 + PlainTextImporter.maxBlockBytes - 1) / PlainTextImporter.maxBlockBytes)
        #expect(body.allSatisfy { $0.text.utf8.count <= PlainTextImporter.maxBlockBytes })
        // NFC composes the first mark with the "a"; the rest stay marks.
        #expect(body.map(\.text).joined() == "á" + String(repeating: "\u{301}", count: n - 1))
    }

    @Test func trimmingKeepsASpaceThatMarksFollow() {
        #expect(LineShape.trimmed("  tin  ") == "tin")
        #expect(LineShape.trimmed(" \u{301}tin ") == " \u{301}tin")
        #expect(LineShape.trimmed("   ") == "")
        #expect(LineShape.trimmed("  ngoại giao  "[...].dropFirst()) == "ngoại giao")
    }

    @Test func previewShowsHeadAndTailAndTheTailIsTheWholesEnd() throws {
        let bytes = Array(Self.bigText(paragraphs: 20_000).utf8)
        let preview = try #require(PlainTextImporter.preview(of: bytes))
        let tailStart = try #require(preview.tailStart)
        let whole = PlainTextImporter.importArticle(bytes: bytes).article
        let blocks = preview.article.blocks
        #expect(blocks[tailStart - 1].text == PlainTextImporter.previewGap)
        let tail = Array(blocks[tailStart...])
        #expect(tail.map(\.text) == whole.blocks.suffix(tail.count).map(\.text))
        #expect(tail.map(\.kind) == whole.blocks.suffix(tail.count).map(\.kind))
        #expect(tail.count > 100 && tail.last?.text.contains("zyxwvu") == true)
        #expect(blocks.count < 2_000, "the preview is small: \(blocks.count) blocks")
    }

    /// A reader state on the preview of `text`, as the program opens a huge article.
    static func previewState(_ text: String, height: Int = 30) throws -> (state: ReaderState, whole: Article) {
        let bytes = Array(text.utf8)
        let preview = try #require(PlainTextImporter.preview(of: bytes))
        var state = ReaderState(article: preview.article, size: Size(width: 100, height: height))
        state.loading = true
        state.tailStart = preview.tailStart
        return (state, PlainTextImporter.importArticle(bytes: bytes).article)
    }

    @Test func theEndIsThereAtOnceAndStaysPutWhenTheWholeArrives() throws {
        var (s, whole) = try Self.previewState(Self.bigText(paragraphs: 20_000))
        Fixtures.press(Fixtures.keys("G"), &s)
        #expect(s.top == s.layout.lastTop(height: s.geometry.viewHeight))
        let shown = Fixtures.paneLines(s)
        #expect(shown.contains { $0.contains("zyxwvu") })
        Fixtures.press(Fixtures.keys("k k"), &s)
        let scrolled = Fixtures.paneLines(s)
        _ = Reader.reduce(&s, .articleLoaded(whole))
        #expect(!s.loading)
        #expect(Fixtures.paneLines(s) == scrolled)
        Fixtures.press(Fixtures.keys("G"), &s)
        #expect(Fixtures.paneLines(s) == shown)
    }

    @Test func theWholeArticleKeepsTheLineBeingRead() throws {
        var (s, whole) = try Self.previewState(Self.bigText(paragraphs: 20_000))
        Fixtures.press(Fixtures.keys("Space Space j"), &s)
        let shown = Fixtures.paneLines(s)
        _ = Reader.reduce(&s, .articleLoaded(whole))
        #expect(Fixtures.paneLines(s) == shown)
    }

    /// A run without spaces straddles the tail's start: the tail is cut into pieces from elsewhere
    /// than the whole's, and the end must stay the end, the text near it the same text.
    @Test func theEndStaysTheEndWhenTheTailIsCutDifferently() throws {
        var (s, whole) = try Self.previewState(String(repeating: "ệ", count: 3_000_000) + "zyxwvu")
        Fixtures.press(Fixtures.keys("G"), &s)
        // (The preview cuts this 64 KB run elsewhere, here inside the last word: join the lines.)
        #expect(Fixtures.paneLines(s).joined().hasSuffix("zyxwvu"))
        _ = Reader.reduce(&s, .articleLoaded(whole))
        #expect(s.top == s.layout.lastTop(height: s.geometry.viewHeight))
        #expect(Fixtures.paneLines(s).contains { $0.hasSuffix("zyxwvu") })
        Fixtures.press(Fixtures.keys("k k k k k k k k k k"), &s)
        #expect(s.top < s.layout.lastTop(height: s.geometry.viewHeight))
    }

    @Test func aSearchThatFindsNothingYetFindsItOnceLoaded() throws {
        var (s, whole) = try Self.previewState(Self.bigText(paragraphs: 20_000))
        Fixtures.press([.char("/")] + "Đoạn 10000:".map { Key.char($0) } + [.enter], &s)
        #expect(s.search == nil)
        #expect(s.message?.contains("tìm tiếp khi nạp xong") == true)
        _ = Reader.reduce(&s, .articleLoaded(whole))
        #expect(s.search?.current != nil)
        #expect(Fixtures.paneLines(s).contains { $0.contains("Đoạn 10000:") })
    }

    @Test func aWordNearTheEndIsFoundBeforeTheWholeArrives() throws {
        var (s, whole) = try Self.previewState(Self.bigText(paragraphs: 20_000))
        Fixtures.press([.char("/")] + "zyxwvu".map { Key.char($0) } + [.enter], &s)
        #expect(s.search?.current != nil)
        let shown = Fixtures.paneLines(s)
        #expect(shown.contains { $0.contains("zyxwvu") })
        _ = Reader.reduce(&s, .articleLoaded(whole))
        #expect(Self.currentMatch(s).map { whole.blocks[$0.block].text.contains("zyxwvu") } == true)
        #expect(Fixtures.paneLines(s) == shown)
    }

    @Test func aPromptOpenAcrossTheLoadKeepsItsPlaceAndEscGoesBackThere() throws {
        var (s, whole) = try Self.previewState(Self.bigText(paragraphs: 20_000))
        Fixtures.press(Fixtures.keys("G k"), &s)
        let atEnd = Fixtures.paneLines(s)
        Fixtures.press([.char("/"), .char("z"), .char("y")], &s)
        _ = Reader.reduce(&s, .articleLoaded(whole))
        Fixtures.press([.char("x")], &s)
        #expect(Fixtures.paneLines(s).contains { $0.contains("zyxwvu") }, "still at the end, the match in view")
        Fixtures.press([.escape], &s)
        #expect(Fixtures.paneLines(s) == atEnd, "Esc goes back to where the prompt opened")
    }

    @Test func aSearchStillWaitingIsDroppedByANewerOneOrEsc() throws {
        var (s, whole) = try Self.previewState(Self.bigText(paragraphs: 20_000))
        Fixtures.press([.char("/")] + "Đoạn 10000:".map { Key.char($0) } + [.enter], &s)
        #expect(s.message?.contains("tìm tiếp khi nạp xong") == true)
        Fixtures.press([.char("/")] + "zyxwvu".map { Key.char($0) } + [.enter], &s)
        let shown = Fixtures.paneLines(s)
        _ = Reader.reduce(&s, .articleLoaded(whole))
        #expect(Fixtures.paneLines(s) == shown, "the newer search stays")
        #expect(Self.currentMatch(s).map { whole.blocks[$0.block].text.contains("zyxwvu") } == true)

        var (t, whole2) = try Self.previewState(Self.bigText(paragraphs: 20_000))
        Fixtures.press([.char("/")] + "Đoạn 10000:".map { Key.char($0) } + [.enter, .escape], &t)
        let before = Fixtures.paneLines(t)
        _ = Reader.reduce(&t, .articleLoaded(whole2))
        #expect(t.search == nil && Fixtures.paneLines(t) == before, "Esc cleared it")
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

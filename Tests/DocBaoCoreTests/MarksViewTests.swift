import Foundation
import Testing
@testable import DocBaoCore

/// The bookmarks list as drawn, and marks while a huge article is still loading.
@Suite struct MarksViewTests {
    @Test func theListShowsLetterPercentSectionAndText() throws {
        var s = try Fixtures.seedState(100, 30)
        Fixtures.press(Fixtures.keys("] m a ] m B g M"), &s)
        let lines = Renderer.render(s).lines
        #expect(lines[0].hasPrefix(" Dấu trang"))
        let entries = Reader.markEntries(s)
        #expect(lines[2].hasPrefix("▶ a  \(entries[0].percent!)%  Thứ nhất"))
        #expect(lines[2].contains("Thứ nhất là nhiệm vụ"))
        #expect(lines[3].hasPrefix("  B  \(entries[1].percent!)%  Thứ hai"))
        #expect(lines[29].contains("d xoá") && lines[29].contains("Dấu trang"))
        let frame = Renderer.render(s)
        #expect((0..<100).allSatisfy { frame[$0, 2].style == .sidebarCursor }, "the cursor's row is highlighted")
        #expect(frame[10, 3].style == .heading)
        #expect(!lines.joined().contains("MỤC LỤC"), "the list covers the article")
    }

    @Test func anEmptyListSaysHowToMark() throws {
        var s = try Fixtures.seedState(100, 30)
        Fixtures.press(Fixtures.keys("M"), &s)
        #expect(Renderer.render(s).lines[2].contains(MarksView.empty))
    }

    @Test func theListScrollsToKeepTheCursorInView() throws {
        var s = try Fixtures.seedState(80, 8)
        for (i, letter) in "abcdefghiz".enumerated() where letter != "j" {
            Reader.go(&s, toSourceOffset: i * 200)
            Fixtures.press([.char("m"), .char(letter)], &s)
        }
        Fixtures.press(Fixtures.keys("g M G"), &s)  // G: not a command of the list, and no mark G
        #expect(s.message == "Chưa có dấu G")
        Fixtures.press([.end], &s)
        let lines = Renderer.render(s).lines
        #expect(lines[6].hasPrefix("▶ z"), "the last mark on the last row: \(lines)")
        Fixtures.press([.home], &s)
        #expect(Renderer.render(s).lines[2].hasPrefix("▶ a"))
    }

    @Test func snapshotOfTheList() throws {
        var s = try Fixtures.seedState(100, 30)
        Fixtures.press(Fixtures.keys("j j m q ] m a ] j m Z G m z ' a M"), &s)
        try SnapshotTests().assertSnapshot("seed-100x30-marks", s)
    }

    @Test func tinyScreensRenderTheListAndThePendingKey() throws {
        for (w, h) in [(1, 1), (2, 1), (1, 5), (10, 3), (20, 3), (30, 4), (71, 24)] {
            var s = try Fixtures.seedState(w, h)
            let keys = ["m", "M", "m a ] m b", "M", "j", "d", "k", "M", "Enter", "' a M", "d d d"]
            for spec in keys {
                Fixtures.press(Fixtures.keys(spec), &s)
                let frame = Renderer.render(s)
                #expect(frame.lines.count == h)
                #expect(frame.lines.allSatisfy { DisplayWidth.of($0) == w }, "\(w)x\(h) after \(spec)")
            }
            #expect(s.marks.isEmpty)
        }
    }

    // MARK: While a huge article loads

    @Test func aMarkBeyondThePreviewIsTakenWhenTheWholeArrives() throws {
        var (s, whole) = try HugeArticleTests.previewState(HugeArticleTests.bigText(paragraphs: 20_000))
        let full = ReaderState(article: whole, size: s.size)
        let block = try #require(whole.blocks.firstIndex { $0.text.hasPrefix("Đoạn 10000:") })
        let offset = full.blockStarts[block]
        s.marks = ["a": offset]
        Fixtures.press(Fixtures.keys("' a"), &s)
        #expect(s.message?.contains("nạp xong") == true)
        #expect(Fixtures.paneLines(s)[0] == PlainTextImporter.previewGap)
        #expect(s.sourceOffset == offset, "the position asked for, until the reader moves")
        #expect(Reader.markEntries(s).first?.percent == nil)
        _ = Reader.reduce(&s, .articleLoaded(whole))
        #expect(Fixtures.paneLines(s)[0].hasPrefix("Đoạn 10000:"))
        #expect(s.sourceOffset == offset)
        // Having moved meanwhile, the reader stays where it went.
        var (t, _) = try HugeArticleTests.previewState(HugeArticleTests.bigText(paragraphs: 20_000))
        Reader.go(&t, toSourceOffset: offset)
        Fixtures.press(Fixtures.keys("g j j"), &t)  // (not on a blank line: the whole puts the next block on top)
        let shown = Fixtures.paneLines(t)
        _ = Reader.reduce(&t, .articleLoaded(whole))
        #expect(Fixtures.paneLines(t) == shown)
    }

    @Test func marksAndTheWayBackTakenInThePreviewMoveIntoTheWhole() throws {
        var (s, whole) = try HugeArticleTests.previewState(HugeArticleTests.bigText(paragraphs: 20_000))
        Fixtures.press(Fixtures.keys("j j m h G k k k m t"), &s)
        let tailText = Fixtures.paneLines(s)
        let head = try #require(s.marks["h"])
        #expect(Reader.markEntries(s).allSatisfy { $0.percent != nil }, "marks set in the preview are shown")
        let effects = Reader.reduce(&s, .articleLoaded(whole))
        let marks = s.marks
        #expect(effects == [.saveMarks(marks)])
        #expect(marks["h"] == head, "the head is the whole's start")
        #expect(try #require(marks["t"]) > 1_000_000, "the tail's mark is near the whole's end")
        Fixtures.press(Fixtures.keys("g ' t"), &s)
        #expect(Fixtures.paneLines(s) == tailText)
        Fixtures.press(Fixtures.keys("' h ' '"), &s)
        #expect(Fixtures.paneLines(s) == tailText)
    }
}

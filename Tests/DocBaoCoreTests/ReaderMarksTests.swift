import Foundation
import Testing
@testable import DocBaoCore

/// Positions as source offsets, marks (m, ', ''), the bookmarks list and the library key.
@Suite struct ReaderMarksTests {
    /// The seed and a few corpus articles, read in place.
    static func articles() throws -> [Article] {
        let corpus = try TestData.corpusArticles().prefix(4).map { PlainTextImporter.importArticle(try TestData.text($0)) }
        return [try Fixtures.seedArticle()] + corpus
    }

    /// Whether the top line of `s` holds source offset `offset` (or the view was clamped at the end).
    static func topHolds(_ s: ReaderState, _ offset: Int) -> Bool {
        if s.top == s.layout.lastTop(height: s.geometry.viewHeight), s.sourceOffset <= offset { return true }
        return s.top == s.linePosition(ofOffset: offset)
    }

    @Test func sourceOffsetRoundTripsAcrossWidths() throws {
        for article in try Self.articles() {
            for lines in [0, 1, 5, 13, 31, 64] {
                var wide = ReaderState(article: article, size: Size(width: 120, height: 30))
                Reader.scroll(&wide, by: lines)
                let offset = wide.sourceOffset
                // The top line's start; a blank line's is the separator just before the next block.
                let blank = wide.layout.line(at: wide.top)?.role == .blank
                #expect(offset + (blank ? 1 : 0) == wide.offset(of: wide.topSource))
                for size in [Size(width: 60, height: 20), Size(width: 45, height: 12), Size(width: 200, height: 50)] {
                    var other = ReaderState(article: article, size: size)
                    Reader.go(&other, toSourceOffset: offset)
                    #expect(Self.topHolds(other, offset), "\(article.title) +\(lines) at \(size)")
                    // And back: the very line it came from, when the view was not clamped at the end.
                    var back = ReaderState(article: article, size: Size(width: 120, height: 30))
                    Reader.go(&back, toSourceOffset: other.sourceOffset)
                    if other.sourceOffset == offset { #expect(back.top == wide.top) }
                }
                var same = ReaderState(article: article, size: Size(width: 120, height: 30))
                Reader.go(&same, toSourceOffset: offset)
                #expect(same.top == wide.top, "same width: same top line")
            }
        }
    }

    @Test func goClampsToTheArticle() throws {
        var s = try Fixtures.seedState(100, 30)
        Reader.go(&s, toSourceOffset: -40)
        #expect(s.top == s.layout.start && s.sourceOffset == 0)
        Reader.go(&s, toSourceOffset: Int.max / 2)
        #expect(s.top == s.layout.lastTop(height: s.geometry.viewHeight))
        var empty = ReaderState(article: Article(blocks: [], sections: []), size: Size(width: 40, height: 10))
        Reader.go(&empty, toSourceOffset: 12)
        #expect(empty.sourceOffset == 0 && empty.progress == 1)
    }

    @Test func progressGrowsAndIsExactlyOneAtTheEnd() throws {
        var s = try Fixtures.seedState(80, 12)
        var last = s.progress
        #expect(last > 0 && last < 1)
        while s.top != s.layout.lastTop(height: s.geometry.viewHeight) {
            Fixtures.press(Fixtures.keys("j"), &s)
            #expect(s.progress >= last)
            #expect(Int(s.progress * 100) == StatusLine.percent(s) || s.progress == 1)
            last = s.progress
        }
        #expect(s.progress == 1.0)
        Fixtures.press(Fixtures.keys("k"), &s)
        #expect(s.progress < 1.0)
        Fixtures.press(Fixtures.keys("G"), &s)
        #expect(s.progress == 1.0)
    }

    @Test func markSetJumpAndGoBackAsInLess() throws {
        var s = try Fixtures.seedState(100, 30)
        Fixtures.press(Fixtures.keys("] j j"), &s)
        let marked = s.top
        #expect(Fixtures.press(Fixtures.keys("m"), &s) == [])
        #expect(s.pendingMark == .set)
        #expect(Renderer.render(s).lines[29].contains("m: chữ cái để đánh dấu"))
        #expect(Fixtures.press(Fixtures.keys("a"), &s) == [.saveMarks(["a": s.sourceOffset])])
        #expect(s.marks == ["a": s.sourceOffset] && s.pendingMark == nil)
        #expect(s.message == "Đã đánh dấu a")
        Fixtures.press(Fixtures.keys("g"), &s)
        #expect(s.top == s.layout.start)
        Fixtures.press(Fixtures.keys("'"), &s)
        #expect(s.pendingMark == .goTo)
        #expect(Fixtures.press(Fixtures.keys("a"), &s) == [], "jumping changes no mark")
        #expect(s.top == marked)
        Fixtures.press(Fixtures.keys("' '"), &s)
        #expect(s.top == s.layout.start, "'' goes back to before the jump")
        Fixtures.press(Fixtures.keys("' '"), &s)
        #expect(s.top == marked, "and '' again returns")
        // Upper case letters are marks of their own.
        Fixtures.press(Fixtures.keys("g m A ' a"), &s)
        #expect(s.top == marked)
        Fixtures.press(Fixtures.keys("' A"), &s)
        #expect(s.top == s.layout.start)
        #expect(s.marks.count == 2)
    }

    @Test func unsetMarksBadKeysAndEscCancel() throws {
        var s = try Fixtures.seedState(100, 30)
        Fixtures.press(Fixtures.keys("' z"), &s)
        #expect(s.message == "Chưa có dấu z")
        Fixtures.press(Fixtures.keys("' '"), &s)
        #expect(s.message == "Chưa có chỗ nào để quay lại")
        // Esc cancels the pending command and only that (the highlights stay).
        Fixtures.press([.char("/")] + "ngoai".map { Key.char($0) } + [.enter], &s)
        #expect(s.search != nil)
        let top = s.top
        #expect(Fixtures.press(Fixtures.keys("m Esc"), &s) == [])
        #expect(s.pendingMark == nil && s.marks.isEmpty && s.search != nil && s.top == top)
        Fixtures.press(Fixtures.keys("' Esc j"), &s)
        #expect(s.pendingMark == nil && s.top > top, "after Esc keys move again")
        #expect(Fixtures.press(Fixtures.keys("m 1"), &s) == [])
        #expect(s.marks.isEmpty && s.message?.contains("chữ cái") == true)
        Fixtures.press([.char("m"), .down], &s)
        #expect(s.marks.isEmpty && s.pendingMark == nil)
    }

    @Test func bigJumpsRememberTheWayBack() throws {
        var s = try Fixtures.seedState(100, 30)
        Fixtures.press(Fixtures.keys("j j"), &s)
        let start = s.top
        for jump in ["G", "]", "g"] {
            Fixtures.press(Fixtures.keys("\(jump)"), &s)
            let there = s.top
            Fixtures.press(Fixtures.keys("' '"), &s)
            #expect(s.top == start, "'' after \(jump)")
            Fixtures.press(Fixtures.keys("' '"), &s)
            #expect(s.top == there)
            Fixtures.press(Fixtures.keys("' '"), &s)
        }
        // A search that moves the view is a jump; line moves are not.
        Fixtures.press([.char("/")] + "Thu hai".map { Key.char($0) } + [.enter], &s)
        #expect(s.top != start)
        Fixtures.press(Fixtures.keys("' '"), &s)
        #expect(s.top == start)
        Fixtures.press(Fixtures.keys("j j ' '"), &s)
        #expect(s.top > start, "'' went to the match: where the last '' left")
    }

    @Test func marksHoldTheirTextAtAnotherWidth() throws {
        var s = try Fixtures.seedState(100, 30)
        Fixtures.press(Fixtures.keys("] ] j m a"), &s)
        let offset = try #require(s.marks["a"])
        let text = try #require(s.layout.line(at: s.top)?.text)
        _ = Reader.reduce(&s, .resize(Size(width: 50, height: 16)))
        Fixtures.press(Fixtures.keys("g ' a"), &s)
        #expect(Self.topHolds(s, offset))
        let now = try #require(s.layout.line(at: s.top)?.text)
        let words = text.split(separator: " ").prefix(2).joined(separator: " ")
        #expect(now.contains(words), "the marked words on the top line: \(now) / \(text)")
    }

    @Test func marksListNavigatesJumpsAndDeletes() throws {
        var s = try Fixtures.seedState(100, 30)
        Fixtures.press(Fixtures.keys("m c ] m a ] m b g"), &s)
        let offsets = s.marks
        Fixtures.press(Fixtures.keys("M"), &s)
        #expect(s.marksList == MarksList(cursor: 0))
        let entries = Reader.markEntries(s)
        #expect(entries.map(\.letter) == ["c", "a", "b"], "in reading order")
        // What the status line shows with the mark's line on top (the bottom of that view).
        #expect(entries.map(\.percent) == entries.map {
            Optional(ReadingProgress.percent(s.progress(top: s.linePosition(ofOffset: $0.offset))))
        })
        #expect(entries[2].section == s.article.sections[2].label)
        #expect(s.text(atOffset: entries[1].offset).hasPrefix(entries[1].text.prefix(20)))
        Fixtures.press(Fixtures.keys("j j j"), &s)
        #expect(s.marksList?.cursor == 2, "the cursor stops at the last mark")
        Fixtures.press(Fixtures.keys("k Enter"), &s)
        #expect(s.marksList == nil && s.sourceOffset == offsets["a"])
        Fixtures.press(Fixtures.keys("' '"), &s)
        #expect(s.top == s.layout.start, "a jump from the list is a jump")
        // The list opens on the last mark at or before the reading position.
        Fixtures.press(Fixtures.keys("' a M"), &s)
        #expect(s.marksList?.cursor == 1)
        #expect(Fixtures.press(Fixtures.keys("d"), &s) == [.saveMarks(["c": offsets["c"]!, "b": offsets["b"]!])])
        #expect(s.marksList?.cursor == 1 && s.message == "Đã xoá dấu a")
        Fixtures.press(Fixtures.keys("z"), &s)
        #expect(s.marksList != nil && s.message == "Chưa có dấu z")
        Fixtures.press(Fixtures.keys("c"), &s)
        #expect(s.marksList == nil && s.sourceOffset == offsets["c"], "a mark's letter jumps")
        Fixtures.press(Fixtures.keys("M q"), &s)
        #expect(s.marksList == nil)
        Fixtures.press(Fixtures.keys("M d d d Esc"), &s)
        #expect(s.marks.isEmpty && s.marksList == nil)
        // Keys in the empty list do nothing but close it.
        #expect(Fixtures.press(Fixtures.keys("M d Enter j"), &s) == [])
        #expect(s.marksList == nil && s.top > s.layout.start, "Enter closed it and j moved the view")
    }

    @Test func theMouseInTheListMovesTheCursorAndAClickClosesIt() throws {
        var s = try Fixtures.seedState(100, 30)
        Fixtures.press(Fixtures.keys("m a ] m b M"), &s)
        let top = s.top
        for event in [InputEvent.mouse(.wheelDown(x: 50, y: 5))] {
            if let m = Reader.message(for: event, in: s) { _ = Reader.reduce(&s, m) }
        }
        #expect(s.marksList?.cursor == 1 && s.top == top)
        if let m = Reader.message(for: .mouse(.click(x: 3, y: 3)), in: s) { _ = Reader.reduce(&s, m) }
        #expect(s.marksList == nil && s.top == top)
    }

    @Test func libraryKeyAsksTheProgramAndDoesNotQuit() throws {
        var s = try Fixtures.seedState(100, 30)
        Fixtures.press(Fixtures.keys("j"), &s)
        let top = s.top
        #expect(Fixtures.press(Fixtures.keys("L"), &s) == [.openLibrary])
        #expect(s.top == top && s.marksList == nil && !s.showingHelp)
        #expect(Fixtures.press(Fixtures.keys("q"), &s) == [.quit], "q still quits")
    }

    @Test func newActionsHaveConfigNamesAndHelpLines() throws {
        let names: [(String, Action, Key)] = [("set-mark", .setMark, .char("m")), ("go-to-mark", .goToMark, .char("'")),
                                              ("list-marks", .listMarks, .char("M")), ("library", .library, .char("L"))]
        let help = HelpView.lines(KeyMap()).map(\.text).joined(separator: "\n")
        #expect(help.contains("Dấu trang") && help.contains("thư viện"))
        for (name, action, key) in names {
            #expect(Action(rawValue: name) == action)
            #expect(KeyMap().action(for: key, focus: .article) == action)
            #expect(KeyMap().action(for: key, focus: .sidebar) == action)
        }
        #expect(KeyMap().action(for: .char("q"), focus: .article) == .quit)
        // A user's own key for go-to-mark also works twice as the way back.
        var s = ReaderState(article: try Fixtures.seedArticle(), size: Size(width: 100, height: 30),
                            keyMap: KeyMap().remapped([(.goToMark, [.char("`")])]))
        Fixtures.press(Fixtures.keys("j G ` `"), &s)
        #expect(s.top == s.layout.move(s.layout.start, by: 1))
    }
}

@Suite struct ReadingProgressTests {
    @Test func onePercentForOneFraction() {
        #expect(ReadingProgress.percent(29.0 / 100.0) == 29)
        #expect(ReadingProgress.percent(0.999) == 99)
        #expect(ReadingProgress.percent(1) == 100)
        #expect(ReadingProgress.label(1) == "xong")
        #expect(ReadingProgress.label(0.65) == "65%")
    }

    @Test func furthestOnlyGrowsAndOpeningReadsNothing() throws {
        var s = try Fixtures.seedState(80, 12)
        #expect(s.furthest == 0)
        Fixtures.press(Fixtures.keys("G"), &s)
        #expect(s.furthest == 1)
        Fixtures.press(Fixtures.keys("g"), &s)
        #expect(s.furthest == 1 && s.progress < 1)
    }
}

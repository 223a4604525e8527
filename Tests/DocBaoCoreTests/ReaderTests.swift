import Foundation
import Testing
@testable import DocBaoCore

@Suite struct ReaderTests {
    @Test func lineAndPageKeysMoveTheView() throws {
        var s = try Fixtures.seedState(100, 30)
        Fixtures.press(Fixtures.keys("j j j"), &s)
        #expect(s.top == s.layout.move(s.layout.start, by: 3))
        Fixtures.press(Fixtures.keys("k"), &s)
        #expect(s.top == s.layout.move(s.layout.start, by: 2))
        Fixtures.press(Fixtures.keys("g Space"), &s)
        #expect(s.top == s.layout.move(s.layout.start, by: s.geometry.viewHeight - 1))
        Fixtures.press(Fixtures.keys("b"), &s)
        #expect(s.top == s.layout.start)
        Fixtures.press(Fixtures.keys("d"), &s)
        #expect(s.top == s.layout.move(s.layout.start, by: s.geometry.viewHeight / 2))
        Fixtures.press(Fixtures.keys("u"), &s)
        #expect(s.top == s.layout.start)
    }

    @Test func endAndHomeAndNoScrollingPastTheEnd() throws {
        var s = try Fixtures.seedState(100, 30)
        Fixtures.press(Fixtures.keys("G"), &s)
        let last = s.layout.lastTop(height: s.geometry.viewHeight)
        #expect(s.top == last)
        Fixtures.press(Fixtures.keys("j j Space"), &s)
        #expect(s.top == last)
        Fixtures.press([.home], &s)
        #expect(s.top == s.layout.start)
        Fixtures.press([.end], &s)
        #expect(s.top == last)
    }

    @Test func bracketsJumpBetweenSectionsWithTheSectionOnTop() throws {
        var s = try Fixtures.seedState(100, 30)
        let sections = s.article.sections
        #expect(sections.count >= 3)
        Fixtures.press(Fixtures.keys("]"), &s)
        #expect(s.top == LinePosition(block: sections[1].block, line: 0))
        #expect(s.currentSection == 1)
        Fixtures.press(Fixtures.keys("]"), &s)
        #expect(s.currentSection == 2)
        #expect(s.layout.line(at: s.top)?.text.hasPrefix("Thứ hai là công tác ngoại giao kinh tế") == true)
        Fixtures.press(Fixtures.keys("j ["), &s)
        #expect(s.top == LinePosition(block: sections[2].block, line: 0), "[ first returns to the section's start")
        Fixtures.press(Fixtures.keys("["), &s)
        #expect(s.currentSection == 1)
    }

    @Test func tabFocusesTheSidebarWhereJKMoveAndEnterJumps() throws {
        var s = try Fixtures.seedState(100, 30)
        Fixtures.press(Fixtures.keys("Tab"), &s)
        #expect(s.focus == .sidebar)
        let top = s.top
        Fixtures.press(Fixtures.keys("j j"), &s)
        #expect(s.top == top, "j moves the sidebar cursor, not the article")
        #expect(s.sidebarCursor == 2)
        Fixtures.press(Fixtures.keys("k"), &s)
        #expect(s.sidebarCursor == 1)
        Fixtures.press(Fixtures.keys("Down Enter"), &s)
        #expect(s.top == LinePosition(block: s.article.sections[2].block, line: 0))
        Fixtures.press(Fixtures.keys("Tab j"), &s)
        #expect(s.focus == .article)
        #expect(s.top > LinePosition(block: s.article.sections[2].block, line: 0))
    }

    @Test func sidebarToggleHelpAndQuit() throws {
        var s = try Fixtures.seedState(100, 30)
        #expect(s.geometry.showsSidebar)
        Fixtures.press(Fixtures.keys("s"), &s)
        #expect(!s.geometry.showsSidebar)
        #expect(s.geometry.columnWidth == 80)
        Fixtures.press(Fixtures.keys("s h"), &s)
        #expect(s.showingHelp && s.geometry.showsSidebar)
        let top = s.top
        Fixtures.press(Fixtures.keys("G"), &s)
        #expect(!s.showingHelp && s.top == top, "any key closes help and does nothing else")
        Fixtures.press([.function(1)], &s)
        #expect(s.showingHelp)
        #expect(Fixtures.press(Fixtures.keys("q q"), &s) == [.quit])
    }

    @Test func resizeKeepsTheParagraphOnTop() throws {
        var s = try Fixtures.seedState(100, 30)
        Fixtures.press(Fixtures.keys("] ] j j"), &s)
        let before = try #require(s.layout.line(at: s.top))
        _ = Reader.reduce(&s, .resize(Size(width: 60, height: 20)))
        let after = try #require(s.layout.line(at: s.top))
        #expect(after.block == before.block)
        #expect(after.start <= before.start && before.start < after.end)
        for size in [Size(width: 1, height: 1), Size(width: 0, height: 0), Size(width: 3, height: 2), Size(width: 400, height: 200)] {
            _ = Reader.reduce(&s, .resize(size))
            _ = Renderer.render(s)
            let keeps = s.layout.line(at: s.top)?.block == before.block
            #expect(keeps || s.top == s.layout.lastTop(height: s.geometry.viewHeight), "kept, or the whole end shows")
        }
    }

    @Test func narrowScreensHideTheSidebar() throws {
        let s = try Fixtures.seedState(Geometry.minimumWidthForSidebar - 1, 24)
        #expect(!s.geometry.showsSidebar)
        #expect(try Fixtures.seedState(Geometry.minimumWidthForSidebar, 24).geometry.showsSidebar)
    }

    @Test func wheelScrollsAndAClickInTheSidebarJumps() throws {
        var s = try Fixtures.seedState(100, 30)
        _ = Reader.reduce(&s, try #require(Reader.message(for: .mouse(.wheelDown(x: 50, y: 5)), in: s)))
        #expect(s.top == s.layout.move(s.layout.start, by: 3))
        let rows = SidebarLayout(state: s).visible
        let row = try #require(rows.firstIndex { $0.section == 2 && $0.first })
        let msg = try #require(Reader.message(for: .mouse(.click(x: 3, y: SidebarLayout.firstRow + row)), in: s))
        _ = Reader.reduce(&s, msg)
        #expect(s.currentSection == 2)
        #expect(Reader.message(for: .mouse(.click(x: 60, y: 3)), in: s) == nil)
    }
}

@Suite struct ReaderResizeAndSpyTests {
    @Test func resizingBackAndForthNeverDrifts() throws {
        for start in 0..<12 {
            var s = try Fixtures.seedState(100, 30)
            Fixtures.press(Array(repeating: .char("j"), count: 20 + start), &s)
            let before = s.layout.anchor(of: s.top)
            for _ in 0..<4 {
                _ = Reader.reduce(&s, .resize(Size(width: 60, height: 20)))
                _ = Reader.reduce(&s, .resize(Size(width: 100, height: 30)))
            }
            let after = s.layout.anchor(of: s.top)
            #expect(after.block == before.block && after.offset == before.offset, "start \(start)")
        }
    }

    @Test func aBlankLineOnTopKeepsTheNextParagraph() throws {
        var s = try Fixtures.seedState(100, 30)
        while s.layout.line(at: s.top)?.role != .blank { Fixtures.press([.char("j")], &s) }
        let next = s.layout.line(at: s.top)!.block + 1
        _ = Reader.reduce(&s, .resize(Size(width: 60, height: 20)))
        #expect(s.layout.line(at: s.top)?.block == next)
        #expect(s.layout.line(at: s.top)?.start == 0)
    }

    @Test func theLastSectionIsCurrentOnceTheEndIsOnScreen() {
        let article = Fixtures.articleWithAShortLastSection()
        var s = ReaderState(article: article, size: Size(width: 100, height: 30))
        #expect(s.article.sections.count == 2)
        Fixtures.press([.char("G")], &s)
        #expect(s.currentSection == 1)
        #expect(Renderer.render(s).lines[29].contains("Tài liệu tham khảo"))
    }

    @Test func aResizeThatHidesTheSidebarGivesTheFocusBack() throws {
        var s = try Fixtures.seedState(100, 30)
        Fixtures.press(Fixtures.keys("Tab"), &s)
        #expect(s.focus == .sidebar)
        _ = Reader.reduce(&s, .resize(Size(width: 60, height: 20)))
        #expect(s.focus == .article)
        Fixtures.press(Fixtures.keys("j"), &s)
        #expect(s.top == s.layout.move(s.layout.start, by: 1))
    }

    @Test func helpScrollStopsAtItsEnd() throws {
        var s = try Fixtures.seedState(60, 10)
        Fixtures.press(Fixtures.keys("h"), &s)
        Fixtures.press(Array(repeating: .char("j"), count: 200), &s)
        let most = s.helpScroll
        #expect(Renderer.render(s).lines.contains { $0.contains("Chuột") }, "the end of the help shows")
        Fixtures.press(Fixtures.keys("k"), &s)
        #expect(s.helpScroll == most - 1, "k scrolls back at once")
    }
}

@Suite struct ReviewRegressionTests {
    @Test func bracketAtTheEndGoesBackNotForward() throws {
        let article = Fixtures.articleWithAShortLastSection()
        var s = ReaderState(article: article, size: Size(width: 100, height: 30))
        Fixtures.press(Fixtures.keys("G"), &s)
        let end = s.top
        Fixtures.press(Fixtures.keys("["), &s)
        #expect(s.top < end, "[ moves back")
    }

    @Test func remappingASidebarActionLeavesTheArticleKeysAlone() {
        let map = KeyMap().remapped([(.sidebarDown, [.char("n")])])
        #expect(map.action(for: .char("n"), focus: .article) == .nextMatch)
        #expect(map.action(for: .char("n"), focus: .sidebar) == .sidebarDown)
    }

    @Test func aSourceWhoseTextIsItsAddressShowsItOnce() {
        let layout = Layout(article: Article(blocks: [Block(.source, "https://x.vn/a", url: "https://x.vn/a")], sections: []), width: 40)
        #expect(layout.lines(ofBlock: 0).map(\.text) == ["https://x.vn/a"])
        let bare = Layout(article: Article(blocks: [Block(.source, "", url: "https://x.vn/a")], sections: []), width: 40)
        #expect(bare.lines(ofBlock: 0).map(\.text) == ["https://x.vn/a"])
    }

    @Test func controlCharactersAreNotTypedIntoThePrompt() throws {
        var s = try Fixtures.seedState(100, 30)
        Fixtures.press(Fixtures.keys("/"), &s)
        _ = Reader.reduce(&s, .promptKey(.char("\u{0}")))
        _ = Reader.reduce(&s, .promptKey(.char("a")))
        #expect(s.prompt?.text == "a")
    }
}

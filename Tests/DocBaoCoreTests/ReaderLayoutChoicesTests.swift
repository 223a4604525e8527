import Testing
@testable import DocBaoCore

/// Issue 18 items 2 and 8: the section list at every width (a pop-up where the sidebar does not
/// fit), and the reading column centred on a wide screen.
@Suite struct SectionListTests {
    @Test func sOpensThePopUpWhereTheSidebarDoesNotFit() throws {
        var s = try Fixtures.seedState(40, 12)
        #expect(!s.geometry.showsSidebar)
        Fixtures.press(Fixtures.keys("s"), &s)
        #expect(s.sectionList == 0)
        let screen = Renderer.render(s).lines.joined(separator: "\n")
        #expect(screen.contains("MỤC LỤC") && screen.contains(s.article.sections[1].label.prefix(10)), "\(screen)")
        #expect(Renderer.render(s).lines.last!.contains("Enter"))
        Fixtures.press(Fixtures.keys("j j"), &s)
        #expect(s.sectionList == 2)
        Fixtures.press(Fixtures.keys("Enter"), &s)
        #expect(s.sectionList == nil && s.currentSection == 2, "Enter jumps and closes")
        #expect(s.top.block == s.article.sections[2].block)
        Fixtures.press(Fixtures.keys("' '"), &s)
        #expect(s.top == s.layout.start, "the jump is remembered for ''")
    }

    @Test func tabOpensItTooAndEscClosesWithoutMoving() throws {
        var s = try Fixtures.seedState(60, 20)
        let top = s.top
        Fixtures.press(Fixtures.keys("Tab"), &s)
        #expect(s.sectionList != nil && s.message == nil)
        Fixtures.press(Fixtures.keys("Down Down Esc"), &s)
        #expect(s.sectionList == nil && s.top == top)
    }

    @Test func wideScreensStillToggleTheSidebar() throws {
        var s = try Fixtures.seedState(100, 30)
        #expect(s.geometry.showsSidebar)
        Fixtures.press(Fixtures.keys("s"), &s)
        #expect(!s.geometry.showsSidebar && s.sectionList == nil)
        Fixtures.press(Fixtures.keys("s"), &s)
        #expect(s.geometry.showsSidebar)
    }

    @Test func thePopUpFitsTinyScreensAndLongLists() throws {
        var sections: [Section] = []
        var blocks: [Block] = []
        for i in 0..<50 {
            blocks.append(Block(.heading, "Mục số \(i) có một cái tên khá dài để bị cắt bớt"))
            blocks.append(Block(.paragraph, "Nội dung \(i)."))
            sections.append(Section(label: "Mục số \(i) có một cái tên khá dài để bị cắt bớt", block: 2 * i))
        }
        var s = ReaderState(article: Article(blocks: blocks, sections: sections), size: Size(width: 20, height: 6))
        Fixtures.press(Fixtures.keys("s G"), &s)
        #expect(s.sectionList == 49)
        let lines = Renderer.render(s).lines
        #expect(lines.contains { $0.contains("Mục số 49") }, "the cursor's entry is in view: \(lines)")
        for (w, h) in [(1, 1), (3, 2), (8, 3)] {
            var tiny = s
            _ = Reader.reduce(&tiny, .resize(Size(width: w, height: h)))
            #expect(Renderer.render(tiny).size == Size(width: w, height: h))
        }
    }
}

@Suite struct ColumnAlignTests {
    @Test func aWideScreenCentresTheColumn() throws {
        let g = Geometry(size: Size(width: 200, height: 50), sidebarWanted: true, readingWidth: 80)
        let pane = 200 - g.paneX
        let left = g.columnX - g.paneX, right = pane - left - g.columnWidth
        #expect(g.columnWidth == 80 && abs(left - right) <= 1, "left \(left), right \(right)")
        let l = Geometry(size: Size(width: 200, height: 50), sidebarWanted: true, readingWidth: 80, align: .left)
        #expect(l.columnX == l.paneX + 2 && l.sidebarWidth == g.sidebarWidth)
        // Where the column fills the pane, both are the same.
        let narrow = Geometry(size: Size(width: 80, height: 24), sidebarWanted: true, readingWidth: 80)
        #expect(narrow.columnX == Geometry(size: narrow.size, sidebarWanted: true, readingWidth: 80, align: .left).columnX)
    }

    @Test func theTextIsDrawnInTheCentredColumn() throws {
        var s = try Fixtures.seedState(200, 50)
        let title = Renderer.render(s).lines[0]
        let start = title.split(separator: "│", maxSplits: 1)[1].prefix { $0 == " " }.count
        #expect(start > 20, "the title starts \(start) columns into the pane: \(title)")
        s.align = .left
        let leftTitle = Renderer.render(s).lines[0]
        #expect(leftTitle.split(separator: "│", maxSplits: 1)[1].prefix { $0 == " " }.count == 2)
    }
}

@Suite struct ThemeChoiceTests {
    @Test func osc11AnswersAreReadByLuminance() {
        #expect(TerminalBackground.osc11("\u{1B}]11;rgb:ffff/ffff/ffff\u{1B}\\") == .light)
        #expect(TerminalBackground.osc11("\u{1B}]11;rgb:0000/0000/0000\u{07}") == .dark)
        #expect(TerminalBackground.osc11("\u{1B}]11;rgb:fd/f6/e3\u{07}") == .light, "solarized light, two digits")
        #expect(TerminalBackground.osc11("\u{1B}]11;rgb:00/2b/36\u{07}") == .dark)
        #expect(TerminalBackground.osc11("\u{1B}]11;rgb:zz/00/00\u{07}") == nil)
        #expect(TerminalBackground.osc11("\u{1B}]11;rgb:00/00\u{07}") == nil)
        #expect(TerminalBackground.osc11("garbage") == nil)
    }

    @Test func colorFGBGIsTheFallback() {
        #expect(TerminalBackground.colorFGBG("0;15") == .light)
        #expect(TerminalBackground.colorFGBG("0;default;7") == .light)
        #expect(TerminalBackground.colorFGBG("15;0") == .dark)
        #expect(TerminalBackground.colorFGBG("15;8") == .dark)
        #expect(TerminalBackground.colorFGBG(nil) == nil && TerminalBackground.colorFGBG("x") == nil)
    }

    @Test func onlyAutoFollowsTheBackground() {
        #expect(ThemeName.auto.resolved(.light) == .light)
        #expect(ThemeName.auto.resolved(.dark) == .dark)
        #expect(ThemeName.auto.resolved(nil) == .auto, "unknown: the palette that reads on both")
        #expect(ThemeName.dark.resolved(.light) == .dark && ThemeName.mono.resolved(.light) == .mono)
    }
}

import Testing
@testable import DocBaoCore

/// The one generic key table: both screens dispatch, scroll their help and draw their help and
/// reminders from it, so a remapped key works everywhere the table is used.
@Suite struct KeyTableTests {
    typealias F = LibraryFixtures

    @Test func theLibraryViewUsesItsRemappedKeys() {
        let map = LibraryKeyMap().remapped([(.lineDown, [.char("n")]), (.quit, [.char("x")])])
        var s = LibraryViewState(entries: F.entries, size: Size(width: 100, height: 12), keyMap: map)
        let first = s.cursor
        F.press([.char("n")], &s)
        #expect(s.cursor == first + 1, "n moves down")
        #expect(F.press([.char("q")], &s) == [], "q is no longer quit")
        #expect(F.press([.char("x")], &s) == [.quit])
    }

    @Test func helpScrollsWithTheTablesLineKeysInBothScreens() throws {
        let map = LibraryKeyMap().remapped([(.lineDown, [.char("n")]), (.lineUp, [.char("e")])])
        var s = LibraryViewState(entries: F.entries, size: Size(width: 100, height: 6), keyMap: map)
        F.press([.char("?"), .char("n"), .char("n"), .char("e")], &s)
        #expect(s.showingHelp && s.helpScroll == 1, "n/e scroll the library's help")
        F.press([.char("j")], &s)
        #expect(!s.showingHelp, "j is no longer a line key: it closes the help")
        #expect(LibraryRenderer.render({ var h = s; F.press([.char("?")], &h); return h }()).lines.last!.contains("n/e cuộn"))

        var r = ReaderState(article: try Fixtures.seedArticle(), size: Size(width: 80, height: 10),
                            keyMap: KeyMap().remapped([(.lineDown, [.char("n")]), (.lineUp, [.char("e")])]))
        Fixtures.press([.char("h"), .char("n"), .char("n"), .char("e")], &r)
        #expect(r.showingHelp && r.helpScroll == 1, "n/e scroll the reader's help")
        let help = HelpView.lines(r.keyMap).map(\.text).joined(separator: "\n")
        #expect(help.contains("trợ giúp (n/e cuộn, phím khác để đóng)"))
        #expect(Renderer.render(r).lines.last!.contains("n/e cuộn"))
        Fixtures.press([.enter], &r)
        #expect(!r.showingHelp, "Enter closes the help even where it moves a line")
    }

    @Test func theDefaultTablesDrawWhatTheyDrewBefore() {
        let reader = HelpView.lines(KeyMap()).map(\.text)
        #expect(reader.contains("  h F1 H            trợ giúp (j/k cuộn, phím khác để đóng)"))
        #expect(reader.contains("  Tab               chế độ thông minh ↔ chính xác"))
        #expect(KeyMap().reminder([(.help, "trợ giúp"), (.quit, "thoát")]) == "h trợ giúp · q thoát")
        let library = LibraryKeyMap().helpLines.map(\.text)
        #expect(library.first == "Thư viện — phím")
        #expect(library.contains("  & f             lọc theo tên bài (gõ đến đâu lọc đến đó)"))
        #expect(LibraryKeyMap().hint == "/ tìm · & lọc · s sắp xếp · ? trợ giúp · q thoát")
    }

    /// The library's help on an 80-column terminal shows each key's text whole (the help does not
    /// wrap: a longer line was cut mid-word), and says that Esc also drops the feed chosen with F.
    @Test func theLibraryHelpFitsEightyColumnsAndSaysWhatEscDrops() {
        let s = LibraryViewState(entries: F.entries, size: Size(width: 80, height: 40))
        let screen = LibraryRenderer.render({ var h = s; F.press([.char("?")], &h); return h }()).lines
        for line in LibraryKeyMap().helpLines.map(\.text) {
            #expect(DisplayWidth.of(line) <= 78, "cut on 80 columns: \(line)")
            #expect(screen.contains { $0.trimmingCharacters(in: .whitespaces) == line.trimmingCharacters(in: .whitespaces) })
        }
        let esc = LibraryKeyMap().helpLines.map(\.text).first { $0.hasPrefix("  Esc ") }
        #expect(esc?.contains("nguồn") == true)
    }

    @Test func remindersFollowTheTable() {
        let map = LibraryKeyMap().remapped([(.search, [.char("S")]), (.help, [])])
        #expect(map.hint == "S tìm · & lọc · s sắp xếp · q thoát", "an action left without keys is left out")
    }
}

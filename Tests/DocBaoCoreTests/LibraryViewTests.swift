import Foundation
import Testing
@testable import DocBaoCore

@Suite struct LibraryViewTests {
    typealias F = LibraryFixtures

    @Test func eachSortHasItsOrder() {
        var s = F.state()
        #expect(s.sort == .recent)
        #expect(F.ids(s) == [5, 2, 3, 4, 1, 6])
        F.press([.char("s")], &s)
        #expect(s.sort == .date)
        #expect(F.ids(s) == [4, 1, 2, 6, 5, 3])
        F.press([.char("s")], &s)
        #expect(s.sort == .title)
        #expect(F.ids(s) == [4, 3, 2, 1, 5, 6])
        F.press([.char("s")], &s)
        #expect(s.sort == .recent)
    }

    @Test func sortCyclingKeepsTheCursorOnItsArticle() {
        var s = F.state()
        F.press(Fixtures.keys("j"), &s)
        #expect(s.selectedEntry?.id == 2)
        for _ in 0..<3 {
            F.press(Fixtures.keys("s"), &s)
            #expect(s.selectedEntry?.id == 2, "after sorting by \(s.sort)")
        }
    }

    @Test func navigationMovesTheCursorAndScrollsLikeLess() {
        var s = F.state(80, 10, entries: F.numbered(40))  // 8 rows on screen; newest added first
        #expect(s.viewHeight == 8)
        F.press(Fixtures.keys("j j Down"), &s)
        #expect(s.cursor == 3)
        F.press(Fixtures.keys("k"), &s)
        #expect(s.cursor == 2)
        F.press(Fixtures.keys("G"), &s)
        #expect((s.cursor, s.top) == (39, 32))
        F.press(Fixtures.keys("g"), &s)
        #expect((s.cursor, s.top) == (0, 0))
        F.press(Fixtures.keys("Space"), &s)
        #expect((s.cursor, s.top) == (7, 7), "a page is the view less one row")
        F.press(Fixtures.keys("b"), &s)
        #expect((s.cursor, s.top) == (0, 0))
        F.press(Fixtures.keys("d"), &s)
        #expect(s.cursor == 4)
        F.press(Fixtures.keys("u"), &s)
        #expect(s.cursor == 0)
        F.press(Fixtures.keys("k PgUp Home"), &s)
        #expect(s.cursor == 0, "never above the first row")
        F.press(Fixtures.keys("End Down j PgDn"), &s)
        #expect(s.cursor == 39, "never below the last row")
        _ = LibraryView.reduce(&s, .scroll(-3))
        #expect(s.top == 29)
        #expect(s.cursor == 36, "the wheel drags the cursor along when it leaves the screen")
    }

    @Test func enterOpensQQuitsCtrlLRedraws() {
        var s = F.state()
        #expect(F.press([.enter], &s) == [.open(id: 5, search: nil)])
        #expect(F.press([.char("q")], &s) == [.quit])
        #expect(F.press([.ctrl("l")], &s) == [.redrawAll])
    }

    @Test func filterNarrowsAsYouTypeAndEscRestores() {
        var s = F.state()
        F.press(Fixtures.keys("j j j"), &s)
        #expect(s.selectedEntry?.id == 4)
        F.press(Fixtures.keys("&"), &s)
        #expect(s.mode == .filter)
        F.press(F.type("da"), &s)
        #expect(F.ids(s) == [1], "only Đà has a d followed by an a")
        F.press(F.type(" nang"), &s)
        #expect(F.ids(s) == [1], "da nang finds Đà Nẵng")
        #expect(s.selectedEntry?.id == 1)
        let status = LibraryRenderer.render(s).lines.last!
        #expect(status.contains("1/6"))
        F.press(Fixtures.keys("Esc"), &s)
        #expect(s.mode == .list)
        #expect(s.filter == "")
        #expect(F.ids(s) == [5, 2, 3, 4, 1, 6])
        #expect(s.selectedEntry?.id == 4, "back on the article chosen before filtering")
    }

    @Test func filterKeptWithEnterAndClearedWithEsc() {
        var s = F.state()
        F.press(Fixtures.keys("f"), &s)
        F.press(F.type("ong"), &s)
        F.press([.enter], &s)
        #expect(s.mode == .list)
        #expect(s.filter == "ong")
        let matcher = Matcher("ong")
        #expect(!s.rows.isEmpty)
        #expect(s.rows.allSatisfy { !matcher.matches(in: s.entries[$0].title).isEmpty })
        #expect(s.rows.count < s.entries.count)
        F.press([.char("j")], &s)
        let chosen = s.selectedEntry?.id
        F.press([.escape], &s)
        #expect(s.filter == "" && s.rows.count == 6)
        #expect(s.selectedEntry?.id == chosen, "the article chosen in the filtered list stays chosen")
    }

    @Test func filterThatMatchesNothingSaysSo() {
        var s = F.state()
        F.press(Fixtures.keys("&"), &s)
        F.press(F.type("xyz"), &s)
        #expect(s.rows.isEmpty)
        #expect(F.press([.enter], &s) == [])
        #expect(F.press([.enter], &s) == [], "Enter on an empty list opens nothing")
        #expect(LibraryRenderer.render(s).lines.joined().contains("Không có bài nào khớp “xyz”"))
    }

    @Test func searchPromptReturnsASearchEffectOnEnterOnly() {
        var s = F.state()
        F.press(Fixtures.keys("/"), &s)
        #expect(s.mode == .search)
        #expect(F.press(F.type("dau tranh"), &s) == [], "no search per keystroke")
        #expect(F.ids(s) == [5, 2, 3, 4, 1, 6], "the search prompt does not filter")
        let effects = F.press([.enter], &s)
        #expect(effects == [.search(query: "dau tranh", options: SearchOptions()), .saveHistory(["dau tranh"])])
        #expect(s.mode == .list)
        #expect(s.history == ["dau tranh"])
    }

    @Test func searchPromptTypesTelexAndKeepsItsOptions() {
        var s = F.state()
        F.press(Fixtures.keys("/") + [.ctrl("t"), .tab, .ctrl("w")] + F.type("ddaaus"), &s)
        #expect(s.prompt?.text == "đấu")
        #expect(s.prompt?.modeLabel == "chính xác · cả từ · Telex")
        let effects = F.press([.enter], &s)
        #expect(effects.first == .search(query: "đấu", options: SearchOptions(mode: .exact, wholeWord: true)))
        F.press(Fixtures.keys("/") + [.up], &s)
        #expect(s.prompt?.text == "đấu", "↑ brings back the last search")
        #expect(s.prompt?.editor.composer.method == .telex, "the next prompt starts with the same input method")
        F.press([.escape], &s)
        #expect(s.mode == .list)
    }

    @Test func resultsOpenTheArticleWithTheQueryAndEscGoesBack() {
        var s = F.state()
        F.press(Fixtures.keys("j j"), &s)
        #expect(s.selectedEntry?.id == 3)
        F.press(Fixtures.keys("/") + F.type("dau tranh") + [.enter], &s)
        _ = LibraryView.reduce(&s, .results(query: "dau tranh", options: SearchOptions(), hits: F.hits))
        #expect(s.mode == .results)
        #expect(s.results?.cursor == 0)
        F.press(Fixtures.keys("j"), &s)
        #expect(s.results?.cursor == 1)
        let effects = F.press([.enter], &s)
        #expect(effects == [.open(id: 2, search: LibraryQuery(query: "dau tranh", options: SearchOptions()))])
        F.press([.escape], &s)
        #expect(s.mode == .list)
        #expect(s.selectedEntry?.id == 3, "the list cursor is where it was")
    }

    @Test func aSearchFromTheResultsComesBackToThemOnEsc() {
        var s = F.state()
        _ = LibraryView.reduce(&s, .results(query: "dau tranh", options: SearchOptions(), hits: F.hits))
        F.press(Fixtures.keys("/ x"), &s)
        #expect(s.mode == .search)
        F.press([.escape], &s)
        #expect(s.mode == .results)
    }

    @Test func filteringFromTheResultsGoesBackToTheList() {
        var s = F.state()
        _ = LibraryView.reduce(&s, .results(query: "dau tranh", options: SearchOptions(), hits: F.hits))
        F.press(Fixtures.keys("s"), &s)
        #expect(s.sort == .recent, "results keep their own order")
        #expect(s.mode == .results)
        F.press(Fixtures.keys("& o n g Enter"), &s)
        #expect(s.mode == .list)
        #expect(s.filter == "ong")
    }

    @Test func resultsOfAReplacedSearchAreDropped() {
        var s = F.state()
        F.press(Fixtures.keys("/ a Enter / b Enter"), &s)
        _ = LibraryView.reduce(&s, .results(query: "a", options: SearchOptions(), hits: F.hits))
        #expect(s.mode == .list, "“a” was replaced by “b”")
        _ = LibraryView.reduce(&s, .results(query: "b", options: SearchOptions(), hits: F.hits))
        #expect(s.mode == .results)
        #expect(s.results?.query.query == "b")
    }

    @Test func noResultsIsAMessageNotAnEmptyScreen() {
        var s = F.state()
        _ = LibraryView.reduce(&s, .results(query: "xyz", options: SearchOptions(), hits: []))
        #expect(s.mode == .list)
        #expect(s.message == "Không tìm thấy “xyz”")
        F.press([.char("j")], &s)
        #expect(s.message == nil, "a message lasts one screen")
    }

    @Test func reloadedEntriesKeepTheCursorOnTheSameArticle() {
        var s = F.state()
        F.press(Fixtures.keys("j j j j"), &s)
        #expect(s.selectedEntry?.id == 1)
        // Article 1 was just read: it moves to the top of the recent order.
        var entries = F.entries
        entries[0].progress = 0.3
        entries[0].lastRead = 1000
        _ = LibraryView.reduce(&s, .entries(entries))
        #expect(F.ids(s) == [1, 5, 2, 3, 4, 6])
        #expect(s.selectedEntry?.id == 1)
        #expect(s.cursor == 0)
        #expect(s.selectedEntry?.progress == 0.3)
    }

    @Test func reloadWithoutTheChosenArticleStaysInPlace() {
        var s = F.state()
        F.press(Fixtures.keys("j j"), &s)
        _ = LibraryView.reduce(&s, .entries(F.entries.filter { $0.id != 3 }))
        #expect(s.cursor == 2)
        #expect(s.selectedEntry?.id == 4)
    }

    @Test func selectPutsTheCursorOnAnArticle() {
        var s = F.state(80, 4, entries: F.numbered(100))
        _ = LibraryView.reduce(&s, .select(id: 50))
        #expect(s.selectedEntry?.id == 50)
        #expect(s.cursor >= s.top && s.cursor < s.top + s.viewHeight, "and on screen")
        _ = LibraryView.reduce(&s, .select(id: 9999))
        #expect(s.selectedEntry?.id == 50, "an unknown id changes nothing")
    }

    @Test func helpOpensWithQuestionMarkAndAnyKeyClosesIt() {
        var s = F.state()
        F.press(Fixtures.keys("?"), &s)
        #expect(s.showingHelp)
        let text = LibraryRenderer.render(s).lines.joined(separator: "\n")
        #expect(text.contains("lọc theo tên bài"))
        F.press(Fixtures.keys("j j"), &s)
        #expect(s.showingHelp && s.helpScroll == 2, "j scrolls the help")
        F.press(Fixtures.keys("k k k"), &s)
        #expect(s.helpScroll == 0)
        #expect(F.press(Fixtures.keys("q"), &s) == [], "the key that closes help does nothing else")
        #expect(!s.showingHelp)
        F.press(Fixtures.keys("h"), &s)
        #expect(s.showingHelp)
    }

    @Test func mouseClickSelectsThenOpens() {
        var s = F.state()
        let click = { (y: Int, s: inout LibraryViewState) -> [LibraryEffect] in
            guard let m = LibraryView.message(for: .mouse(.click(x: 5, y: y)), in: s) else { return [] }
            return LibraryView.reduce(&s, m)
        }
        #expect(click(3, &s) == [])
        #expect(s.selectedEntry?.id == 3)
        #expect(click(3, &s) == [.open(id: 3, search: nil)])
        #expect(click(0, &s) == [], "the header is no row")
        #expect(LibraryView.message(for: .mouse(.wheelDown(x: 0, y: 0)), in: s) == .scroll(3))
        #expect(LibraryView.message(for: .resize(Size(width: 9, height: 9)), in: s) == .resize(Size(width: 9, height: 9)))
    }

    @Test func labelsForTimeProgressAndDates() {
        #expect(LibraryEntry(id: 0, title: "", words: 0).readingTime == "1 phút")
        #expect(LibraryEntry(id: 0, title: "", words: 800).readingTime == "4 phút")
        #expect(LibraryEntry(id: 0, title: "", words: 801).readingTime == "5 phút")
        #expect(LibraryEntry(id: 0, title: "", progress: nil).progressLabel == "")
        #expect(LibraryEntry(id: 0, title: "", progress: 0.456).progressLabel == "45%")
        #expect(LibraryEntry(id: 0, title: "", progress: 1).progressLabel == "xong")
        #expect(LibraryDate.parse("2021-03-05")?.label == "05/03/2021")
        #expect(LibraryDate.parse("Thứ hai, 5/3/2021 10:30 (GMT+7)") == LibraryDate(year: 2021, month: 3, day: 5, minutes: 630))
        #expect(LibraryDate.parse("ngày 12 tháng 4 năm 2021")?.label == "12/04/2021")
        #expect(LibraryDate.parse("tháng 12/2019")?.label == "12/2019")
        // The dantri headers' form: eight digits, year first.
        #expect(LibraryDate.parse("20210424") == LibraryDate(year: 2021, month: 4, day: 24))
        #expect(LibraryDate.parse("20211399") == nil)
        #expect(LibraryDate.parse("Cập nhật 2020")?.label == "2020")
        #expect(LibraryDate.parse("hôm qua") == nil)
        #expect(LibraryDate.parse("2021-03-05")! > LibraryDate.parse("04/03/2021 23:59")!)
    }
}

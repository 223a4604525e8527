import Foundation
import Testing
@testable import DocBaoCore

@Suite struct LibraryFrameTests {
    typealias F = LibraryFixtures
    /// Compares the frame's text with `Snapshots/name.txt` (trailing spaces trimmed); re-record with
    /// `DOCBAO_RECORD=1 swift test --filter LibraryFrameTests`, then review the diff.
    func assertSnapshot(_ name: String, _ frame: Frame, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try Snapshot.check(name, frame, sourceLocation: sourceLocation)
    }

    /// Every row is exactly as wide as the screen.
    func expectFullRows(_ frame: Frame, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(frame.lines.count == frame.size.height, sourceLocation: sourceLocation)
        for line in frame.lines { #expect(DisplayWidth.of(line) == frame.size.width, "\(line)", sourceLocation: sourceLocation) }
    }

    @Test func listAt100ColumnsShowsEveryColumn() throws {
        let frame = LibraryRenderer.render(F.state(100, 12))
        let lines = frame.lines
        #expect(lines[0].hasPrefix(" Thư viện · 6 bài"))
        #expect(lines[0].hasSuffix("xếp: đọc gần đây "))
        // Row 1 is article 5 (read last), selected.
        #expect(lines[1].contains("Hội nghị Ngoại giao lần thứ 29"))
        #expect(lines[1].contains("baochinhphu.vn"))
        #expect(lines[1].contains("21/08/2016"))
        #expect(lines[1].contains("16 phút"))
        #expect(lines[1].hasSuffix("10% "))
        #expect((0..<100).allSatisfy { frame[$0, 1].style == .sidebarCursor }, "the selected row is highlighted")
        #expect(lines[2].hasSuffix("45% "))
        #expect(lines[3].hasSuffix("xong "))
        #expect(lines[4].hasPrefix(" ● An toàn giao thông dịp Tết"), "never opened: marked unread")
        #expect(lines[4].contains("12/04/2021"))
        #expect(frame[1, 4].style == .heading)
        #expect(frame[3, 4].style == .normal)
        #expect(!lines[1].contains("●"))
        #expect(lines[11].contains("1/6"))
        #expect(lines[11].contains("q thoát"))
        expectFullRows(frame)
        try assertSnapshot("library-100x12", frame)
    }

    @Test func narrowListDropsSourceAndDateAndTruncatesTitles() throws {
        var s = F.state(40, 8)
        F.press(Fixtures.keys("s s"), &s)  // by title
        let lines = LibraryRenderer.render(s).lines
        #expect(lines[0].hasSuffix("xếp: tên bài A–Z "))
        #expect(!lines.joined().contains("Dân trí"))
        #expect(!lines.joined().contains("/2021"))
        #expect(lines[3].contains("Dương Văn Minh và n…"), "truncated by display width with …")
        #expect(lines[3].hasSuffix("6 phút   45% "))
        expectFullRows(LibraryRenderer.render(s))
        try assertSnapshot("library-40x8-title", LibraryRenderer.render(s))
    }

    @Test func nfdTitlesLineUpLikeNfc() {
        let nfd = F.entries.map { e -> LibraryEntry in
            var e = e
            e.title = e.title.decomposedStringWithCanonicalMapping
            e.source = e.source?.decomposedStringWithCanonicalMapping
            return e
        }
        for width in [100, 60, 30] {
            let a = LibraryRenderer.render(F.state(width, 10))
            let b = LibraryRenderer.render(F.state(width, 10, entries: nfd))
            expectFullRows(b)
            #expect(a.lines == b.lines)
            #expect(a.cells.map(\.style) == b.cells.map(\.style))
        }
    }

    @Test func filterPromptShowsTheCount() {
        var s = F.state(80, 10)
        F.press(Fixtures.keys("&") + F.type("da nang"), &s)
        let lines = LibraryRenderer.render(s).lines
        #expect(lines[9].hasPrefix("&da nang█"))
        #expect(lines[9].contains("[thông minh] 1/6"))
        #expect(lines[0].contains("1/6 bài"))
        #expect(lines[1].contains("Đà Nẵng mùa mưa"))
        #expect(lines[2].trimmingCharacters(in: .whitespaces).isEmpty)
    }

    @Test func resultsShowTitlesCountsAndHighlightedSnippets() throws {
        var s = F.state(80, 8)
        _ = LibraryView.reduce(&s, .results(query: "dau tranh", options: SearchOptions(), hits: F.hits))
        let frame = LibraryRenderer.render(s)
        let lines = frame.lines
        #expect(lines[0].hasPrefix(" “dau tranh”: 2 bài"))
        #expect(lines[1].hasPrefix(" Hội nghị Ngoại giao lần thứ 29"))
        #expect(lines[1].hasSuffix("baochinhphu.vn  12 kết quả "))
        #expect(lines[2].hasPrefix("   kiên quyết, kiên trì đấu tranh bảo vệ"))
        #expect(lines[3].hasSuffix("3 kết quả "))
        #expect(lines[4].hasPrefix("   cuộc đấu tranh"))
        // The match is highlighted: current style on the selected hit, match style on the others.
        let row2 = Array(lines[2])
        let start = row2.firstIndex(of: "đ")!
        #expect((start..<start + 9).allSatisfy { frame[$0, 2].style == .currentMatch })
        #expect(frame[start - 1, 2].style == .sidebarCursor)
        let row4 = Array(lines[4])
        let start4 = row4.firstIndex(of: "đ")!
        #expect((start4..<start4 + 9).allSatisfy { frame[$0, 4].style == .match })
        #expect(frame[start4 + 9, 4].style == .normal)
        #expect(lines[7].contains("1/2"))
        expectFullRows(frame)
        try assertSnapshot("library-results-80x8", frame)
    }

    @Test func aLongSnippetShiftsSoItsMatchShows() {
        let text = String(repeating: "mở đầu rất dài ", count: 10) + "đấu tranh ở cuối"
        let hit = LibraryHit(id: 1, title: "Bài", hits: 1, snippet: text, highlights: Matcher("dau tranh").matches(in: text))
        var s = F.state(40, 6)
        _ = LibraryView.reduce(&s, .results(query: "dau tranh", options: SearchOptions(), hits: [hit]))
        let frame = LibraryRenderer.render(s)
        #expect(frame.lines[2].hasPrefix("   …"))
        #expect(frame.lines[2].contains("đấu tranh"))
        expectFullRows(frame)
    }

    @Test func emptyLibraryIsFriendly() {
        let frame = LibraryRenderer.render(F.state(80, 6, entries: []))
        #expect(frame.lines.joined().contains(LibraryRenderer.emptyLibrary))
        #expect(frame.lines[0].hasPrefix(" Thư viện · 0 bài"))
        expectFullRows(frame)
    }

    @Test func emptyLibraryOnANarrowScreenTakesTwoLines() {
        let lines = LibraryRenderer.render(F.state(30, 6, entries: [])).lines
        #expect(lines[2].hasPrefix(" Thư viện trống"))
        #expect(lines[3].hasPrefix(" docbao add TỆP|THƯ-MỤC để t…"))
    }

    @Test func theTitleKeepsRoomBeforeTheSourceShows() {
        let at72 = LibraryColumns(width: 72)
        #expect(at72.source == nil)
        #expect(at72.date != nil && at72.title.width >= 28)
        let at100 = LibraryColumns(width: 100)
        #expect(at100.source != nil && at100.title.width >= 36)
        let at30 = LibraryColumns(width: 30)
        #expect(at30.progress != nil && at30.time == nil && at30.title.width >= 20)
    }

    @Test func tinyAndHugeScreensRenderInEveryMode() {
        let sizes = [(0, 0), (1, 1), (2, 1), (1, 5), (10, 2), (10, 3), (20, 3), (400, 200)]
        for (w, h) in sizes {
            var states: [LibraryViewState] = []
            var s = F.state(w, h)
            states.append(s)
            states.append(F.state(w, h, entries: []))
            F.press(Fixtures.keys("& d a"), &s); states.append(s)
            F.press(Fixtures.keys("Esc /") + F.type("đấu tranh rất dài"), &s); states.append(s)
            F.press([.escape], &s)
            _ = LibraryView.reduce(&s, .results(query: "dau tranh", options: SearchOptions(), hits: F.hits)); states.append(s)
            F.press(Fixtures.keys("G"), &s); states.append(s)
            F.press(Fixtures.keys("?"), &s); states.append(s)
            for state in states {
                let frame = LibraryRenderer.render(state)
                #expect(frame.size == Size(width: w, height: h))
                expectFullRows(frame)
            }
            // Moving on a tiny screen never goes out of range.
            var t = F.state(w, h, entries: F.numbered(30))
            F.press(Fixtures.keys("j Space G d u b g k"), &t)
            _ = LibraryView.reduce(&t, .scroll(3))
            _ = LibraryView.reduce(&t, .click(row: 1))
            #expect(t.rows.indices.contains(t.cursor))
        }
    }

    @Test func resizeKeepsTheCursorOnScreen() {
        var s = F.state(80, 30, entries: F.numbered(100))
        F.press(Fixtures.keys("G"), &s)
        _ = LibraryView.reduce(&s, .resize(Size(width: 50, height: 6)))
        #expect(s.cursor == 99)
        #expect(s.top == 96)
        let lines = LibraryRenderer.render(s).lines
        #expect(lines[4].contains("Bài 1 "))
    }
}

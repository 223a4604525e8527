import DocBaoCore
import Foundation
import TestCorpus
import Testing
@testable import DocBaoApp

/// Whole runs of the library view on the in-memory terminal, with a real library: what
/// Tests/e2e/test_library.py checks through tmux, in-process.
@Suite struct LibraryRunTests {
    static let articles = Corpus.testdata + "/articles"
    static let dantri = Corpus.testdata + "/articles-dantri"

    @Test func searchOpensAtTheHitAndTheNextRunComesBackThere() throws {
        let h = AppHarness(size: Size(width: 110, height: 30))
        try h.add([Self.articles, Self.dantri, Corpus.seed])
        let script = Script.keys("/") + Script.text("dau tranh") + Script.keys("Enter") + Script.keys("Enter")
            + Script.keys("j j j") + Script.keys("q")
        #expect(h.run(.library(select: nil), script) == 0)
        let frames = h.terminal.frames
        #expect(frames[0].lines[0].contains("Thư viện · 80 bài"))
        let results = try #require(frames.first { $0.lines.joined().contains("“dau tranh”:") })
        #expect(results.lines.joined(separator: "\n").contains("đấu tranh"))
        let title = results.lines[1].trimmingCharacters(in: .whitespaces).components(separatedBy: "  ")[0]
        let opened = try #require(frames.first { $0.lines.joined().contains("MỤC LỤC") })
        #expect(opened.lines.last!.contains(" 1/"), "the article opens at its first hit, matches counted")
        #expect(opened.lines.joined().contains(String(title.prefix(30))))
        let place = h.pane.prefix(10)
        // docbao with no argument opens the article read last, at its place.
        let store = try h.store()
        let last = try #require(try store.lastRead())
        h.run(.read(try h.open(last)), [])
        // The same text on top; a top line under the title (date, source, address: not the text,
        // all at one offset) comes back as the first of those lines.
        let text = place.drop { !$0.isEmpty }.dropFirst().prefix(5)
        #expect(h.pane.prefix(10).joined(separator: "\n").contains(text.joined(separator: "\n")), "\(h.pane) vs \(place)")
    }

    @Test func theReaderGoesBackToTheSameRowOfTheList() throws {
        let h = AppHarness(size: Size(width: 110, height: 30))
        try h.add([Self.dantri])
        let script = Script.keys("s s") + Script.keys("g j j j j") + Script.keys("Enter") + Script.keys("L") + Script.keys("q")
        #expect(h.run(.library(select: nil), script) == 0)
        let frames = h.terminal.frames
        #expect(frames[0].lines[0].contains("Thư viện · 26 bài"))
        #expect(frames[1].lines.joined().contains("tên bài"))
        #expect(frames[2].lines.last!.trimmingCharacters(in: .whitespaces).hasPrefix("5/26"))
        #expect(!frames[3].lines[0].contains("Thư viện") && frames[3].lines.last!.contains("q thoát"), "the article opened")
        #expect(frames[4].lines.last!.trimmingCharacters(in: .whitespaces).hasPrefix("5/26"), "back on row 5")
    }

    @Test func filterTitlesAsYouTypeThenEscAndHelp() throws {
        let h = AppHarness(size: Size(width: 110, height: 60))
        try h.add([Self.articles])
        let script = Script.keys("&") + Script.text("viet nam") + Script.keys("Esc") + Script.keys("?") + Script.keys("q")
            + Script.keys("q")
        #expect(h.run(.library(select: nil), script) == 0)
        let frames = h.terminal.frames
        let filtered = frames[2]
        let status = filtered.lines.last!
        #expect(status.hasPrefix("&viet nam") && status.contains("/53"))
        let rows = filtered.lines.dropFirst().dropLast().filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.lowercased().contains("việt nam") || $0.contains("…") })
        let shown = Int(status.components(separatedBy: "/53")[0].split(separator: " ").last!)!
        #expect(shown == rows.count && shown < 53)
        #expect(frames[3].lines[0].contains("Thư viện · 53 bài") && !frames[3].lines.last!.contains("["), "Esc clears the filter")
        #expect(frames[4].lines.joined().contains("lọc theo tên bài"), "? shows the help")
        #expect(!frames[5].lines.joined().contains("lọc theo tên bài"), "q closes the help")
    }

    @Test func aResizeRedrawsTheListAtTheNewSize() throws {
        let h = AppHarness(size: Size(width: 110, height: 30))
        try h.add([Self.dantri])
        h.run(.library(select: nil), Script.keys("G") + Script.resize(50, 10) + Script.keys("q"))
        #expect(h.terminal.screen?.size == Size(width: 50, height: 10))
        #expect(h.statusLine.trimmingCharacters(in: .whitespaces).hasPrefix("26/26"), "the cursor stays on its row")
    }

    @Test func aSignalEndsTheLibraryView() throws {
        let h = AppHarness()
        try h.add([Self.dantri])
        #expect(h.run(.library(select: nil), Script.keys("j") + [.signal(1)]) == 128 + 1)
    }
}

extension LibraryRunTests {
    @Test func theLibraryViewTakesItsKeysFromTheSettings() throws {
        let h = AppHarness()
        try h.add([Self.dantri])
        h.settings.libraryKeyMap = LibraryKeyMap().remapped([(.lineDown, [.char("n")]), (.quit, [.char("x")])])
        #expect(h.run(.library(select: nil), Script.keys("n n") + Script.keys("q") + Script.keys("x")) == 0)
        #expect(h.terminal.frames[0].lines.last!.contains("x thoát"))
        #expect(h.statusLine.trimmingCharacters(in: .whitespaces).hasPrefix("3/26"), "n moves down; q does not quit")
    }
}

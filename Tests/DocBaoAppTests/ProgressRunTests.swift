import DocBaoCore
import Foundation
import TestCorpus
import Testing
@testable import DocBaoApp

/// Issue 18 item 7: progress is the furthest point read, with one percent everywhere (status line,
/// bookmarks list, library view, stored position).
@Suite struct ProgressRunTests {
    /// A short article (a couple of minutes) whose first screen shows much of it.
    static let short = Corpus.testdata + "/articles-dantri"

    private func shortest(_ h: AppHarness) throws -> Int64 {
        let store = try h.store()
        let rows = try store.rows().filter { $0.words > 150 }
        return try #require(rows.min { $0.words < $1.words }).id
    }

    @Test func openingAloneReadsNothing() throws {
        let h = AppHarness(size: Size(width: 100, height: 30))
        try h.add([Self.short])
        let id = try shortest(h)
        h.run(.read(try h.open(id)), Script.keys("q"))
        let opened = try #require(h.terminal.frames.first)
        let shown = try #require(opened.lines.last!.split(separator: " ").first { $0.hasSuffix("%") })
        #expect(shown != "0%", "the first screen shows part of the article: \(shown)")
        let position = try #require(try h.store().position(id))
        #expect(position.progress == 0, "opened and closed: nothing read, stored \(position.progress)")
    }

    @Test func finishedStaysFinishedWhenScrollingBack() throws {
        let h = AppHarness(size: Size(width: 100, height: 30))
        try h.add([Self.short])
        let id = try shortest(h)
        h.run(.read(try h.open(id)), Script.keys("G") + Script.keys("g") + Script.keys("q"))
        #expect(h.statusLine.contains("0%") || !h.statusLine.contains("100%"), "back at the top")
        #expect(try h.store().position(id)?.progress == 1)
        #expect(try h.store().rows().first { $0.id == id }?.progressLabel == "xong")
        // And the next run, scrolling a little, keeps it.
        h.run(.read(try h.open(id)), Script.keys("j") + Script.keys("q"))
        #expect(try h.store().position(id)?.progress == 1)
    }

    @Test func theMarksListSaysWhatTheStatusLineSaid() throws {
        let h = AppHarness(size: Size(width: 100, height: 24))
        let text = (1...60).map { "Đoạn \($0): " + String(repeating: "chữ nghĩa ", count: 12) }.joined(separator: "\n\n")
        let open = OpenArticle(article: PlainTextImporter.importArticle("Tiêu đề thử\n\n" + text))
        h.run(.read(open), Script.keys("Space Space Space") + Script.keys("m a") + Script.keys("g") + Script.keys("M") + Script.keys("q q"))
        let marked = h.terminal.frames[1].lines.last!
        let percent = try #require(marked.split(separator: " ").first { $0.hasSuffix("%") })
        let list = try #require(h.terminal.frames.first { $0.lines.last!.contains("Enter/chữ cái") })
        let row = try #require(list.lines.first { $0.contains(" a ") || $0.hasPrefix(" a") })
        #expect(row.contains(" \(percent)"), "list row \(row) vs status \(percent)")
    }
}

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

    /// The newcomer trial: a short article seen whole was read when left with J or U, but 0% when
    /// left with L or q. Every way out now agrees: q, L, J, K, U and a terminating signal (a
    /// closed terminal) all keep it as read, through the one save on leaving.
    @Test func everyWayOutOfAShortArticleSeenWholeCountsItRead() throws {
        let ways: [(String, [TestTerminal.Input])] = [
            ("q", Script.keys("q")), ("L", Script.keys("L") + Script.keys("q")), ("J", Script.keys("J") + Script.keys("q")),
            ("K", Script.keys("K") + Script.keys("q")), ("U", Script.keys("U") + Script.keys("q")), ("SIGHUP", [.signal(1)]),
        ]
        for (way, script) in ways {
            let h = AppHarness(size: Size(width: 90, height: 14))
            let paths = (1...3).map { n in
                let path = h.folder + "/tin-\(n).txt"
                FileManager.default.createFile(atPath: path, contents: Data("Tin ngắn số \(n)\n\nMột đoạn văn ngắn về tin số \(n).\n".utf8))
                return path
            }
            let ids = try h.add(paths)
            // The middle row: J and K both have somewhere to go.
            h.run(.library(select: ids[1]), Script.keys("Enter") + script)
            #expect(h.terminal.showed("Một đoạn văn ngắn về tin số 2") && h.terminal.showed("100%"), "\(way): seen whole")
            #expect(try h.store().position(ids[1])?.progress == 1, "\(way) from a short article seen whole")
        }
        // A long one opened and left at once is still not read, whichever way out.
        for way in ["q", "J"] {
            let h = AppHarness(size: Size(width: 100, height: 30))
            try h.add([LibraryRunTests.dantri])
            let longest = try #require(try h.store().rows().max { $0.words < $1.words }).id
            h.run(.library(select: longest), Script.keys("Enter") + Script.keys(way) + Script.keys("q"))
            #expect(try h.store().position(longest)?.progress == 0, "\(way) from the first screen of a long article")
        }
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

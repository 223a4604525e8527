import DocBaoCore
import Foundation
import TestCorpus
import Testing
@testable import DocBaoApp

/// Whole runs of the reader on the in-memory terminal: what Tests/e2e/test_reader.py, test_search.py
/// and test_marks.py check through tmux, in-process.
@Suite struct ReaderRunTests {
    static let title = "Thứ trưởng Ngoại giao trả lời báo chí"
    static let first = "Thứ nhất là nhiệm vụ"
    static let second = "Thứ hai là công tác ngoại giao kinh tế"

    @Test func opensWithTitleAndSectionsAndScrolls() throws {
        let h = AppHarness()
        var tops: [String] = []
        let status = h.run(.read(try AppHarness.seed()), Script.keys("] ]") + Script.keys("[") + Script.keys("G") + Script.keys("q"))
        #expect(status == 0)
        for frame in h.terminal.frames { tops.append(frame.lines[0]) }
        #expect(h.terminal.frames[0].lines[0].contains(Self.title))
        #expect(h.terminal.frames[0].lines.last!.contains("q thoát"))
        #expect(h.terminal.frames[0].lines[0].contains("MỤC LỤC"))
        let pane = h.terminal.frames.map { $0.lines[0].split(separator: "│").last.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? "" }
        #expect(pane[1].hasPrefix(Self.second), "] ] goes to the second section")
        #expect(pane[2].hasPrefix(Self.first), "[ goes back one")
        #expect(h.statusLine.contains("100%"), "G goes to the end")
    }

    @Test func searchFindsWithoutAccentsStepsAndClears() throws {
        let h = AppHarness()
        var script = Script.keys("/") + Script.text("ngoai giao")
        script += Script.keys("Enter") + Script.keys("n") + Script.keys("N N") + Script.keys("Esc") + Script.keys("q")
        #expect(h.run(.read(try AppHarness.seed()), script) == 0)
        let statuses = h.terminal.frames.map { $0.lines.last! }
        #expect(statuses.contains { $0.hasPrefix("/ngoai giao") && $0.contains("1/28") && $0.contains("thông minh") })
        #expect(statuses.contains { !$0.hasPrefix("/") && $0.contains("1/28") }, "Enter keeps the search")
        #expect(statuses.contains { $0.contains("2/28") }, "n")
        #expect(statuses.contains { $0.contains("28/28") && $0.contains("từ cuối") }, "N N wraps around")
        #expect(!h.statusLine.contains("/28"), "Esc clears the search")
        #expect(try String(contentsOfFile: h.historyPath, encoding: .utf8) == "ngoai giao\n", "the history is saved")
    }

    @Test func telexComposesInThePromptAndHistoryComesBack() throws {
        let h = AppHarness()
        var script = Script.keys("/ C-t") + Script.text("ddaaus tranh")
        script += Script.keys("C-u") + Script.text("Vieejt Nam") + Script.keys("C-t") + Script.keys("Enter q")
        #expect(h.run(.read(try AppHarness.seed()), script) == 0)
        let statuses = h.terminal.frames.map { $0.lines.last! }
        #expect(statuses.contains { $0.contains("Telex") })
        #expect(statuses.contains { $0.hasPrefix("/đấu tranh") && $0.contains("/4") })
        #expect(statuses.contains { $0.hasPrefix("/Việt Nam") })
        #expect(statuses.contains { $0.contains("VNI") })
        // The next run: ↑ in the prompt brings the query back.
        h.run(.read(try AppHarness.seed()), Script.keys("/ Up"))
        #expect(h.statusLine.hasPrefix("/Việt Nam"))
    }

    @Test func marksSetReturnAndJumpBack() throws {
        let h = AppHarness()
        var tops: [String] = []
        let script = Script.keys("]") + Script.keys("m a") + Script.keys("g") + Script.keys("' a") + Script.keys("' '")
            + Script.keys("' z") + Script.keys("q")
        #expect(h.run(.read(try AppHarness.seed()), script) == 0)
        for frame in h.terminal.frames {
            tops.append(frame.lines[0].split(separator: "│").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "")
        }
        #expect(tops[1].hasPrefix(Self.first))
        #expect(h.terminal.frames[2].lines.last!.contains("Đã đánh dấu a"))
        #expect(tops[3].hasPrefix(Self.title))
        #expect(tops[4].hasPrefix(Self.first), "' a returns to the mark")
        #expect(tops[5].hasPrefix(Self.title), "'' goes back to before the jump")
        #expect(h.terminal.frames[6].lines.last!.contains("Chưa có dấu z"))
    }

    @Test func aMarkHoldsAfterAResize() throws {
        let h = AppHarness()
        let script = Script.keys("] ] m b g") + Script.resize(60, 20) + Script.keys("' b")
        h.run(.read(try AppHarness.seed()), script)
        #expect(h.terminal.screen?.size == Size(width: 60, height: 20))
        #expect(h.top.hasPrefix(Self.second), "mark b's text on top at 60 columns")
    }

    @Test func sidebarFocusHelpAndToggle() throws {
        let h = AppHarness()
        let script = Script.keys("Tab") + Script.keys("j j Enter") + Script.keys("h") + Script.keys("x")
            + Script.keys("s") + Script.keys("q")
        #expect(h.run(.read(try AppHarness.seed()), script) == 0)
        let frames = h.terminal.frames
        #expect(frames[1].lines[0].contains("MỤC LỤC ◆"), "Tab focuses the sidebar")
        #expect(frames[2].lines[0].split(separator: "│").last!.trimmingCharacters(in: .whitespaces).hasPrefix(Self.second),
                "j j Enter in the sidebar jumps to the third entry")
        #expect(frames[3].lines.joined().contains("Di chuyển"), "h shows the help")
        #expect(!frames[4].lines.joined().contains("Di chuyển"), "another key closes it")
        #expect(!frames[5].lines.joined().contains("MỤC LỤC"), "s hides the sidebar")
        #expect(frames[5].lines[0].trimmingCharacters(in: .whitespaces).hasPrefix(Self.second), "at the same place")
    }

    @Test func focusLeavesASidebarHiddenByAResize() throws {
        let h = AppHarness()
        let script = Script.keys("Tab") + Script.resize(60, 20) + Script.keys("j")
        h.run(.read(try AppHarness.seed()), script)
        #expect(!h.screenText.contains("MỤC LỤC"))
        #expect(!h.lines[0].trimmingCharacters(in: .whitespaces).hasPrefix(Self.title), "j scrolls the article")
    }

    @Test func keysTypedAheadAreDrawnOnce() throws {
        let h = AppHarness()
        h.run(.read(try AppHarness.seed()), Script.keys("j j j j j q"))
        #expect(h.terminal.frames.count == 1, "only the first screen: the keys and q came in one batch")
    }

    @Test func ctrlLRepaintsTheWholeTerminal() throws {
        let h = AppHarness()
        h.run(.read(try AppHarness.seed()), Script.keys("C-l") + Script.keys("q"))
        #expect(h.terminal.invalidations == 1)
    }

    @Test func aSignalEndsTheRunWithThePositionSaved() throws {
        let h = AppHarness()
        let id = try #require(try h.add([Corpus.seed]).first)
        let status = h.run(.read(try h.open(id)), Script.keys("d d d") + [.signal(15)] + Script.keys("j"))
        #expect(status == 128 + 15)
        let moved = h.top
        #expect(!moved.hasPrefix(Self.title))
        #expect(try h.store().position(id)?.offset ?? 0 > 0, "the position is saved as the run ends")
        // The next run opens at the same place.
        h.run(.read(try h.open(id)), [])
        #expect(h.terminal.frames[0].lines[0].contains(moved))
    }

    @Test func marksPersistInTheLibrary() throws {
        let h = AppHarness()
        let id = try #require(try h.add([Corpus.seed]).first)
        h.run(.read(try h.open(id)), Script.keys("] ] m k g q"))
        h.run(.read(try h.open(id)), Script.keys("' k") + Script.keys("M"))
        #expect(h.terminal.frames[1].lines[0].contains(Self.second), "mark k from the last run")
        #expect(h.screenText.contains("Thứ hai: ngoại giao kinh tế"))
    }

    @Test func theLibraryKeyOpensTheLibraryAndQuitsFromThere() throws {
        let h = AppHarness()
        #expect(h.run(.read(try AppHarness.seed()), Script.keys("L") + Script.keys("q")) == 0)
        #expect(h.terminal.showed("Thư viện"))
    }
}

import DocBaoCore
import DocBaoLoading
import DocBaoStore
import Foundation
import Testing
@testable import DocBaoApp

/// Issue 18, items 12 and 13, in whole runs: removing from the library view, several files read
/// with :n and :p, and a file's place kept by its content.
@Suite struct CollectionRunTests {
    /// Writes three small articles, each long enough to scroll, and returns their paths.
    static func threeFiles(_ h: AppHarness) -> [String] {
        ["mot", "hai", "ba"].map { name in
            let path = h.folder + "/\(name).txt"
            var text = "Bài \(name) về ngoại giao\n\n"
            for i in 1...60 { text += "Đoạn \(i) của bài \(name), đủ dài để chiếm một dòng.\n\n" }
            FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
            return path
        }
    }

    /// The file at `path` as the program opens it: its place kept in the harness's library.
    static func open(_ path: String, _ h: AppHarness) -> Result<OpenArticle, FileList.FileError> {
        do {
            let loaded = try ArticleLoader.load(.file(path))
            let store = try h.store()
            return .success(OpenArticle(article: loaded.article,
                                        keeper: PositionKeeper(store: store, file: path)))
        } catch {
            return .failure(FileList.FileError("\(error)"))
        }
    }

    /// A file's content key (up to 1 MB read and hashed) is read before the first screen only when
    /// the library keeps something for a file of its size; else when something is first saved.
    @Test func aFileIsHashedAtOpeningOnlyWhenTheLibraryMayKnowIt() throws {
        let h = AppHarness()
        let path = Self.threeFiles(h)[0]
        let store = try h.store()
        let prefix = try #require(ContentKey.prefix(path: path))
        let key = try #require(ContentKey.of(path: path))
        #expect(key.hasPrefix(prefix) && prefix.hasPrefix("w") && prefix.hasSuffix("-"))
        #expect(try !store.keepsFiles(keyedFrom: prefix))
        let keeper = try #require(PositionKeeper(store: store, file: path))
        #expect(keeper.saveMarks(["a": 12]) == nil)
        #expect(try store.fileMarks(key) == ["a": 12])
        #expect(try store.keepsFiles(keyedFrom: prefix) && !store.keepsFiles(keyedFrom: "w\(key.split(separator: "-")[0].dropFirst())0-"))
        #expect(PositionKeeper(store: store, file: h.folder) == nil)
    }

    /// `docbao FILE` before there is a library: nothing is made to open the file; the library is
    /// made when the first mark or position is saved, and holds it.
    @Test func aLibraryThatIsNotThereIsMadeOnlyWhenSomethingIsSaved() throws {
        let h = AppHarness()
        let path = Self.threeFiles(h)[1]
        let keeper = try #require(PositionKeeper(library: h.libraryPath, file: path))
        var state = ReaderState(article: try ArticleLoader.load(.file(path)).article, size: Size(width: 80, height: 20))
        keeper.restore(&state, position: true)
        #expect(state.marks.isEmpty && !FileManager.default.fileExists(atPath: h.libraryPath))
        #expect(keeper.saveMarks(["b": 40]) == nil)
        #expect(try h.store().fileMarks(try #require(ContentKey.of(path: path))) == ["b": 40])
        #expect(PositionKeeper(library: h.libraryPath, file: h.folder) == nil)
    }

    func run(_ h: AppHarness, files paths: [String], _ script: [TestTerminal.Input]) throws -> TestTerminal {
        let terminal = TestTerminal(size: Size(width: 100, height: 20), script: script)
        let app = App(terminal: terminal, settings: h.settings, libraryPath: h.libraryPath, historyPath: h.historyPath)
        let files = FileList(paths: paths) { Self.open($0, h) }
        app.files = files
        app.notice = files.label(0)
        #expect(app.run(.read(try Self.open(paths[0], h).get())) == 0)
        return terminal
    }

    /// A frame's article pane: its rows with the sidebar cut off, trimmed, the empty ones left
    /// out, the status line apart.
    static func pane(_ frame: Frame) -> [String] {
        frame.lines.dropLast().map { row in
            let parts = row.split(separator: "│", maxSplits: 1, omittingEmptySubsequences: false)
            return String(parts.count == 2 ? parts[1] : parts[0]).trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }
    }

    @Test func colonNAndColonPGoThroughTheFilesEachAtItsPlace() throws {
        let h = AppHarness()
        let paths = Self.threeFiles(h)
        let script = Script.keys(": p") + Script.keys("d") + Script.keys(": n") + Script.keys(": n") + Script.keys(": n")
            + Script.keys(": p") + Script.keys(": p") + Script.keys("q")
        let t = try run(h, files: paths, script)
        let frames = t.frames
        func index(after start: Int, _ test: (Frame) -> Bool) throws -> Int {
            try #require(frames.indices.first { $0 > start && test(frames[$0]) })
        }
        let first = try index(after: -1) { $0.lines.last!.contains("Tệp 1/3: mot.txt") && Self.pane($0)[0] == "Bài mot về ngoại giao" }
        let atStart = try index(after: first) { $0.lines.last!.contains("Đây là tệp đầu (1/3)") }
        let moved = try index(after: atStart) { Self.pane($0)[0].hasPrefix("Đoạn") }
        let place = Self.pane(frames[moved])
        let second = try index(after: moved) { $0.lines.last!.contains("Tệp 2/3: hai.txt") && Self.pane($0)[0] == "Bài hai về ngoại giao" }
        let third = try index(after: second) { $0.lines.last!.contains("Tệp 3/3: ba.txt") && Self.pane($0)[0] == "Bài ba về ngoại giao" }
        let atEnd = try index(after: third) { $0.lines.last!.contains("Đây là tệp cuối (3/3)") }
        _ = try index(after: atEnd) { $0.lines.last!.contains("Tệp 2/3: hai.txt") }
        // Back to the first: where it was left, not its top.
        let back = try #require(frames.last)
        #expect(back.lines.last!.contains("Tệp 1/3: mot.txt"))
        #expect(Self.pane(back) == place)
        // Nothing was added to the library.
        #expect(try h.store().count() == 0)
    }

    @Test func aFileGoneSinceIsSaidAndTheReaderStaysWhereItWas() throws {
        let h = AppHarness()
        let paths = Self.threeFiles(h)
        try FileManager.default.removeItem(atPath: paths[1])
        let t = try run(h, files: paths, Script.keys("d") + Script.keys(": n") + Script.keys("q"))
        let moved = try #require(t.frames.first { Self.pane($0)[0].hasPrefix("Đoạn") })
        let last = try #require(t.frames.last)
        #expect(last.lines.last!.contains("Không mở được Tệp 2/3: hai.txt"), "\(last.lines.last!)")
        #expect(Self.pane(last) == Self.pane(moved))
    }

    @Test func aFileReopensAtItsPlaceAndACopyUnderAnotherNameToo() throws {
        let h = AppHarness(size: Size(width: 100, height: 20))
        let path = Self.threeFiles(h)[0]
        h.run(.read(try Self.open(path, h).get()), Script.keys("d d j m a") + Script.keys("q"))
        let place = h.pane.filter { !$0.isEmpty }
        #expect(place[0].hasPrefix("Đoạn"))
        let copy = h.folder + "/ban-sao.txt"
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        h.run(.read(try Self.open(copy, h).get()), Script.keys("g") + Script.keys("' a") + Script.keys("j") + Script.keys("q"))
        let frames = h.terminal.frames
        #expect(Self.pane(frames[0]) == place, "opened at the place left in the other file")
        #expect(frames.contains { Self.pane($0)[0] == "Bài mot về ngoại giao" }, "g went to the top")
        #expect(frames.dropFirst().contains { Self.pane($0) == place }, "mark a came with it")
        let store = try h.store()
        #expect(try store.count() == 0 && store.lastReadFile()?.path == copy)
    }

    @Test func removingFromTheLibraryViewAsksThenRemoves() throws {
        let h = AppHarness(size: Size(width: 110, height: 30))
        let ids = try h.add([LibraryRunTests.articles])
        let store = try h.store()
        let title = try #require(try store.title(ids[0]))
        let script = Script.keys("D") + Script.keys("n") + Script.keys("D") + Script.keys("y") + Script.keys("q")
        #expect(h.run(.library(select: ids[0]), script) == 0)
        let frames = h.terminal.frames
        let asked = try #require(frames.first { $0.lines.last!.contains("khỏi thư viện?") })
        #expect(asked.lines.last!.contains("Xoá “\(title.prefix(20))") && asked.lines.last!.contains("y: xoá"))
        #expect(frames.contains { $0.lines.last!.contains("Không xoá") })
        #expect(frames.last!.lines.last!.contains("Đã xoá “\(title.prefix(20))"))
        #expect(frames.last!.lines[0].contains("\(ids.count - 1) bài"))
        #expect(try store.count() == ids.count - 1 && store.article(ids[0]) == nil)
        #expect(FileManager.default.fileExists(atPath: LibraryRunTests.articles), "the files stay")
    }
}

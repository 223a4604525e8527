import DocBaoCore
import DocBaoLoading
import DocBaoStore
import Foundation
import TestCorpus
@testable import DocBaoApp

/// A whole run of the program in-process: the real library in a fresh temporary folder (never the
/// user's XDG places), the search history beside it, the in-memory terminal for keys and frames.
final class AppHarness {
    let folder: String
    var libraryPath: String { folder + "/library.sqlite" }
    var historyPath: String { folder + "/search-history" }
    var settings = ReaderSettings()
    /// What the library view's update key runs, if anything.
    var updater: (any FeedUpdating)?
    private(set) var terminal: TestTerminal

    init(size: Size = Size(width: 100, height: 30)) {
        folder = NSTemporaryDirectory() + "docbao-app-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        terminal = TestTerminal(size: size)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    func store() throws -> LibraryStore { try LibraryStore(path: libraryPath) }

    /// Adds the articles in `paths` (files or folders) to the library; returns their ids.
    @discardableResult
    func add(_ paths: [String]) throws -> [Int64] {
        let (files, _) = ArticleFiles.find(in: paths)
        return try LibraryImport.run(files, into: try store()).added
    }

    /// Runs the program from `first` with `script` as the user's input, on a fresh terminal (of
    /// `size`, else the last one's); returns the exit status. The terminal stays for the frames.
    @discardableResult
    func run(_ first: App.Screen, size: Size? = nil, _ script: [TestTerminal.Input]) -> Int32 {
        terminal = TestTerminal(size: size ?? terminal.size, script: script)
        let app = App(terminal: terminal, settings: settings, libraryPath: libraryPath, historyPath: historyPath, updater: updater)
        return app.run(first)
    }

    /// Runs the program from `first` on `terminal` (a `WaitingTerminal`); returns the exit status.
    @discardableResult
    func run(_ first: App.Screen, on terminal: any TerminalBackend) -> Int32 {
        App(terminal: terminal, settings: settings, libraryPath: libraryPath, historyPath: historyPath, updater: updater).run(first)
    }

    /// The seed article, outside the library.
    static func seed() throws -> OpenArticle {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: Corpus.seed)), as: UTF8.self)
        return OpenArticle(article: PlainTextImporter.importArticle(text))
    }

    /// Library article `id`, opened as the program opens it.
    func open(_ id: Int64) throws -> OpenArticle {
        let store = try store()
        return OpenArticle(article: try store.article(id)!, keeper: PositionKeeper(store: store, id: id))
    }

    /// The screen's rows.
    var lines: [String] { terminal.lines }
    var statusLine: String { lines.last ?? "" }
    /// The article pane's rows (the sidebar cut off at its border), trimmed.
    var pane: [String] {
        lines.dropLast().map { row in
            let parts = row.split(separator: "│", maxSplits: 1, omittingEmptySubsequences: false)
            return String(parts.count == 2 ? parts[1] : parts[0]).trimmingCharacters(in: .whitespaces)
        }
    }
    /// The article pane's first row.
    var top: String { pane.first ?? "" }
    var screenText: String { lines.joined(separator: "\n") }
}

/// Script builders: keys written as in the help screen ("] ] C-t Enter Esc Up Space"), text typed
/// letter by letter; each ends with a pause (the user stops typing: a frame is drawn).
enum Script {
    static func keys(_ spec: String) -> [TestTerminal.Input] {
        spec.split(separator: " ").map { word in
            guard let key = Key(name: String(word)) else { fatalError("no key named \(word)") }
            return .event(.key(key))
        } + [.pause]
    }

    static func text(_ text: String) -> [TestTerminal.Input] {
        text.map { .event(.key(.char($0))) } + [.pause]
    }

    static func resize(_ width: Int, _ height: Int) -> [TestTerminal.Input] {
        [.event(.resize(Size(width: width, height: height))), .pause]
    }
}

extension TestTerminal {
    /// Whether any frame presented so far showed `text`.
    func showed(_ text: String) -> Bool { frames.contains { $0.lines.contains { $0.contains(text) } } }
}

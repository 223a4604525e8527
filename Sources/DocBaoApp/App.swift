import DocBaoCore
import DocBaoLoading
import DocBaoStore
import Foundation

/// The full-screen program: the reader and the library view on one terminal, moving between them,
/// with the reading position kept in the library for the articles that are in it. Each screen runs
/// on the one `EventLoop`.
public final class App {
    public enum Screen {
        case read(OpenArticle)
        /// The library view, its cursor on this article if given.
        case library(select: Int64?)
    }

    let terminal: any TerminalBackend
    let settings: ReaderSettings
    /// The library, opened when first needed; `libraryPath` nil means the user's default one.
    private var store: LibraryStore?
    private let libraryPath: String?
    /// Where the search history is kept across runs.
    let historyPath: String
    /// The library view between visits: its sort, filter and search results stay as they were.
    private var view: LibraryViewState?
    /// What the library view's update key (R) runs, when the program was given an updater.
    private let updates: LibraryUpdates?
    /// The files named on the command line, when there are several (`:n`, `:p`).
    public var files: FileList?
    /// A notice for the next screen (from the config file, a failed opening…).
    public var notice: String?
    /// Why the program ended with status 1, for stderr once the terminal is restored.
    public private(set) var failure: String?
    /// What went wrong without ending the program (a reading position not saved), for stderr once
    /// the terminal is restored.
    public private(set) var warnings: [String] = []

    public init(terminal: any TerminalBackend, settings: ReaderSettings, store: LibraryStore? = nil, libraryPath: String? = nil,
                historyPath: String = StatePaths.searchHistory, updater: (any FeedUpdating)? = nil) {
        self.terminal = terminal
        updates = updater.map(LibraryUpdates.init)
        self.settings = settings
        self.store = store
        self.libraryPath = libraryPath
        self.historyPath = historyPath
    }

    /// Shows `first`, then whatever the user moves to; returns the exit status.
    public func run(_ first: Screen) -> Int32 {
        var screen = first
        while true {
            switch screen {
            case .read(let open):
                let (state, opening) = ReaderScreen.initialState(open, size: terminal.size, settings: settings, notice: notice,
                                                                 historyPath: historyPath)
                notice = nil
                let program = ReaderScreen(open, historyPath: historyPath, settings: settings, opening: opening, files: files.map { ($0.index, $0.end) },
                                           passThrough: { [terminal] in terminal.passThrough($0) }) { [self] in
                    openStore() == nil ? notice.take() : nil
                }
                var loop = EventLoop(program, state: state, on: terminal)
                let outcome = loop.run()
                if let unsaved = open.keeper?.unsaved { warnings.append(unsaved) }
                switch outcome {
                case .quit: return 0
                case .signal(let n): return 128 + n
                case .library: screen = .library(select: open.keeper?.id)
                case .file(let to): screen = .read(openFile(to) ?? reopen(open))
                case .article(let list): screen = .read(openInList(list) ?? open)
                }
            case .library(let select):
                guard let store = openStore() else {
                    failure = notice
                    return 1
                }
                var state: LibraryViewState
                do {
                    if var kept = view {
                        var messages: [LibraryMessage] = [.entries(try store.rows())]
                        if let select { messages.append(.select(id: select)) }
                        // The reader may have added queries since the view was last shown.
                        messages.append(.history(SearchHistoryStore.load(from: historyPath).queries))
                        for message in messages { _ = LibraryView.reduce(&kept, message) }
                        state = kept
                    } else {
                        state = try LibraryScreen.state(store, size: terminal.size, settings: settings, select: select,
                                                        historyPath: historyPath)
                    }
                } catch {
                    failure = "\(error)"
                    return 1
                }
                _ = LibraryView.reduce(&state, .resize(terminal.size))
                // After the resize, which clears the status line's message like any other message.
                if let notice = notice.take() { _ = LibraryView.reduce(&state, .notice(notice)) }
                var loop = EventLoop(LibraryScreen(store: store, historyPath: historyPath, updates: updates), state: state, on: terminal)
                let outcome = loop.run()
                view = loop.state
                switch outcome {
                case .quit: return 0
                case .signal(let n): return 128 + n
                case .open(let id, let search):
                    if var open = open(id, in: store, search: search) {
                        open.articles = view?.articleList(opening: id)
                        screen = .read(open)
                    } else {
                        screen = .library(select: id)
                    }
                }
            }
        }
    }

    /// The library article `id`, ready to read; nil (with a notice) when it cannot be read.
    func open(_ id: Int64, in store: LibraryStore, search: LibraryQuery?) -> OpenArticle? {
        do {
            guard let article = try store.article(id) else {
                notice = "Bài này không còn trong thư viện"
                return nil
            }
            return OpenArticle(article: article, search: search.map { (LibraryStore.readerQuery($0.query), $0.options) },
                               keeper: PositionKeeper(store: store, id: id))
        } catch {
            notice = "Không mở được bài: \(error)"
            return nil
        }
    }

    /// The article `list.current`, opened with the list for the next J, K or U and its place in the
    /// list on the status line; nil (with a notice) when it cannot be read now.
    private func openInList(_ list: ArticleList) -> OpenArticle? {
        guard let store = openStore(), var open = open(list.current, in: store, search: list.search) else { return nil }
        open.articles = list
        notice = list.label
        return open
    }

    /// The command line's file `index`, made the current one, with its place in the list on the
    /// status line; nil (with a notice) when it cannot be read now.
    private func openFile(_ index: Int) -> OpenArticle? {
        guard var list = files else { return nil }
        switch list.open(list.paths[index]) {
        case .success(var open):
            list.index = index
            files = list
            notice = [list.label(index), open.notice].compactMap { $0 }.joined(separator: " · ")
            open.notice = nil
            return open
        case .failure(let error):
            notice = "Không mở được \(list.label(index)): \(error.reason)"
            return nil
        }
    }

    /// The file being read, opened again (at its saved place) when the one asked for could not be.
    private func reopen(_ open: OpenArticle) -> OpenArticle {
        guard let list = files, case .success(let again) = list.open(list.paths[list.index]) else { return open }
        return again
    }

    /// The library, opened now if it was not; nil with a notice when it cannot be.
    private func openStore() -> LibraryStore? {
        if let store { return store }
        do {
            store = try LibraryStore(path: libraryPath ?? LibraryStore.defaultPath())
        } catch {
            notice = error.summary + (error.isDamage ? " — docbao library check" : "")
        }
        return store
    }
}

extension Optional {
    /// The value, leaving nil behind.
    mutating func take() -> Wrapped? {
        defer { self = nil }
        return self
    }
}

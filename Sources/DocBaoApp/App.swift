import DocBaoCore
import DocBaoLibrary
import DocBaoTerminal
import Foundation

/// The full-screen program: the reader and the library view on one terminal, moving between them,
/// with the reading position kept in the library for the articles that are in it.
final class App {
    enum Screen {
        case read(OpenArticle)
        /// The library view, its cursor on this article if given.
        case library(select: Int64?)
    }

    let terminal: Terminal
    let settings: ReaderSettings
    /// The library, opened when first needed; `libraryPath` nil means the user's default one.
    private var store: LibraryStore?
    private let libraryPath: String?
    /// The library view between visits: its sort, filter and search results stay as they were.
    private var view: LibraryViewState?
    /// A notice for the next screen (from the config file, a failed opening…).
    var notice: String?
    /// Why the program ended with status 1, for stderr once the terminal is restored.
    private(set) var failure: String?

    init(terminal: Terminal, settings: ReaderSettings, store: LibraryStore? = nil, libraryPath: String? = nil) {
        self.terminal = terminal
        self.settings = settings
        self.store = store
        self.libraryPath = libraryPath
    }

    /// Shows `first`, then whatever the user moves to; returns the exit status.
    func run(_ first: Screen) -> Int32 {
        var screen = first
        while true {
            switch screen {
            case .read(let open):
                let outcome = ReaderSession.run(open, on: terminal, settings: settings, notice: notice) { [self] in
                    openStore() == nil ? notice.take() : nil
                }
                notice = nil
                switch outcome {
                case .quit: return 0
                case .signal(let n): return 128 + n
                case .library: screen = .library(select: open.keeper?.id)
                }
            case .library(let select):
                guard let store = openStore() else {
                    failure = notice
                    return 1
                }
                var state: LibraryViewState
                do {
                    if var kept = view {
                        _ = LibraryView.reduce(&kept, .entries(try store.rows()))
                        if let select { _ = LibraryView.reduce(&kept, .select(id: select)) }
                        // The reader may have added queries since the view was last shown.
                        kept.history = SearchHistoryStore.load().queries
                        state = kept
                    } else {
                        state = try LibrarySession.state(store, size: terminal.size, settings: settings, select: select)
                    }
                } catch {
                    failure = "\(error)"
                    return 1
                }
                let outcome = LibrarySession.run(&state, store: store, on: terminal, notice: notice.take())
                view = state
                switch outcome {
                case .quit: return 0
                case .signal(let n): return 128 + n
                case .open(let id, let search):
                    if let open = open(id, in: store, search: search) {
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
            let open = OpenArticle(loaded: .init(article: article), search: search.map { ($0.query, $0.options) },
                                   keeper: PositionKeeper(store: store, id: id))
            return open
        } catch {
            notice = "Không mở được bài: \(error)"
            return nil
        }
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

import DocBaoCore
import DocBaoTerminal
import Foundation

/// The run loop: terminal events in, through the reducer, frames out. One path from key to screen.
struct ReaderSession {
    let article: Article
    let readingWidth: Int
    let notice: String?
    /// A search to open with (`--search`), its matches highlighted and the first one shown.
    var search: (query: String, options: SearchOptions)?
    /// How the search prompt starts: matching options, input method, tone placement.
    var promptDefaults = Prompt.Defaults()
    var theme: ThemeName = .dark
    /// Whether the sidebar shows at start.
    var sidebar = true
    var keyMap = KeyMap()
    /// For a huge article opened on its start: imports the whole, run on a background thread.
    var whole: (@Sendable () -> (article: Article, notice: String?))?
    /// In a preview, where its tail starts.
    var tailStart: Int?

    /// Runs until the user quits (status 0) or a terminating signal arrives (128 + signal number).
    func run() throws -> Int32 {
        let terminal: Terminal
        do {
            terminal = try Terminal(theme: theme, colors: ProcessInfo.processInfo.environment["NO_COLOR"].map { $0.isEmpty } ?? true)
        } catch let error as Terminal.OpenError {
            FileHandle.standardError.write(Data("docbao: \(error.description)\n".utf8))
            return 1
        }
        defer { terminal.end() }

        var state = ReaderState(article: article, size: terminal.size, readingWidth: readingWidth, keyMap: keyMap)
        if !sidebar { _ = Reader.reduce(&state, .action(.toggleSidebar)) }
        let history = SearchHistoryStore.load()
        state.history = history.queries
        state.message = notice ?? history.notice
        state.promptDefaults = promptDefaults
        let loading = whole.map(BackgroundImport.init)
        state.loading = loading != nil
        state.tailStart = tailStart
        if let search { Reader.startSearch(&state, query: search.query, options: search.options) }
        // A frame: the view brought up to date with the prompt, then drawn.
        func draw() {
            Reader.settle(&state)
            terminal.present(Renderer.render(state))
        }
        draw()
        while true {
            if let signal = terminal.takeSignal() { return 128 + signal }
            // Block for the next event (waking to check for signals, and often while the article
            // loads), then drain everything already typed before drawing, so keys typed ahead are
            // all handled with one frame for the lot.
            var next = terminal.nextEvent(timeout: state.loading ? 20 : 250)
            if state.loading, let done = loading?.take() {
                _ = Reader.reduce(&state, .articleLoaded(done.article))
                if let notice = done.notice { state.message = notice }
                if next == nil { draw() }
            }
            guard next != nil else { continue }  // idle: nothing to redraw
            while let event = next {
                if let message = Reader.message(for: event, in: state) {
                    for effect in Reader.reduce(&state, message) {
                        switch effect {
                        case .quit: return 0
                        case .redrawAll: terminal.invalidate()
                        case .saveHistory(let queries):
                            do { try SearchHistoryStore.save(queries) } catch {
                                _ = Reader.reduce(&state, .notice("Không lưu được lịch sử tìm kiếm: \(error)"))
                            }
                        case .saveMarks:
                            break  // the reader holds them for this run; keeping them across runs is the library's
                        case .openLibrary:
                            _ = Reader.reduce(&state, .notice("Thư viện chưa có trong bản này"))
                        }
                    }
                }
                if let signal = terminal.takeSignal() { return 128 + signal }
                next = terminal.nextEvent(timeout: 0)
            }
            draw()
        }
    }
}

/// The whole of a huge article, imported on a thread of its own while the reader shows its start.
struct BackgroundImport {
    private let mailbox = Mailbox<(article: Article, notice: String?)>()

    init(_ work: @escaping @Sendable () -> (article: Article, notice: String?)) {
        let mailbox = mailbox
        let thread = Thread { mailbox.put(work()) }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The result once the import is done (once: later calls return nil).
    func take() -> (article: Article, notice: String?)? { mailbox.take() }
}

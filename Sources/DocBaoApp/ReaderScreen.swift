import DocBaoCore
import DocBaoTerminal
import Foundation

/// How every article is read: the settings from the command line and the config file.
struct ReaderSettings {
    var readingWidth = 80
    /// How the search prompt starts: matching options, input method, tone placement.
    var promptDefaults = Prompt.Defaults()
    /// Whether the sidebar shows at start.
    var sidebar = true
    var keyMap = KeyMap()
}

/// An article to read, and where to start in it.
struct OpenArticle {
    var loaded: ArticleSource.Loaded
    /// A search to open with (`--search`, a library search), its first match shown.
    var search: (query: String, options: SearchOptions)?
    /// Where to start: a source offset (a saved position).
    var offset: Int?
    /// Where the article is kept in the library (its position and marks are saved there), if it is.
    var keeper: PositionKeeper?
}

/// The reader's run loop: terminal events in, through the reducer, frames out. One path from key
/// to screen.
enum ReaderSession {
    enum Outcome: Equatable {
        case quit
        /// The user asked for the library (L).
        case library
        /// A terminating signal arrived.
        case signal(Int32)
    }

    /// Runs until the user quits or leaves for the library, or a signal arrives. The position is
    /// saved every few seconds while it changes, and when the session ends however it ends.
    /// - Parameter library: readies the library for `L`; nil when it can be shown, else why not
    ///   (said on the status line, and the reader stays).
    static func run(_ open: OpenArticle, on terminal: Terminal, settings: ReaderSettings, notice: String?,
                    library: () -> String?) -> Outcome {
        var state = ReaderState(article: open.loaded.article, size: terminal.size, readingWidth: settings.readingWidth,
                                keyMap: settings.keyMap)
        if !settings.sidebar { _ = Reader.reduce(&state, .action(.toggleSidebar)) }
        let history = SearchHistoryStore.load()
        state.history = history.queries
        state.message = notice ?? open.loaded.notice ?? history.notice
        state.promptDefaults = settings.promptDefaults
        state.loading = open.loaded.whole != nil
        state.tailStart = open.loaded.tailStart
        let keeper = open.keeper
        // A search opens at its first match, not at the saved position.
        keeper?.restore(&state, position: open.search == nil && open.offset == nil)
        if let offset = open.offset { Reader.go(&state, toSourceOffset: offset) }
        if let search = open.search { Reader.startSearch(&state, query: search.query, options: search.options) }
        defer { _ = keeper?.save(state) }
        // A huge article's file, which its text is read back from once the whole is in.
        var file: (any TextFile)?
        var toldChanged = false
        // A frame: the view brought up to date with the prompt, then drawn.
        func draw() {
            Reader.settle(&state)
            terminal.present(Renderer.render(state))
            if let file, file.hasChanged, !toldChanged, state.prompt == nil {
                // Told once, on the first frame after text no longer in the file was met that shows
                // the status line (not a search prompt typed over it).
                toldChanged = true
                state.message = "Tệp đã đổi (hoặc lỗi đọc) từ khi mở: chỗ khác đi hiện bằng dấu ?; mở lại để đọc bản mới"
                terminal.present(Renderer.render(state))
            }
        }
        draw()
        // The whole of a huge article is imported once the first screen is out: on a machine with
        // few cores the import's thread would otherwise compete with the first frame.
        let loading = open.loaded.whole.map(BackgroundImport.init)
        while true {
            if let signal = terminal.takeSignal() { return .signal(signal) }
            // Block for the next event (waking to check for signals, and often while the article
            // loads), then drain everything already typed before drawing, so keys typed ahead are
            // all handled with one frame for the lot.
            var next = terminal.nextEvent(timeout: state.loading ? 20 : 250)
            if state.loading, let done = loading?.take() {
                _ = Reader.reduce(&state, .articleLoaded(done.article))
                file = done.article.blocks.first(where: \.isFiled)?.textFile
                if let notice = done.notice { state.message = notice }
                if next == nil { draw() }
            }
            if let failure = keeper?.saveNow(state, ifOlderThan: 3) { _ = Reader.reduce(&state, .notice(failure)) }
            guard next != nil else { continue }  // idle: nothing to redraw
            while let event = next {
                if let message = Reader.message(for: event, in: state) {
                    for effect in Reader.reduce(&state, message) {
                        switch effect {
                        case .quit: return .quit
                        case .openLibrary:
                            guard let problem = library() else { return .library }
                            _ = Reader.reduce(&state, .notice("Thư viện: \(problem)"))
                        case .redrawAll: terminal.invalidate()
                        case .saveHistory(let queries):
                            do { try SearchHistoryStore.save(queries) } catch {
                                _ = Reader.reduce(&state, .notice("Không lưu được lịch sử tìm kiếm: \(error)"))
                            }
                        case .saveMarks(let marks):
                            // Outside the library the reader holds the marks for this run only.
                            if let failure = keeper?.saveMarks(marks) { _ = Reader.reduce(&state, .notice(failure)) }
                        }
                    }
                }
                if let signal = terminal.takeSignal() { return .signal(signal) }
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
        let thread = Thread {
            // Nice 10: on a machine with few cores the reader's own thread (keys, frames) and the
            // terminal come first; the import takes what they leave.
            if let id = Self.threadID() { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id, 10) }
            mailbox.put(work())
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The calling thread's id (the last part of /proc/thread-self, "PID/task/TID"), or nil.
    static func threadID() -> id_t? {
        var link = [CChar](repeating: 0, count: 64)
        let count = readlink("/proc/thread-self", &link, link.count)
        guard count > 0 else { return nil }
        let path = String(decoding: link.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return path.split(separator: "/").last.flatMap { id_t($0) }
    }

    /// The result once the import is done (once: later calls return nil).
    func take() -> (article: Article, notice: String?)? { mailbox.take() }
}

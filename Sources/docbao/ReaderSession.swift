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
        if let search { Reader.startSearch(&state, query: search.query, options: search.options) }
        terminal.present(Renderer.render(state))
        while true {
            if let signal = terminal.takeSignal() { return 128 + signal }
            // Block for the next event (waking to check for signals), then drain everything already
            // typed before drawing, so keys typed ahead are all handled with one frame for the lot.
            var next = terminal.nextEvent(timeout: 250)
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
                        }
                    }
                }
                if let signal = terminal.takeSignal() { return 128 + signal }
                next = terminal.nextEvent(timeout: 0)
            }
            terminal.present(Renderer.render(state))
        }
    }
}

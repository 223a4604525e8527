import DocBaoCore
import DocBaoLibrary
import DocBaoTerminal
import Foundation

/// The library view's run loop: keys in, through the view's reducer, frames out; the searches and
/// openings it asks for run against the store.
enum LibrarySession {
    enum Outcome: Equatable {
        case quit
        case signal(Int32)
        /// Open this article; with a search, at its first match.
        case open(id: Int64, search: LibraryQuery?)
    }

    /// The view's state for `store`, its cursor on `select` if given.
    static func state(_ store: LibraryStore, size: Size, settings: ReaderSettings, select: Int64?) throws(LibraryError) -> LibraryViewState {
        var state = LibraryViewState(entries: try store.rows(), size: size, history: SearchHistoryStore.load().queries,
                                     promptDefaults: settings.promptDefaults)
        if let select { _ = LibraryView.reduce(&state, .select(id: select)) }
        return state
    }

    /// Runs until the user quits or opens an article; `notice` is said on the first frame.
    static func run(_ state: inout LibraryViewState, store: LibraryStore, on terminal: Terminal, notice: String?) -> Outcome {
        _ = LibraryView.reduce(&state, .resize(terminal.size))
        // After the resize, which clears the status line's message like any other message.
        if let notice { _ = LibraryView.reduce(&state, .notice(notice)) }
        terminal.present(LibraryRenderer.render(state))
        while true {
            if let signal = terminal.takeSignal() { return .signal(signal) }
            var next = terminal.nextEvent(timeout: 250)
            guard next != nil else { continue }
            while let event = next {
                if let message = LibraryView.message(for: event, in: state) {
                    for effect in LibraryView.reduce(&state, message) {
                        switch effect {
                        case .quit: return .quit
                        case .open(let id, let search): return .open(id: id, search: search)
                        case .redrawAll: terminal.invalidate()
                        case .saveHistory(let queries):
                            do { try SearchHistoryStore.save(queries) } catch {
                                _ = LibraryView.reduce(&state, .notice("Không lưu được lịch sử tìm kiếm: \(error)"))
                            }
                        case .search(let query, let options):
                            do {
                                let found = try store.search(query, options: options, limit: Self.searchLimit)
                                _ = LibraryView.reduce(&state, .results(query: query, options: options,
                                                                        hits: found.hits.map(Self.hit)))
                                if !found.complete {
                                    _ = LibraryView.reduce(&state, .notice("Hơn \(Self.searchLimit) bài khớp: đây là \(Self.searchLimit) bài khớp nhất"))
                                }
                            } catch {
                                _ = LibraryView.reduce(&state, .notice("Tìm kiếm thất bại: \(error)"))
                            }
                        }
                    }
                }
                if let signal = terminal.takeSignal() { return .signal(signal) }
                next = terminal.nextEvent(timeout: 0)
            }
            terminal.present(LibraryRenderer.render(state))
        }
    }

    /// How many articles a search in the view lists at most (the best first).
    static let searchLimit = 200

    static func hit(_ h: LibrarySearchHit) -> LibraryHit {
        LibraryHit(id: h.id, title: h.title, source: h.source, hits: h.hits, snippet: h.snippet, highlights: h.highlights)
    }
}

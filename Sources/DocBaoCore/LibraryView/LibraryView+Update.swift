/// The library's entries reloaded: after an article is read or removed, and after an update
/// (`R`), which also puts the cursor on the first new article.
extension LibraryView {
    /// The entries replaced; the cursor stays on the chosen article, or at the same place in the
    /// list when it is gone. An open feed list is counted anew.
    static func reload(_ state: inout LibraryViewState, _ entries: [LibraryEntry]) {
        let fallback = state.cursor
        state.catalog = LibraryCatalog(entries)
        state.refresh()
        if let anchor = state.anchor, state.selectedEntry?.id != anchor, state.catalog.index(of: anchor) == nil {
            // The chosen article is gone: stay at the same place in the list.
            state.moveCursor(to: fallback)
        }
        if let list = state.feedList {
            // Counted anew, the cursor on the same line.
            openFeedList(&state, on: list.lines[list.cursor].choice)
        }
    }

    /// The update is over: the entries reloaded, the cursor on the first new article of the list
    /// (where the sort puts them), the summary on the status line. With one feed chosen (`F`) the
    /// list shows its new articles only: the line says how many of them, then the whole summary.
    static func updated(_ state: inout LibraryViewState, _ entries: [LibraryEntry], _ summary: String) {
        state.updating = nil
        let before = Set(state.catalog.entries.lazy.map(\.id))
        reload(&state, entries)
        if let first = state.rows.firstIndex(where: { !before.contains(state.catalog.entries[$0].id) }) {
            state.moveCursor(to: first)
        }
        state.message = summary
        guard let feed = state.feed else { return }
        let new = state.catalog.entries.filter { !before.contains($0.id) }
        let shown = new.filter(feed.includes).count
        guard shown != new.count else { return }
        state.message = (shown == 0 ? "Không có" : "\(shown)") + " bài mới trong \(state.scopeName) · cả thư viện: " + summary
    }
}

/// Marking articles read or unread without opening them, as newsboat's N and A: the article under
/// the cursor toggled, or every unread article of the list shown (one feed's with `F`, the filter's,
/// a search's results) marked read, asked first on the status line when that is more than one.
extension LibraryView {
    /// N: the article under the cursor (in the list or the results) read ↔ unread.
    static func toggleRead(_ state: inout LibraryViewState) -> [LibraryEffect] {
        guard let id = selectedID(state), let entry = state.catalog.index(of: id).map({ state.catalog.entries[$0] }) else { return [] }
        return [.markRead(ids: [id], read: entry.isUnread)]
    }

    /// A: every unread article the list shows marked read; more than one is asked first.
    static func markAllRead(_ state: inout LibraryViewState) -> [LibraryEffect] {
        let unread = shownUnread(state)
        switch unread.count {
        case 0:
            state.message = "Không còn bài chưa đọc trong danh sách"
            return []
        case 1:
            return [.markRead(ids: unread, read: true)]
        default:
            state.confirmingMarkAll = unread
            return []
        }
    }

    /// The answer to "mark these read?": y marks them, any other key keeps them as they are.
    static func confirmMarkAll(_ state: inout LibraryViewState, _ key: Key, _ ids: [Int64]) -> [LibraryEffect] {
        state.confirmingMarkAll = nil
        if key == .char("y") || key == .char("Y") { return [.markRead(ids: ids, read: true)] }
        state.message = "Không đánh dấu"
        return []
    }

    /// The article under the cursor: the search result's, else the list's.
    private static func selectedID(_ state: LibraryViewState) -> Int64? {
        if state.mode == .results, let r = state.results {
            return r.hits.indices.contains(r.cursor) ? r.hits[r.cursor].id : nil
        }
        return state.selectedEntry?.id
    }

    /// The unread articles the list shows, in its order: of the search's results, else of the rows.
    private static func shownUnread(_ state: LibraryViewState) -> [Int64] {
        let entries = state.catalog.entries
        if state.mode == .results, let r = state.results {
            let unread = Set(entries.lazy.filter(\.isUnread).map(\.id))
            return r.hits.map(\.id).filter(unread.contains)
        }
        return state.rows.lazy.map { entries[$0] }.filter(\.isUnread).map(\.id)
    }
}

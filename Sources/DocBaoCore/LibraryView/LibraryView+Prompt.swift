/// The library's prompts: the title filter, applied as you type, and the full-text search, sent
/// to the program on Enter.
extension LibraryView {
    /// Applies a title filter: rows narrow or widen, the cursor stays on the chosen article when it
    /// is still there.
    static func setFilter(_ state: inout LibraryViewState, _ text: String, _ options: SearchOptions) {
        guard text != state.filter || options != state.filterOptions else { return }
        state.filter = text
        state.filterOptions = options
        state.refresh()
    }

    static func promptKey(_ state: inout LibraryViewState, _ key: Key) -> [LibraryEffect] {
        guard var prompt = state.prompt else { return [] }
        let outcome = prompt.editor.apply(key, history: prompt.kind == .search ? state.history : [])
        state.promptDefaults = prompt.editor.defaults
        switch (prompt.kind, outcome) {
        case (_, .ignored):
            return []
        case (.filter, .edited):
            state.prompt = prompt
            setFilter(&state, prompt.text, prompt.editor.options)
        case (.filter, .commit):
            state.prompt = nil
            // The filter stays; what the cursor is on now is the chosen article.
            state.anchor = state.selectedEntry?.id ?? state.anchor
        case (.filter, .cancel):
            state.prompt = nil
            setFilter(&state, "", prompt.editor.options)
        case (.search, .edited):
            state.prompt = prompt
        case (.search, .cancel):
            state.prompt = nil
        case (.search, .commit):
            state.prompt = nil
            let query = prompt.text
            guard !query.isEmpty else { return [] }
            state.history.removeAll { $0 == query }
            state.history.append(query)
            if state.history.count > 200 { state.history.removeFirst(state.history.count - 200) }
            state.message = "Đang tìm “\(query)”…"
            state.awaitedSearch = LibraryQuery(query: query, options: prompt.editor.options)
            return [.search(query: query, options: prompt.editor.options), .saveHistory(state.history)]
        }
        return []
    }
}

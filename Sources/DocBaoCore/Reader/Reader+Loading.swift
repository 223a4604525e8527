/// Huge articles open on a preview (their head and tail) while the program imports the whole in the
/// background; this is where the whole takes over.
extension Reader {
    /// Puts the whole article in place of the preview without moving the text being read, moves
    /// every position the reader keeps (the current match, an open prompt's origin and the search
    /// it would bring back) into the whole, then runs again a search that found nothing in the
    /// preview.
    /// Marks set in the preview move into the whole too (`Effect.saveMarks` when there were some).
    static func finishLoading(_ state: inout ReaderState, _ article: Article) -> [Effect] {
        let preview = state
        let hadWindow = state.window != nil
        func moved(_ match: SearchMatch) -> SearchMatch {
            let p = preview.positionInWhole(block: match.block, offset: match.start, article)
            return SearchMatch(block: p.block, start: p.offset, end: p.offset + match.end - match.start)
        }
        state.replaceArticle(article)
        state.loading = false
        let effects = carryPlaces(&state, from: preview)
        state.search = state.search.map { search in redo(search, in: state, keeping: search.current.map { moved(search.matches[$0]) }) }
        // A match shown in a window of the middle lands on its paragraph in the whole.
        if hadWindow, let search = state.search, let current = search.current { reveal(&state, search.matches[current]) }
        if var prompt = state.prompt {
            let origin = preview.positionInWhole(block: prompt.origin.block, offset: prompt.origin.offset, article)
            prompt.origin = origin
            prompt.originLine = state.layout.position(block: origin.block, offset: origin.offset)
            prompt.originWidth = state.layout.width
            prompt.previous = prompt.previous.map { search in redo(search, in: state, keeping: search.current.map { moved(search.matches[$0]) }) }
            state.prompt = prompt
            state.pendingSearch = nil  // a new search is being typed
        }
        if let pending = state.pendingSearch {
            state.pendingSearch = nil
            var search = SearchState(query: pending.query, options: pending.options, direction: pending.direction, index: state.searchIndex,
                                     folding: !state.scansBlocks)
            let from = state.topSource
            if let found = search.next(from: from.block, offset: from.offset, pending.direction) {
                search.current = found.index
                state.search = search
                reveal(&state, search.matches[found.index])
            } else {
                state.message = "Không tìm thấy “\(pending.query)”"
            }
        }
        return effects
    }

    /// `search` run again on the whole article, its current match the one at `match` (if any).
    static func redo(_ search: SearchState, in state: ReaderState, keeping match: SearchMatch?) -> SearchState {
        var again = SearchState(query: search.query, options: search.options, direction: search.direction, index: state.searchIndex,
                                folding: !state.scansBlocks)
        if let match { again.current = again.next(from: match.block, offset: match.start, .forward)?.index }
        return again
    }
}

/// Huge articles open on a preview (their head and tail) while the program imports the whole in the
/// background; this is where the whole takes over.
extension Reader {
    /// Puts the whole article in place of the preview without moving the text being read, then
    /// runs again a search that found nothing in the preview.
    static func finishLoading(_ state: inout ReaderState, _ article: Article) {
        var matchShown = state.search.flatMap { search in search.current.map { search.matches[$0] } }
        if let shown = matchShown {
            let moved = state.positionInWhole(block: shown.block, offset: shown.start, article)
            matchShown = SearchMatch(block: moved.block, start: moved.offset, end: moved.offset + shown.end - shown.start)
        }
        state.replaceArticle(article)
        state.loading = false
        if let old = state.search {
            var search = SearchState(query: old.query, options: old.options, direction: old.direction, index: state.searchIndex)
            if let shown = matchShown {
                search.current = search.next(from: shown.block, offset: shown.start, .forward)?.index
            }
            state.search = search
        }
        if let pending = state.pendingSearch {
            state.pendingSearch = nil
            let options = pending.options
            var search = SearchState(query: pending.query, options: options, direction: pending.direction, index: state.searchIndex)
            let from = state.topSource
            if let found = search.next(from: from.block, offset: from.offset, pending.direction) {
                search.current = found.index
                state.search = search
                reveal(&state, search.matches[found.index])
            } else {
                state.message = "Không tìm thấy “\(pending.query)”"
            }
        }
    }
}

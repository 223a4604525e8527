/// Search in the reader: the prompt (incremental, Esc to go back), n/N, highlights' state.
extension Reader {
    /// The keys of the open prompt, for the help screen; `promptKey` handles exactly these.
    static let promptKeys: [(keys: String, help: String)] = [
        ("Enter", "giữ kết quả (ô trống: bỏ tô sáng)"),
        ("Esc", "huỷ, về chỗ đang đọc"),
    ] + PromptEditor.editingKeys + [("C-u", "xoá ô tìm")]

    /// The short reminder shown in an empty prompt.
    static let promptHelp = "Tab: thông minh/chính xác · C-w: cả từ · C-t: Telex/VNI · ↑↓: lịch sử"

    /// Starts a search as if typed at the prompt (`docbao --search`), from the top of the view,
    /// without adding it to the history; says so when nothing matches. While a huge article loads,
    /// the effects scan its middle (`Reader+Middle`): the program performs them after the first frame.
    @discardableResult
    public static func startSearch(_ state: inout ReaderState, query: String, options: SearchOptions) -> [Effect] {
        var prompt = Prompt(direction: .forward, defaults: Prompt.Defaults(options: options), origin: state.topSource, originLine: state.top,
                            originWidth: state.layout.width, previous: nil)
        prompt.editor.setText(query)
        state.pendingSearch = nil
        let effects = searchAsYouType(&state, prompt, deferShort: false, typing: false)
        if state.search?.current == nil {
            state.search = nil
            if state.loading {
                state.pendingSearch = ReaderState.PendingSearch(query: query, options: options, direction: .forward)
                state.message = "Chưa thấy “\(query)” trong phần đã nạp; tìm tiếp khi nạp xong"
            } else {
                state.message = "Không tìm thấy “\(query)”"
            }
        }
        return effects
    }

    /// Closes the prompt as if it had never opened: the view and the previous search come back.
    static func cancel(_ state: inout ReaderState, _ prompt: Prompt) {
        state.top = state.origin(of: prompt)
        state.search = prompt.previous
        state.prompt = nil
        state.promptSearchPending = false
    }

    static func openPrompt(_ state: inout ReaderState, _ direction: SearchDirection) {
        state.prompt = Prompt(direction: direction, defaults: state.promptDefaults, origin: state.topSource, originLine: state.top,
                            originWidth: state.layout.width, previous: state.search)
        state.focus = .article
    }

    static func promptKey(_ state: inout ReaderState, _ key: Key) -> [Effect] {
        guard var prompt = state.prompt else { return [] }
        switch prompt.editor.apply(key, history: state.history) {
        case .ignored:
            return []
        case .cancel:
            cancel(&state, prompt)
            return []
        case .commit:
            // Keys typed at once up to Enter: one search, not typing (a huge article is not folded).
            var effects = settle(&state, typing: false)
            // The whole list once the query is entered: while typing, a huge article's was partial.
            if state.searchDeferred || state.search?.partial == true {
                effects += searchAsYouType(&state, prompt, deferShort: false, typing: false)
            }
            state.prompt = nil
            return effects + commit(&state, prompt)
        case .edited:
            break
        }
        state.promptDefaults = prompt.editor.defaults
        state.prompt = prompt
        // The search runs once the keys typed so far are all in (`settle`), not once per key: on a
        // huge article each search scans it all.
        state.promptSearchPending = true
        return []
    }

    /// Brings the view up to date with what the prompt holds: call before drawing a frame
    /// (`typing` false: for Enter, the search is not followed by more keys).
    @discardableResult
    public static func settle(_ state: inout ReaderState, typing: Bool = true) -> [Effect] {
        guard state.promptSearchPending else { return [] }
        state.promptSearchPending = false
        guard let prompt = state.prompt else { return [] }
        return searchAsYouType(&state, prompt, typing: typing)
    }

    /// Incremental search: the matches for what is typed so far, the view at the nearest one from
    /// where the prompt opened (or back there when nothing matches).
    /// On a huge article a very short query is not searched as it is typed (`deferShort`): "n"
    /// matches 6.7 million times in 100 MB and "ng" 2.5 million, which takes most of a second and
    /// hundreds of MB for a query that the next key replaces ("ngo": 55 thousand, 0.06 s). Over
    /// `incrementalLimit` bytes the query needs two characters, over 8 times that three; Enter
    /// searches a shorter one all the same.
    /// While a huge article loads, a match not in the preview's head is also looked for in the file
    /// (the effects returned: `Reader+Middle`).
    /// On a huge article (`ReaderState.scansBlocks`) nothing folds it whole: while `typing`, each key
    /// finds the first match from where the prompt opened and those a screen after it, scanning its
    /// blocks from there (`SearchState.partial`: the prompt says it has not counted them); a search
    /// made at once (`typing` false, or Enter) scans all its blocks for the whole list.
    @discardableResult
    static func searchAsYouType(_ state: inout ReaderState, _ prompt: Prompt, deferShort: Bool = true, typing: Bool = true) -> [Effect] {
        state.top = state.origin(of: prompt)
        state.searchDeferred = false
        guard !prompt.text.isEmpty else { state.search = nil; return [] }
        let size = state.blockStarts.last ?? 0
        let shortest = size > 8 * state.incrementalLimit ? 3 : size > state.incrementalLimit ? 2 : 1
        if deferShort, prompt.text.count < shortest {
            state.search = nil
            state.searchDeferred = true
            return []
        }
        var search = typing && state.scansBlocks
            ? SearchState(query: prompt.text, options: prompt.editor.options, direction: prompt.direction, index: state.searchIndex,
                          near: prompt.origin, reach: state.geometry.viewHeight)
            : SearchState(query: prompt.text, options: prompt.editor.options, direction: prompt.direction, index: state.searchIndex,
                          folding: !state.scansBlocks)
        let found = search.next(from: prompt.origin.block, offset: prompt.origin.offset, prompt.direction)
        if let found {
            search.current = found.index
            reveal(&state, search.matches[found.index])
        }
        state.search = search
        return middleScan(state, search, origin: prompt.origin, found: found)
    }

    static func commit(_ state: inout ReaderState, _ prompt: Prompt) -> [Effect] {
        let query = prompt.text
        state.pendingSearch = nil  // this search replaces one still waiting for the whole article
        guard !query.isEmpty else {
            state.search = nil
            state.top = state.origin(of: prompt)
            return []
        }
        state.history.removeAll { $0 == query }
        state.history.append(query)
        if state.history.count > 200 { state.history.removeFirst(state.history.count - 200) }
        if state.search?.current == nil {
            state.message = state.loading ? "Chưa thấy “\(query)” trong phần đã nạp; tìm tiếp khi nạp xong"
                                          : "Không tìm thấy “\(query)”"
            if state.loading {
                state.pendingSearch = ReaderState.PendingSearch(query: query, options: prompt.editor.options, direction: prompt.direction)
            }
            state.search = nil
            state.top = state.origin(of: prompt)
        } else if state.top != state.origin(of: prompt) {
            recordJump(&state, from: (state.offset(ofLine: state.origin(of: prompt)), state.loading))
        }
        return [.saveHistory(state.history)]
    }

    /// n (`reverse` false) and N (true): the next match in the search's direction or against it.
    static func nextMatch(_ state: inout ReaderState, reverse: Bool) {
        guard var search = state.search else {
            state.message = "Chưa tìm gì (/ để tìm)"
            return
        }
        guard !search.matches.isEmpty else {
            state.message = "Không tìm thấy “\(search.query)”"
            return
        }
        let direction = reverse ? search.direction.reversed : search.direction
        // From the current match when it is on screen, else from the top of the view.
        let found: (index: Int, wrapped: Bool)?
        if let c = search.current, isVisible(state, search.matches[c]) {
            found = search.next(from: search.matches[c].block, offset: search.matches[c].start, direction, including: false)
        } else {
            let top = state.layout.anchor(of: state.top)
            found = search.next(from: top.block, offset: top.offset, direction)
        }
        if let found { go(&state, &search, found, direction) }
    }

    private static func go(_ state: inout ReaderState, _ search: inout SearchState, _ found: (index: Int, wrapped: Bool),
                           _ direction: SearchDirection) {
        search.current = found.index
        state.search = search
        reveal(&state, search.matches[found.index])
        if found.wrapped {
            state.message = direction == .forward
                ? "Đã đến cuối bài, tìm tiếp từ đầu" : "Đã đến đầu bài, tìm tiếp từ cuối"
        }
    }

    static func isVisible(_ state: ReaderState, _ match: SearchMatch) -> Bool {
        let height = state.geometry.viewHeight
        guard height > 0 else { return false }
        let p = state.layout.position(block: match.block, offset: match.start)
        return p >= state.top && p <= state.layout.move(state.top, by: height - 1)
    }

    /// Scrolls so the match's line shows: unchanged if it already does, else with it at the top
    /// (or the end of the article at the bottom).
    static func reveal(_ state: inout ReaderState, _ match: SearchMatch) {
        guard !isVisible(state, match) else { return }
        let p = state.layout.position(block: match.block, offset: match.start)
        state.top = min(p, max(state.layout.lastTop(height: state.geometry.viewHeight), state.layout.start))
    }
}

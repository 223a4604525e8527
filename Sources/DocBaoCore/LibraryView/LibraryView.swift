/// The library view's update function: no I/O, effects for the program to run.
public enum LibraryView {
    /// Turns a backend event into a message: the prompt first, then the help overlay, then the key table.
    public static func message(for event: InputEvent, in state: LibraryViewState) -> LibraryMessage? {
        switch event {
        case .resize(let size): return .resize(size)
        case .key(let key):
            if state.prompt != nil { return .promptKey(key) }
            if state.confirming { return .confirmKey(key) }
            if state.showingHelp { return state.keyMap.helpScroll(for: key).map(LibraryMessage.scroll) ?? .dismissHelp }
            if state.feedList != nil { return .feedListKey(key) }
            return state.keyMap.action(for: key).map(LibraryMessage.action)
        case .mouse(let mouse):
            guard state.prompt == nil, !state.confirming else { return nil }
            if state.showingHelp {
                if case .click = mouse { return .dismissHelp }
                return nil
            }
            if state.feedList != nil {
                switch mouse {
                case .wheelUp: return .feedListKey(.up)
                case .wheelDown: return .feedListKey(.down)
                case .click: break
                }
            }
            switch mouse {
            case .wheelUp: return .scroll(-3)
            case .wheelDown: return .scroll(3)
            case .click(_, let y): return .click(row: y)
            }
        }
    }

    /// Applies `message` to `state`.
    public static func reduce(_ state: inout LibraryViewState, _ message: LibraryMessage) -> [LibraryEffect] {
        state.message = nil
        switch message {
        case .action(let action):
            return perform(&state, action)
        case .promptKey(let key):
            return promptKey(&state, key)
        case .confirmKey(let key):
            if let ids = state.confirmingMarkAll { return confirmMarkAll(&state, key, ids) }
            guard let entry = state.confirmingRemoval else { return [] }
            state.confirmingRemoval = nil
            if key == .char("y") || key == .char("Y") { return [.remove(id: entry.id, title: entry.title)] }
            state.message = "Không xoá"
        case .dismissHelp:
            state.showingHelp = false
        case .feedListKey(let key):
            return feedListKey(&state, key)
        case .scroll(let n) where state.showingHelp:
            let lines = state.keyMap.helpLines(width: state.size.width).count
            state.helpScroll = max(0, min(state.helpScroll + n, lines - (state.size.height - 1)))
        case .scroll(let n):
            if var r = state.results, state.mode == .results {
                r.cursor += n > 0 ? 1 : -1
                LibraryViewState.reveal(&r, state.hitsPerScreen)
                state.results = r
            } else {
                state.scroll(by: n)
            }
        case .click(let y):
            return click(&state, row: y)
        case .resize(let size):
            state.setSize(size)
        case .updateProgress(let done, let total):
            if state.updating != nil { state.updating = (done, total) }
        case .updated(let entries, let summary):
            updated(&state, entries, summary)
        case .entries(let entries):
            reload(&state, entries)
        case .select(let id):
            state.anchor = id
            if let i = state.rows.firstIndex(where: { state.catalog.entries[$0].id == id }) { state.moveCursor(to: i) }
        case .results(let query, let options, let hits):
            let answer = LibraryQuery(query: query, options: options)
            // Results of a search the user has since replaced are dropped.
            if let awaited = state.awaitedSearch, awaited != answer { return [] }
            state.awaitedSearch = nil
            guard !hits.isEmpty else {
                state.message = "Không tìm thấy “\(query)”"
                return []
            }
            var r = LibraryViewState.Results(query: answer, hits: hits)
            LibraryViewState.reveal(&r, state.hitsPerScreen)
            state.results = r
            state.showingHelp = false
        case .notice(let text):
            state.message = text
        case .history(let queries):
            state.history = queries
        case .signal(let n):
            return [.signalled(n)]
        }
        return []
    }

    static func perform(_ state: inout LibraryViewState, _ action: LibraryAction) -> [LibraryEffect] {
        if state.mode == .results, var r = state.results {
            if let to = target(action, cursor: r.cursor, count: r.hits.count, page: state.hitsPerScreen) {
                r.cursor = to
                LibraryViewState.reveal(&r, state.hitsPerScreen)
                state.results = r
                return []
            }
            switch action {
            case .open:
                guard r.hits.indices.contains(r.cursor) else { return [] }
                return [.open(id: r.hits[r.cursor].id, search: r.query)]
            case .back:
                state.results = nil
                return []
            case .filter, .feeds:
                // The filter and the feeds are the list's: go back to the list to choose them.
                state.results = nil
            case .cycleSort:
                state.message = "Kết quả xếp theo mức khớp; Esc về thư viện để sắp xếp"
                return []
            case .remove:
                state.message = "Esc về thư viện để xoá bài"
                return []
            case .toggleRead:
                return toggleRead(&state)
            case .markAllRead:
                return markAllRead(&state)
            default: break
            }
        }
        if let to = target(action, cursor: state.cursor, count: state.rows.count, page: state.page) {
            if action == .pageDown || action == .pageUp {
                // As in less: the page moves and the cursor with it.
                state.top = max(0, min(state.top + to - state.cursor, state.rows.count - state.viewHeight))
            }
            state.moveCursor(to: to)
            return []
        }
        switch action {
        case .open:
            guard let entry = state.selectedEntry else { return [] }
            return [.open(id: entry.id, search: nil)]
        case .back:
            // The title filter first, then the feed.
            if !state.filter.isEmpty {
                setFilter(&state, "", state.filterOptions)
            } else if state.feed != nil, let all = state.catalog.feedCounts().first {
                chooseFeed(&state, all)
            }
        case .feeds:
            openFeedList(&state, on: state.feed)
        case .filter:
            var prompt = LibraryPrompt(kind: .filter, text: state.filter, defaults: state.promptDefaults)
            if !state.filter.isEmpty { prompt.editor.options = state.filterOptions }
            state.prompt = prompt
        case .search:
            state.prompt = LibraryPrompt(kind: .search, defaults: state.promptDefaults)
        case .remove:
            guard let entry = state.selectedEntry else { return [] }
            state.confirmingRemoval = entry
        case .toggleRead:
            return toggleRead(&state)
        case .markAllRead:
            return markAllRead(&state)
        case .update:
            guard state.updating == nil else {
                state.message = "Đang cập nhật nguồn tin…"
                return []
            }
            state.updating = (0, 0)
            return [.update]
        case .cycleSort:
            state.sort = state.sort.next
            state.refresh()
            state.message = "Sắp xếp: \(state.sort.label)"
        case .help:
            state.showingHelp = true
            state.helpScroll = 0
        case .redraw:
            return [.redrawAll]
        case .quit:
            return [.quit]
        default:
            break
        }
        return []
    }

    /// Where a movement action takes a cursor over `count` rows; nil for other actions.
    static func target(_ action: LibraryAction, cursor: Int, count: Int, page: Int) -> Int? {
        let half = max(1, (page + 1) / 2)
        let to: Int
        switch action {
        case .lineDown: to = cursor + 1
        case .lineUp: to = cursor - 1
        case .pageDown: to = cursor + page
        case .pageUp: to = cursor - page
        case .halfPageDown: to = cursor + half
        case .halfPageUp: to = cursor - half
        case .top: to = 0
        case .bottom: to = count - 1
        default: return nil
        }
        return max(0, min(count - 1, to))
    }

    static func click(_ state: inout LibraryViewState, row y: Int) -> [LibraryEffect] {
        if state.feedList != nil {
            clickFeed(&state, row: y)
            return []
        }
        guard y >= 1, y <= state.viewHeight else { return [] }
        if state.mode == .results, var r = state.results {
            let i = r.top + (y - 1) / 2
            guard r.hits.indices.contains(i) else { return [] }
            if i == r.cursor { return [.open(id: r.hits[i].id, search: r.query)] }
            r.cursor = i
            state.results = r
            return []
        }
        let i = state.top + y - 1
        guard state.rows.indices.contains(i) else { return [] }
        if i == state.cursor { return perform(&state, .open) }
        state.moveCursor(to: i)
        return []
    }
}

/// The feed list (`F`): every subscribed feed with its unread and total articles, over the view;
/// choosing one lists only its articles, as newsboat's feed list leads to a feed's articles.
extension LibraryView {
    /// What the status line says when there is no feed to list.
    static let noFeeds = "Chưa có bài nào từ nguồn tin — docbao feed add ĐỊA-CHỈ rồi docbao update"
    /// What an update (R) says when there is no subscription to update.
    public static let noSubscriptions = "Chưa đăng ký nguồn tin nào — docbao feed add ĐỊA-CHỈ để đăng ký"

    /// Opens the feed list (counted anew), its cursor on the line of `choice`.
    static func openFeedList(_ state: inout LibraryViewState, on choice: FeedChoice?) {
        let lines = state.catalog.feedCounts()
        guard !lines.isEmpty else {
            state.feedList = nil
            state.message = noFeeds
            return
        }
        var list = LibraryFeedList(lines: lines)
        list.cursor = lines.firstIndex { $0.choice == choice } ?? 0
        list.reveal(height: state.viewHeight)
        state.feedList = list
    }

    /// A key while the feed list is open: the view's movement keys move, its open key (Enter)
    /// chooses, its update key (R, as in newsboat's feed list) closes the list and updates every
    /// feed, any other key closes the list.
    static func feedListKey(_ state: inout LibraryViewState, _ key: Key) -> [LibraryEffect] {
        guard var list = state.feedList else { return [] }
        let action = state.keyMap.action(for: key)
        if let action, let to = target(action, cursor: list.cursor, count: list.lines.count, page: max(1, state.viewHeight - 1)) {
            list.cursor = to
            list.reveal(height: state.viewHeight)
            state.feedList = list
        } else if action == .open {
            chooseFeed(&state, list.lines[list.cursor])
        } else if action == .update {
            state.feedList = nil
            return perform(&state, .update)
        } else {
            state.feedList = nil
        }
        return []
    }

    /// A click on screen row `y` over the feed list: chooses the line there.
    static func clickFeed(_ state: inout LibraryViewState, row y: Int) {
        guard let list = state.feedList else { return }
        let i = list.top + y - 1
        guard y >= 1, list.lines.indices.contains(i) else {
            state.feedList = nil
            return
        }
        chooseFeed(&state, list.lines[i])
    }

    /// Lists the articles of `line`'s feed (every article for the first line), the cursor on the first.
    static func chooseFeed(_ state: inout LibraryViewState, _ line: LibraryFeedCount) {
        state.feedList = nil
        guard line.choice != state.feed else { return }
        state.feed = line.choice
        state.anchor = nil
        state.top = 0
        state.refresh()
        state.anchor = state.selectedEntry?.id
        state.message = line.choice == nil ? "Tất cả bài" : "Nguồn tin: \(line.name) · \(line.unread) bài chưa đọc"
    }
}

/// What a key asks the library view to do. Raw values name the actions (help, config).
public enum LibraryAction: String, CaseIterable, Sendable {
    case lineDown = "line-down"
    case lineUp = "line-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case halfPageDown = "half-page-down"
    case halfPageUp = "half-page-up"
    case top
    case bottom
    /// Open the article under the cursor (in the list or in the search results).
    case open
    /// Leave the results for the list, or clear the title filter.
    case back
    case filter
    case search
    case cycleSort = "cycle-sort"
    /// The feed list: every article, or one feed's, with their unread counts.
    case feeds
    /// Fetch every subscribed feed and add its new articles, as `docbao update` does.
    case update
    /// Remove the article under the cursor from the library, once confirmed.
    case remove
    /// The article under the cursor read ↔ unread (newsboat's N).
    case toggleRead = "toggle-read"
    /// Every unread article of the list shown marked read, once confirmed (newsboat's A).
    case markAllRead = "mark-all-read"
    case help
    case redraw
    case quit
}

/// The library view's key table.
public typealias LibraryKeyMap = KeyTable<LibraryAction>

extension LibraryAction: KeyAction {
    public static let defaultBindings: [KeyBinding<LibraryAction>] = [
        KeyBinding<LibraryAction>([.char("j"), .down], .lineDown, .library, "bài sau"),
        KeyBinding<LibraryAction>([.char("k"), .up], .lineUp, .library, "bài trước"),
        KeyBinding<LibraryAction>([.char(" "), .pageDown, .ctrl("f")], .pageDown, .library, "trang sau"),
        KeyBinding<LibraryAction>([.char("b"), .pageUp, .ctrl("b")], .pageUp, .library, "trang trước"),
        KeyBinding<LibraryAction>([.char("d")], .halfPageDown, .library, "nửa trang sau"),
        KeyBinding<LibraryAction>([.char("u")], .halfPageUp, .library, "nửa trang trước"),
        KeyBinding<LibraryAction>([.char("g"), .home], .top, .library, "đầu danh sách"),
        KeyBinding<LibraryAction>([.char("G"), .end], .bottom, .library, "cuối danh sách"),
        KeyBinding<LibraryAction>([.enter], .open, .library, "mở bài"),
        KeyBinding<LibraryAction>([.char("&"), .char("f")], .filter, .library, "lọc theo tên bài (gõ đến đâu lọc đến đó)"),
        KeyBinding<LibraryAction>([.char("/")], .search, .library, "tìm trong nội dung các bài"),
        KeyBinding<LibraryAction>([.escape], .back, .library, "bỏ lọc, rồi bỏ nguồn đã chọn; từ kết quả tìm về thư viện"),
        KeyBinding<LibraryAction>([.char("F")], .feeds, .library, "nguồn tin, số bài chưa đọc; Enter: chỉ xem bài của nguồn"),
        KeyBinding<LibraryAction>([.char("R")], .update, .library, "cập nhật mọi nguồn tin (như docbao update); bài mới có dấu ●"),
        KeyBinding<LibraryAction>([.char("N")], .toggleRead, .library, "đánh dấu đã đọc ↔ chưa đọc"),
        KeyBinding<LibraryAction>([.char("A")], .markAllRead, .library, "đánh dấu mọi bài trong danh sách là đã đọc (hỏi trước)"),
        KeyBinding<LibraryAction>([.char("s")], .cycleSort, .library, "sắp xếp: đọc gần đây → ngày đăng → tên bài"),
        KeyBinding<LibraryAction>([.char("D")], .remove, .library, "xoá bài khỏi thư viện (hỏi trước; tệp của bạn vẫn còn)"),
        KeyBinding<LibraryAction>([.char("?"), .char("h"), .function(1)], .help, .library, "trợ giúp"),
        KeyBinding<LibraryAction>([.ctrl("l")], .redraw, .library, "vẽ lại màn hình"),
        KeyBinding<LibraryAction>([.char("q")], .quit, .library, "thoát"),
    ]
}

extension KeyTable where Action == LibraryAction {
    /// The keys of the open prompt, for the help overlay.
    public static var promptKeys: [(keys: String, help: String)] {
        [
            ("Enter", "lọc: giữ bộ lọc · tìm: tìm trong các bài"),
            ("Esc", "lọc: bỏ bộ lọc · tìm: đóng ô tìm"),
        ] + PromptEditor.editingKeys + [("C-u", "xoá ô")]
    }

    /// The help overlay's lines: the key table, then the prompt's keys.
    public var helpLines: [(text: String, style: Style)] {
        var result = helpLines(keyColumn: 16, spaced: false)
        result.append(("Trong ô lọc và ô tìm", .helpTitle))
        for (keys, help) in Self.promptKeys { result.append((Self.helpLine(keys, help, keyColumn: 16), .normal)) }
        result.append(("Chuột: lăn để cuộn; bấm chọn bài, bấm lần nữa để mở.", .normal))
        return result
    }

    /// `helpLines` fitted to a screen `width` columns wide (wrapped, never cut: `HelpLines`).
    public func helpLines(width: Int) -> [(text: String, style: Style)] {
        HelpLines.fitted(helpLines, width: width - 2, helpColumn: 18)
    }

    /// The reminder on the status line.
    var hint: String {
        reminder([(.search, "tìm"), (.filter, "lọc"), (.cycleSort, "sắp xếp"), (.help, "trợ giúp"), (.quit, "thoát")])
    }

    /// The reminder when some articles come from feeds: the feed list and the update instead of the
    /// filter and the sort.
    var feedHint: String {
        reminder([(.search, "tìm"), (.feeds, "nguồn tin"), (.update, "cập nhật"), (.help, "trợ giúp"), (.quit, "thoát")])
    }
}

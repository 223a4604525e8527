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
    case help
    case redraw
    case quit
}

/// One binding of the library's key table: keys, action, help text.
public struct LibraryKeyBinding: Sendable {
    public var keys: [Key]
    public var action: LibraryAction
    public var help: String

    public init(_ keys: [Key], _ action: LibraryAction, _ help: String) {
        self.keys = keys
        self.action = action
        self.help = help
    }
}

/// The library's one key table: it drives dispatch and draws the help overlay.
public enum LibraryKeyMap {
    public static let bindings: [LibraryKeyBinding] = [
        LibraryKeyBinding([.char("j"), .down], .lineDown, "bài sau"),
        LibraryKeyBinding([.char("k"), .up], .lineUp, "bài trước"),
        LibraryKeyBinding([.char(" "), .pageDown, .ctrl("f")], .pageDown, "trang sau"),
        LibraryKeyBinding([.char("b"), .pageUp, .ctrl("b")], .pageUp, "trang trước"),
        LibraryKeyBinding([.char("d")], .halfPageDown, "nửa trang sau"),
        LibraryKeyBinding([.char("u")], .halfPageUp, "nửa trang trước"),
        LibraryKeyBinding([.char("g"), .home], .top, "đầu danh sách"),
        LibraryKeyBinding([.char("G"), .end], .bottom, "cuối danh sách"),
        LibraryKeyBinding([.enter], .open, "mở bài"),
        LibraryKeyBinding([.char("&"), .char("f")], .filter, "lọc theo tên bài (gõ đến đâu lọc đến đó)"),
        LibraryKeyBinding([.char("/")], .search, "tìm trong nội dung các bài"),
        LibraryKeyBinding([.escape], .back, "bỏ lọc; từ kết quả tìm về thư viện"),
        LibraryKeyBinding([.char("s")], .cycleSort, "sắp xếp: đọc gần đây → ngày đăng → tên bài"),
        LibraryKeyBinding([.char("?"), .char("h"), .function(1)], .help, "trợ giúp"),
        LibraryKeyBinding([.ctrl("l")], .redraw, "vẽ lại màn hình"),
        LibraryKeyBinding([.char("q")], .quit, "thoát"),
    ]

    /// The action bound to `key`.
    public static func action(for key: Key) -> LibraryAction? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// The keys of the open prompt, for the help overlay.
    public static let promptKeys: [(keys: String, help: String)] = [
        ("Enter", "lọc: giữ bộ lọc · tìm: tìm trong các bài"),
        ("Esc", "lọc: bỏ bộ lọc · tìm: đóng ô tìm"),
    ] + PromptEditor.editingKeys + [("C-u", "xoá ô")]

    /// The help overlay's lines: the key table, then the prompt's keys.
    public static var helpLines: [(text: String, style: Style)] {
        func line(_ keys: String, _ help: String) -> (String, Style) {
            ("  " + keys + String(repeating: " ", count: max(1, 16 - DisplayWidth.of(keys))) + help, .normal)
        }
        var result: [(String, Style)] = [("Thư viện — phím", .helpTitle)]
        for b in bindings { result.append(line(b.keys.map(\.name).joined(separator: " "), b.help)) }
        result.append(("Trong ô lọc và ô tìm", .helpTitle))
        for (keys, help) in promptKeys { result.append(line(keys, help)) }
        result.append(("Chuột: lăn để cuộn; bấm chọn bài, bấm lần nữa để mở.", .normal))
        return result
    }

    /// The reminder on the status line.
    static let hint = "/ tìm · & lọc · s sắp xếp · ? trợ giúp · q thoát"
}

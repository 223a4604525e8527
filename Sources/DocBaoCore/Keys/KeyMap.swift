/// The reader's key table.
public typealias KeyMap = KeyTable<Action>

extension KeyTable where Action == DocBaoCore.Action {
    /// The action bound to `key` when `focus` has the focus, sidebar-specific bindings first.
    public func action(for key: Key, focus: Focus) -> Action? {
        action(for: key, in: focus == .sidebar ? .sidebar : .article)
    }
}

extension Action: KeyAction {
    /// The help line says which keys scroll the help ("j/k cuộn") and that others close it.
    public static var helpSaysHowToScroll: Bool { true }

    /// less and vi conventions.
    public static let defaultBindings: [KeyBinding<Action>] = [
        KeyBinding<Action>([.char("j"), .down, .enter], .lineDown, .move, "xuống một dòng", in: .article),
        KeyBinding<Action>([.char("k"), .up], .lineUp, .move, "lên một dòng", in: .article),
        KeyBinding<Action>([.char(" "), .char("f"), .pageDown, .ctrl("f")], .pageDown, .move, "xuống một trang"),
        KeyBinding<Action>([.char("b"), .pageUp, .ctrl("b")], .pageUp, .move, "lên một trang"),
        KeyBinding<Action>([.char("d"), .ctrl("d")], .halfPageDown, .move, "xuống nửa trang"),
        KeyBinding<Action>([.char("u"), .ctrl("u")], .halfPageUp, .move, "lên nửa trang"),
        KeyBinding<Action>([.char("g"), .home, .char("<")], .top, .move, "về đầu bài"),
        KeyBinding<Action>([.char("G"), .end, .char(">")], .bottom, .move, "đến cuối bài"),
        KeyBinding<Action>([.char("]")], .nextSection, .sections, "mục tiếp theo"),
        KeyBinding<Action>([.char("[")], .previousSection, .sections, "mục trước"),
        KeyBinding<Action>([.tab, .backTab], .toggleFocus, .sections, "chuyển giữa mục lục và bài"),
        KeyBinding<Action>([.char("j"), .down], .sidebarDown, .sections, "mục lục: chọn mục dưới", in: .sidebar),
        KeyBinding<Action>([.char("k"), .up], .sidebarUp, .sections, "mục lục: chọn mục trên", in: .sidebar),
        KeyBinding<Action>([.enter, .char("l"), .right], .sidebarJump, .sections, "mục lục: đến mục đã chọn", in: .sidebar),
        KeyBinding<Action>([.char("s")], .toggleSidebar, .sections, "ẩn/hiện mục lục"),
        KeyBinding<Action>([.char("/")], .searchForward, .search, "tìm xuôi (gõ không dấu cũng được)"),
        KeyBinding<Action>([.char("?")], .searchBackward, .search, "tìm ngược"),
        KeyBinding<Action>([.char("n")], .nextMatch, .search, "kết quả tiếp theo"),
        KeyBinding<Action>([.char("N")], .previousMatch, .search, "kết quả trước"),
        KeyBinding<Action>([.escape], .clearSearch, .search, "bỏ tô sáng kết quả"),
        KeyBinding<Action>([.char("m")], .setMark, .marks, "đánh dấu chỗ đang đọc (m rồi một chữ cái)"),
        KeyBinding<Action>([.char("'")], .goToMark, .marks, "đến dấu (' rồi chữ cái; '' về chỗ trước cú nhảy)"),
        KeyBinding<Action>([.char("M")], .listMarks, .marks, "danh sách dấu trang"),
        KeyBinding<Action>([.char("o")], .listLinks, .other, "liên kết của bài: Enter mở, y chép"),
        KeyBinding<Action>([.char("O")], .openAddress, .other, "mở địa chỉ của bài trong trình duyệt"),
        KeyBinding<Action>([.char("y")], .copyAddress, .other, "chép địa chỉ của bài (OSC 52)"),
        KeyBinding<Action>([.char("L")], .library, .other, "thư viện"),
        KeyBinding<Action>([.char("J")], .nextArticle, .other, "bài sau trong danh sách của thư viện"),
        KeyBinding<Action>([.char("K")], .previousArticle, .other, "bài trước trong danh sách của thư viện"),
        KeyBinding<Action>([.char("U")], .nextUnread, .other, "bài chưa đọc tiếp theo trong danh sách"),
        KeyBinding<Action>([.char(":")], .fileCommand, .other, ":n tệp sau, :p tệp trước (khi mở nhiều tệp)"),
        KeyBinding<Action>([.char("h"), .function(1), .char("H")], .help, .other, "trợ giúp"),
        KeyBinding<Action>([.ctrl("l"), .char("r")], .redraw, .other, "vẽ lại màn hình"),
        KeyBinding<Action>([.char("q"), .char("Q")], .quit, .other, "thoát"),
    ]
}

/// One key binding: the keys, the action they trigger, where, and the help text that describes it.
public struct KeyBinding: Sendable {
    /// Where a binding applies: with the article focused, with the sidebar focused, or both.
    public enum Context: Hashable, Sendable { case any, article, sidebar }
    /// The help screen's groups, in display order.
    public enum Group: String, CaseIterable, Sendable {
        case move = "Di chuyển"
        case sections = "Mục lục"
        case search = "Tìm kiếm"
        case marks = "Dấu trang"
        case other = "Khác"
    }

    public var keys: [Key]
    public var action: Action
    public var context: Context
    public var group: Group
    public var help: String

    public init(_ keys: [Key], _ action: Action, _ group: Group, _ help: String, in context: Context = .any) {
        self.keys = keys
        self.action = action
        self.context = context
        self.group = group
        self.help = help
    }
}

/// The one table of key bindings: it drives dispatch and draws the help screen.
public struct KeyMap: Sendable {
    public var bindings: [KeyBinding]

    public init(bindings: [KeyBinding] = KeyMap.defaultBindings) {
        self.bindings = bindings
    }

    /// The action bound to `key` when `focus` has the focus, sidebar-specific bindings first.
    public func action(for key: Key, focus: Focus) -> Action? {
        let specific: KeyBinding.Context = focus == .sidebar ? .sidebar : .article
        if let b = bindings.first(where: { $0.context == specific && $0.keys.contains(key) }) { return b.action }
        return bindings.first(where: { $0.context == .any && $0.keys.contains(key) })?.action
    }

    /// The table with each overridden action bound to exactly the given keys (in every context the
    /// action has). A key taken by an override is removed from the other actions of the same
    /// context, so the user's binding wins.
    public func remapped(_ overrides: [(action: Action, keys: [Key])]) -> KeyMap {
        var result = bindings
        for (action, keys) in overrides {
            let contexts = Set(result.filter { $0.action == action }.map(\.context))
            let taken = Set(keys)
            for i in result.indices {
                if result[i].action == action {
                    result[i].keys = keys
                } else if contexts.contains(result[i].context) || contexts.contains(.any) {
                    result[i].keys.removeAll { taken.contains($0) }
                }
            }
        }
        return KeyMap(bindings: result)
    }

    /// less and vi conventions.
    public static let defaultBindings: [KeyBinding] = [
        KeyBinding([.char("j"), .down, .enter], .lineDown, .move, "xuống một dòng", in: .article),
        KeyBinding([.char("k"), .up], .lineUp, .move, "lên một dòng", in: .article),
        KeyBinding([.char(" "), .char("f"), .pageDown, .ctrl("f")], .pageDown, .move, "xuống một trang"),
        KeyBinding([.char("b"), .pageUp, .ctrl("b")], .pageUp, .move, "lên một trang"),
        KeyBinding([.char("d"), .ctrl("d")], .halfPageDown, .move, "xuống nửa trang"),
        KeyBinding([.char("u"), .ctrl("u")], .halfPageUp, .move, "lên nửa trang"),
        KeyBinding([.char("g"), .home, .char("<")], .top, .move, "về đầu bài"),
        KeyBinding([.char("G"), .end, .char(">")], .bottom, .move, "đến cuối bài"),
        KeyBinding([.char("]")], .nextSection, .sections, "mục tiếp theo"),
        KeyBinding([.char("[")], .previousSection, .sections, "mục trước"),
        KeyBinding([.tab, .backTab], .toggleFocus, .sections, "chuyển giữa mục lục và bài"),
        KeyBinding([.char("j"), .down], .sidebarDown, .sections, "mục lục: chọn mục dưới", in: .sidebar),
        KeyBinding([.char("k"), .up], .sidebarUp, .sections, "mục lục: chọn mục trên", in: .sidebar),
        KeyBinding([.enter, .char("l"), .right], .sidebarJump, .sections, "mục lục: đến mục đã chọn", in: .sidebar),
        KeyBinding([.char("s")], .toggleSidebar, .sections, "ẩn/hiện mục lục"),
        KeyBinding([.char("/")], .searchForward, .search, "tìm xuôi (gõ không dấu cũng được)"),
        KeyBinding([.char("?")], .searchBackward, .search, "tìm ngược"),
        KeyBinding([.char("n")], .nextMatch, .search, "kết quả tiếp theo"),
        KeyBinding([.char("N")], .previousMatch, .search, "kết quả trước"),
        KeyBinding([.escape], .clearSearch, .search, "bỏ tô sáng kết quả"),
        KeyBinding([.char("m")], .setMark, .marks, "đánh dấu chỗ đang đọc (m rồi một chữ cái)"),
        KeyBinding([.char("'")], .goToMark, .marks, "đến dấu (' rồi chữ cái; '' về chỗ trước cú nhảy)"),
        KeyBinding([.char("M")], .listMarks, .marks, "danh sách dấu trang"),
        KeyBinding([.char("L")], .library, .other, "thư viện"),
        KeyBinding([.char("h"), .function(1), .char("H")], .help, .other, "trợ giúp (j/k cuộn, phím khác để đóng)"),
        KeyBinding([.ctrl("l"), .char("r")], .redraw, .other, "vẽ lại màn hình"),
        KeyBinding([.char("q"), .char("Q")], .quit, .other, "thoát"),
    ]
}

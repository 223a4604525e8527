/// What a screen's keys can ask for. Raw values are the names in the help screen and the config
/// file; every screen's actions can move a line down and up (which also scroll its help) and show
/// the help.
public protocol KeyAction: RawRepresentable<String>, CaseIterable, Hashable, Sendable {
    static var lineDown: Self { get }
    static var lineUp: Self { get }
    static var help: Self { get }
    /// The screen's keys as they are until the config file says otherwise.
    static var defaultBindings: [KeyBinding<Self>] { get }
    /// Whether the help screen's line for `help` says which keys scroll it and that others close it.
    static var helpSaysHowToScroll: Bool { get }
}

extension KeyAction {
    public static var helpSaysHowToScroll: Bool { false }
}

/// Where a binding applies: with the article focused, with the sidebar focused, or both (the
/// library view has one focus: all its bindings are `any`).
public enum KeyContext: Hashable, Sendable { case any, article, sidebar }

/// A titled group of bindings in a help screen.
public struct KeyGroup: Hashable, Sendable {
    public var title: String

    public init(_ title: String) { self.title = title }

    public static let move = KeyGroup("Di chuyển")
    public static let sections = KeyGroup("Mục lục")
    public static let search = KeyGroup("Tìm kiếm")
    public static let marks = KeyGroup("Dấu trang")
    public static let other = KeyGroup("Khác")
    public static let library = KeyGroup("Thư viện — phím")
}

/// One key binding: the keys, the action they trigger, where, and the help text that describes it.
/// (`Action` is any sendable type here, a `KeyAction` where bindings are used: see `KeyTable`.)
public struct KeyBinding<Action: Sendable>: Sendable {
    public var keys: [Key]
    public var action: Action
    public var context: KeyContext
    public var group: KeyGroup
    public var help: String

    public init(_ keys: [Key], _ action: Action, _ group: KeyGroup, _ help: String, in context: KeyContext = .any) {
        self.keys = keys
        self.action = action
        self.context = context
        self.group = group
        self.help = help
    }
}

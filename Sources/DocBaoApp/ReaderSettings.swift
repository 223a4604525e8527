import DocBaoCore

/// How every article is read: the settings from the command line and the config file.
public struct ReaderSettings {
    public var readingWidth = 80
    /// How the search prompt starts: matching options, input method, tone placement.
    public var promptDefaults = Prompt.Defaults()
    /// Whether the sidebar shows at start.
    public var sidebar = true
    /// Whether the copy key may set the clipboard (OSC 52).
    public var copy = CopyMethod.off
    /// Where OSC 52 goes: the terminal (tests catch it here).
    public var writeToTerminal: @Sendable (String) -> Void = Clipboard.writeToTerminal
    /// The browser's environment ($BROWSER).
    public var environment: [String: String]? = nil
    /// Where the reading column stands on a wide screen.
    public var align = ColumnAlign.center
    public var keyMap = KeyMap()
    /// The library view's keys.
    public var libraryKeyMap = LibraryKeyMap()
    /// Whether y in the links list copies to the terminal's clipboard (OSC 52): off unless the
    /// config says so, since it writes to the clipboard of the machine the terminal runs on.
    public var copyLinks = false

    public init(readingWidth: Int = 80, promptDefaults: Prompt.Defaults = Prompt.Defaults(), sidebar: Bool = true, align: ColumnAlign = .center,
                keyMap: KeyMap = KeyMap(), libraryKeyMap: LibraryKeyMap = LibraryKeyMap(), copyLinks: Bool = false) {
        self.copyLinks = copyLinks
        self.readingWidth = readingWidth
        self.promptDefaults = promptDefaults
        self.sidebar = sidebar
        self.align = align
        self.keyMap = keyMap
        self.libraryKeyMap = libraryKeyMap
    }
}

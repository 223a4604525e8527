import DocBaoCore
import DocBaoLoading

/// How every article is read: the settings from the command line and the config file.
public struct ReaderSettings {
    public var readingWidth = 80
    /// How the search prompt starts: matching options, input method, tone placement.
    public var promptDefaults = Prompt.Defaults()
    /// Whether the sidebar shows at start.
    public var sidebar = true
    /// Whether y may set the terminal's clipboard (OSC 52), for the article's address and for a
    /// link in the links list alike: off unless the config says so, since it writes to the clipboard
    /// of the machine the terminal runs on.
    public var copy = CopyMethod.off
    /// The browser that opens addresses and links (`$BROWSER`; `xdg-open` when nil).
    public var browser: String? = Environment.value("BROWSER")
    /// Where the reading column stands on a wide screen.
    public var align = ColumnAlign.center
    public var keyMap = KeyMap()
    /// The library view's keys.
    public var libraryKeyMap = LibraryKeyMap()

    public init(readingWidth: Int = 80, promptDefaults: Prompt.Defaults = Prompt.Defaults(), sidebar: Bool = true, align: ColumnAlign = .center,
                keyMap: KeyMap = KeyMap(), libraryKeyMap: LibraryKeyMap = LibraryKeyMap()) {
        self.readingWidth = readingWidth
        self.promptDefaults = promptDefaults
        self.sidebar = sidebar
        self.align = align
        self.keyMap = keyMap
        self.libraryKeyMap = libraryKeyMap
    }
}

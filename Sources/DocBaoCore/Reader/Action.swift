/// What a key asks the reader to do. Raw values are the names used in the help screen and config.
public enum Action: String, CaseIterable, Sendable {
    case lineDown = "line-down"
    case lineUp = "line-up"
    case pageDown = "page-down"
    case pageUp = "page-up"
    case halfPageDown = "half-page-down"
    case halfPageUp = "half-page-up"
    case top
    case bottom
    case nextSection = "next-section"
    case previousSection = "previous-section"
    case toggleFocus = "toggle-focus"
    case toggleSidebar = "toggle-sidebar"
    case sidebarDown = "sidebar-down"
    case sidebarUp = "sidebar-up"
    case sidebarJump = "sidebar-jump"
    case searchForward = "search-forward"
    case searchBackward = "search-backward"
    case nextMatch = "next-match"
    case previousMatch = "previous-match"
    case clearSearch = "clear-search"
    /// m then a letter: marks the reading position.
    case setMark = "set-mark"
    /// ' then a letter: back to that mark; '' back to where the last big jump started.
    case goToMark = "go-to-mark"
    /// The bookmarks list.
    case listMarks = "list-marks"
    /// The article's address, in the browser ($BROWSER, else xdg-open).
    case openAddress = "open-address"
    /// The article's address to the clipboard (OSC 52, when `[reader] copy` allows it).
    case copyAddress = "copy-address"
    /// The article's links (a web page's), to open in a browser or copy.
    case listLinks = "list-links"
    /// The article library: the program decides what opening it means.
    case library
    /// : then n or p, as in less: the next or the previous of the files named on the command line.
    case fileCommand = "file-command"
    /// The next and the previous article of the library's list the article was opened from.
    case nextArticle = "next-article"
    case previousArticle = "previous-article"
    /// The next article of that list never opened.
    case nextUnread = "next-unread"
    case help
    case redraw
    case quit
}

/// Everything that changes the reader's state: an action from a key, or an event with a payload.
public enum Message: Equatable, Sendable {
    case action(Action)
    /// Scroll the article by a number of lines (mouse wheel).
    case scroll(Int)
    /// Jump to section `index` (a click in the sidebar).
    case jumpToSection(Int)
    case resize(Size)
    /// Any key while the help screen is shown.
    case dismissHelp
    /// A key typed into the open search prompt.
    case promptKey(Key)
    /// Something the program has to tell the reader (an effect that failed…), on the status line.
    case notice(String)
    /// The whole article, imported in the background, replaces the preview the reader opened with.
    case articleLoaded(Article)
    /// The key after m or ' (the letter of a mark).
    case markKey(Key)
    /// A key while the bookmarks list is open.
    case marksListKey(Key)
    /// A key while the section pop-up is open.
    case sectionListKey(Key)
    /// A key while the links list is open.
    case linksListKey(Key)
    /// Bring the view up to date with the prompt before a frame (its search runs once the keys typed
    /// so far are all in). Changes nothing else: the status line's message stays.
    case settle
    /// A terminating signal arrived: the run ends (`Effect.signalled`).
    case signal(Int32)
    /// What `Effect.scanMiddle` found in the file: the first match, and the text around it.
    case middleFound(MiddleHit)
}

/// Work the reducer asks the program to do outside the pure core.
public enum Effect: Equatable, Sendable {
    case quit
    /// Clear and repaint the whole terminal (Ctrl-L).
    case redrawAll
    /// Keep the search history (oldest first) for the next run.
    case saveHistory([String])
    /// Keep the marks (letter → source offset, as in `ReaderState.marks`): they changed.
    case saveMarks([Character: Int])
    /// The reader asked for the library (L); the reader itself stays open until the program acts.
    case openLibrary
    /// Open this address in the browser.
    case openAddress(String)
    /// Put this address on the clipboard.
    case copyAddress(String)
    /// :n (+1) or :p (-1): the next or the previous file named on the command line.
    case switchFile(Int)
    /// J, K or U: open the article `list.current`, the reader moved there in the list.
    case openArticle(ArticleList)
    /// Open this address in the user's browser (`$BROWSER`, else `xdg-open`).
    case openLink(String)
    /// Put this address on the terminal's clipboard (OSC 52); only when the config allows copying.
    case copyLink(String)
    /// End the run because of a terminating signal (the program exits with 128 + its number).
    case signalled(Int32)
    /// Search the part of a huge file not placed yet (`Reader+Middle`); a match comes back as
    /// `Message.middleFound`.
    case scanMiddle(MiddleScan)
}

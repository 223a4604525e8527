/// Where things go on a screen of a given size: sidebar, article pane, reading column, status line.
public struct Geometry: Equatable, Sendable {
    /// Below this many columns the sidebar hides itself, whatever the user asked.
    public static let minimumWidthForSidebar = 72

    public var size: Size
    /// Columns of the sidebar, its border excluded; 0 when hidden.
    public var sidebarWidth: Int
    /// First column of the article pane.
    public var paneX: Int
    /// First column of the reading column (inside the pane) and its width.
    public var columnX: Int
    public var columnWidth: Int
    /// Rows of the article pane (and of the sidebar): the screen less the status line.
    public var viewHeight: Int

    public init(size: Size, sidebarWanted: Bool, readingWidth: Int, align: ColumnAlign = .center) {
        self.size = size
        let showSidebar = sidebarWanted && size.width >= Geometry.minimumWidthForSidebar && size.height >= 3
        sidebarWidth = showSidebar ? min(34, max(22, size.width / 4)) : 0
        paneX = showSidebar ? sidebarWidth + 1 : 0
        let paneWidth = max(0, size.width - paneX)
        let margin = paneWidth >= 40 ? 2 : (paneWidth >= 12 ? 1 : 0)
        columnWidth = max(1, min(readingWidth, paneWidth - 2 * margin))
        // On a wide screen the column stands in the middle of the pane, as a page does, instead of
        // leaving the right half empty.
        let spare = align == .center ? max(0, paneWidth - 2 * margin - columnWidth) / 2 : 0
        columnX = paneX + margin + spare
        viewHeight = max(0, size.height - 1)
    }

    public var showsSidebar: Bool { sidebarWidth > 0 }
    /// Lines a page scroll moves: the view less one line of context, as in less.
    public var page: Int { max(1, viewHeight - 1) }
}

/// Where the reading column stands in a pane wider than it (`[reader] align`).
public enum ColumnAlign: String, CaseIterable, Sendable {
    case center, left
}

/// The sidebar's rows: a header, then each section's label on at most two lines (the second indented), scrolled so
/// that the highlighted entry (the cursor when focused, else the current section) is in view.
public struct SidebarLayout {
    public struct Row: Equatable {
        public var section: Int
        public var text: Substring
        /// Whether this row is the first line of its entry (it carries the marker).
        public var first: Bool
        /// Columns between the marker and the text: the section's level, and two more for the
        /// second line of an entry so it hangs under the first.
        public var indent: Int
    }

    /// Rows shown, from the sidebar's second screen row down (the first is the header).
    public let visible: [Row]
    /// The first screen row used by entries.
    public static let firstRow = 1

    public init(state: ReaderState) {
        let g = state.geometry
        let textWidth = max(1, g.sidebarWidth - 3)
        var rows: [Row] = []
        var highlightRow = 0
        let highlighted = state.focus == .sidebar ? state.sidebarCursor : (state.currentSection ?? 0)
        for (i, section) in state.article.sections.enumerated() {
            if i == highlighted { highlightRow = rows.count }
            let indent = min(section.level, 2) * 2
            let label = section.label
            // The first line as wrapped; the rest of the label on a second, hanging line, cut with "…".
            let first = Wrapper.wrap(label, width: max(1, textWidth - indent))[0]
            let utf8 = label.utf8
            let cut = utf8.index(utf8.startIndex, offsetBy: first.visibleEnd)
            rows.append(Row(section: i, text: label[..<cut], first: true, indent: indent))
            let rest = label[utf8.index(utf8.startIndex, offsetBy: first.end)...]
            if !rest.isEmpty { rows.append(Row(section: i, text: rest, first: false, indent: indent + 2)) }
        }
        let capacity = max(0, g.viewHeight - SidebarLayout.firstRow)
        var start = 0
        if rows.count > capacity {
            start = max(0, min(highlightRow - capacity / 3, rows.count - capacity))
        }
        visible = Array(rows[start..<min(rows.count, start + capacity)])
    }

    /// The section whose entry is drawn on screen row `row`, if any.
    public func section(atRow row: Int) -> Int? {
        let i = row - SidebarLayout.firstRow
        return visible.indices.contains(i) ? visible[i].section : nil
    }
}

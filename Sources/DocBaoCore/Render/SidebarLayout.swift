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

    /// Lays out only the entries around the highlighted one: a screenful before and after it, so a
    /// frame costs the same with 10 sections or 100,000.
    public init(state: ReaderState) {
        let g = state.geometry
        let textWidth = max(1, g.sidebarWidth - 3)
        let sections = state.article.sections
        let capacity = max(0, g.viewHeight - SidebarLayout.firstRow)
        let highlighted = min(state.focus == .sidebar ? state.sidebarCursor : (state.currentSection ?? 0),
                              max(0, sections.count - 1))
        func rows(_ i: Int) -> [Row] {
            let section = sections[i]
            let indent = min(section.level, 2) * 2
            let label = section.label
            // The first line as wrapped; the rest of the label on a second, hanging line, cut with "…".
            let first = Wrapper.wrap(label, width: max(1, textWidth - indent))[0]
            let utf8 = label.utf8
            let cut = utf8.index(utf8.startIndex, offsetBy: first.visibleEnd)
            var result = [Row(section: i, text: label[..<cut], first: true, indent: indent)]
            let rest = label[utf8.index(utf8.startIndex, offsetBy: first.end)...]
            if !rest.isEmpty { result.append(Row(section: i, text: rest, first: false, indent: indent + 2)) }
            return result
        }
        var after: [Row] = []
        var i = highlighted
        while i < sections.count && after.count < capacity { after += rows(i); i += 1 }
        var before: [Row] = []
        i = highlighted - 1
        while i >= 0 && before.count < capacity { before.insert(contentsOf: rows(i), at: 0); i -= 1 }
        let all = before + after
        // The highlighted entry a third of the way down, or the list's end at the bottom.
        let start = max(0, min(before.count - capacity / 3, all.count - capacity))
        visible = Array(all[start..<min(all.count, start + capacity)])
    }

    /// The section whose entry is drawn on screen row `row`, if any.
    public func section(atRow row: Int) -> Int? {
        let i = row - SidebarLayout.firstRow
        return visible.indices.contains(i) ? visible[i].section : nil
    }
}

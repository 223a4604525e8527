/// Draws the library view into a `Frame`: a header, one row per article on screen (only those are
/// formatted), the search results, the help overlay, and the status line.
///
/// Styles: the header `.sidebarHeader`, the selected row `.sidebarCursor`, the unread mark
/// `.heading`, details (source, date, time, progress) `.source`, result titles `.title`, matches
/// in snippets `.match` (`.currentMatch` on the selected hit).
public enum LibraryRenderer {
    public static let emptyLibrary = "Thư viện trống — docbao add TỆP|THƯ-MỤC để thêm bài"

    public static func render(_ state: LibraryViewState) -> Frame {
        var frame = Frame(size: state.size)
        let size = frame.size
        guard size.width > 0, size.height > 0 else { return frame }
        if size.height >= 2 {
            if state.showingHelp {
                drawHelp(state, into: &frame)
            } else if let list = state.feedList {
                drawFeeds(list, state, into: &frame)
            } else if state.mode == .results || (state.mode == .search && state.results != nil) {
                drawResults(state, into: &frame)
            } else {
                drawHeader(state, into: &frame)
                drawList(state, into: &frame)
            }
        }
        LibraryStatusLine.draw(state, into: &frame)
        return frame
    }

    /// "Thư viện · 312 bài · 5 chưa đọc" (a feed's name when one is chosen) on the left, the sort on the right.
    static func drawHeader(_ state: LibraryViewState, into frame: inout Frame) {
        let width = frame.size.width
        frame.fill(x: 0, y: 0, width: width, style: .sidebarHeader)
        let count = state.filter.isEmpty ? "\(state.scopeCount) bài" : "\(state.rows.count)/\(state.scopeCount) bài"
        let unread = state.unreadCount > 0 ? " · \(state.unreadCount) chưa đọc" : ""
        let left = " \(oneLine(state.scopeName)) · \(count)"
        let right = "xếp: \(state.sort.label) "
        let rightWidth = DisplayWidth.of(right)
        // On a narrow screen the unread count goes first, then the sort.
        if let shown = [left + unread, left].first(where: { width >= DisplayWidth.of($0) + rightWidth + 2 }) {
            frame.put(shown, x: 0, y: 0, style: .sidebarHeader)
            frame.put(right, x: width - rightWidth, y: 0, style: .sidebarHeader)
        } else {
            frame.putTruncated(left, x: 0, y: 0, maxWidth: width, style: .sidebarHeader)
        }
    }

    static func drawList(_ state: LibraryViewState, into frame: inout Frame) {
        let height = state.viewHeight
        guard height > 0 else { return }
        if state.rows.isEmpty {
            let text = state.entries.isEmpty ? emptyLibrary : "Không có bài nào khớp “\(state.filter)” (Esc: bỏ lọc)"
            let y = min(2, height)
            let room = frame.size.width - 2
            if DisplayWidth.of(text) > room, let dash = text.range(of: " — ") ?? text.range(of: " ("), y < height {
                // Two lines on a narrow screen: what happened, then what to do.
                frame.putTruncated(text[..<dash.lowerBound], x: 1, y: y, maxWidth: room, style: .normal)
                let rest = text[dash.lowerBound...].drop { $0 == " " || $0 == "—" }
                frame.putTruncated(rest, x: 1, y: y + 1, maxWidth: room, style: .normal)
            } else {
                frame.putTruncated(text, x: 1, y: y, maxWidth: room, style: .normal)
            }
            return
        }
        let columns = LibraryColumns(width: frame.size.width)
        let end = min(state.rows.count, state.top + height)
        for i in state.top..<max(state.top, end) {
            drawRow(state.entry(atRow: i), y: 1 + i - state.top, selected: i == state.cursor, columns, into: &frame)
        }
    }

    /// One article: mark, title, source, date, reading time, progress.
    static func drawRow(_ entry: LibraryEntry, y: Int, selected: Bool, _ c: LibraryColumns, into frame: inout Frame) {
        func style(_ s: Style) -> Style { selected ? .sidebarCursor : s }
        if selected { frame.fill(x: 0, y: y, width: frame.size.width, style: .sidebarCursor) }
        if entry.isUnread { frame.put("●", x: c.markX, y: y, maxWidth: 1, style: style(.heading)) }
        frame.putTruncated(oneLine(entry.title), x: c.title.x, y: y, maxWidth: c.title.width, style: style(.normal))
        if let col = c.source, let source = entry.source {
            frame.putTruncated(oneLine(source), x: col.x, y: y, maxWidth: col.width, style: style(.source))
        }
        if let col = c.date, let date = entry.date {
            let label = LibraryDate.parse(date)?.label ?? oneLine(date)
            frame.putTruncated(label, x: col.x, y: y, maxWidth: col.width, style: style(.source))
        }
        if let col = c.time { putRight(entry.readingTime, col, y: y, style: style(.source), into: &frame) }
        if let col = c.progress { putRight(entry.progressLabel, col, y: y, style: style(.source), into: &frame) }
    }

    /// `text` right-aligned in `column`.
    static func putRight(_ text: String, _ column: LibraryColumns.Column, y: Int, style: Style, into frame: inout Frame) {
        let w = DisplayWidth.of(text)
        frame.putTruncated(text, x: column.x + max(0, column.width - w), y: y, maxWidth: column.width, style: style)
    }

    /// Text for one screen row: line breaks and tabs become spaces (entries should hold none).
    static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        return String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
    }

    static func drawHelp(_ state: LibraryViewState, into frame: inout Frame) {
        let all = state.keyMap.helpLines(width: frame.size.width)
        let height = max(0, frame.size.height - 1)
        let start = max(0, min(state.helpScroll, all.count - height))
        for (row, line) in all.dropFirst(start).prefix(height).enumerated() {
            let written = frame.put(line.text, x: 1, y: row, maxWidth: frame.size.width - 1, style: line.style)
            if line.style == .normal, HelpLines.startsWithKeys(line.text) {
                frame.fill(x: 1, y: row, width: min(written, 18), style: .helpKey)
            }
        }
    }
}

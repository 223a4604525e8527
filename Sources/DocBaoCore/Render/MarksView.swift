/// The bookmarks list, drawn over the article like the help screen: one row per mark, in reading
/// order, with its letter, how far through the article it is, its section and the text it marks.
enum MarksView {
    /// What the list says when there is no mark yet.
    static let empty = "Chưa có dấu trang nào — m rồi một chữ cái để đánh dấu"

    static func draw(_ state: ReaderState, into frame: inout Frame) {
        let width = state.geometry.size.width
        let height = state.geometry.viewHeight
        guard width > 0, height > 0 else { return }
        // A title and a blank row when there is room for them and a mark or two.
        let header = height >= 4 ? 2 : 0
        if header > 0 { frame.putTruncated("Dấu trang", x: 1, y: 0, maxWidth: width - 1, style: .helpTitle) }
        let entries = Reader.markEntries(state)
        guard !entries.isEmpty else {
            frame.putTruncated(empty, x: 1, y: header, maxWidth: width - 1, style: .normal)
            return
        }
        let rows = height - header
        let cursor = min(state.marksList?.cursor ?? 0, entries.count - 1)
        let first = cursor >= rows ? cursor - rows + 1 : 0
        // Columns: letter, percentage, section label (a third of what is left), then the text.
        let labelWidth = min(32, max(0, (width - 12) / 3))
        for (i, entry) in entries.dropFirst(first).prefix(rows).enumerated() {
            let y = header + i
            let isCursor = first + i == cursor
            let style: Style = isCursor ? .sidebarCursor : .normal
            frame.put(isCursor ? "▶" : " ", x: 0, y: y, maxWidth: 1, style: style)
            frame.put(String(entry.letter), x: 2, y: y, maxWidth: max(0, width - 2), style: isCursor ? style : .helpKey)
            let percent = entry.percent.map { "\($0)%" } ?? "…"
            let pad = String(repeating: " ", count: max(0, 4 - DisplayWidth.of(percent)))
            frame.put(pad + percent, x: 4, y: y, maxWidth: max(0, width - 4), style: style)
            let textX: Int
            if labelWidth >= 8 {
                frame.putTruncated(entry.section, x: 10, y: y, maxWidth: min(labelWidth, width - 10), style: isCursor ? style : .heading)
                textX = 10 + labelWidth + 2
            } else {
                textX = 10
            }
            frame.putTruncated(entry.text, x: textX, y: y, maxWidth: width - textX, style: style)
            if isCursor { frame.fill(x: 0, y: y, width: width, style: style) }
        }
    }
}

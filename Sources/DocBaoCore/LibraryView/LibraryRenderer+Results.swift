/// The full-text search results: a header with the query, then two rows per hit (title and count,
/// then the snippet with the matched words highlighted).
extension LibraryRenderer {
    static func drawResults(_ state: LibraryViewState, into frame: inout Frame) {
        guard let r = state.results else { return }
        let width = frame.size.width
        frame.fill(x: 0, y: 0, width: width, style: .sidebarHeader)
        frame.putTruncated(" “\(oneLine(r.query.query))”: \(r.hits.count) bài", x: 0, y: 0, maxWidth: width, style: .sidebarHeader)
        let height = state.viewHeight
        guard height > 0 else { return }
        var y = 1
        var i = r.top
        while i < r.hits.count && y <= height {
            let hit = r.hits[i]
            let selected = i == r.cursor
            drawHitTitle(hit, y: y, selected: selected, into: &frame)
            if y + 1 <= height { drawSnippet(hit, y: y + 1, selected: selected, into: &frame) }
            y += 2
            i += 1
        }
    }

    /// " Title…   baochinhphu.vn  12 kết quả"
    static func drawHitTitle(_ hit: LibraryHit, y: Int, selected: Bool, into frame: inout Frame) {
        let width = frame.size.width
        if selected { frame.fill(x: 0, y: y, width: width, style: .sidebarCursor) }
        let count = "\(hit.hits) kết quả"
        var right = count
        if let source = hit.source, width >= 80 { right = oneLine(source) + "  " + count }
        let rightWidth = DisplayWidth.of(right)
        let showRight = width >= rightWidth + 2 + LibraryColumns.minimumTitle
        let titleWidth = showRight ? width - rightWidth - 4 : width - 2
        frame.putTruncated(oneLine(hit.title), x: 1, y: y, maxWidth: titleWidth, style: selected ? .sidebarCursor : .title)
        if showRight { frame.put(right, x: width - rightWidth - 1, y: y, style: selected ? .sidebarCursor : .source) }
    }

    /// The snippet, indented, shifted left when needed so its first match shows; matches highlighted.
    static func drawSnippet(_ hit: LibraryHit, y: Int, selected: Bool, into frame: inout Frame) {
        let x0 = 3
        let room = frame.size.width - x0 - 1
        guard room > 0 else { return }
        if selected { frame.fill(x: 0, y: y, width: frame.size.width, style: .sidebarCursor) }
        // Characters with their UTF-8 offsets and widths.
        var chars: [(c: Character, offset: Int, width: Int)] = []
        var offset = 0
        for c in hit.snippet {
            let shown: Character = c.unicodeScalars.first.map { $0.value < 0x20 || $0.value == 0x7F } == true ? " " : c
            chars.append((shown, offset, DisplayWidth.of(shown)))
            offset += c.utf8.count
        }
        let firstMatch = hit.highlights.map(\.lowerBound).min() ?? 0
        // Columns before the first match; skip from the start until it sits a third of the way in.
        var start = 0
        var before = chars.prefix { $0.offset < firstMatch }.reduce(0) { $0 + $1.width }
        let total = chars.reduce(0) { $0 + $1.width }
        if total > room {
            while start < chars.count && before > room / 3 {
                before -= chars[start].width
                start += 1
            }
        }
        var col = x0
        if start > 0 {
            frame.put("…", x: col, y: y, maxWidth: 1, style: selected ? .sidebarCursor : .normal)
            col += 1
        }
        let base: Style = selected ? .sidebarCursor : .normal
        let mark: Style = selected ? .currentMatch : .match
        for k in start..<chars.count {
            let ch = chars[k]
            let last = k == chars.count - 1
            // Keep one column for "…" when more follows.
            if col + ch.width > x0 + room - (last ? 0 : 1) {
                if !last || col + ch.width > x0 + room { frame.put("…", x: col, y: y, maxWidth: 1, style: base) }
                break
            }
            let highlighted = hit.highlights.contains { $0.contains(ch.offset) }
            frame.put(String(ch.c), x: col, y: y, maxWidth: ch.width, style: highlighted ? mark : base)
            col += ch.width
        }
    }
}

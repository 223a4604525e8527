/// The links list, drawn over the article like the bookmarks: one row per link, its number as
/// the text shows it ("[3]"), its words, then its address.
enum LinksView {
    static func draw(_ state: ReaderState, into frame: inout Frame) {
        let width = state.geometry.size.width
        let height = state.geometry.viewHeight
        let links = state.article.links
        guard width > 0, height > 0, !links.isEmpty else { return }
        let header = height >= 4 ? 2 : 0
        if header > 0 { frame.putTruncated("Liên kết (\(links.count))", x: 1, y: 0, maxWidth: width - 1, style: .helpTitle) }
        let rows = height - header
        let cursor = min(state.linksList?.cursor ?? 0, links.count - 1)
        let first = cursor >= rows ? cursor - rows + 1 : 0
        let numberWidth = DisplayWidth.of(links[links.count - 1].reference)
        // Columns: number, the link's words (a third of what is left), the address.
        let textWidth = min(40, max(0, (width - numberWidth - 4) / 3))
        for (i, link) in links.dropFirst(first).prefix(rows).enumerated() {
            let y = header + i
            let isCursor = first + i == cursor
            let style: Style = isCursor ? .sidebarCursor : .normal
            frame.put(isCursor ? "▶" : " ", x: 0, y: y, maxWidth: 1, style: style)
            frame.put(link.reference, x: 2, y: y, maxWidth: max(0, width - 2), style: isCursor ? style : .helpKey)
            var x = 3 + numberWidth
            if textWidth >= 8 {
                frame.putTruncated(link.text, x: x, y: y, maxWidth: min(textWidth, max(0, width - x)), style: isCursor ? style : .heading)
                x += textWidth + 2
            }
            frame.putTruncated(link.url, x: x, y: y, maxWidth: max(0, width - x), style: style)
            if isCursor { frame.fill(x: 0, y: y, width: width, style: style) }
        }
    }
}

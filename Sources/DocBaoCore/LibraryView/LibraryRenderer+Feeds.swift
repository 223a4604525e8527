/// The feed list over the library view: a header, then one row per line, its unread and total
/// articles right-aligned before the name, as newsboat's feed list shows them.
extension LibraryRenderer {
    static func drawFeeds(_ list: LibraryFeedList, _ state: LibraryViewState, into frame: inout Frame) {
        let width = frame.size.width
        frame.fill(x: 0, y: 0, width: width, style: .sidebarHeader)
        frame.putTruncated(" Nguồn tin · \(list.lines.count - 1 - (list.lines.last?.choice == .noFeed ? 1 : 0)) nguồn",
                           x: 0, y: 0, maxWidth: width, style: .sidebarHeader)
        let height = state.viewHeight
        guard height > 0 else { return }
        let countWidth = list.lines.map { DisplayWidth.of($0.countLabel) }.max() ?? 0
        for (row, line) in list.lines.dropFirst(list.top).prefix(height).enumerated() {
            let y = row + 1
            let selected = list.top + row == list.cursor
            if selected { frame.fill(x: 0, y: y, width: width, style: .sidebarCursor) }
            let count = line.countLabel
            let pad = String(repeating: " ", count: max(0, countWidth - DisplayWidth.of(count)))
            let countStyle: Style = selected ? .sidebarCursor : line.unread > 0 ? .heading : .source
            frame.put("(" + pad + count + ")", x: 1, y: y, maxWidth: max(0, width - 1), style: countStyle)
            let x = countWidth + 4
            let nameStyle: Style = selected ? .sidebarCursor : line.choice == nil || line.choice == .noFeed ? .title : .normal
            frame.putTruncated(oneLine(line.name), x: x, y: y, maxWidth: max(0, width - x - 1), style: nameStyle)
        }
    }
}

/// The bottom line: what you are reading, where you are in it, and the keys that matter.
enum StatusLine {
    static func draw(_ state: ReaderState, into frame: inout Frame) {
        let g = state.geometry
        let y = g.size.height - 1
        let width = g.size.width
        frame.fill(x: 0, y: y, width: width, style: .status)
        let hint = state.showingHelp ? "phím bất kỳ: đóng" : "h trợ giúp · q thoát"
        let right = state.showingHelp ? hint : "\(percent(state))%  \(hint)"
        let rightWidth = DisplayWidth.of(right)
        let left: String
        if let message = state.message {
            left = message
        } else if state.showingHelp {
            left = "Trợ giúp docbao"
        } else if let s = state.currentSection, s > 0 {
            left = state.article.sections[s].label
        } else {
            left = state.article.title
        }
        if width >= rightWidth + 12 {
            frame.putTruncated(" " + left, x: 0, y: y, maxWidth: width - rightWidth - 2, style: .status)
            frame.put(right, x: width - rightWidth - 1, y: y, style: .statusAccent)
        } else {
            frame.putTruncated(state.showingHelp ? hint : "\(percent(state))% " + left, x: 0, y: y, maxWidth: width, style: .status)
        }
    }

    /// How far through the article the bottom of the view is, by source position: 100 at the end.
    static func percent(_ state: ReaderState) -> Int {
        let layout = state.layout
        let g = state.geometry
        let bottom = layout.move(state.top, by: max(0, g.viewHeight - 1))
        if bottom == layout.end { return 100 }
        guard let line = layout.line(at: bottom), let total = state.blockStarts.last, total > 0 else { return 100 }
        return min(99, (state.blockStarts[line.block] + line.end) * 100 / total)
    }
}

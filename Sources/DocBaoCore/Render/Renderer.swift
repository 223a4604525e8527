/// Draws the reader's state into a `Frame`: sidebar, article pane, status line, help screen.
public enum Renderer {
    public static func render(_ state: ReaderState) -> Frame {
        var frame = Frame(size: state.size)
        let g = state.geometry
        guard g.size.width > 0, g.size.height > 0 else { return frame }
        if state.showingHelp {
            HelpView.draw(state, into: &frame)
        } else if state.marksList != nil {
            MarksView.draw(state, into: &frame)
        } else if state.linksList != nil {
            LinksView.draw(state, into: &frame)
        } else {
            if g.showsSidebar { drawSidebar(state, g, into: &frame) }
            drawArticle(state, g, into: &frame)
            SectionListView.draw(state, into: &frame)
        }
        StatusLine.draw(state, into: &frame)
        return frame
    }

    public static func style(for role: LayoutLine.Role) -> Style {
        switch role {
        case .blank, .body: return .normal
        case .title: return .title
        case .lead: return .lead
        case .heading: return .heading
        case .photoTitle: return .photoTitle
        case .caption: return .caption
        case .credit: return .credit
        case .listItem: return .normal
        case .byline: return .byline
        case .source: return .source
        case .url: return .url
        case .meta: return .source
        case .quote: return .quote
        case .code: return .code
        case .tableRow: return .normal
        }
    }

    static func drawArticle(_ state: ReaderState, _ g: Geometry, into frame: inout Frame) {
        let lines = state.layout.lines(from: state.top, count: g.viewHeight)
        for (row, line) in lines.enumerated() {
            let x = g.columnX + line.indent
            frame.put(line.text, x: x, y: row, maxWidth: max(0, g.size.width - x), style: style(for: line.role))
            dimPlaceholders(in: line.text, x: x, y: row, into: &frame)
            if let search = state.search { highlight(search, on: line, x: x, y: row, into: &frame) }
        }
    }

    /// Dims what `TextSanitizer` put in place of control characters: control pictures ("␛", "␀",
    /// U+2400–U+2421) and written-out code points ("<U+202E>"), so they read as placeholders.
    static func dimPlaceholders(in text: some StringProtocol, x: Int, y: Int, into frame: inout Frame) {
        let bytes = text.utf8
        // Cheap test: the lead bytes of U+2400–U+243F ("E2 90") or a "<U+".
        guard bytes.contains(0x3C) || zip(bytes, bytes.dropFirst()).contains(where: { $0 == 0xE2 && $1 == 0x90 }) else { return }
        var col = 0
        var pending: [Character] = []  // characters of a possible "<U+XXXX>"
        var pendingCol = 0
        for c in text {
            let w = DisplayWidth.of(c)
            if let v = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1, (0x2400...0x2421).contains(v) {
                frame.fill(x: x + col, y: y, width: w, style: .placeholder)
            }
            if c == "<" { pending = ["<"]; pendingCol = col } else if !pending.isEmpty {
                pending.append(c)
                let s = String(pending)
                if c == ">" {
                    if isWrittenCodePoint(s) { frame.fill(x: x + pendingCol, y: y, width: col + w - pendingCol, style: .placeholder) }
                    pending = []
                } else if pending.count > 10 || !"<U+0123456789ABCDEF".contains(c) {
                    pending = []
                }
            }
            col += w
        }
    }

    /// "<U+202E>": four to six hex digits.
    private static func isWrittenCodePoint(_ s: String) -> Bool {
        guard s.hasPrefix("<U+"), s.hasSuffix(">") else { return false }
        let hex = s.dropFirst(3).dropLast()
        return (4...6).contains(hex.count) && hex.allSatisfy { $0.isHexDigit && !$0.isLowercase }
    }

    /// Marks the parts of `line` that a match covers; a match across a soft wrap is marked on both lines.
    static func highlight(_ search: SearchState, on line: LayoutLine, x: Int, y: Int, into frame: inout Frame) {
        guard let textStart = line.textStart else { return }
        let lineEnd = textStart + line.text.utf8.count
        var i = search.firstMatch(endingAfter: line.block, offset: max(0, textStart))
        while i < search.matches.count {
            let m = search.matches[i]
            guard m.block == line.block, m.start < lineEnd else { break }
            // Columns before the match on this line, and columns it covers here.
            var col = 0, startCol = -1, endCol = 0
            var offset = textStart
            for c in line.text {
                let next = offset + c.utf8.count
                if offset >= m.start && startCol < 0 { startCol = col }
                col += DisplayWidth.of(c)
                if next <= m.end { endCol = col }
                offset = next
            }
            if startCol >= 0 && endCol > startCol {
                frame.fill(x: x + startCol, y: y, width: endCol - startCol, style: i == search.current ? .currentMatch : .match)
            }
            i += 1
        }
    }

    static func drawSidebar(_ state: ReaderState, _ g: Geometry, into frame: inout Frame) {
        let focused = state.focus == .sidebar
        frame.putTruncated(focused ? " MỤC LỤC ◆" : " MỤC LỤC", x: 0, y: 0, maxWidth: g.sidebarWidth, style: .sidebarHeader)
        let current = state.currentSection
        for (i, row) in SidebarLayout(state: state).visible.enumerated() {
            let y = SidebarLayout.firstRow + i
            let isCurrent = row.section == current
            let isCursor = focused && row.section == state.sidebarCursor
            let style: Style = isCursor ? .sidebarCursor : (isCurrent ? .sidebarCurrent : .sidebarEntry)
            let marker = row.first && isCurrent ? "▶ " : "  "
            frame.put(marker, x: 0, y: y, maxWidth: 2, style: style)
            let x = 2 + row.indent
            frame.putTruncated(row.text, x: x, y: y, maxWidth: g.sidebarWidth - 1 - x, style: style)
            if isCursor { frame.fill(x: 0, y: y, width: g.sidebarWidth, style: style) }
        }
        for y in 0..<g.viewHeight { frame.put("│", x: g.sidebarWidth, y: y, maxWidth: 1, style: .border) }
    }
}

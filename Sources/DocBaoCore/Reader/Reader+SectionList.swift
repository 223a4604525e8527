/// The section list as a pop-up over the text, as e-book readers show their contents: the way to the
/// sections when the screen is too narrow for the sidebar (Tab or s open it there). Arrows or j/k
/// choose, Enter jumps, Esc closes.
extension Reader {
    /// The keys of the pop-up, for the status line; `sectionListKey` handles exactly these.
    static let sectionListHelp = "j/k chọn · Enter: đến · Esc đóng"

    /// Opens the pop-up on the section being read; says so when the article has no sections.
    static func openSectionList(_ state: inout ReaderState) {
        guard !state.article.sections.isEmpty else {
            state.message = "Bài này không có mục"
            return
        }
        state.focus = .article
        state.sectionList = min(state.currentSection ?? 0, state.article.sections.count - 1)
    }

    static func sectionListKey(_ state: inout ReaderState, _ key: Key) -> [Effect] {
        guard let cursor = state.sectionList else { return [] }
        let last = state.article.sections.count - 1
        let page = max(1, SectionListView.box(state).rows - 1)
        switch key {
        case .down, .char("j"), .ctrl("n"): state.sectionList = min(last, cursor + 1)
        case .up, .char("k"), .ctrl("p"): state.sectionList = max(0, cursor - 1)
        case .pageDown, .char(" "): state.sectionList = min(last, cursor + page)
        case .pageUp, .char("b"): state.sectionList = max(0, cursor - page)
        case .home, .char("g"): state.sectionList = 0
        case .end, .char("G"): state.sectionList = last
        case .enter, .right, .char("l"):
            state.sectionList = nil
            let origin = state.place, before = state.top
            jump(&state, toSection: cursor)
            if state.top != before { recordJump(&state, from: origin) }
        case .escape, .char("q"), .char("s"), .tab, .left, .char("h"): state.sectionList = nil
        default: break
        }
        return []
    }
}

/// Draws the section pop-up: a framed box over the article, the current section marked ▶, the
/// cursor's row highlighted, scrolled so the cursor is in view.
enum SectionListView {
    struct Box: Equatable {
        var x: Int, y: Int, width: Int, height: Int
        /// Rows inside the frame.
        var rows: Int { max(0, height - 2) }
    }

    /// As wide as the longest label (within the screen, at most 64 columns), as tall as the list.
    static func box(_ state: ReaderState) -> Box {
        let size = state.geometry.size
        let sections = state.article.sections
        let longest = sections.prefix(200).map { DisplayWidth.of($0.label) + min($0.level, 2) * 2 }.max() ?? 0
        let width = max(min(size.width, 12), min(size.width - 2, 64, longest + 6))
        let height = min(max(0, state.geometry.viewHeight), sections.count + 2)
        return Box(x: max(0, (size.width - width) / 2), y: max(0, (state.geometry.viewHeight - height) / 2),
                   width: width, height: height)
    }

    static func draw(_ state: ReaderState, into frame: inout Frame) {
        guard let cursor = state.sectionList else { return }
        let b = box(state)
        guard b.width >= 4, b.height >= 3 else { return }
        let inner = b.width - 2
        frame.put("┌" + String(repeating: "─", count: inner) + "┐", x: b.x, y: b.y, style: .border)
        frame.putTruncated(" MỤC LỤC ", x: b.x + 2, y: b.y, maxWidth: max(0, inner - 2), style: .sidebarHeader)
        frame.put("└" + String(repeating: "─", count: inner) + "┘", x: b.x, y: b.y + b.height - 1, style: .border)
        let sections = state.article.sections
        let first = max(0, min(cursor - b.rows / 3, sections.count - b.rows))
        let current = state.currentSection
        for row in 0..<b.rows {
            let y = b.y + 1 + row
            frame.put("│" + String(repeating: " ", count: inner) + "│", x: b.x, y: y, style: .border)
            frame.fill(x: b.x + 1, y: y, width: inner, style: .normal)
            let i = first + row
            guard sections.indices.contains(i) else { continue }
            let style: Style = i == cursor ? .sidebarCursor : (i == current ? .sidebarCurrent : .sidebarEntry)
            frame.put(i == current ? "▶" : " ", x: b.x + 1, y: y, maxWidth: 1, style: style)
            let indent = min(sections[i].level, 2) * 2
            frame.putTruncated(sections[i].label, x: b.x + 3 + indent, y: y, maxWidth: max(0, inner - 3 - indent), style: style)
            if i == cursor { frame.fill(x: b.x + 1, y: y, width: inner, style: style) }
        }
    }
}

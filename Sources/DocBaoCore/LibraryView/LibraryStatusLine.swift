/// The library's bottom line: the open prompt, or a message, or where the cursor is and the keys.
enum LibraryStatusLine {
    static func draw(_ state: LibraryViewState, into frame: inout Frame) {
        let width = frame.size.width
        let y = frame.size.height - 1
        guard width > 0, y >= 0 else { return }
        if let prompt = state.prompt {
            drawPrompt(prompt, state, y: y, into: &frame)
            return
        }
        frame.fill(x: 0, y: y, width: width, style: .status)
        let left: String
        let right: String
        if let entry = state.confirmingRemoval {
            right = "y: xoá · phím khác: thôi"
            // The title is cut, not the question or its keys.
            let room = width - DisplayWidth.of(right) - 3 - DisplayWidth.of("Xoá “” khỏi thư viện?")
            left = "Xoá “\(shortened(entry.title, to: room))” khỏi thư viện?"
        } else if let ids = state.confirmingMarkAll {
            left = "Đánh dấu \(ids.count) bài chưa đọc trong danh sách là đã đọc?"
            right = "y: đánh dấu · phím khác: thôi"
        } else if state.showingHelp {
            left = "Trợ giúp thư viện"
            right = state.keyMap.helpStatusHint
        } else if let list = state.feedList {
            left = "Enter: xem bài của nguồn · phím khác: đóng"
            right = "\(list.cursor + 1)/\(list.lines.count)"
        } else if let r = state.results {
            left = state.message ?? "Enter mở bài · Esc về thư viện"
            right = r.hits.isEmpty ? "" : "\(r.cursor + 1)/\(r.hits.count)"
        } else {
            let position = state.rows.isEmpty ? "0/\(state.scopeCount)" : "\(state.cursor + 1)/\(state.rows.count)"
            if let message = state.message {
                left = message
            } else if let updating = state.updating {
                left = "Đang cập nhật nguồn tin" + (updating.total > 0 ? " \(updating.done)/\(updating.total)…" : "…")
            } else if !state.filter.isEmpty {
                left = "lọc “\(state.filter)”: \(state.rows.count)/\(state.scopeCount)"
            } else {
                left = position
            }
            right = state.catalog.hasFeeds ? state.keyMap.feedHint : state.keyMap.hint
        }
        let rightWidth = DisplayWidth.of(right)
        // A message too long to stand beside the keys' reminder (an update's failures) takes the line.
        let showsHint = state.prompt == nil && !state.confirming && !state.showingHelp && state.feedList == nil
            && state.results == nil
        let crowded = state.message != nil && showsHint && DisplayWidth.of(left) + rightWidth + 3 > width
        if width >= rightWidth + 14 && !crowded {
            frame.putTruncated(" " + left, x: 0, y: y, maxWidth: width - rightWidth - 2, style: .status)
            frame.put(right, x: width - rightWidth - 1, y: y, style: .statusAccent)
        } else {
            frame.putTruncated(crowded && width >= rightWidth + 14 ? " " + left : left, x: 0, y: y, maxWidth: width, style: .status)
        }
    }

    /// `text` cut to `width` columns, "…" ending it when it was cut.
    static func shortened(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var out = "", used = 0
        for c in text {
            let w = DisplayWidth.of(c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    /// "&da nang█" or "/dau tranh█" on the left; the modes and the count (or what Enter does) on the right.
    static func drawPrompt(_ prompt: LibraryPrompt, _ state: LibraryViewState, y: Int, into frame: inout Frame) {
        let detail = prompt.kind == .filter ? "\(state.rows.count)/\(state.scopeCount)" : "Enter: tìm trong các bài"
        StatusLine.drawPromptLine(marker: prompt.marker, text: prompt.text, modes: prompt.modeLabel, detail: detail, y: y,
                                  width: frame.size.width, into: &frame)
    }
}

/// The bottom line: what you are reading, where you are in it, and the keys that matter; or the
/// search prompt while it is open.
enum StatusLine {
    static func draw(_ state: ReaderState, into frame: inout Frame) {
        let y = state.geometry.size.height - 1
        if let prompt = state.prompt {
            drawPrompt(prompt, state.search, deferred: state.searchDeferred, y: y, width: state.geometry.size.width, into: &frame)
            return
        }
        let width = state.geometry.size.width
        frame.fill(x: 0, y: y, width: width, style: .status)
        // An overlay (help, bookmarks) shows its own keys instead of the position.
        let overlayHint = state.showingHelp ? state.keyMap.helpStatusHint : state.marksList != nil ? Reader.marksListHelp
            : state.sectionList != nil ? Reader.sectionListHelp : state.linksList != nil ? Reader.linksListHelp : nil
        let hint = overlayHint ?? state.keyMap.reminder([(.help, "trợ giúp"), (.quit, "thoát")])
        var right = overlayHint ?? "\(position(state))  \(hint)"
        if let counter = counter(state.search), overlayHint == nil { right = counter + "  " + right }
        let rightWidth = DisplayWidth.of(right)
        let left: String
        if let pending = state.pendingMark {
            left = pending == .set ? "m: chữ cái để đánh dấu…" : pending == .file ? ": n tệp sau, p tệp trước…"
                : "': chữ cái của dấu, ' về chỗ trước…"
        } else if let message = state.message {
            left = message
        } else if state.showingHelp {
            left = "Trợ giúp docbao"
        } else if state.marksList != nil {
            left = "Dấu trang"
        } else if state.linksList != nil {
            left = "Liên kết"
        } else if let s = state.currentSection, s > 0 {
            left = state.article.sections[s].label
        } else {
            left = state.article.title
        }
        if width >= rightWidth + 12 {
            frame.putTruncated(" " + left, x: 0, y: y, maxWidth: width - rightWidth - 2, style: .status)
            frame.put(right, x: width - rightWidth - 1, y: y, style: .statusAccent)
        } else {
            let short = state.pendingMark != nil ? left
                : state.message ?? (counter(state.search).map { $0 + " " } ?? "") + "\(position(state)) " + left
            let narrow = state.showingHelp || state.sectionList != nil ? hint : state.marksList != nil || state.linksList != nil ? state.message ?? hint : short
            frame.putTruncated(narrow, x: 0, y: y, maxWidth: width, style: .status)
        }
    }

    /// "3/28" for the current match, "28 kết quả" when none is current yet; while a query is typed
    /// on a huge article, whose matches are counted at Enter, that one is found.
    static func counter(_ search: SearchState?) -> String? {
        guard let search, !search.matches.isEmpty else { return nil }
        if search.partial { return "có · Enter để đếm" }
        if let c = search.current { return "\(c + 1)/\(search.matches.count)" }
        return "\(search.matches.count) kết quả"
    }

    /// "/ngoai giao█" on the left; the modes and the count on the right.
    static func drawPrompt(_ prompt: Prompt, _ search: SearchState?, deferred: Bool = false, y: Int, width: Int,
                           into frame: inout Frame) {
        let count: String
        if prompt.text.isEmpty {
            count = Reader.promptHelp
        } else if deferred {
            count = "gõ tiếp, hoặc Enter để tìm"
        } else if let search, !search.matches.isEmpty {
            count = counter(search) ?? ""
        } else {
            count = "không thấy"
        }
        drawPromptLine(marker: prompt.marker, text: prompt.text, modes: prompt.modeLabel, detail: count, y: y, width: width, into: &frame)
    }

    /// A prompt on the bottom line: the marker and the text typed with a cursor on the left (its end
    /// kept in view), "[modes] detail" on the right when there is room — the modes first.
    static func drawPromptLine(marker: String, text: String, modes: String, detail: String, y: Int, width: Int,
                               into frame: inout Frame) {
        let modes = "[\(modes)]"
        let full = modes + " " + detail
        let info = DisplayWidth.of(full) + 12 <= width ? full : modes
        let infoWidth = DisplayWidth.of(info)
        let room = width - (width >= infoWidth + 12 ? infoWidth + 2 : 0)
        var shown = Substring(text)
        while DisplayWidth.of(shown) > room - 2, !shown.isEmpty { shown = shown.dropFirst() }
        let written = frame.put(marker + shown, x: 0, y: y, maxWidth: room, style: .prompt)
        frame.put("█", x: written, y: y, maxWidth: max(0, room - written), style: .prompt)
        if room < width { frame.put(info, x: width - infoWidth - 1, y: y, style: .promptInfo) }
    }

    /// "42%", or "đang nạp…" while the rest of a huge article is still being imported.
    static func position(_ state: ReaderState) -> String {
        state.loading ? "đang nạp…" : "\(percent(state))%"
    }

    /// How far through the article the bottom of the view is (`ReadingProgress`): 100 at the end.
    static func percent(_ state: ReaderState) -> Int { ReadingProgress.percent(state.progress) }
}

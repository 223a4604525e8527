/// The first key of a two-key mark command, waiting for its letter.
public enum MarkCommand: Equatable, Sendable {
    /// m: set a mark.
    case set
    /// ': go to a mark (or, with a second ', back to where the last big jump started).
    case goTo
    /// :, as in less: n for the next file named on the command line, p for the previous one.
    case file
}

/// The bookmarks list overlay: which entry the cursor is on (entries are the marks in reading order).
public struct MarksList: Equatable, Sendable {
    public var cursor = 0
    public init(cursor: Int = 0) { self.cursor = cursor }
}

/// One line of the bookmarks list.
public struct MarkEntry: Equatable, Sendable {
    public var letter: Character
    public var offset: Int
    /// How far through the article the mark is, 0 to 100; nil while the article is loading and the
    /// mark lies beyond the part loaded.
    public var percent: Int?
    /// The label of the section the mark is in.
    public var section: String
    /// The text at the mark (its start: the view cuts it to fit).
    public var text: String
}

/// Bookmarks as in less: m plus a letter marks the reading position, ' plus a letter goes back to
/// it, '' goes back to where the last big jump started; M lists the marks. Positions are source
/// offsets (`ReaderState.sourceOffset`), so marks hold at any terminal width and across runs.
extension Reader {
    /// The moves after which '' can go back: they leave the text being read for somewhere else.
    /// An array: a `Set<Action>` would cost a scan of every conformance in the binary at the first key.
    static let bigJumps: [Action] = [.top, .bottom, .nextSection, .previousSection, .sidebarJump, .nextMatch, .previousMatch]

    /// Puts the line containing source offset `offset` at the top of the view, or as near as the
    /// article allows (the view stays full at its end); offsets outside the article clamp to it.
    ///
    /// While a huge article is still loading, an offset beyond the preview's head (where the
    /// preview's text and the whole's part ways) shows the end of the head for now, and is taken
    /// when the whole article arrives unless the reader has moved by then.
    public static func go(_ state: inout ReaderState, toSourceOffset offset: Int) {
        state.pendingJump = nil
        if offset >= state.previewHeadEnd {
            show(&state, offset: state.previewHeadEnd)
            state.pendingJump = ReaderState.PendingJump(offset: offset, shown: state.topOffset)
        } else {
            show(&state, offset: offset)
        }
    }

    /// The view at `offset` of the article as it is now (the preview's offset while loading).
    static func show(_ state: inout ReaderState, offset: Int) {
        let line = state.linePosition(ofOffset: offset)
        state.top = min(line, max(state.layout.lastTop(height: state.geometry.viewHeight), state.layout.start))
    }

    /// Goes to a place kept by the reader: a preview's offset as it is, a whole article's through `go`.
    static func go(_ state: inout ReaderState, to offset: Int, inPreview: Bool) {
        if inPreview && state.loading {
            state.pendingJump = nil
            show(&state, offset: offset)
        } else {
            go(&state, toSourceOffset: offset)
        }
    }

    static func recordJump(_ state: inout ReaderState, from origin: (offset: Int, inPreview: Bool)) {
        state.jumpOrigin = origin.offset
        state.jumpOriginInPreview = origin.inPreview
    }

    /// Whether `c` can name a mark: an ASCII letter.
    static func isMarkLetter(_ c: Character) -> Bool { c.isASCII && c.isLetter }

    /// The key after m or '.
    static func markKey(_ state: inout ReaderState, _ key: Key) -> [Effect] {
        guard let command = state.pendingMark else { return [] }
        state.pendingMark = nil
        switch (command, key) {
        case (_, .escape):
            return []
        case (.file, .char("n")):
            return [.switchFile(1)]
        case (.file, .char("p")):
            return [.switchFile(-1)]
        case (.file, _):
            state.message = ":n tệp sau, :p tệp trước"
            return []
        case (.goTo, _) where key == .char("'") || state.keyMap.action(for: key, focus: state.focus) == .goToMark:
            goBack(&state)
            return []
        case (.set, .char(let c)) where isMarkLetter(c):
            let here = state.place
            state.marks[c] = here.offset
            if here.inPreview { state.previewMarks.insert(c) } else { state.previewMarks.remove(c) }
            state.message = "Đã đánh dấu \(c)"
            return [.saveMarks(state.marks)]
        case (.goTo, .char(let c)) where isMarkLetter(c):
            goToMark(&state, c)
            return []
        default:
            state.message = command == .set ? "Dấu trang là một chữ cái (a-z, A-Z)" : "Dấu trang là một chữ cái (a-z, A-Z), hoặc '"
            return []
        }
    }

    /// To mark `letter`, remembering where the jump started (for '').
    static func goToMark(_ state: inout ReaderState, _ letter: Character) {
        guard let offset = state.marks[letter] else {
            state.message = "Chưa có dấu \(letter)"
            return
        }
        let origin = state.place
        go(&state, to: offset, inPreview: state.previewMarks.contains(letter))
        recordJump(&state, from: origin)
        if state.pendingJump != nil { state.message = "Dấu \(letter) ở phần chưa nạp: sẽ đến khi nạp xong" }
    }

    /// '': back to where the last big jump started; the place left becomes the way back, so '' again
    /// returns (as in less).
    static func goBack(_ state: inout ReaderState) {
        guard let target = state.jumpOrigin else {
            state.message = "Chưa có chỗ nào để quay lại"
            return
        }
        let origin = state.place
        go(&state, to: target, inPreview: state.jumpOriginInPreview)
        recordJump(&state, from: origin)
    }

    // MARK: The bookmarks list

    static func openMarksList(_ state: inout ReaderState) {
        state.focus = .article
        let here = state.sourceOffset
        // The cursor starts on the last mark at or before the reading position.
        let entries = markEntries(state)
        state.marksList = MarksList(cursor: max(0, (entries.lastIndex { $0.offset <= here }) ?? 0))
    }

    /// The marks in reading order (ties by letter), each with where it is and what it shows.
    public static func markEntries(_ state: ReaderState) -> [MarkEntry] {
        return state.marks.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map { letter, offset in
            let inPreview = state.previewMarks.contains(letter)
            guard !state.loading || inPreview || offset < state.previewHeadEnd else {
                return MarkEntry(letter: letter, offset: offset, percent: nil, section: "", text: "đang nạp…")
            }
            let p = state.sourcePosition(ofOffset: offset)
            let section = state.article.sectionIndex(containing: p.block).map { state.article.sections[$0].label } ?? ""
            // As the status line said with the mark's line on top.
            let percent = ReadingProgress.percent(state.progress(top: state.linePosition(ofOffset: offset)))
            return MarkEntry(letter: letter, offset: offset, percent: state.loading && !inPreview ? nil : percent,
                             section: section, text: state.text(atOffset: offset))
        }
    }

    /// The keys of the bookmarks list, for its status line; `marksListKey` handles exactly these.
    static let marksListHelp = "j/k chọn · Enter/chữ cái: đến · d xoá · q đóng"

    static func marksListKey(_ state: inout ReaderState, _ key: Key) -> [Effect] {
        guard var list = state.marksList else { return [] }
        let entries = markEntries(state)
        switch key {
        case .escape, .char("q"):
            state.marksList = nil
            return []
        case .down, .char("j"):
            list.cursor = min(list.cursor + 1, max(0, entries.count - 1))
        case .up, .char("k"):
            list.cursor = max(0, list.cursor - 1)
        case .home:
            list.cursor = 0
        case .end:
            list.cursor = max(0, entries.count - 1)
        case .enter:
            guard entries.indices.contains(list.cursor) else { state.marksList = nil; return [] }
            state.marksList = nil
            goToMark(&state, entries[list.cursor].letter)
            return []
        case .char("d"), .backspace:
            guard entries.indices.contains(list.cursor) else { return [] }
            let letter = entries[list.cursor].letter
            state.marks[letter] = nil
            state.previewMarks.remove(letter)
            list.cursor = max(0, min(list.cursor, entries.count - 2))
            state.marksList = list
            state.message = "Đã xoá dấu \(letter)"
            return [.saveMarks(state.marks)]
        case .char(let c) where isMarkLetter(c):
            guard state.marks[c] != nil else {
                state.message = "Chưa có dấu \(c)"
                return []
            }
            state.marksList = nil
            goToMark(&state, c)
            return []
        default:
            return []
        }
        state.marksList = list
        return []
    }

    // MARK: Loading

    /// Moves the marks set in the preview, the way back and a position asked for while loading into
    /// the whole article (`state` has just taken it, `preview` is the state before).
    static func carryPlaces(_ state: inout ReaderState, from preview: ReaderState) -> [Effect] {
        let whole = state.article
        let starts = state.blockStarts
        if let jump = preview.pendingJump, jump.shown == preview.topOffset { show(&state, offset: jump.offset) }
        state.pendingJump = nil
        if state.jumpOriginInPreview, let origin = state.jumpOrigin {
            state.jumpOrigin = preview.wholeOffset(ofPreviewOffset: origin, whole, wholeStarts: starts)
        }
        state.jumpOriginInPreview = false
        guard !state.previewMarks.isEmpty else { return [] }
        for letter in state.previewMarks {
            if let offset = state.marks[letter] {
                state.marks[letter] = preview.wholeOffset(ofPreviewOffset: offset, whole, wholeStarts: starts)
            }
        }
        state.previewMarks = []
        return [.saveMarks(state.marks)]
    }
}

/// The reader's update function: state in, state out, effects for the program to run. No I/O.
public enum Reader {
    /// Turns a backend event into a message, through the key map and the help overlay.
    public static func message(for event: InputEvent, in state: ReaderState) -> Message? {
        switch event {
        case .resize(let size): return .resize(size)
        case .key(let key):
            if state.prompt != nil { return .promptKey(key) }
            if state.showingHelp { return state.keyMap.helpScroll(for: key).map(Message.scroll) ?? .dismissHelp }
            if state.marksList != nil { return .marksListKey(key) }
            if state.sectionList != nil { return .sectionListKey(key) }
            if state.linksList != nil { return .linksListKey(key) }
            if state.pendingMark != nil { return .markKey(key) }
            return state.keyMap.action(for: key, focus: state.focus).map(Message.action)
        case .mouse(let mouse):
            guard state.prompt == nil else { return nil }
            if state.sectionList != nil {
                switch mouse {
                case .wheelUp: return .sectionListKey(.up)
                case .wheelDown: return .sectionListKey(.down)
                case .click: return .sectionListKey(.escape)
                }
            }
            if state.marksList != nil {
                switch mouse {
                case .wheelUp: return .marksListKey(.up)
                case .wheelDown: return .marksListKey(.down)
                case .click: return .marksListKey(.escape)
                }
            }
            if state.linksList != nil {
                switch mouse {
                case .wheelUp: return .linksListKey(.up)
                case .wheelDown: return .linksListKey(.down)
                case .click: return .linksListKey(.escape)
                }
            }
            switch mouse {
            case .wheelUp: return .scroll(-3)
            case .wheelDown: return .scroll(3)
            case .click(let x, let y):
                guard !state.showingHelp else { return .dismissHelp }
                let g = state.geometry
                guard g.showsSidebar, x < g.sidebarWidth, y < g.viewHeight else { return nil }
                let index = SidebarLayout(state: state).section(atRow: y)
                return index.map(Message.jumpToSection)
            }
        }
    }

    /// Applies `message` to `state`.
    public static func reduce(_ state: inout ReaderState, _ message: Message) -> [Effect] {
        if case .settle = message { return settle(&state) }
        state.message = nil
        if case .resize = message {} else { state.resizeAnchor = nil }
        let g = state.geometry
        let topBefore = state.top
        defer { if readsOn(message, moved: state.top != topBefore) { state.noteRead() } }
        switch message {
        case .resize(let size):
            state.setSize(size)
        case .scroll(let n):
            if state.showingHelp {
                let lines = HelpView.lines(state.keyMap, width: state.size.width).count
                state.helpScroll = max(0, min(state.helpScroll + n, lines - state.geometry.viewHeight))
            } else {
                scroll(&state, by: n)
            }
        case .jumpToSection(let index):
            let origin = state.place, before = state.top
            jump(&state, toSection: index)
            if state.top != before { recordJump(&state, from: origin) }
        case .dismissHelp:
            state.showingHelp = false
        case .promptKey(let key):
            return promptKey(&state, key)
        case .notice(let text):
            state.message = text
        case .articleLoaded(let article):
            return finishLoading(&state, article)
        case .markKey(let key):
            return markKey(&state, key)
        case .marksListKey(let key):
            return marksListKey(&state, key)
        case .sectionListKey(let key):
            return sectionListKey(&state, key)
        case .linksListKey(let key):
            return linksListKey(&state, key)
        case .signal(let n):
            return [.signalled(n)]
        case .middleFound(let hit):
            return middleFound(&state, hit)
        case .settle:
            break  // handled above
        case .action(let action):
            // A big jump remembers where it started, for ''.
            let origin = bigJumps.contains(action) ? state.place : nil
            let before = state.top
            defer { if let origin, state.top != before { recordJump(&state, from: origin) } }
            switch action {
            case .lineDown: scroll(&state, by: 1)
            case .lineUp: scroll(&state, by: -1)
            case .pageDown: scroll(&state, by: g.page)
            case .pageUp: scroll(&state, by: -g.page)
            case .halfPageDown: scroll(&state, by: max(1, g.viewHeight / 2))
            case .halfPageUp: scroll(&state, by: -max(1, g.viewHeight / 2))
            case .top: state.top = state.layout.start
            case .bottom: state.top = state.layout.lastTop(height: g.viewHeight)
            case .nextSection:
                let next = (state.currentSection ?? -1) + 1
                if next < state.article.sections.count { jump(&state, toSection: next) } else {
                    state.message = "Đây là mục cuối"
                }
            case .previousSection:
                previousSection(&state)
            case .toggleFocus:
                if state.focus == .sidebar {
                    state.focus = .article
                } else if g.showsSidebar {
                    state.focus = .sidebar
                    state.sidebarCursor = state.currentSection ?? 0
                } else {
                    openSectionList(&state)
                }
            case .toggleSidebar:
                // Where no sidebar fits, the pop-up is the section list.
                if g.size.width < Geometry.minimumWidthForSidebar { openSectionList(&state) } else {
                    state.setSidebarWanted(!state.sidebarWanted)
                }
            case .sidebarDown:
                state.sidebarCursor = max(0, min(state.article.sections.count - 1, state.sidebarCursor + 1))
            case .sidebarUp:
                state.sidebarCursor = max(0, state.sidebarCursor - 1)
            case .sidebarJump:
                jump(&state, toSection: state.sidebarCursor)
            case .searchForward: openPrompt(&state, .forward)
            case .searchBackward: openPrompt(&state, .backward)
            case .nextMatch: nextMatch(&state, reverse: false)
            case .previousMatch: nextMatch(&state, reverse: true)
            case .clearSearch:
                if state.focus == .sidebar { state.focus = .article } else { state.search = nil; state.pendingSearch = nil }
            case .setMark: state.pendingMark = .set
            case .goToMark: state.pendingMark = .goTo
            case .fileCommand: state.pendingMark = .file
            case .listMarks: openMarksList(&state)
            case .listLinks: openLinksList(&state)
            case .library: return [.openLibrary]
            case .nextArticle: return step(&state, .next)
            case .previousArticle: return step(&state, .previous)
            case .nextUnread: return step(&state, .nextUnread)
            case .openAddress, .copyAddress:
                guard let url = state.article.metadata.url, !url.isEmpty else {
                    state.message = "Bài này không có địa chỉ"
                    return []
                }
                return [action == .openAddress ? .openAddress(url) : .copyAddress(url)]
            case .help:
                state.showingHelp = true
                state.helpScroll = 0
            case .redraw:
                return [.redrawAll]
            case .quit:
                return [.quit]
            }
        }
        return []
    }

    /// Keys that ask to read on even when the view cannot move (the whole article fits on screen).
    /// Leaving the article, however, is the saving's business (`ReaderState.progressOnLeaving`).
    static let readOnActions: [Action] = [.lineDown, .pageDown, .halfPageDown, .bottom]

    /// Whether `message` counts the view as read: the reader moved it, or asked to go on. Opening,
    /// resizing and a finished import move nothing the reader chose to read.
    static func readsOn(_ message: Message, moved: Bool) -> Bool {
        switch message {
        case .resize, .settle, .notice, .articleLoaded, .signal, .dismissHelp: return false
        case .action(let action): return moved || readOnActions.contains(action)
        default: return moved
        }
    }

    /// Scrolls by `n` lines; never past the point where the end of the article reaches the bottom,
    /// but a section jump that left the view beyond that point is not pulled back.
    static func scroll(_ state: inout ReaderState, by n: Int) {
        let layout = state.layout
        var target = layout.move(state.top, by: n)
        if n > 0 {
            let last = layout.lastTop(height: state.geometry.viewHeight)
            if target > last { target = max(state.top, last) }
        }
        state.top = target
    }

    /// Puts section `index`'s first line at the top of the pane and marks it in the sidebar.
    static func jump(_ state: inout ReaderState, toSection index: Int) {
        guard state.article.sections.indices.contains(index) else { return }
        let section = state.article.sections[index]
        state.top = LinePosition(block: section.block, line: 0)
        state.sidebarCursor = index
    }

    /// To the start of the current section, or to the previous one when already at its start.
    static func previousSection(_ state: inout ReaderState) {
        // The section containing the top line, not the scroll-spy's pick at the end of the article:
        // going back must never move the view forward.
        guard let current = state.article.sectionIndex(containing: state.top.block) else { return }
        let sections = state.article.sections
        if state.top > LinePosition(block: sections[current].block, line: 0) {
            jump(&state, toSection: current)
        } else if current > 0 {
            jump(&state, toSection: current - 1)
        } else {
            state.message = "Đây là mục đầu"
        }
    }
}

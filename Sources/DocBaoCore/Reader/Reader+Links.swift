/// The links list (issue 16): a web page's links, numbered as the text shows them ("[3]"), listed
/// over the article like the bookmarks; Enter opens the chosen one in a browser, y copies it.
public struct LinksList: Equatable, Sendable {
    /// The chosen row, an index into `Article.links`.
    public var cursor: Int
}

extension Reader {
    /// The keys of the links list, for its status line; `linksListKey` handles exactly these.
    static let linksListHelp = "j/k chọn · Enter mở · y chép · q đóng"

    /// What the reader says when copying is asked for and the config has not allowed it: copying
    /// writes to the terminal's clipboard (OSC 52), which a user should choose to let docbao do.
    static let copyingOff = "Chép liên kết đang tắt: đặt copy = \"osc52\" trong [reader] của config.toml"

    static func openLinksList(_ state: inout ReaderState) {
        guard !state.article.links.isEmpty else {
            state.message = "Bài này không có liên kết"
            return
        }
        state.focus = .article
        // The cursor starts on the first link at or after the top of the view: the one just read about.
        let top = state.top.block
        let first = state.article.links.firstIndex { link in
            state.article.blocks.indices.dropFirst(top).contains { state.article.blocks[$0].text.contains(link.reference) }
        }
        state.linksList = LinksList(cursor: first ?? 0)
    }

    static func linksListKey(_ state: inout ReaderState, _ key: Key) -> [Effect] {
        guard var list = state.linksList else { return [] }
        let links = state.article.links
        switch key {
        case .escape, .char("q"):
            state.linksList = nil
            return []
        case .down, .char("j"):
            list.cursor = min(list.cursor + 1, max(0, links.count - 1))
        case .up, .char("k"):
            list.cursor = max(0, list.cursor - 1)
        case .home, .char("g"):
            list.cursor = 0
        case .end, .char("G"):
            list.cursor = max(0, links.count - 1)
        case .enter:
            guard links.indices.contains(list.cursor) else { return [] }
            return [.openLink(links[list.cursor].url)]
        case .char("y"):
            guard links.indices.contains(list.cursor) else { return [] }
            guard state.copyLinks else {
                state.message = copyingOff
                return []
            }
            state.message = "Đã chép liên kết \(links[list.cursor].reference)"
            return [.copyLink(links[list.cursor].url)]
        default:
            return []
        }
        state.linksList = list
        return []
    }
}

/// Which part of the screen receives movement keys.
public enum Focus: Equatable, Sendable { case article, sidebar }

/// Everything the reader screen shows, as plain data. Set up by the program, then changed only by
/// `Reader.reduce`.
public struct ReaderState {
    public private(set) var article: Article
    /// The maximum reading-column width (`--width`).
    public let readingWidth: Int
    public private(set) var size: Size
    /// The layout at the current column width (a lazy cache, rebuilt when the width changes).
    public private(set) var layout: Layout
    /// The first line shown in the article pane.
    public var top: LinePosition
    public var focus: Focus = .article
    /// Where the reading column stands when the pane is wider than it.
    public var align: ColumnAlign = .center
    /// The furthest point read, as a `progress` fraction: what the library stores and shows. It only
    /// grows as the reader moves on (scrolling back keeps "xong"); opening alone reads nothing.
    public var furthest: Double = 0
    /// Whether the user wants the sidebar (it still hides on narrow screens).
    public var sidebarWanted = true
    /// The sidebar entry under the cursor when the sidebar has the focus.
    public var sidebarCursor = 0
    /// The section pop-up's cursor while it is open over the text (`Reader.openSectionList`).
    public var sectionList: Int?
    public var showingHelp = false
    /// Top line of the help screen when it scrolls.
    public var helpScroll = 0
    /// A one-shot message for the status line.
    public var message: String?
    /// The search whose matches are highlighted, if any.
    public var search: SearchState?
    /// The search prompt, while it is open on the bottom line.
    public var prompt: Prompt?
    /// The prompt's text changed since its matches were last found (see `Reader.settle`).
    var promptSearchPending = false
    /// The prompt's query was too short to be searched as typed on an article this big (see
    /// `Reader.searchAsYouType`).
    var searchDeferred = false
    /// Above this size (UTF-8 bytes) a query is searched as typed from its second character, above
    /// 8 times this from its third.
    public var incrementalLimit = 4 << 20
    /// The largest folded text made for a search (a 100 MB article's would be about 160 MB and take
    /// 1.5–2.7 s): an article whose fold could be larger is never folded whole (`scansBlocks`).
    public var foldKeepLimit = 48 << 20
    /// Whether the article's fold (up to two bytes a byte of text) could pass `foldKeepLimit`: its
    /// searches then scan its blocks instead (`BlockScan`): all of them for a search made at once
    /// (Enter, `--search`, n and N, the searches made again when the article loads), those from
    /// where the prompt opened to the first match while a query is typed (`SearchIndex.nearMatches`).
    var scansBlocks: Bool { 2 * (blockStarts.last ?? 0) > foldKeepLimit }
    /// Past queries, oldest first (kept across runs by the program).
    public var history: [String] = []
    /// Matching options and input method the next prompt starts with (the last ones used).
    public var promptDefaults = Prompt.Defaults()
    /// The article folded for search, block by block on first use.
    public private(set) var searchIndex: SearchIndex
    public let keyMap: KeyMap
    /// UTF-8 offset of each block's start in the whole article (blocks counted with one separator),
    /// and the total as the last element: positions as fractions of the text, without a full layout.
    private(set) var blockStarts: [Int]

    public init(article: Article, size: Size, readingWidth: Int = 80, keyMap: KeyMap = KeyMap()) {
        self.article = article
        self.readingWidth = max(1, readingWidth)
        self.size = size
        self.keyMap = keyMap
        searchIndex = SearchIndex(article: article)
        blockStarts = Self.blockStarts(of: article)
        let geometry = Geometry(size: size, sidebarWanted: true, readingWidth: readingWidth)
        layout = Layout(article: article, width: geometry.columnWidth)
        top = layout.start
    }

    static func blockStarts(of article: Article) -> [Int] {
        var starts = [0]
        starts.reserveCapacity(article.blocks.count + 1)
        for block in article.blocks { starts.append(starts[starts.count - 1] + block.utf8Count + 1) }
        return starts
    }

    /// Whether `article` is only the start of a huge one whose rest is still being imported (the
    /// program sends `.articleLoaded` when it is done).
    public var loading = false
    /// In a preview of head and tail, the index of the tail's first block.
    public var tailStart: Int?
    /// The library's list the article was opened from, for J, K and U; nil outside the library view.
    public var articles: ArticleList?
    /// A search that found nothing in the part loaded so far: run again on the whole article.
    var pendingSearch: PendingSearch?
    /// While loading: the bytes of the file that the preview does not show (nil when there is no
    /// file to scan), which a search scans while the whole imports (`Reader+Middle`)…
    public var middle: Range<Int>?
    /// …and the text around the match found there, shown between the head and the tail.
    var window: PreviewWindow?

    /// Bookmarks: a letter (a-z, A-Z) and the source offset it marks (see `sourceOffset`). Set by the
    /// program at start; every change the reader makes comes back as `Effect.saveMarks`.
    public var marks: [Character: Int] = [:]
    /// The first key of a two-key command (m or ') while it waits for its letter.
    public var pendingMark: MarkCommand?
    /// The bookmarks list, while it is open over the article.
    public var marksList: MarksList?
    /// The links list, while it is open over the article.
    public var linksList: LinksList?
    /// Whether y in the links list may copy to the terminal's clipboard (config `copy = "osc52"`).
    public var copyLinks = false
    /// Where the view was (a source offset) before the last big jump: g, G, a section, a search, a
    /// mark. `''` goes back there, as in less.
    public internal(set) var jumpOrigin: Int?
    /// While a preview is shown, the marks set in it and whether `jumpOrigin` was taken in it: their
    /// offsets are the preview's, moved into the whole article when it arrives.
    var previewMarks: Set<Character> = []
    var jumpOriginInPreview = false
    /// A position asked for while loading that lies beyond the preview's head: taken once the whole
    /// article is there, unless the reader has moved meanwhile.
    var pendingJump: PendingJump?

    struct PendingJump: Equatable {
        /// The offset asked for, in the whole article.
        var offset: Int
        /// The preview offset shown instead (the reader has moved when the top is elsewhere).
        var shown: Int
    }

    struct PendingSearch: Equatable {
        var query: String
        var options: SearchOptions
        var direction: SearchDirection
    }

    /// The index of the placeholder after the preview's head (a window has another after it).
    var gapIndex: Int? {
        guard loading, let tailStart, tailStart > 0 else { return nil }
        return (window?.blocks.lowerBound ?? tailStart) - 1
    }

    /// Where source position (block, offset) of the preview is in `whole`. The tail's text is the
    /// whole's last text, so a tail position keeps its distance from the end (its blocks may be cut
    /// differently: a paragraph that straddles the tail's start is cut into pieces from elsewhere);
    /// a head block is found by its text near its old index (the whole may add a block before it).
    func positionInWhole(block old: Int, offset: Int, _ whole: Article) -> SourcePosition {
        let blocks = article.blocks
        if let tailStart, old >= tailStart, blocks.indices.contains(old) {
            var fromEnd = blocks[old].utf8Count - offset
            for b in blocks[(old + 1)...] { fromEnd += b.utf8Count }
            var i = whole.blocks.count - 1
            while i > 0, whole.blocks[i].utf8Count < fromEnd {
                fromEnd -= whole.blocks[i].utf8Count
                i -= 1
            }
            return SourcePosition(block: max(0, i), offset: max(0, whole.blocks.isEmpty ? 0 : whole.blocks[max(0, i)].utf8Count - fromEnd))
        }
        if let window, window.blocks.contains(old) {
            // The match's line is found by its place in the file (blocks around it are not told).
            return SourcePosition(block: whole.lastBlock(startingAtOrBefore: window.line), offset: 0)
        }
        let oldText = blocks.indices.contains(old) ? blocks[old].text : nil
        let candidates = [old, old + 1, old - 1, old + 2]
        let block = candidates.first { whole.blocks.indices.contains($0) && whole.blocks[$0].text == oldText } ?? old
        return SourcePosition(block: block, offset: offset)
    }

    /// Replaces the article (the preview of a huge one by the whole), keeping the top line's text on top.
    mutating func replaceArticle(_ newArticle: Article) {
        let anchor = layout.anchor(of: top)
        let wasAtEnd = top == layout.lastTop(height: geometry.viewHeight)
        let position = positionInWhole(block: anchor.block, offset: anchor.offset, newArticle)
        tailStart = nil
        window = nil
        middle = nil
        article = newArticle
        searchIndex = SearchIndex(article: newArticle)
        blockStarts = Self.blockStarts(of: newArticle)
        layout = Layout(article: newArticle, width: layout.width)
        top = wasAtEnd ? layout.lastTop(height: geometry.viewHeight) : layout.position(block: position.block, offset: position.offset)
        resizeAnchor = nil
        sidebarCursor = min(sidebarCursor, max(0, newArticle.sections.count - 1))
        clampTop()
    }

    /// Replaces the preview by another preview of the same article (a window added in its middle),
    /// `top` on the same text, given in the new one.
    mutating func replacePreview(_ newArticle: Article, tailStart newTailStart: Int, top position: SourcePosition) {
        tailStart = newTailStart
        article = newArticle
        searchIndex = SearchIndex(article: newArticle)
        blockStarts = Self.blockStarts(of: newArticle)
        layout = Layout(article: newArticle, width: layout.width)
        top = layout.position(block: position.block, offset: position.offset)
        resizeAnchor = nil
        sidebarCursor = min(sidebarCursor, max(0, newArticle.sections.count - 1))
        clampTop()
    }

    public var geometry: Geometry { Geometry(size: size, sidebarWanted: sidebarWanted, readingWidth: readingWidth, align: align) }

    /// The section being read: the one containing the top line, or, once the end of the article is
    /// on screen, the last section that starts on screen (it could never reach the top).
    public var currentSection: Int? {
        let atTop = article.sectionIndex(containing: top.block)
        let height = geometry.viewHeight
        guard height > 0, let atTop else { return atTop }
        let bottom = layout.move(top, by: height - 1)
        guard bottom == layout.end else { return atTop }
        let last = article.sectionIndex(containing: bottom.block) ?? atTop
        return max(atTop, last)
    }

    /// The source position kept on top through a run of resizes: taken from the top line at the
    /// first resize and reused until the reader moves, so resizing back and forth never drifts.
    var resizeAnchor: SourcePosition?

    /// Where the top line starts in the text.
    public var topSource: SourcePosition { layout.anchor(of: top) }

    /// The top line to go back to when `prompt` is cancelled: the very line if the width is the
    /// same, else the line that now shows the same text.
    public func origin(of prompt: Prompt) -> LinePosition {
        if prompt.originWidth == layout.width { return prompt.originLine }
        return layout.position(block: prompt.origin.block, offset: prompt.origin.offset)
    }

    /// Re-lays out the article for the current geometry, keeping the top line's source anchor on top.
    mutating func relayout() {
        if !geometry.showsSidebar { focus = .article }
        let width = geometry.columnWidth
        guard width != layout.width else { clampTop(); return }
        let anchor = resizeAnchor ?? layout.anchor(of: top)
        resizeAnchor = anchor
        layout = Layout(article: article, width: width)
        top = layout.position(block: anchor.block, offset: anchor.offset)
        clampTop()
    }

    /// Shows or hides the sidebar (where the screen is wide enough for it), laying the text out again.
    public mutating func setSidebarWanted(_ wanted: Bool) {
        sidebarWanted = wanted
        if !wanted { focus = .article }
        relayout()
    }

    mutating func setSize(_ newSize: Size) {
        size = newSize
        relayout()
    }

    /// Keeps the top line within the article and, when the article is longer than the view, keeps
    /// the view full (no scrolling past the end).
    mutating func clampTop() {
        let last = layout.lastTop(height: geometry.viewHeight)
        if top > last { top = last }
        if top < layout.start { top = layout.start }
    }
}

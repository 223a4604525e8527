/// A search while a huge article loads: what the preview (head and tail) does not hold is looked for
/// in the file itself (`Effect.scanMiddle`, the file's bytes folded on the fly by `LineScan`), and
/// the text around the first match is shown at once, between the head and the tail, as a window
/// of the preview. When the whole arrives, the match lands on its paragraph (found by its place in
/// the file) and the search runs again on the whole.
public struct MiddleScan: Equatable, Sendable {
    public var query: String
    public var options: SearchOptions
    /// The file's bytes to scan: the middle the preview does not show.
    public var range: Range<Int>
    /// Where the search started, in the preview's head.
    public var origin: SourcePosition
}

/// The first match of a `MiddleScan` and the text to show it with.
public struct MiddleHit: Equatable, Sendable {
    public var scan: MiddleScan
    /// Where the match's line starts in the file.
    public var line: Int
    /// The bytes around it, from a line's start to a line's end.
    public var window: [UInt8]

    public init(scan: MiddleScan, line: Int, window: [UInt8]) {
        self.scan = scan
        self.line = line
        self.window = window
    }
}

/// The text around a match found in the middle, shown between the preview's head and its tail.
struct PreviewWindow: Equatable {
    /// Its blocks in the preview (a placeholder before and after them).
    var blocks: Range<Int>
    /// Where the match's line starts in the file.
    var line: Int
    /// The search it was found for.
    var query: String
    var options: SearchOptions
}

extension Reader {
    /// The scan of the middle a search on the preview needs: while loading, going forward from the
    /// head, when the first match from there is not in the head (the middle comes before the tail)
    /// and no window was made for this very search.
    static func middleScan(_ state: ReaderState, _ search: SearchState, origin: SourcePosition,
                           found: (index: Int, wrapped: Bool)?) -> [Effect] {
        guard let range = state.middle, !range.isEmpty, search.direction == .forward, let gap = state.gapIndex,
              origin.block < gap else { return [] }
        if let found, !found.wrapped, search.matches[found.index].block < gap { return [] }
        if let window = state.window, window.query == search.query, window.options == search.options { return [] }
        return [.scanMiddle(MiddleScan(query: search.query, options: search.options, range: range, origin: origin))]
    }

    /// Shows the match found in the middle: the window around it replaces any earlier one, and the
    /// search it answers (still being typed, or entered) goes to it. An answer to a query since
    /// changed is dropped.
    static func middleFound(_ state: inout ReaderState, _ hit: MiddleHit) -> [Effect] {
        let scan = hit.scan
        guard state.loading, let gap = state.gapIndex, let tailStart = state.tailStart else { return [] }
        func asked(_ query: String?, _ options: SearchOptions?) -> Bool { query == scan.query && options == scan.options }
        let typing = state.prompt.map { asked($0.text, $0.editor.options) } ?? false
        let entered = state.prompt == nil
            && (asked(state.pendingSearch?.query, state.pendingSearch?.options) || asked(state.search?.query, state.search?.options))
        guard typing || entered else { return [] }
        let windowBlocks = PlainTextImporter.blocks(ofPiece: hit.window)
        guard !windowBlocks.isEmpty else { return [] }

        let blocks = state.article.blocks
        var newBlocks = Array(blocks[..<gap])
        newBlocks.append(Block(.paragraph, PlainTextImporter.previewGap))
        let window = newBlocks.count..<(newBlocks.count + windowBlocks.count)
        newBlocks += windowBlocks
        newBlocks.append(Block(.paragraph, PlainTextImporter.previewGap))
        let newTailStart = newBlocks.count
        newBlocks += blocks[tailStart...]
        // The top stays on its text: the head keeps its blocks, the tail's move; in an old window
        // it goes to the placeholder.
        var top = state.topSource
        if top.block >= tailStart {
            top.block += newTailStart - tailStart
        } else if top.block > gap {
            top = SourcePosition(block: gap, offset: 0)
        }
        let article = Article(blocks: newBlocks, sections: Outline.sections(for: newBlocks), metadata: state.article.metadata)
        state.replacePreview(article, tailStart: newTailStart, top: top)
        state.window = PreviewWindow(blocks: window, line: hit.line, query: scan.query, options: scan.options)
        // Searches held for later are made again on this preview (their blocks moved).
        if var prompt = state.prompt {
            prompt.previous = prompt.previous.map { redo($0, in: state, keeping: nil) }
            prompt.originLine = state.layout.position(block: prompt.origin.block, offset: prompt.origin.offset)
            prompt.originWidth = state.layout.width
            state.prompt = prompt
        }
        if typing, let prompt = state.prompt { return searchAsYouType(&state, prompt) }
        var search = SearchState(query: scan.query, options: scan.options, direction: .forward, index: state.searchIndex)
        guard let found = search.next(from: scan.origin.block, offset: scan.origin.offset, .forward) else { return [] }
        search.current = found.index
        state.search = search
        state.pendingSearch = nil
        state.message = nil
        reveal(&state, search.matches[found.index])
        return []
    }
}

extension Article {
    /// The last block whose text is kept in its file at or before file offset `offset` (0 if
    /// none): where the whole article holds the line found there, or the block before it.
    func lastBlock(startingAtOrBefore offset: Int) -> Int {
        var last = 0
        for (i, block) in blocks.enumerated() {
            guard let start = block.fileOffset else { continue }
            if start > offset { break }
            last = i
        }
        return last
    }
}

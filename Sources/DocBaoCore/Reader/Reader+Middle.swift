/// A search while a huge article loads: what the preview (head and tail) does not hold is looked for
/// in the file itself (`Effect.scanMiddle`, the file's bytes folded on the fly by `LineScan`), and
/// the text around the first match is shown at once, between the head and the tail, as a window
/// of the preview. When the whole arrives, the match lands on its paragraph (found by its place in
/// the file) and the search runs again on the whole.
public struct MiddleScan: Equatable, Sendable {
    public var query: String
    public var options: SearchOptions
    /// Forward: the middle's first match is wanted; backward: its last.
    public var direction: SearchDirection
    /// The file's bytes to scan: the middle the preview does not show.
    public var range: Range<Int>
    /// Where the search started, in the preview's head or its tail.
    public var origin: SourcePosition

    public init(query: String, options: SearchOptions, direction: SearchDirection = .forward, range: Range<Int>, origin: SourcePosition) {
        self.query = query
        self.options = options
        self.direction = direction
        self.range = range
        self.origin = origin
    }
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
    var direction: SearchDirection
}

extension Reader {
    /// The scan of the middle a search on the preview needs, while loading: when the match found
    /// from `origin` (in the head or the tail) in the search's direction is not met before the
    /// middle, or there is none, and no window was made for this very search.
    static func middleScan(_ state: ReaderState, _ search: SearchState, origin: SourcePosition,
                           found: (index: Int, wrapped: Bool)?) -> [Effect] {
        guard let range = state.middle, !range.isEmpty, let gap = state.gapIndex, let tailStart = state.tailStart else { return [] }
        if let window = state.window, window.query == search.query, window.options == search.options,
           window.direction == search.direction { return [] }
        let inHead = origin.block < gap
        guard inHead || origin.block >= tailStart else { return [] }  // in a window: its text is shown already
        if let found {
            let block = search.matches[found.index].block
            // Before the middle, in the order the search goes: from the head forward, the head; from
            // the tail forward, the tail after the origin, then the head; backward, the mirror image.
            let before: Bool
            switch (search.direction, inHead) {
            case (.forward, true): before = !found.wrapped && block < gap
            case (.forward, false): before = !found.wrapped || block < gap
            case (.backward, true): before = !found.wrapped || block >= tailStart
            case (.backward, false): before = !found.wrapped && block >= tailStart
            }
            if before { return [] }
        }
        return [.scanMiddle(MiddleScan(query: search.query, options: search.options, direction: search.direction,
                                       range: range, origin: origin))]
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
        // Positions stay on their text: the head keeps its blocks, the tail's move; in an old window
        // they go to the placeholder.
        func moved(_ p: SourcePosition) -> SourcePosition {
            if p.block >= tailStart { return SourcePosition(block: p.block + newTailStart - tailStart, offset: p.offset) }
            return p.block > gap ? SourcePosition(block: gap, offset: 0) : p
        }
        let article = Article(blocks: newBlocks, sections: Outline.sections(for: newBlocks), metadata: state.article.metadata)
        state.replacePreview(article, tailStart: newTailStart, top: moved(state.topSource))
        state.window = PreviewWindow(blocks: window, line: hit.line, query: scan.query, options: scan.options, direction: scan.direction)
        // Searches held for later are made again on this preview (their blocks moved).
        if var prompt = state.prompt {
            prompt.previous = prompt.previous.map { redo($0, in: state, keeping: nil) }
            prompt.origin = moved(prompt.origin)
            prompt.originLine = state.layout.position(block: prompt.origin.block, offset: prompt.origin.offset)
            prompt.originWidth = state.layout.width
            state.prompt = prompt
        }
        if typing, let prompt = state.prompt { return searchAsYouType(&state, prompt) }
        var search = SearchState(query: scan.query, options: scan.options, direction: scan.direction, index: state.searchIndex,
                                 folding: !state.scansBlocks)
        let origin = moved(scan.origin)
        guard let found = search.next(from: origin.block, offset: origin.offset, scan.direction) else { return [] }
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

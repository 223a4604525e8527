/// Positions as UTF-8 offsets in the whole article's text (its blocks joined by one separator, as
/// `blockStarts` counts them). Unlike a `LinePosition` they survive a change of terminal width, so
/// they are what the program saves (the reading position, the marks) and gives back.
extension ReaderState {
    /// The source offset of the top line's start: where reading resumes.
    ///
    /// While a huge article is still loading this is an offset in the preview; it is the whole
    /// article's only in the preview's head (and for a position asked for with `Reader.go` that the
    /// preview does not hold yet, which is returned as asked until the reader moves).
    public var sourceOffset: Int {
        if let pendingJump, pendingJump.shown == topOffset { return pendingJump.offset }
        return topOffset
    }

    /// The source offset of the top line as laid out now. A blank line between blocks is the
    /// separator's offset (the end of the block above), so going back there shows that very line.
    var topOffset: Int { offset(ofLine: top) }

    /// The source offset where line `position` starts (a blank line: the separator it stands for).
    func offset(ofLine position: LinePosition) -> Int {
        if let line = layout.line(at: position), line.role == .blank { return offset(of: SourcePosition(block: line.block, offset: line.start)) }
        return offset(of: layout.anchor(of: position))
    }

    /// The line showing source offset `offset`: the first line of its block that contains it; at a
    /// block's end (the separator), the first line there: a caption's credit, else the blank line.
    func linePosition(ofOffset offset: Int) -> LinePosition {
        let p = sourcePosition(ofOffset: offset)
        guard article.blocks.indices.contains(p.block) else { return layout.start }
        if p.offset >= article.blocks[p.block].utf8Count,
           let i = layout.lines(ofBlock: p.block).firstIndex(where: { $0.start >= p.offset }) {
            return LinePosition(block: p.block, line: i)
        }
        return layout.position(block: p.block, offset: p.offset)
    }

    /// How far through the article the view is, from 0 to 1 (`ReadingProgress`): the source offset
    /// just past the last line on screen over the whole text; exactly 1 once the end is on screen.
    public var progress: Double { progress(top: top) }

    /// `progress` for a view whose first line is `top` (a mark's place: the list shows what the
    /// status line said there).
    func progress(top: LinePosition) -> Double {
        guard let past = offsetPastView(top: top), let total = blockStarts.last, total > 0 else { return 1 }
        return min(1, Double(past) / Double(total))
    }

    /// The source offset just past the last line of a view starting at `top`, or nil when the end
    /// of the article is in that view.
    func offsetPastView(top: LinePosition) -> Int? {
        let bottom = layout.move(top, by: max(0, geometry.viewHeight - 1))
        guard bottom != layout.end, let line = layout.line(at: bottom) else { return nil }
        return blockStarts[line.block] + line.end
    }

    /// Takes the view into `furthest` (the reader has moved, or asked to go on).
    mutating func noteRead() {
        guard !loading else { return }
        furthest = max(furthest, progress)
    }

    /// The progress to keep when the reader leaves the article, however it leaves (q, L, J, K, U,
    /// :n, a signal): an article whose whole text is on screen was read (1); a longer one only as
    /// far as the reader went (`furthest`: opening alone reads nothing).
    public var progressOnLeaving: Double {
        guard !loading, top == layout.start, offsetPastView(top: top) == nil else { return furthest }
        return 1
    }

    /// The total length of the text, in UTF-8 bytes with one separator per block.
    var sourceLength: Int { blockStarts.last ?? 0 }

    /// The global offset of a position in a block.
    func offset(of position: SourcePosition) -> Int {
        guard blockStarts.indices.contains(position.block) else { return 0 }
        return blockStarts[position.block] + position.offset
    }

    /// The block and offset in it of global offset `offset`, clamped to the article.
    /// - Complexity: O(log blocks).
    func sourcePosition(ofOffset offset: Int) -> SourcePosition {
        let blocks = article.blocks
        guard !blocks.isEmpty else { return SourcePosition(block: 0, offset: 0) }
        let o = max(0, offset)
        let block = blockStarts[..<blocks.count].partitionPoint { $0 <= o } - 1  // blockStarts[0] is 0
        return SourcePosition(block: block, offset: min(o - blockStarts[block], blocks[block].utf8Count))
    }

    /// While loading: where the preview's head ends (its placeholder for the middle starts). A whole
    /// article's offset beyond it is not in the preview yet.
    var previewHeadEnd: Int {
        guard loading else { return Int.max }
        if let gap = gapIndex, gap < article.blocks.count { return blockStarts[gap] }
        return sourceLength
    }

    /// Where the reader is, for a mark or the way back: the offset, and whether it is the preview's
    /// (to be moved into the whole article when it arrives).
    var place: (offset: Int, inPreview: Bool) {
        if let pendingJump, pendingJump.shown == topOffset { return (pendingJump.offset, false) }
        return (topOffset, loading)
    }

    /// The global offset in the whole article `whole` of preview offset `offset` (`self` being the
    /// preview and `wholeStarts` the whole's block starts).
    func wholeOffset(ofPreviewOffset offset: Int, _ whole: Article, wholeStarts: [Int]) -> Int {
        let p = sourcePosition(ofOffset: offset)
        // The block's start, then as far into it: an offset at the block's end (a blank line) stays
        // at this block's end instead of becoming the next block's start.
        let w = positionInWhole(block: p.block, offset: 0, whole)
        guard wholeStarts.indices.contains(w.block) else { return 0 }
        return wholeStarts[w.block] + w.offset + p.offset
    }

    /// Up to `limit` characters of the text from offset `offset` on (the rest of its block, or the
    /// next block's text when the offset is at a block's end), on one line.
    func text(atOffset offset: Int, limit: Int = 80) -> String {
        var p = sourcePosition(ofOffset: offset)
        let blocks = article.blocks
        guard blocks.indices.contains(p.block) else { return "" }
        if p.offset >= blocks[p.block].utf8Count, p.block + 1 < blocks.count {
            p = SourcePosition(block: p.block + 1, offset: 0)
        }
        let text = blocks[p.block].text
        // Walk whole characters: an offset given by the program may fall inside one.
        var consumed = 0
        var start = text.startIndex
        while start < text.endIndex, consumed < p.offset {
            consumed += text[start].utf8.count
            start = text.index(after: start)
        }
        let rest = text[start...].prefix(limit)
        return String(rest.map { $0.isNewline ? " " : $0 })
    }
}

/// The article laid out at one reading-column width, computed lazily block by block.
///
/// Nothing is wrapped until it is asked for: the first screen of a huge article costs only the blocks
/// on it. A block's lines are cached once computed. Positions are `LinePosition`s (block, line in
/// block); `anchor(of:)` and `position(block:offset:)` convert to and from `SourcePosition`s, which
/// survive a change of width.
public final class Layout {
    public let article: Article
    /// The reading column's width in terminal columns.
    public let width: Int
    /// Wrapped blocks by index, in chunks of 256 made when first reached: no table the size of a
    /// huge article, and no `[Int: …]` (the first dictionary keyed by a type costs the Swift runtime a
    /// scan of every protocol conformance in the binary, on the way to the first screen).
    private var chunks: [[[LayoutLine]?]?]
    private static let chunkShift = 8

    public init(article: Article, width: Int) {
        self.article = article
        self.width = max(1, width)
        chunks = Array(repeating: nil, count: (article.blocks.count >> Layout.chunkShift) + 1)
    }

    public var blockCount: Int { article.blocks.count }

    /// How many blocks have been wrapped so far (laziness is observable in tests).
    private(set) var cachedBlockCount = 0

    /// The lines of block `index`, including the blank line that separates it from the next block.
    public func lines(ofBlock index: Int) -> [LayoutLine] {
        let chunk = index >> Layout.chunkShift, slot = index & (1 << Layout.chunkShift - 1)
        if let cached = chunks[chunk]?[slot] { return cached }
        let lines = BlockLayout.lines(of: article.blocks[index], at: index, next: index + 1 < article.blocks.count
            ? article.blocks[index + 1].kind : nil, width: width, meta: index == 0 ? article.metadata.summaryLine : nil)
        if chunks[chunk] == nil { chunks[chunk] = Array(repeating: nil, count: 1 << Layout.chunkShift) }
        chunks[chunk]![slot] = lines
        cachedBlockCount += 1
        return lines
    }

    /// The first line of the article.
    public var start: LinePosition { LinePosition(block: 0, line: 0) }

    /// The last line of the article.
    public var end: LinePosition {
        guard blockCount > 0 else { return start }
        let last = blockCount - 1
        return LinePosition(block: last, line: lines(ofBlock: last).count - 1)
    }

    /// The line at `position`, or nil past the end.
    public func line(at position: LinePosition) -> LayoutLine? {
        guard position.block >= 0, position.block < blockCount else { return nil }
        let lines = lines(ofBlock: position.block)
        return position.line >= 0 && position.line < lines.count ? lines[position.line] : nil
    }

    /// The position `count` lines after (or, if negative, before) `position`, clamped to the article.
    /// - Complexity: O(|count|) plus the wrapping of blocks not yet laid out on the way.
    public func move(_ position: LinePosition, by count: Int) -> LinePosition {
        guard blockCount > 0 else { return start }
        var p = position
        var remaining = count
        while remaining > 0 {
            let n = lines(ofBlock: p.block).count
            let room = n - 1 - p.line
            if remaining <= room { p.line += remaining; return p }
            if p.block + 1 >= blockCount { p.line = n - 1; return p }
            remaining -= room + 1
            p = LinePosition(block: p.block + 1, line: 0)
        }
        while remaining < 0 {
            if -remaining <= p.line { p.line += remaining; return p }
            if p.block == 0 { return start }
            remaining += p.line + 1
            p = LinePosition(block: p.block - 1, line: lines(ofBlock: p.block - 1).count - 1)
        }
        return p
    }

    /// Up to `count` lines starting at `position`.
    public func lines(from position: LinePosition, count: Int) -> [LayoutLine] {
        var result: [LayoutLine] = []
        var p = position
        while result.count < count, p.block < blockCount {
            let lines = lines(ofBlock: p.block)
            while p.line < lines.count && result.count < count {
                result.append(lines[p.line])
                p.line += 1
            }
            p = LinePosition(block: p.block + 1, line: 0)
        }
        return result
    }

    /// The highest top line that still fills a view of `height` lines (the end of the article at the bottom).
    public func lastTop(height: Int) -> LinePosition {
        move(end, by: -(max(1, height) - 1))
    }

    /// The source anchor of a line: its block and the offset where it starts. The blank line after a
    /// block anchors to the start of the next block: that is the paragraph about to be read.
    public func anchor(of position: LinePosition) -> SourcePosition {
        guard let line = line(at: position) else {
            return SourcePosition(block: max(0, min(position.block, blockCount - 1)), offset: 0)
        }
        if line.role == .blank && line.block + 1 < blockCount { return SourcePosition(block: line.block + 1, offset: 0) }
        return SourcePosition(block: line.block, offset: line.start)
    }

    /// The first line of block `block` that contains source offset `offset` (or the block's last text line).
    public func position(block: Int, offset: Int) -> LinePosition {
        guard blockCount > 0 else { return start }
        let b = max(0, min(block, blockCount - 1))
        let lines = lines(ofBlock: b)
        var best = 0
        for (i, line) in lines.enumerated() where line.role != .blank {
            if line.start <= offset { best = i }
            if line.end > offset { break }
        }
        return LinePosition(block: b, line: best)
    }
}

/// Huge input: a preview to open on, and blocks small enough for the lazy layout.
extension PlainTextImporter {
    /// Input larger than this opens on a preview of its start while the whole imports.
    public static let previewThreshold = 512 * 1024
    /// About how much of the input the preview holds.
    static let previewSize = 16 * 1024
    /// A block longer than this (no news paragraph is) is cut in pieces, so that laying out a
    /// screen never wraps megabytes (a 100 MB file without a newline is one paragraph).
    static let maxBlockBytes = 64 * 1024

    /// How many bytes of each end of the input a preview is made from.
    public static let previewSpan = 2 * previewSize

    /// Whether input of `count` bytes starting with `start` opens on a preview: it is larger than
    /// `previewThreshold` and not UTF-16 or UTF-32 (never huge in practice).
    /// (An array, not a generic collection: a generic call from another module is not specialised,
    /// and its first `starts(with:)` costs a scan of every conformance in the binary.)
    public static func wantsPreview(count: Int, start: [UInt8]) -> Bool {
        count > previewThreshold && !Encoding(start: start).isWide
    }

    /// Where to cut `bytes` for a preview, or nil when the input is small enough to import at once.
    public static func previewCut(_ bytes: [UInt8]) -> Int? {
        wantsPreview(count: bytes.count, start: bytes) ? headCut(bytes) : nil
    }

    /// Where the head of a preview ends: the first blank line after `previewSize` bytes, else a line
    /// end, else a space, else a UTF-8 sequence boundary.
    static func headCut(_ head: [UInt8]) -> Int {
        let window = min(previewSize, head.count - 1)..<min(head.count, previewSize * 2)
        if let blank = window.first(where: { $0 > 0 && head[$0] == 0x0A && head[$0 - 1] == 0x0A }) { return blank }
        if let line = window.first(where: { head[$0] == 0x0A }) { return line }
        if let space = window.first(where: { head[$0] == 0x20 }) { return space }
        var cut = window.lowerBound
        while cut > 0, head[cut] & 0xC0 == 0x80 { cut -= 1 }
        return cut
    }

    /// Where the tail of a preview starts in `tail` (the input's last bytes): just after the last
    /// blank line at least `previewSize` bytes before the end, else a line end, else a space, else at
    /// a UTF-8 sequence boundary.
    static func tailCut(_ tail: [UInt8]) -> Int {
        let window = 1..<max(1, tail.count - previewSize)
        if let blank = window.reversed().first(where: { tail[$0] == 0x0A && tail[$0 - 1] == 0x0A }) { return blank + 1 }
        if let line = window.reversed().first(where: { tail[$0] == 0x0A }) { return line + 1 }
        if let space = window.reversed().first(where: { tail[$0] == 0x20 }) { return space + 1 }
        var cut = window.upperBound
        while cut < tail.count - 1, tail[cut] & 0xC0 == 0x80 { cut += 1 }
        return cut
    }

    /// What a reader shows of a huge article while the whole imports: its head and its tail, with a
    /// block between them that says the middle is on its way. `tailStart` is the index of the
    /// tail's first block; the tail's blocks are the whole article's last blocks.
    public struct Preview: Sendable {
        public var article: Article
        public var tailStart: Int?
        /// How many of the input's first bytes the head shows, and of its last bytes the tail: the
        /// bytes between are the middle, which a search scans in the file while the whole imports.
        public var headCount = 0, tailCount = 0
    }

    /// The placeholder between a preview's head and tail.
    public static let previewGap = "⋯ đang nạp phần giữa của bài ⋯"

    /// The preview of `bytes`, or nil when they are small enough to import at once.
    public static func preview(of bytes: [UInt8]) -> Preview? {
        guard wantsPreview(count: bytes.count, start: bytes) else { return nil }
        return preview(head: Array(bytes.prefix(previewSpan)), tail: Array(bytes.suffix(previewSpan)))
    }

    /// The preview made from the input's first and last `previewSpan` bytes (read without reading
    /// the rest: the first screen of a 100 MB file costs two small reads).
    public static func preview(head: [UInt8], tail: [UInt8]) -> Preview {
        let headCount = headCut(head), tailCount = tail.count - tailCut(tail)
        let headArticle = importArticle(bytes: Array(head[..<headCount])).article
        let tailBlocks = blocks(ofPiece: Array(tail[(tail.count - tailCount)...]))
        var blocks = headArticle.blocks
        blocks.append(Block(.paragraph, previewGap))
        let tailStart = blocks.count
        blocks += tailBlocks
        let article = Article(blocks: blocks, sections: Outline.sections(for: blocks), metadata: headArticle.metadata)
        return Preview(article: article, tailStart: tailStart, headCount: headCount, tailCount: tailCount)
    }

    /// The blocks of a piece of the input after its start (a preview's tail, the text around a
    /// match found in the middle while the whole imports), cut at a line break. It is imported
    /// behind a stand-in title line, which is then dropped, so its blocks come out as the whole's
    /// (end matter included); its first paragraph is no lead but the body paragraph it is.
    public static func blocks(ofPiece bytes: [UInt8]) -> [Block] {
        let article = importArticle(bytes: Array("…\n\n".utf8) + bytes).article
        var blocks = Array(article.blocks.drop { $0.kind == .title })
        if let first = blocks.first, first.kind == .lead { blocks[0] = block(for: first.text) }
        return blocks
    }

    /// The blocks with every block longer than `maxBlockBytes` cut into pieces of the same kind, at
    /// the last space before the limit (or, in a run without spaces, between grapheme clusters).
    static func splittingLongBlocks(_ blocks: [Block]) -> [Block] {
        guard blocks.contains(where: { $0.utf8Count > maxBlockBytes }) else { return blocks }
        var result: [Block] = []
        for block in blocks {
            guard block.utf8Count > maxBlockBytes else { result.append(block); continue }
            // The first piece keeps the block's kind (one title, one lead), the last its credit and
            // address; the pieces between are paragraphs.
            let parts = pieces(of: block.text)
            for (i, piece) in parts.enumerated() {
                var copy = block
                copy.text = piece
                if i > 0 && (block.kind == .title || block.kind == .lead) { copy.kind = .paragraph }
                if i < parts.count - 1 { copy.credit = nil; copy.url = nil }
                result.append(copy)
            }
        }
        return result
    }

    /// The last grapheme cluster boundary at or before the UTF-8 position `limit` and after `start`;
    /// in a run of marks too long to be a character, the last scalar boundary. Only the scalars just
    /// before `limit` are looked at, as a string of their own: asking the whole text whether an index
    /// is a boundary costs the length of the cluster around it, and a cluster of a million marks cut
    /// in pieces made that quadratic.
    static func clusterBoundary(in text: String, atOrBefore limit: String.Index, after start: String.Index) -> String.Index {
        let scalars = text.unicodeScalars
        var scalar = limit
        while scalar > start, text.utf8[scalar] & 0xC0 == 0x80 { scalar = text.utf8.index(before: scalar) }
        guard scalar > start else { return limit }
        // The 32 scalars before the cut, 32 more before them for context, and the one after it.
        let from = scalars.index(scalar, offsetBy: -64, limitedBy: start) ?? start
        let to = scalars.index(scalar, offsetBy: 1, limitedBy: scalars.endIndex) ?? scalars.endIndex
        let local = String(scalars[from..<to])
        let localScalars = local.unicodeScalars
        var cut = scalar
        var localCut = localScalars.index(localScalars.startIndex, offsetBy: scalars.distance(from: from, to: scalar))
        for _ in 0..<32 {
            guard cut > start else { break }
            if localCut.samePosition(in: local) != nil { return cut }
            cut = scalars.index(before: cut)
            localCut = localScalars.index(before: localCut)
        }
        return scalar
    }

    private static func pieces(of text: String) -> [String] {
        var pieces: [String] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        while utf8.distance(from: start, to: utf8.endIndex) > maxBlockBytes {
            let limit = utf8.index(start, offsetBy: maxBlockBytes)
            let window = utf8[utf8.index(start, offsetBy: maxBlockBytes / 2)..<limit]
            var cut: String.Index
            if let space = window.lastIndex(of: 0x20) {
                cut = space
            } else {
                cut = clusterBoundary(in: text, atOrBefore: limit, after: start)
            }
            let piece = LineShape.trimmed(text[start..<cut])
            if !piece.isEmpty { pieces.append(piece) }
            start = cut
        }
        let last = LineShape.trimmed(text[start...])
        if !last.isEmpty { pieces.append(last) }
        return pieces
    }
}

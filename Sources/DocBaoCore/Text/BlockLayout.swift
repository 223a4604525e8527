/// How each kind of block is set in the reading column: indents, alignment, extra lines, spacing.
enum BlockLayout {
    /// A string to wrap as part of a block and how its offsets map back to the block's text.
    private struct Piece {
        var text: String
        var role: LayoutLine.Role
        /// Added to the piece's offsets to get offsets in the block's text; nil for text that is not
        /// the block's own (a credit, an address), which sits at the block's end.
        var shift: Int?
        var indent = 0
        /// Extra indent of every line but the first (a list item's text under its bullet).
        var hanging = 0
        var alignRight = false
    }

    /// The lines of one block at `width` columns, followed by a blank separator unless it is the last
    /// block, or a photo title or list item followed by its caption or next item.
    /// `meta` is the article's date, source and address, set under its title (the first block).
    static func lines(of block: Block, at index: Int, next: Block.Kind?, width: Int, meta: String? = nil) -> [LayoutLine] {
        let end = block.text.utf8.count
        var lines: [LayoutLine] = []
        switch block.kind {
        case .code: lines = CodeLayout.lines(of: block, at: index, width: width)
        case .tableRow: lines = TableLayout.lines(of: block, at: index, width: width)
        default: lines = wrapped(block, at: index, width: width, meta: index == 0 && block.kind == .title ? meta : nil)
        }
        let staysWithNext = (block.kind == .photoTitle && next == .caption)
            || (block.kind == .listItem && next == .listItem)
            || (block.kind == .tableRow && next == .tableRow)
        if next != nil && !staysWithNext {
            lines.append(LayoutLine(block: index, start: end, end: end, text: "", indent: 0, width: 0, role: .blank))
        }
        return lines
    }

    /// The block's pieces wrapped at `width`.
    private static func wrapped(_ block: Block, at index: Int, width: Int, meta: String?) -> [LayoutLine] {
        let end = block.text.utf8.count
        var lines: [LayoutLine] = []
        var pieces = pieces(of: block)
        if let meta { pieces.append(Piece(text: meta, role: .meta, shift: nil)) }
        for piece in pieces {
            let wrapWidth = max(1, width - piece.indent - piece.hanging)
            let text = piece.text
            let utf8 = text.utf8
            for w in Wrapper.wrap(text, width: wrapWidth) {
                let lo = utf8.index(utf8.startIndex, offsetBy: w.start)
                let hi = utf8.index(utf8.startIndex, offsetBy: w.visibleEnd)
                var indent = piece.indent + (w.start > 0 ? piece.hanging : 0)
                if piece.alignRight { indent = max(0, width - w.width) }
                let start = piece.shift.map { min(end, max(0, w.start + $0)) } ?? end
                let stop = piece.shift.map { min(end, max(0, w.end + $0)) } ?? end
                lines.append(LayoutLine(block: index, start: start, end: stop, text: text[lo..<hi],
                                        textStart: piece.shift.map { w.start + $0 },
                                        indent: indent, width: w.width, role: piece.role))
            }
        }
        return lines
    }

    private static func pieces(of block: Block) -> [Piece] {
        let text = block.text
        switch block.kind {
        case .title: return [Piece(text: text, role: .title, shift: 0)]
        case .lead: return [Piece(text: text, role: .lead, shift: 0)]
        case .heading: return [Piece(text: text, role: .heading, shift: 0)]
        case .paragraph: return [Piece(text: text, role: .body, shift: 0)]
        case .photoTitle: return [Piece(text: text, role: .photoTitle, shift: 0, indent: 2)]
        case .caption:
            var result = [Piece(text: text, role: .caption, shift: 0, indent: 2)]
            if let credit = block.credit, !credit.isEmpty {
                result.append(Piece(text: credit, role: .credit, shift: nil, indent: 2))
            }
            return result
        case .listItem:
            // Items that carry their own marker ("- ", "+ " …) keep it; the others get a bullet.
            let marked = text.first.map { "-–—•*+·".contains($0) } == true && text.dropFirst().first == " "
            let bullet = marked ? "" : "• "
            return [Piece(text: bullet + text, role: .listItem, shift: -bullet.utf8.count, hanging: 2)]
        case .byline: return [Piece(text: text, role: .byline, shift: 0, alignRight: true)]
        case .quote: return [Piece(text: text, role: .quote, shift: 0, indent: 4)]
        case .code, .tableRow: return [Piece(text: text, role: .body, shift: 0)]  // laid out apart
        case .source:
            var result: [Piece] = []
            if !text.isEmpty { result.append(Piece(text: text, role: .source, shift: 0)) }
            if let url = block.url, !url.isEmpty, url != text { result.append(Piece(text: url, role: .url, shift: nil)) }
            if result.isEmpty { result.append(Piece(text: "", role: .source, shift: 0)) }
            return result
        }
    }
}

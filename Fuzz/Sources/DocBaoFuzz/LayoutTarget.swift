import DocBaoCore

/// Wrapping and layout: the first byte gives the width (1…200), the rest is text. The text is wrapped
/// as it is, then cleaned, cut into blocks at newlines (a line's first byte picks its kind; a "|"
/// starts a caption's credit or a source's address) and laid out.
enum LayoutTarget {
    static func run(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        let width = 1 + Int(first) % 200
        let text = PlainTextImporter.decode(Array(bytes.dropFirst())).text
        checkWrap(text, width: width)
        let kinds = Block.Kind.allCases
        let blocks = TextSanitizer.clean(text).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let kind = kinds[Int(line.utf8.first ?? 0) % kinds.count]
            let parts = line.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let extra = parts.count > 1 ? parts[1] : nil
            return Block(kind, parts[0], credit: kind == .caption ? extra : nil, url: kind == .source ? extra : nil)
        }
        checkLayout(Article(blocks: blocks, sections: Outline.sections(for: blocks)), width: width)
    }

    /// Wrapper's contract: lines tile the text (so concatenating them restores it), what a line does
    /// not show is only the spaces or newline it broke at, no line splits a grapheme cluster, and no
    /// line is wider than `width` unless it is a single cluster wider than that.
    static func checkWrap(_ text: String, width: Int) {
        let lines = Wrapper.wrap(text, width: width)
        let utf8 = Array(text.utf8)
        let boundaries = Check.graphemeBoundaries(text)
        require(!lines.isEmpty, "no lines")
        var previousEnd = 0
        for line in lines {
            require(line.start == previousEnd, "line \(line) does not start where the last ended (\(previousEnd))")
            require(line.start <= line.visibleEnd && line.visibleEnd <= line.end && line.end <= utf8.count, "line \(line) is inside out")
            require(boundaries.contains(line.start) && boundaries.contains(line.visibleEnd) && boundaries.contains(line.end),
                    "line \(line) splits a grapheme cluster")
            let shown = String(decoding: utf8[line.start..<line.visibleEnd], as: UTF8.self)
            require(DisplayWidth.of(shown) == line.width, "line \(line) shows \(DisplayWidth.of(shown)) columns")
            require(line.width <= width || shown.count == 1, "line \(line) \(shown.debugDescription) is wider than \(width)")
            let hidden = String(decoding: utf8[line.visibleEnd..<line.end], as: UTF8.self)
            require(hidden.allSatisfy(isBreak), "line \(line) hides \(hidden.debugDescription)")
            previousEnd = line.end
        }
        require(previousEnd == utf8.count, "the lines end at \(previousEnd) of \(utf8.count) bytes")
    }

    /// Where the wrapper breaks lines: newlines and breaking spaces.
    private static func isBreak(_ c: Character) -> Bool {
        c == "\n" || c == "\r\n" || c == " " || c == "\u{200B}" || c == "\u{3000}" || c == "\u{2002}" || c == "\u{2003}" || c == "\u{2009}"
    }

    /// Layout's contract, block by block: lines that carry the block's own text tile it without
    /// splitting a cluster, show that text at `textStart`, and fit the column (indent included, for
    /// widths of 3 and more) unless a single cluster is wider; walking the layout gives the same lines.
    static func checkLayout(_ article: Article, width: Int) {
        let layout = Layout(article: article, width: width)
        var all: [LayoutLine] = []
        for (index, block) in article.blocks.enumerated() {
            let lines = layout.lines(ofBlock: index)
            let own = Array(block.text.utf8)
            let boundaries = Check.graphemeBoundaries(block.text)
            var cursor = 0
            for line in lines {
                require(line.block == index, "a line of block \(index) says block \(line.block)")
                require(0 <= line.start && line.start <= line.end && line.end <= own.count, "line \(line.start)..<\(line.end) of \(own.count) bytes")
                if line.start < line.end {
                    require(line.start == cursor, "block \(index): a line starts at \(line.start), not \(cursor)")
                    require(boundaries.contains(line.start) && boundaries.contains(line.end),
                            "block \(index): line \(line.start)..<\(line.end) splits a grapheme cluster")
                    cursor = line.end
                }
                if let textStart = line.textStart, textStart >= 0 {
                    let shown = Array(line.text.utf8)
                    require(textStart + shown.count <= own.count && own[textStart..<(textStart + shown.count)].elementsEqual(shown),
                            "block \(index): line \(line.text.debugDescription) is not the block's text at \(textStart)")
                }
                require(DisplayWidth.of(line.text) == line.width, "line \(line.text.debugDescription) says width \(line.width)")
                require(line.indent >= 0, "negative indent")
                let single = line.text.count == 1
                require(line.width <= max(1, width - line.indent) || single,
                        "block \(index) (\(block.kind)): line \(line.text.debugDescription) is \(line.width) wide after an indent of \(line.indent) in \(width)")
                require(width < 3 || line.indent + line.width <= width || single,
                        "block \(index) (\(block.kind)): line \(line.text.debugDescription) with indent \(line.indent) overflows \(width)")
            }
            require(own.isEmpty || cursor == own.count, "block \(index): lines cover \(cursor) of \(own.count) bytes")
            all += lines
        }
        require(layout.lines(from: layout.start, count: all.count + 1) == all, "walking the layout gives other lines")
    }
}

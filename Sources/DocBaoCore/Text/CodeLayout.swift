/// Preformatted text laid out as written: each of its lines is one screen line, its spaces kept,
/// cut between grapheme clusters only where it passes the width (never re-flowed at spaces, which
/// would break the shape of code, a poem or an ASCII table).
enum CodeLayout {
    static func lines(of block: Block, at blockIndex: Int, width: Int) -> [LayoutLine] {
        let text = block.text
        let indent = width > 8 ? 2 : 0
        let room = max(1, width - indent)
        var lines: [LayoutLine] = []
        var lineStart = text.startIndex
        var offset = 0  // UTF-8 offset of `lineStart`
        var columns = 0
        var index = text.startIndex
        func close(at end: String.Index, next: String.Index, nextOffset: Int) {
            lines.append(LayoutLine(block: blockIndex, start: offset, end: nextOffset, text: text[lineStart..<end],
                                    textStart: offset, indent: indent, width: columns, role: .code))
            lineStart = next
            offset = nextOffset
            columns = 0
        }
        var cursor = offset
        while index < text.endIndex {
            let c = text[index]
            let after = text.index(after: index)
            let size = c.utf8.count
            if c == "\n" || c == "\r\n" {
                close(at: index, next: after, nextOffset: cursor + size)
            } else {
                let w = DisplayWidth.of(c)
                // A cluster that would pass the width starts a line, unless the line is empty: only a
                // line of one cluster may be wider than the room (a zero-width cluster before a wide
                // one counts: the fuzzer found "\u{2062}쎡" 2 wide in 1 column).
                if columns + w > room && index > lineStart { close(at: index, next: index, nextOffset: cursor) }
                columns += w
            }
            cursor += size
            index = after
        }
        if lineStart < text.endIndex || lines.isEmpty {
            close(at: text.endIndex, next: text.endIndex, nextOffset: cursor)
        }
        return lines
    }
}

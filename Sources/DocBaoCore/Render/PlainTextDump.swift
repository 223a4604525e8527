/// The article as plain text wrapped at a width: what `--dump` and a non-terminal stdout print.
public enum PlainTextDump {
    /// Every line of the layout at `width` columns, indents as spaces, each line ended by "\n".
    public static func render(_ article: Article, width: Int) -> String {
        var out = ""
        write(article, width: width) { out += $0 }
        return out
    }

    /// `render`, handed to `write` in pieces of about `pieceSize` bytes as the blocks are laid out:
    /// a 100 MB article is printed holding one block's lines, not its whole text and layout.
    public static func write(_ article: Article, width: Int, pieceSize: Int = 64 << 10, to write: (String) -> Void) {
        var out = ""
        forEachLine(of: article, width: width) { line in
            if !line.text.isEmpty { out += String(repeating: " ", count: line.indent) }
            out += line.text
            out += "\n"
            if out.utf8.count >= pieceSize {
                write(out)
                out = ""
            }
        }
        if !out.isEmpty { write(out) }
    }

    /// Every line of the article's layout at `width` columns, in order, each block laid out when
    /// reached and dropped after (a `Layout` keeps them all, for a reader going back and forth).
    public static func forEachLine(of article: Article, width: Int, _ body: (LayoutLine) -> Void) {
        let blocks = article.blocks
        for index in blocks.indices {
            let next = index + 1 < blocks.count ? blocks[index + 1].kind : nil
            let meta = index == 0 ? article.metadata.summaryLine : nil
            for line in BlockLayout.lines(of: blocks[index], at: index, next: next, width: max(1, width), meta: meta) { body(line) }
        }
    }
}

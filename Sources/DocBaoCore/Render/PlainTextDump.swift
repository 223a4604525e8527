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
    /// reached and dropped after (a `Layout` keeps them all, for a reader going back and forth);
    /// then the list of the article's links, if it has any.
    /// `meta`: whether the line under the title (date, source, address) is among them.
    public static func forEachLine(of article: Article, width: Int, meta withMeta: Bool = true, _ body: (LayoutLine) -> Void) {
        let blocks = article.blocks
        for index in blocks.indices {
            let next = index + 1 < blocks.count ? blocks[index + 1].kind : nil
            let meta = index == 0 && withMeta ? article.metadata.summaryLine : nil
            for line in BlockLayout.lines(of: blocks[index], at: index, next: next, width: max(1, width), meta: meta) { body(line) }
        }
        forEachLinkLine(of: article, width: max(1, width), body)
    }

    /// The heading of the list of links printed after the article.
    public static let linksHeading = "Liên kết:"

    /// The links as lynx and w3m list them after a page: a heading, then "[n] address" per link,
    /// an address too long for the width continued under the first (lines past the last block).
    static func forEachLinkLine(of article: Article, width: Int, _ body: (LayoutLine) -> Void) {
        guard !article.links.isEmpty else { return }
        let after = article.blocks.count
        func line(_ text: String, indent: Int, role: LayoutLine.Role) -> LayoutLine {
            LayoutLine(block: after, start: 0, end: 0, text: Substring(text), indent: indent, width: DisplayWidth.of(text), role: role)
        }
        if after > 0 { body(line("", indent: 0, role: .blank)) }
        body(line(linksHeading, indent: 0, role: .heading))
        for link in article.links {
            let label = link.reference + " "
            let hanging = label.count
            let wrapped = Wrapper.wrap(link.url, width: max(1, width - hanging))
            let utf8 = link.url.utf8
            for (n, piece) in wrapped.enumerated() {
                let lo = utf8.index(utf8.startIndex, offsetBy: piece.start), hi = utf8.index(utf8.startIndex, offsetBy: piece.visibleEnd)
                let text = String(link.url[lo..<hi])
                body(n == 0 ? line(label + text, indent: 0, role: .url) : line(text, indent: hanging, role: .url))
            }
            if wrapped.isEmpty { body(line(label, indent: 0, role: .url)) }
        }
    }
}

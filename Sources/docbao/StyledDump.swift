import DocBaoCore
import DocBaoTerminal

/// `--dump` output: the plain text layout, or with `--color=always` each line in its theme's look.
enum StyledDump {
    /// The article's lines, handed to `write` in pieces as the blocks are laid out (`PlainTextDump.write`).
    static func write(_ article: Article, width: Int, theme: Theme?, to write: (String) -> Void) {
        guard let theme else { return PlainTextDump.write(article, width: width, to: write) }
        var out = ""
        PlainTextDump.forEachLine(of: article, width: width) { line in
            if !line.text.isEmpty {
                let sgr = theme.sgr(Renderer.style(for: line.role))
                out += String(repeating: " ", count: line.indent)
                out += sgr.isEmpty ? String(line.text) : sgr + line.text + "\u{1B}[0m"
            }
            out += "\n"
            if out.utf8.count >= 64 << 10 {
                write(out)
                out = ""
            }
        }
        if !out.isEmpty { write(out) }
    }
}

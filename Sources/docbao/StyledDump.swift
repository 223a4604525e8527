import DocBaoCore
import DocBaoTerminal

/// `--dump` output: the plain text layout, or with `--color=always` each line in its theme's look.
enum StyledDump {
    static func render(_ article: Article, width: Int, theme: Theme?) -> String {
        guard let theme else { return PlainTextDump.render(article, width: width) }
        let layout = Layout(article: article, width: width)
        var out = ""
        for block in 0..<layout.blockCount {
            for line in layout.lines(ofBlock: block) {
                if !line.text.isEmpty {
                    let sgr = theme.sgr(Renderer.style(for: line.role))
                    out += String(repeating: " ", count: line.indent)
                    out += sgr.isEmpty ? String(line.text) : sgr + line.text + "\u{1B}[0m"
                }
                out += "\n"
            }
        }
        return out
    }
}

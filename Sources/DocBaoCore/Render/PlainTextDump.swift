/// The article as plain text wrapped at a width: what `--dump` and a non-terminal stdout print.
public enum PlainTextDump {
    /// Every line of the layout at `width` columns, indents as spaces, each line ended by "\n".
    public static func render(_ article: Article, width: Int) -> String {
        let layout = Layout(article: article, width: width)
        var out = ""
        for block in 0..<layout.blockCount {
            for line in layout.lines(ofBlock: block) {
                if !line.text.isEmpty { out += String(repeating: " ", count: line.indent) }
                out += line.text
                out += "\n"
            }
        }
        return out
    }
}

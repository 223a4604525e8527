/// The article as Markdown (`docbao export --format markdown`): its structure marked up, its words
/// as they are. The title is a `#` heading, the body's headings `##` (a section that starts at a
/// paragraph, such as "Thứ nhất, …", stays a paragraph: its label is the reader's, not the
/// author's), the lead and photo titles bold, list items `-` (or as numbered when the author
/// numbered them), captions in italics followed by their credit, the byline bold, the sources as
/// written with their addresses. Characters Markdown would read as markup are escaped with `\`,
/// so a renderer shows them as written.
public enum MarkdownExport {
    public static func render(_ article: Article) -> String {
        var out: [String] = []
        var previous: Block.Kind?
        for block in article.blocks {
            let text = block.text
            defer { previous = block.kind }
            switch block.kind {
            case .title: out.append("# " + inline(text))
            case .heading: out.append("## " + inline(text))
            case .lead, .photoTitle, .byline: out.append(strong(text))
            case .paragraph: out.append(paragraph(text))
            case .listItem: out.append(listItem(text))
            case .caption:
                var line = emphasis(text)
                if let credit = block.credit, !credit.isEmpty { line += " — " + inline(credit) }
                out.append(line)
            case .source:
                var parts: [String] = []
                if !text.isEmpty { parts.append(paragraph(text)) }
                if let url = block.url, !url.isEmpty { parts.append("<" + url.filter { $0 != ">" && $0 != "<" && !$0.isWhitespace } + ">") }
                if !parts.isEmpty { out.append(parts.joined(separator: " ")) }
            case .quote: out.append(lines(text).map { "> " + inline($0) }.joined(separator: "\n"))
            case .code: out.append(fenced(text))
            case .tableRow:
                let cells = block.cells
                // A table's first row is its header line, as Markdown tables need one.
                if previous == .tableRow, var last = out.popLast() {
                    last += "\n" + tableLine(cells)
                    out.append(last)
                } else {
                    out.append(tableLine(cells) + "\n" + tableLine(cells.map { _ in "---" }, escaping: false))
                }
            }
        }
        // Consecutive list items make one list.
        var result = ""
        for (i, paragraph) in out.enumerated() {
            if i > 0 { result += isListLine(out[i - 1]) && isListLine(paragraph) ? "\n" : "\n\n" }
            result += paragraph
        }
        return result + "\n"
    }

    /// A paragraph's text, escaped, with what would start a block of another kind (a heading, a
    /// quote, a list, a rule) made literal.
    static func paragraph(_ text: String) -> String {
        lines(text).map { line in
            let escaped = inline(line)
            if let first = escaped.first, "#>+-=|".contains(first) { return "\\" + escaped }
            if let marker = numberedMarker(escaped) {
                // "1. " or "1) " at a line's start would become a numbered list.
                return String(escaped[..<marker]) + "\\" + String(escaped[marker...])
            }
            return escaped
        }.joined(separator: "\n")
    }

    /// A list item: the author's own marker kept (a number stays a number), a bullet otherwise.
    static func listItem(_ text: String) -> String {
        let escaped = inline(text)
        if numberedMarker(escaped) != nil { return escaped }
        for bullet in ["- ", "• ", "– ", "* ", "+ "] where text.hasPrefix(bullet) {
            return "- " + inline(String(text.dropFirst(bullet.count)))
        }
        return "- " + escaped
    }

    /// A table row: `| a | b |`, a `|` in a cell escaped.
    static func tableLine(_ cells: [String], escaping: Bool = true) -> String {
        "| " + cells.map { escaping ? inline($0).replacing("|", with: "\\|") : $0 }.joined(separator: " | ") + " |"
    }

    /// Preformatted text in a fence longer than any run of backticks in it, so it ends where it should.
    static func fenced(_ text: String) -> String {
        var longest = 0, run = 0
        for c in text { if c == "`" { run += 1; longest = max(longest, run) } else { run = 0 } }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + "\n" + text + "\n" + fence
    }

    static func strong(_ text: String) -> String { wrap(text, "**") }
    static func emphasis(_ text: String) -> String { wrap(text, "*") }

    /// `text` between `mark`s, line by line (an emphasis cannot span a blank line), its white
    /// space at the ends kept outside (where Markdown would not take the mark).
    static func wrap(_ text: String, _ mark: String) -> String {
        lines(text).map { line in
            var trimmed = Substring(line)
            while trimmed.first?.isWhitespace == true { trimmed.removeFirst() }
            while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
            return trimmed.isEmpty ? line : mark + inline(String(trimmed)) + mark
        }.joined(separator: "\n")
    }

    /// The block's lines: a line break in a block stays one (two spaces before it, a hard break).
    static func lines(_ text: String) -> [String] {
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return parts.enumerated().map { i, line in i < parts.count - 1 ? line + "  " : line }
    }

    /// The characters that mark up inside a line, escaped.
    static func inline(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            if "\\`*_[]<>".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }

    /// Where the "." or ")" of a leading "12. " or "3) " is, if the line starts so.
    static func numberedMarker(_ line: String) -> String.Index? {
        var i = line.startIndex
        var digits = 0
        while i < line.endIndex, line[i].isASCII, line[i].isNumber, digits < 9 {
            digits += 1
            i = line.index(after: i)
        }
        guard digits > 0, i < line.endIndex, line[i] == "." || line[i] == ")" else { return nil }
        let after = line.index(after: i)
        guard after == line.endIndex || line[after] == " " else { return nil }
        return i
    }

    static func isListLine(_ line: String) -> Bool { line.hasPrefix("- ") || numberedMarker(line) != nil }
}


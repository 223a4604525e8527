import DocBaoCore
import Foundation

/// Turns the article's elements into docbao blocks: paragraphs, headings (h2–h4 and deeper; h1
/// inside the text too), list items, quotes, preformatted text, data tables as rows, figures as
/// their captions (credits kept as written), links as "[n]" after their words. Walks the tree in
/// a loop (enter and leave events on an explicit stack), never by recursion.
struct BlockBuilder {
    private(set) var blocks: [Block] = []
    private(set) var links: [Link] = []
    /// The blocks that were paragraphs of bold text only ("<p><strong>…</strong></p>"), made
    /// headings: news sites write their sections so, and sign so at the end (the byline).
    private(set) var boldParagraphs: Set<Int> = []
    let tree: HTMLTree
    let base: URL?
    /// Used by the finder to tell a data table from a layout one.
    let isDataTable: (Int32) -> Bool

    /// Inline text waiting for its block, and the kind it will be.
    private var buffer = ""
    private var pendingSpace = false
    private var kinds: [Block.Kind] = [.paragraph]
    /// Link references are not written inside headings (the sidebar shows them) or captions.
    private var referenceSuppression = 0

    init(tree: HTMLTree, base: URL?, isDataTable: @escaping (Int32) -> Bool) {
        self.tree = tree
        self.base = base
        self.isDataTable = isDataTable
    }

    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    static let blockElements: Set<String> = [
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "address", "dd", "dt", "dl", "center",
        "hgroup", "details", "summary", "figure", "figcaption", "caption", "tr", "td", "th", "tbody", "thead", "tfoot", "table",
        "hr", "form", "fieldset", "legend", "body", "html", "picture", "video", "audio",
    ]

    /// Appends the blocks of what is under `top`.
    mutating func build(_ top: Int32) {
        var stack: [(node: Int32, leaving: Bool, kind: Bool)] = [(top, false, false)]
        var anchorStarts: [Int] = []
        while let (node, leaving, pushedKind) = stack.popLast() {
            let element = tree[node]
            if element.isText {
                appendText(element.text)
                continue
            }
            let name = element.name
            if leaving {
                switch name {
                case "a":
                    let start = anchorStarts.popLast() ?? buffer.utf8.count
                    addReference(for: node, textSince: start)
                case _ where Self.headings.contains(name), "figcaption":
                    flush()
                    referenceSuppression -= 1
                case "p" where pushedKind && kinds.last == .heading:
                    flush()
                    // Nothing came of it (empty): it names no block.
                    if let last = boldParagraphs.max(), last >= blocks.count { boldParagraphs.remove(last) }
                default:
                    if Self.blockElements.contains(name) || ["li", "blockquote", "ul", "ol"].contains(name) { flush() }
                }
                if pushedKind { kinds.removeLast() }
                continue
            }
            var kind: Block.Kind?
            switch name {
            case "br":
                buffer += "\n"
                pendingSpace = false
                continue
            case "pre":
                flush()
                emit(.code, Self.trimmedLines(tree.textContent(node)))
                continue
            case "table" where isDataTable(node):
                flush()
                addTable(node)
                continue
            case "img", "hr", "wbr":
                if name == "hr" { flush() }
                continue
            case "a":
                anchorStarts.append(buffer.utf8.count)
            case "li":
                flush()
                kind = .listItem
            case "blockquote":
                flush()
                kind = .quote
            case "figcaption":
                flush()
                kind = .caption
                referenceSuppression += 1
            case "p" where (kinds.last ?? .paragraph) == .paragraph && isBoldOnly(node):
                flush()
                kind = .heading
                boldParagraphs.insert(blocks.count)
            case _ where Self.headings.contains(name):
                flush()
                kind = .heading
                referenceSuppression += 1
            default:
                if Self.blockElements.contains(name) || name == "ul" || name == "ol" { flush() }
            }
            if let kind { kinds.append(kind) }
            stack.append((node, true, kind != nil))
            for child in tree.children(of: node).reversed() { stack.append((child, false, false)) }
        }
        flush()
    }

    /// A paragraph whose words are all in one `<strong>` or `<b>` and short enough for a heading.
    private func isBoldOnly(_ p: Int32) -> Bool {
        var bold: Int32 = -1
        for child in tree.children(of: p) {
            if tree[child].isText {
                guard tree[child].text.unicodeScalars.allSatisfy(HTMLTree.isSpace) else { return false }
            } else if ["strong", "b"].contains(tree[child].name), bold < 0 {
                bold = child
            } else if tree[child].name != "br" {
                return false
            }
        }
        guard bold >= 0 else { return false }
        let length = tree.innerLength(bold)
        return length > 0 && length <= 160 && !tree.contains(under: bold) { $0.name == "a" }
    }

    /// Read byte by byte and appended once: scalar by scalar was a sixth of a 5 MB page's instructions.
    /// (The buffer ends a line with "\n" alone: carriage returns are white space, never kept.)
    private mutating func appendText(_ text: String) {
        var text = text
        var lastIsNewline = buffer.utf8.last == 0x0A
        var out: [UInt8] = []
        text.withUTF8 { bytes in
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                let (value, length) = HTMLTree.scalar(at: i, in: bytes)
                if HTMLTree.isSpace(value) {
                    pendingSpace = !(buffer.isEmpty && out.isEmpty) && !lastIsNewline
                } else {
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    if length == 1 { out.append(bytes[i]) } else { out.append(contentsOf: bytes[i ..< i + length]) }
                    lastIsNewline = value == 0x0A
                }
                i += length
            }
        }
        if !out.isEmpty { buffer += String(decoding: out, as: UTF8.self) }
    }

    /// "[n]" after a link's words, and the link in the list.
    private mutating func addReference(for anchor: Int32, textSince start: Int) {
        guard referenceSuppression == 0, let href = tree.attribute("href", of: anchor)?.trimmingCharacters(in: .whitespacesAndNewlines),
              !href.isEmpty, !href.hasPrefix("#"), !href.lowercased().hasPrefix("javascript:") else { return }
        let words = String(decoding: buffer.utf8.dropFirst(start), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !words.isEmpty else { return }
        let address = base.flatMap { URL(string: href, relativeTo: $0)?.absoluteString } ?? href
        let link = Link(number: links.count + 1, url: TextSanitizer.clean(address), text: TextSanitizer.clean(words))
        links.append(link)
        buffer += link.reference
    }

    /// The waiting text as one block or more (a blank line made by two `<br>` parts paragraphs).
    private mutating func flush() {
        defer { buffer = ""; pendingSpace = false }
        let kind = kinds.last ?? .paragraph
        // Split on the byte: "\n" is a character of its own (nothing joins it), and splitting by
        // characters was a sixth of a 5 MB page's instructions.
        let text = buffer.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Self.trimmed(Substring($0)) }
        var paragraph: [String] = []
        for line in text + [""] {
            if line.isEmpty {
                if !paragraph.isEmpty { emit(kind, paragraph.joined(separator: "\n")) }
                paragraph = []
            } else {
                paragraph.append(line)
            }
        }
    }

    private mutating func emit(_ kind: Block.Kind, _ text: String) {
        let clean = TextSanitizer.clean(text)
        guard !clean.unicodeScalars.allSatisfy(HTMLTree.isSpace) else { return }
        blocks.append(Block(kind, clean))
    }

    /// `line` without white space at either end.
    static func trimmed(_ line: Substring) -> String {
        let scalars = line.unicodeScalars
        guard let first = scalars.firstIndex(where: { !HTMLTree.isSpace($0) }),
              let last = scalars.lastIndex(where: { !HTMLTree.isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// A `<pre>`'s lines as written, without the blank lines around them.
    static func trimmedLines(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.reversed().drop { $0 == " " || $0 == "\r" || $0 == "\t" }.reversed())
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// A data table: its caption as a paragraph, then one row block per `<tr>` (nested tables'
    /// rows belong to them, not to this one).
    private mutating func addTable(_ table: Int32) {
        var rows: [[String]] = []
        var node = tree[table].first
        while node >= 0 {
            let name = tree[node].name
            if name == "caption" {
                emit(.paragraph, tree.innerText(node))
                node = tree.following(node, within: table, skippingChildren: true)
            } else if name == "tr" {
                let cells = tree.elementChildren(of: node).filter { ["td", "th"].contains(tree[$0].name) }
                let texts = cells.map { TextSanitizer.clean(tree.innerText($0)) }
                if texts.contains(where: { !$0.isEmpty }) { rows.append(texts) }
                node = tree.following(node, within: table, skippingChildren: true)
            } else if name == "table" {
                node = tree.following(node, within: table, skippingChildren: true)
            } else {
                node = tree.following(node, within: table)
            }
        }
        for row in rows { blocks.append(Block.tableRow(row)) }
    }
}

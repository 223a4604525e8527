import DocBaoCore
import Foundation

/// What the page's markup says about the news structure the finder's blocks lost: the sapo element
/// (`p.description`, `h2.singular-sapo`, `h2.detail-sapo`, `[data-role=sapo]`…), paragraphs that
/// are one bold run (section headings) or a right-aligned bold name (the byline), captions in a
/// CMS's own caption boxes (`PhotoCMS_Caption`), and the printed date (`span.date`,
/// `[data-role=publishdate]`, `.detail-time`…). None is a site rule: each is the shape the
/// Vietnamese sites share, read from class names and elements, and an unknown site loses nothing.
struct NewsPageShapes {
    /// The sapo's text as the page prints it (its brand label still on).
    var sapo: String?
    /// Paragraphs that are a single bold run, not right-aligned: headings.
    var boldParagraphs: Set<String> = []
    /// Right-aligned paragraphs that are a single bold run: author lines.
    var signedParagraphs: Set<String> = []
    /// The texts of caption boxes that are not `figcaption`s.
    var captionBoxes: Set<String> = []
    /// The first printed date these sites use, as written.
    var printedDate: String?
    /// `og:url`: the article's address when the page names no canonical link (dantri).
    var openGraphURL: String?

    /// Class words of a sapo element.
    static let sapoWords = ["sapo", "description", "summary", "lead-detail", "article-lead"]
    /// Class words of a caption box.
    static let captionWords = ["photocms_caption", "image-caption", "caption"]
    /// Class, id or data-role words of a printed date.
    static let dateWords = ["date", "time", "publish"]

    init(_ tree: HTMLTree) {
        var node = tree.root
        while node >= 0 {
            let element = tree[node]
            guard !element.isText else { node = tree.following(node); continue }
            let (className, id) = tree.classAndID(node)
            let names = (className + " " + id + " " + (tree.attribute("data-role", of: node) ?? "")).lowercased()
            if element.name == "meta", openGraphURL == nil, tree.attribute("property", of: node)?.lowercased() == "og:url" {
                openGraphURL = tree.attribute("content", of: node)?.trimmingCharacters(in: .whitespaces)
            }
            if sapo == nil, ["p", "h2", "h3", "div"].contains(element.name), Self.has(names, Self.sapoWords),
               let text = Self.text(tree, node, limit: 4000), text.split(separator: " ").count >= 5 {
                sapo = text
            }
            if element.name == "p", let bold = boldText(tree, node) {
                if isRightAligned(tree, node) { signedParagraphs.insert(bold) } else { boldParagraphs.insert(bold) }
            }
            if element.name != "figcaption", Self.has(names, Self.captionWords),
               let text = Self.text(tree, node, limit: 2000), !text.isEmpty {
                captionBoxes.insert(text)
            }
            if printedDate == nil, Self.has(names, Self.dateWords), let text = Self.text(tree, node, limit: 80),
               VietnameseDate.iso(text) != nil {
                printedDate = text
            }
            node = tree.following(node)
        }
    }

    /// The inner text of `node` (white space collapsed), or nil past `limit` characters: a class
    /// word on a wrapper of half the page reads no more than `limit` of it.
    static func text(_ tree: HTMLTree, _ node: Int32, limit: Int) -> String? {
        var raw = ""
        var n = tree[node].first
        while n >= 0 {
            if tree[n].isText {
                raw += tree[n].text
                if raw.utf8.count > 4 * limit { return nil }
            }
            n = tree.following(n, within: node)
        }
        let text = HTMLTree.collapse(raw)
        return text.count <= limit ? text : nil
    }

    /// Whether `names` (lower case, never empty: it holds the spaces between its parts) has one of
    /// `words` in it; `ContentHints.matches` compares ASCII byte by byte (Foundation's search here
    /// was a sixth of a 5 MB page's instructions).
    static func has(_ names: String, _ words: [String]) -> Bool {
        ContentHints.matches(names, words)
    }

    /// The text of a paragraph whose only content is one `strong` or `b` element (white space aside).
    private func boldText(_ tree: HTMLTree, _ p: Int32) -> String? {
        let children = tree.children(of: p).filter { !tree[$0].isText || !tree[$0].text.allSatisfy(\.isWhitespace) }
        guard children.count == 1, ["strong", "b"].contains(tree[children[0]].name) else { return nil }
        let text = tree.innerText(children[0])
        return text.isEmpty ? nil : text
    }

    private func isRightAligned(_ tree: HTMLTree, _ node: Int32) -> Bool {
        if tree.attribute("align", of: node)?.lowercased() == "right" { return true }
        let style = (tree.attribute("style", of: node) ?? "").lowercased().filter { !$0.isWhitespace }
        return style.contains("text-align:right")
    }

    /// Applies what the markup said to the finder's article.
    func apply(to article: inout Article) {
        var blocks = article.blocks
        let clean = { (s: String) in TextSanitizer.clean(HTMLTree.collapse(s)) }
        // Headings, bylines and captions the blocks hold as paragraphs.
        let bold = Set(boldParagraphs.map(clean)), signed = Set(signedParagraphs.map(clean)), boxes = Set(captionBoxes.map(clean))
        for i in blocks.indices where blocks[i].kind == .paragraph || blocks[i].kind == .heading {
            let text = blocks[i].text
            if signed.contains(text) {
                blocks[i].kind = .byline
            } else if blocks[i].kind == .heading {
                continue
            } else if bold.contains(text), !text.hasSuffix(".") {
                blocks[i].kind = .heading
            } else if boxes.contains(text) {
                blocks[i].kind = .caption
            }
        }
        // A caption that is only a credit ("Ảnh: Thế Anh", a line of its own in the box) is the
        // credit of the caption before it.
        var i = 1
        while i < blocks.count {
            if blocks[i].kind == .caption, blocks[i - 1].kind == .caption, blocks[i - 1].credit == nil,
               let parts = NewsStructure.captionCredit(blocks[i].text), parts.caption.isEmpty {
                blocks[i - 1].credit = parts.credit
                blocks.remove(at: i)
            } else {
                i += 1
            }
        }
        // One byline: a closing author line the metadata's byline repeats is the byline.
        if let closing = blocks.lastIndex(where: { $0.kind == .byline }) {
            let earlier = blocks[..<closing].lastIndex { [.byline, .paragraph, .heading].contains($0.kind) }
            if let earlier, blocks[earlier].text == blocks[closing].text {
                blocks[earlier].kind = .byline
                blocks.remove(at: closing)
            }
        }
        // The sapo: the lead, after the title, without its brand label.
        if let sapo = sapo.map(clean), !sapo.isEmpty, !blocks.contains(where: { $0.kind == .lead }) {
            let bare = NewsStructure.withoutBrandLabel(sapo)
            if let at = blocks.prefix(8).firstIndex(where: { $0.kind == .paragraph && ($0.text == sapo || $0.text == bare) }) {
                blocks.remove(at: at)
            }
            let after = blocks.first?.kind == .title ? 1 : 0
            blocks.insert(Block(.lead, bare), at: after)
        }
        if article.metadata.date == nil, let printed = printedDate { article.metadata.date = clean(printed) }
        if article.metadata.url == nil, let url = openGraphURL.map({ TextSanitizer.clean($0) }), url.hasPrefix("http") {
            article.metadata.url = url
            if let source = blocks.lastIndex(where: { $0.kind == .source }), blocks[source].url == nil { blocks[source].url = url }
        }
        article.blocks = blocks
        article.sections = Outline.sections(for: blocks)
    }
}

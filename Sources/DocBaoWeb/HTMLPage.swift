import DocBaoCore
import Foundation

/// A saved web page read as a news article: bytes in (any of the charsets `HTMLCharset` knows),
/// an `Article` out, never empty. Pure but for libxml2's parse.
public enum HTMLPage {
    /// The words of the notice that opens a page in which no article was found.
    public static let notice = "docbao không tìm thấy bài báo trong trang này; đây là toàn bộ chữ của trang."

    /// The article in `bytes`: its title, lead, text, byline, source, metadata and links.
    /// `hints` add site shapes to Readability's class/id words.
    public static func article(_ bytes: [UInt8], hints: ContentHints = .standard) -> Article {
        let (_, utf8) = HTMLCharset.utf8(bytes)
        let tree = HTMLTree(utf8: utf8)
        let metadata = PageMetadata(tree)
        var finder = ContentFinder()
        finder.hints = hints
        let found = finder.find(in: tree, skipBylines: metadata.byline != nil)
        var builder: BlockBuilder
        var noticeNeeded = false
        if let found {
            builder = BlockBuilder(tree: found.tree, base: metadata.base) { finder.isDataTable(found.tree, $0) }
            builder.build(found.container)
        } else {
            builder = BlockBuilder(tree: tree, base: metadata.base) { finder.isDataTable(tree, $0) }
        }
        if builder.blocks.isEmpty, tree.body >= 0 {
            // Nothing found: the page's readable text, said to be so.
            builder = BlockBuilder(tree: tree, base: metadata.base) { finder.isDataTable(tree, $0) }
            builder.build(tree.body)
            noticeNeeded = true
        }
        var article = assemble(builder, metadata: metadata, foundByline: found?.byline, notice: noticeNeeded)
        // The news structure of Vietnamese pages (NewsPageShapes, NewsStructure): after the finder.
        if !noticeNeeded {
            NewsPageShapes(tree).apply(to: &article)
            NewsStructure.apply(to: &article)
        }
        return article
    }

    private static func assemble(_ builder: BlockBuilder, metadata: PageMetadata, foundByline: String?, notice: Bool) -> Article {
        var body = builder.blocks
        let title = metadata.title.map { TextSanitizer.clean(HTMLTree.collapse($0)) } ?? ""
        var byline = (metadata.byline ?? foundByline).map { TextSanitizer.clean(HTMLTree.collapse($0)) }
        // The closing bold line of a news article is its author, when the page named none.
        if (byline ?? "").isEmpty, builder.boldParagraphs.contains(body.count - 1), body.count > 1,
           body[body.count - 1].text.split(separator: " ").count <= 8 {
            byline = body.removeLast().text
        }
        // The headline repeated at the top of the text.
        while let first = body.first, first.kind == .heading, same(first.text, title) { body.removeFirst() }
        var blocks: [Block] = []
        if !title.isEmpty { blocks.append(Block(.title, title)) }
        if notice { blocks.append(Block(.paragraph, Self.notice)) }
        if let excerpt = metadata.excerpt.map({ TextSanitizer.clean(HTMLTree.collapse($0)) }), !excerpt.isEmpty,
           !repeatsText(excerpt, of: body) {
            blocks.append(Block(.lead, excerpt))
        }
        blocks += body
        if let byline, !byline.isEmpty { blocks.append(Block(.byline, byline)) }
        let site = metadata.siteName.map { TextSanitizer.clean(HTMLTree.collapse($0)) }
        let url = metadata.canonical.map { TextSanitizer.clean($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        if site != nil || url != nil { blocks.append(Block(.source, site ?? "", url: url)) }
        if blocks.isEmpty { blocks.append(Block(.paragraph, Self.notice)) }
        Block.alignTables(&blocks)
        let meta = ArticleMetadata(sourceName: site, url: url, byline: byline,
                                   date: metadata.published.map { TextSanitizer.clean(HTMLTree.collapse($0)) })
        return Article(blocks: blocks, sections: Outline.sections(for: blocks), metadata: meta, links: builder.links)
    }

    private static func same(_ a: String, _ b: String) -> Bool {
        a.lowercased().filter { !$0.isWhitespace } == b.lowercased().filter { !$0.isWhitespace }
    }

    /// Whether the description is the text's opening (then it is not shown twice).
    private static func repeatsText(_ excerpt: String, of body: [Block]) -> Bool {
        let key = String(excerpt.lowercased().filter { $0.isLetter || $0.isNumber }.prefix(60))
        guard !key.isEmpty else { return true }
        for block in body.prefix(6) {
            let text = block.text.lowercased().filter { $0.isLetter || $0.isNumber }
            if text.contains(key) { return true }
        }
        return false
    }
}

import DocBaoCore
import Foundation

/// A feed entry as a docbao article: its title, the content (else the summary) as blocks, its
/// author as the byline, its link as the source address, its date. HTML goes through the web
/// page's `BlockBuilder` (links as [n], tables, quotes); every text through `TextSanitizer`.
public enum FeedArticle {
    public static func article(_ entry: FeedEntry, in feed: Feed) -> Article {
        var blocks: [Block] = []
        var links: [Link] = []
        let title = TextSanitizer.clean(entry.title ?? "")
        if !title.isEmpty { blocks.append(Block(.title, title)) }
        let body = entry.body
        if let summary = entry.summary, entry.content != nil {
            let lead = TextSanitizer.clean(summary.plain)
            if !lead.isEmpty, !(entry.content.map { $0.plain.hasPrefix(summary.plain.prefix(60)) } ?? false) {
                blocks.append(Block(.lead, lead))
            }
        }
        if let body {
            switch body.kind {
            case .html:
                let base = entry.link.flatMap { URL(string: $0) }
                let tree = HTMLTree(utf8: Array("<html><body>".utf8) + Array(body.value.utf8) + Array("</body></html>".utf8))
                var builder = BlockBuilder(tree: tree, base: base) { _ in true }
                builder.build(tree.body)
                blocks += builder.blocks
                links = builder.links
            case .text:
                for paragraph in body.value.components(separatedBy: "\n\n") {
                    let text = TextSanitizer.clean(FeedHTML.collapse(paragraph))
                    if !text.isEmpty { blocks.append(Block(.paragraph, text)) }
                }
            }
        }
        // The title repeated as the text's first heading.
        if blocks.count > 1, blocks[1].kind == .heading, blocks[1].text == title { blocks.remove(at: 1) }
        let byline = entry.author?.display.map { TextSanitizer.clean($0) }
        if let byline, !byline.isEmpty { blocks.append(Block(.byline, byline)) }
        let site = feed.title.map { TextSanitizer.clean($0) }
        let url = entry.link.map { TextSanitizer.clean($0) }
        if site != nil || url != nil { blocks.append(Block(.source, site ?? "", url: url)) }
        if blocks.isEmpty { blocks.append(Block(.paragraph, "")) }
        Block.alignTables(&blocks)
        let metadata = ArticleMetadata(sourceName: site, url: url, byline: byline,
                                       date: entry.date.map { FeedDate.iso8601String($0) })
        return Article(blocks: blocks, sections: Outline.sections(for: blocks), metadata: metadata, links: links)
    }
}

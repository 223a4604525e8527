/// A news article as docbao reads it: blocks in reading order, the sections that group them, and metadata.
///
/// All text in an `Article` is clean: NFC-normalised, with control characters and escape sequences made
/// visible (see `TextSanitizer`). Everything downstream (layout, search, rendering) trusts that.
/// The title and the lead are blocks too (kinds `.title` and `.lead`), so one index space covers
/// everything on screen; `title` and `lead` are conveniences over them.
public struct Article: Equatable, Sendable {
    /// Every block in reading order, title and lead included.
    public var blocks: [Block]
    /// Sections in reading order; each starts at a block index. Never empty for a non-empty article.
    public var sections: [Section]
    public var metadata: ArticleMetadata
    /// The links of a web page, numbered in reading order; the text shows each as "[n]" after its words.
    public var links: [Link]

    public init(blocks: [Block], sections: [Section], metadata: ArticleMetadata = ArticleMetadata(), links: [Link] = []) {
        self.blocks = blocks
        self.sections = sections
        self.metadata = metadata
        self.links = links
    }

    /// The text of the first `.title` block, or an empty string.
    public var title: String { blocks.first { $0.kind == .title }?.text ?? "" }

    /// The text of the first `.lead` block (the sapo), if any.
    public var lead: String? { blocks.first { $0.kind == .lead }?.text }

    /// Index of the section that contains `block` (the last section starting at or before it).
    /// - Complexity: O(log s) in the number of sections.
    public func sectionIndex(containing block: Int) -> Int? {
        guard let first = sections.first, block >= first.block else { return sections.isEmpty ? nil : 0 }
        return sections.partitionPoint { $0.block <= block } - 1
    }
}

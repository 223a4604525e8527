/// A part of an article listed in the sidebar: a label and the block where it starts.
public struct Section: Equatable, Sendable, Codable {
    /// Short label taken from the section's own text ("Thứ nhất: đấu tranh bảo vệ chủ quyền").
    public var label: String
    /// Index into `Article.blocks` of the section's first block.
    public var block: Int
    /// Nesting depth, 0 for top-level parts.
    public var level: Int

    public init(label: String, block: Int, level: Int = 0) {
        self.label = label
        self.block = block
        self.level = level
    }
}

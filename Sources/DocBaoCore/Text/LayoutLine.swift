/// One screen line of a laid-out article, with the source offsets it came from.
public struct LayoutLine: Equatable, Sendable {
    /// How a line looks; the backend's theme turns roles into attributes and colours.
    public enum Role: Equatable, Sendable {
        case blank, title, lead, heading, body, photoTitle, caption, credit, listItem, byline, source, url
        case quote, code, tableRow
        /// The line under the title with the article's date, source and address (not its text).
        case meta
    }

    /// Index of the block in `Article.blocks`.
    public var block: Int
    /// UTF-8 offset in the block's text where this line starts. Lines that are not the block's own
    /// text (a caption's credit, a source's address, the blank after a block) sit at the block's end.
    public var start: Int
    /// UTF-8 offset in the block's text just past this line.
    public var end: Int
    /// The visible text of the line.
    public var text: Substring
    /// UTF-8 offset in the block's text where `text` begins (negative when a bullet that is not the
    /// block's own text comes first); nil for lines that are not the block's text at all.
    public var textStart: Int?
    /// Columns of blank before the text, inside the reading column.
    public var indent: Int
    /// Columns taken by `text`.
    public var width: Int
    public var role: Role

    public init(block: Int, start: Int, end: Int, text: Substring, textStart: Int? = nil, indent: Int, width: Int, role: Role) {
        self.block = block
        self.start = start
        self.end = end
        self.text = text
        self.textStart = textStart
        self.indent = indent
        self.width = width
        self.role = role
    }
}

/// A place in the article's text: a block and a UTF-8 offset in it. Unlike a `LinePosition` it
/// does not depend on the width the text is wrapped at.
public struct SourcePosition: Equatable, Hashable, Sendable {
    public var block: Int
    public var offset: Int

    public init(block: Int, offset: Int) {
        self.block = block
        self.offset = offset
    }
}

/// A line of the layout addressed by block and line within that block.
public struct LinePosition: Comparable, Hashable, Sendable {
    public var block: Int
    public var line: Int

    public init(block: Int, line: Int) {
        self.block = block
        self.line = line
    }

    public static func < (a: LinePosition, b: LinePosition) -> Bool {
        (a.block, a.line) < (b.block, b.line)
    }
}

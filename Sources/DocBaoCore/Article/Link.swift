/// A link kept from a web page, as lynx and w3m keep them: its number, written as "[n]" in the text
/// right after the link's words, and the address it leads to, listed at the end of `--dump` and of
/// the text export.
public struct Link: Equatable, Sendable, Codable {
    /// The number shown in the text ("[3]"), from 1, in reading order.
    public var number: Int
    /// Where the link leads (clean text; an absolute address when the page said where it was).
    public var url: String
    /// The link's words as they read in the text.
    public var text: String

    public init(number: Int, url: String, text: String) {
        self.number = number
        self.url = url
        self.text = text
    }

    /// How the reference is written in the text after the link's words: "[3]".
    public var reference: String { "[\(number)]" }
}

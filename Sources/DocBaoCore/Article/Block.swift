/// One unit of an article's text, laid out as a paragraph of its own.
public struct Block: Equatable, Sendable, Codable {
    /// What a block is in the reader's world; it decides how the block looks.
    public enum Kind: String, Equatable, Sendable, Codable, CaseIterable {
        /// The headline (bold).
        case title
        /// The sapo: the standfirst paragraph under the title (set apart).
        case lead
        /// A short heading-like line inside the body.
        case heading
        /// An ordinary body paragraph.
        case paragraph
        /// The short title of a photo, shown above its caption.
        case photoTitle
        /// A photo caption; its photographer or agency is in `credit`.
        case caption
        /// An item of a list (a line of a recipe, a spec table row…).
        case listItem
        /// The author line ("Tuấn Dũng").
        case byline
        /// Where the article comes from: a source name in `text`, its address in `url`,
        /// or a credit line ("Theo Health").
        case source
    }

    public var kind: Kind
    public var text: String
    /// For captions: the photo credit without its label ("VGP/Hải Minh" for "Ảnh: VGP/Hải Minh").
    public var credit: String?
    /// For sources: the address of the original article.
    public var url: String?

    public init(_ kind: Kind, _ text: String, credit: String? = nil, url: String? = nil) {
        self.kind = kind
        self.text = text
        self.credit = credit
        self.url = url
    }
}

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
    public var credit: String? {
        get { notes?.credit }
        set { notes = Notes(credit: newValue, url: url) }
    }
    /// For sources: the address of the original article.
    public var url: String? {
        get { notes?.url }
        set { notes = Notes(credit: credit, url: newValue) }
    }
    /// The credit and the address, which few blocks have, kept out of line: a block is then 32
    /// bytes rather than 56, and a huge article has hundreds of thousands of them.
    private var notes: Notes?

    /// A credit and an address, never changed once made (so a block stays a value).
    private final class Notes: Sendable {
        let credit: String?
        let url: String?

        /// Nil when there is neither.
        init?(credit: String?, url: String?) {
            guard credit != nil || url != nil else { return nil }
            self.credit = credit
            self.url = url
        }
    }

    public init(_ kind: Kind, _ text: String, credit: String? = nil, url: String? = nil) {
        self.kind = kind
        self.text = text
        self.notes = Notes(credit: credit, url: url)
    }

    public static func == (a: Block, b: Block) -> Bool {
        a.kind == b.kind && a.text == b.text && a.credit == b.credit && a.url == b.url
    }

    private enum CodingKeys: String, CodingKey { case kind, text, credit, url }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try c.decode(Kind.self, forKey: .kind), try c.decode(String.self, forKey: .text),
                  credit: try c.decodeIfPresent(String.self, forKey: .credit), url: try c.decodeIfPresent(String.self, forKey: .url))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(text, forKey: .text)
        try c.encodeIfPresent(credit, forKey: .credit)
        try c.encodeIfPresent(url, forKey: .url)
    }
}

/// One unit of an article's text, laid out as a paragraph of its own.
public struct Block: Equatable, Sendable, Codable, CustomStringConvertible {
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
        /// A quotation set apart from the text (a web page's `<blockquote>`).
        case quote
        /// Preformatted text (a web page's `<pre>`): its lines are kept as written, cut only where
        /// they pass the reading width, never re-flowed.
        case code
        /// One row of a table: its cells in `cells` (the text is the cells joined by tabs, which
        /// clean text never has otherwise). Consecutive rows are one table, shown as aligned
        /// columns; `Block.alignTables` gives them the table's column widths.
        case tableRow
    }

    // `storage` first: its 17 bytes and `kind` share two words, and a block stays 32 bytes.
    private var storage: Storage
    public var kind: Kind
    /// The credit, the address and the file the text is in, which few blocks have, kept out of
    /// line (blocks whose text is in a file share one): a huge article has hundreds of thousands
    /// of blocks.
    var notes: Notes?

    /// The text itself, or where it is in a file (a huge article opened from a file).
    private enum Storage: Sendable {
        case owned(String)
        case filed(FileSpan)
    }

    /// The block's text. A block kept in a file reads it back (`TextFile`); setting it keeps the
    /// new text in memory.
    public var text: String {
        get {
            switch storage {
            case .owned(let text): return text
            case .filed(let span): return span.text(in: notes!.file!)
            }
        }
        set { storage = .owned(newValue) }
    }

    /// Where the text's bytes start in its file, for a block kept there (nil for one held).
    public var fileOffset: Int? {
        if case .filed(let span) = storage { return span.offset }
        return nil
    }

    /// The length of `text` in UTF-8 bytes, without reading a file.
    public var utf8Count: Int {
        switch storage {
        case .owned(let text): return text.utf8.count
        case .filed(let span): return span.count
        }
    }

    /// About the text's first `count` UTF-8 bytes (a sequence cut at the end repaired; for a block
    /// cleaned on reading, what cleaning makes of `3 × count` bytes): for a first look that rules
    /// most blocks out. A block kept in a file reads only so many bytes, unchecked: what is kept
    /// is read from `text`.
    public func prefix(utf8 count: Int) -> String {
        switch storage {
        case .owned(let text): return String(decoding: text.utf8.prefix(count), as: UTF8.self)
        case .filed(let span):
            // Bytes cleaned on reading (NFD) may take up to three times their text's room.
            let wanted = span.cleans ? 3 * count : count
            let prefix = withUnsafeTemporaryAllocation(byteCount: min(wanted, span.byteCount), alignment: 1) { buffer in
                let read = notes!.file!.read(into: buffer, at: span.offset)
                return String(decoding: UnsafeRawBufferPointer(rebasing: buffer[..<read]), as: UTF8.self)
            }
            return span.cleans ? TextSanitizer.cleanAgain(prefix) : prefix
        }
    }

    /// The file the text is read back from, if it is.
    public var textFile: (any TextFile)? { isFiled ? notes?.file : nil }

    /// Whether the text is read back from a file rather than held.
    public var isFiled: Bool {
        if case .filed = storage { return true }
        return false
    }

    /// For a block kept in a file: the file, where the text's bytes are in it, and whether they are
    /// cleaned when read (`text` then differs from them): for reading many blocks' bytes at once
    /// (`BlockScan`).
    var filedBytes: (file: any TextFile, offset: Int, count: Int, cleans: Bool)? {
        guard case .filed(let span) = storage, let file = notes?.file else { return nil }
        return (file, span.offset, span.byteCount, span.cleans)
    }

    /// For captions: the photo credit as printed, with its label ("Ảnh: VGP/Hải Minh", "Nguồn: Shanghaiist"),
    /// shown as it is under the caption.
    public var credit: String? {
        get { notes?.credit }
        set { notes = Notes(credit: newValue, url: url, file: notes?.file, columns: notes?.columns) }
    }
    /// For sources: the address of the original article.
    public var url: String? {
        get { notes?.url }
        set { notes = Notes(credit: credit, url: newValue, file: notes?.file, columns: notes?.columns) }
    }

    /// For table rows: the natural width in columns of each of the table's columns (the widest
    /// cell's), shared by the table's rows; nil until `Block.alignTables` has measured the table.
    public var tableColumns: [Int]? { notes?.columns }

    /// A credit, an address, a file and a table's column widths, never changed once made (so a
    /// block stays a value).
    final class Notes: Sendable {
        let credit: String?
        let url: String?
        let file: (any TextFile)?
        let columns: [Int]?

        /// Nil when there is none of them.
        init?(credit: String?, url: String?, file: (any TextFile)? = nil, columns: [Int]? = nil) {
            guard credit != nil || url != nil || file != nil || columns != nil else { return nil }
            self.credit = credit
            self.url = url
            self.file = file
            self.columns = columns
        }
    }

    public init(_ kind: Kind, _ text: String, credit: String? = nil, url: String? = nil) {
        self.kind = kind
        self.storage = .owned(text)
        self.notes = Notes(credit: credit, url: url)
    }

    /// Keeps the text in the file of `shared` (notes with only a file, shared by the blocks kept
    /// there) at `span`, instead of in memory. The bytes at `span` must be the text's.
    mutating func keep(in span: FileSpan, shared: Notes) {
        storage = .filed(span)
        notes = notes == nil ? shared : Notes(credit: credit, url: url, file: shared.file, columns: notes?.columns)
    }

    /// `kind("text")`, the same for a block held or kept in a file (test failures print blocks).
    public var description: String { "\(kind)(\(String(reflecting: text)))" }

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

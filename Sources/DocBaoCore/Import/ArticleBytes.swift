/// The checks every reader of an article's bytes makes (empty, binary) and why bytes are not an
/// article. Which importer reads the bytes is decided by the loading layer (`ArticleImporters`).
public enum ArticleBytes {
    /// Why bytes are not an article, as a phrase for "NAME: phrase".
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case empty
        case binary
        case badJSON(String)

        public var description: String {
            switch self {
            case .empty: return "empty file"
            case .binary: return "binary file (it holds NUL bytes), not an article"
            case .badJSON(let reason): return "not a docbao article: \(reason)"
            }
        }
    }

    /// Throws when the bytes are blank, or binary (NUL bytes) and not `force`d.
    public static func check(_ bytes: [UInt8], force: Bool = false) throws(Failure) {
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { throw .empty }
        if !force, PlainTextImporter.looksBinary(bytes) { throw .binary }
    }

    /// The article's text as one string: its blocks in order, each followed by a line feed but the
    /// last. A UTF-8 offset in it is a reading position (`ReaderState` counts blocks the same way).
    public static func plainText(_ article: Article) -> String {
        article.blocks.lazy.map(\.text).joined(separator: "\n")
    }
}

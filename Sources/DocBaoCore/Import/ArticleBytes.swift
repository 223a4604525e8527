/// An article from the bytes of a file: JSON or plain text, with the checks every reader of files
/// makes (empty, binary). One place, so the reader, `docbao add` and the library agree.
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

    /// Whether a file of this name is JSON (true), plain text (false) or either (nil, by content).
    public static func isJSON(path: String) -> Bool? {
        let lower = path.lowercased()
        return lower.hasSuffix(".json") ? true : lower.hasSuffix(".txt") ? false : nil
    }

    /// The article in `bytes`. A .json file is JSON and its errors are reported; input of unknown
    /// type that starts with "{" is tried as JSON first and read as text if it is not.
    /// - Returns: the article and how many bytes were invalid UTF-8 and replaced.
    public static func parse(_ bytes: [UInt8], json: Bool?, force: Bool = false) throws(Failure) -> (article: Article, replacedBytes: Int) {
        try check(bytes, force: force)
        return try article(from: bytes, json: json)
    }

    /// `parse` for bytes that already passed `check`.
    public static func article(from bytes: [UInt8], json: Bool?) throws(Failure) -> (article: Article, replacedBytes: Int) {
        if json == true {
            do { return (try ArticleJSON.decode(bytes), 0) } catch { throw .badJSON("\(error)") }
        }
        if json == nil, startsLikeJSON(bytes), let article = try? ArticleJSON.decode(bytes) {
            return (article, 0)
        }
        return PlainTextImporter.importArticle(bytes: bytes)
    }

    /// Throws when the bytes are blank, or binary (NUL bytes) and not `force`d.
    public static func check(_ bytes: [UInt8], force: Bool = false) throws(Failure) {
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { throw .empty }
        if !force, PlainTextImporter.looksBinary(bytes) { throw .binary }
    }

    /// Whether the first byte that is not white space is "{".
    public static func startsLikeJSON(_ bytes: [UInt8]) -> Bool {
        bytes.first(where: { $0 > 0x20 }) == UInt8(ascii: "{")
    }

    /// The article's text as one string: its blocks in order, each followed by a line feed but the
    /// last. A UTF-8 offset in it is a reading position (`ReaderState` counts blocks the same way).
    public static func plainText(_ article: Article) -> String {
        article.blocks.lazy.map(\.text).joined(separator: "\n")
    }
}

import DocBaoCore

extension ArticleKind {
    /// docbao's article model as JSON (docs/article-json.md), as `docbao export` writes it.
    public static let json = ArticleKind("JSON model")
}

/// Reads the JSON article model (`ArticleJSON`): files named .json, and input that starts with "{".
public struct JSONArticleImporter: ArticleImporter {
    public init() {}

    public var kind: ArticleKind { .json }
    public var extensions: [String] { ["json"] }

    /// Whether the first byte that is not white space is "{".
    public func accepts(head: [UInt8]) -> Bool {
        head.first(where: { $0 > 0x20 }) == UInt8(ascii: "{")
    }

    public func importArticle(_ bytes: [UInt8]) throws(ArticleBytes.Failure) -> ImportedArticle {
        do { return ImportedArticle(article: try ArticleJSON.decode(bytes), replacedBytes: 0, kind: .json) } catch {
            throw .badJSON("\(error)")
        }
    }
}

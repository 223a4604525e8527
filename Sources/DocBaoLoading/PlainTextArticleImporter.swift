import DocBaoCore

extension ArticleKind {
    /// A news article as plain text (`PlainTextImporter`'s heuristics), in UTF-8, UTF-16 or UTF-32.
    public static let plainText = ArticleKind("plain text")
}

/// Reads plain text (`PlainTextImporter`): files named .txt, and whatever no other importer takes.
/// Besides the whole bytes, plain text has the paths of huge files: a preview from the file's two
/// ends (`ArticleLoader`), an import in pieces with the text left in its file, and grep's
/// line-by-line streaming (`ArticleLines`); those are chosen only for input decided to be plain text.
public struct PlainTextArticleImporter: ArticleImporter {
    public init() {}

    public var kind: ArticleKind { .plainText }
    public var extensions: [String] { ["txt"] }

    /// Anything is plain text: this importer is the last resort.
    public func accepts(head: [UInt8]) -> Bool { true }

    public func importArticle(_ bytes: [UInt8]) throws(ArticleBytes.Failure) -> ImportedArticle {
        let (article, replaced) = PlainTextImporter.importArticle(bytes: bytes)
        return ImportedArticle(article: article, replacedBytes: replaced, kind: .plainText)
    }

    /// The article of a huge file read in pieces, its text left in the file (`Block.isFiled`).
    public func importArticle(pieces: FileBytes.Pieces) throws(FileBytes.ReadError) -> ImportedArticle {
        let (article, replaced) = try PlainTextImporter.importArticle(source: pieces)
        return ImportedArticle(article: article, replacedBytes: replaced, kind: .plainText)
    }
}

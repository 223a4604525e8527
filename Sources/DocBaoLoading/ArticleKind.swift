import DocBaoCore

/// What kind of input an article's bytes are: plain text, the JSON model; HTML and feeds next.
///
/// A struct rather than an enum: each kind is declared beside its importer (`ArticleKind.json` in
/// `JSONArticleImporter.swift`), so a new kind adds a file and touches no switch.
public struct ArticleKind: Hashable, Sendable, CustomStringConvertible {
    public let name: String

    public init(_ name: String) { self.name = name }

    public var description: String { name }
}

/// What the loading layer decided an input is, from its name and its first bytes
/// (`ArticleImporters.decide`).
public struct KindDecision: Equatable, Sendable {
    public var kind: ArticleKind
    /// Told by the name's extension: the bytes are read as this kind and its errors are the file's
    /// ("not a docbao article"). Otherwise the kind was guessed from the first bytes, and bytes that
    /// are not of it after all are read as plain text.
    public var byName: Bool

    public init(kind: ArticleKind, byName: Bool) {
        self.kind = kind
        self.byName = byName
    }
}

/// An article imported from bytes, with the kind it was read as.
public struct ImportedArticle {
    public var article: Article
    /// How many bytes were not valid UTF-8 and were replaced with U+FFFD.
    public var replacedBytes: Int
    public var kind: ArticleKind

    public init(article: Article, replacedBytes: Int, kind: ArticleKind) {
        self.article = article
        self.replacedBytes = replacedBytes
        self.kind = kind
    }
}

import DocBaoCore

/// Reads one kind of input into an `Article`. Every importer is listed in `ArticleImporters`,
/// which decides for the reader, `add`, `grep`, `export` and `docbao DIR` which one reads a file.
public protocol ArticleImporter: Sendable {
    /// The kind this importer reads.
    var kind: ArticleKind { get }
    /// The name extensions (lower case, without the dot) that say a file is of this kind. A folder's
    /// files with one of them are the articles `add DIR` and `docbao DIR` find.
    var extensions: [String] { get }
    /// Whether bytes whose name says nothing (stdin, no known extension) look like this kind, from
    /// their first bytes (`ArticleImporters.headSize` of them, or all when there are fewer). Such
    /// bytes are tried as this kind, and read as plain text when they are not of it after all.
    func accepts(head: [UInt8]) -> Bool
    /// The article in `bytes`, which are neither blank nor binary (`ArticleBytes.check` passed).
    func importArticle(_ bytes: [UInt8]) throws(ArticleBytes.Failure) -> ImportedArticle
}

import DocBaoCore

/// The registry of importers: the one place that decides what kind an input is and which
/// importer reads it. The reader, `--dump`, `export`, `add`, `docbao DIR` and `grep` all ask here.
///
/// Adding a kind of input (HTML next) is one file and one line:
/// 1. `HTMLArticleImporter.swift` beside the others, holding
///    `extension ArticleKind { public static let html = ArticleKind("HTML") }` and a
///    `struct HTMLArticleImporter: ArticleImporter` with `extensions` `["html", "htm"]`,
///    `accepts(head:)` for "<!doctype html" or "<html" at the start, and `importArticle(_:)`;
/// 2. `HTMLArticleImporter(),` in `all` below, before the plain-text importer.
/// Folders then offer their .html files to `add DIR` and `docbao DIR`, and every command reads them.
public enum ArticleImporters {
    /// Every importer, in the order they are tried on input whose name says nothing. The plain-text
    /// importer, which accepts anything, is last.
    public static let all: [any ArticleImporter] = [
        JSONArticleImporter(),
        HTMLArticleImporter(),
        PlainTextArticleImporter(),
    ]

    /// What reads input whose guessed kind was wrong (a text that starts with "{").
    public static let fallback = PlainTextArticleImporter()

    /// How many first bytes are enough to guess a kind from content (a huge file's are not all read).
    public static let headSize = 64 << 10

    /// The lower-case extensions, without the dot, of the files that are articles.
    public static let extensions: Set<String> = Set(all.flatMap(\.extensions))

    /// The importer a file's name asks for (its extension, in any case), or nil when it says nothing.
    public static func importer(forName name: String) -> (any ArticleImporter)? {
        let lower = name.lowercased()
        return all.first { $0.extensions.contains { lower.hasSuffix("." + $0) } }
    }

    /// The importer of `kind`.
    public static func importer(of kind: ArticleKind) -> any ArticleImporter {
        all.first { $0.kind == kind } ?? fallback
    }

    /// The kind of input named `name` (nil: stdin, the bundled article) that starts with `head`:
    /// by the name's extension when it has a known one, otherwise the first importer that accepts
    /// the first bytes (`head`: at least `headSize` of them, or all the input when it is shorter).
    public static func decide(name: String?, head: [UInt8]) -> KindDecision {
        if let name, let importer = importer(forName: name) { return KindDecision(kind: importer.kind, byName: true) }
        let importer = all.first { $0.accepts(head: head) } ?? fallback
        return KindDecision(kind: importer.kind, byName: false)
    }

    /// The article in `bytes` read as `decision` says; a guessed kind that fails is read as plain text.
    /// The bytes must have passed `ArticleBytes.check`.
    public static func importArticle(_ bytes: [UInt8], as decision: KindDecision) throws(ArticleBytes.Failure) -> ImportedArticle {
        let importer = importer(of: decision.kind)
        if decision.byName { return try importer.importArticle(bytes) }
        if let imported = try? importer.importArticle(bytes) { return imported }
        return try fallback.importArticle(bytes)
    }

    /// The article in the bytes of input named `name` (nil when it has none): checked (blank,
    /// binary unless `force`), its kind decided, imported.
    public static func importArticle(_ bytes: [UInt8], name: String?, force: Bool = false) throws(ArticleBytes.Failure) -> ImportedArticle {
        try ArticleBytes.check(bytes, force: force)
        return try importArticle(bytes, as: decide(name: name, head: bytes))
    }
}

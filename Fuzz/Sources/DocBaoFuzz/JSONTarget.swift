import DocBaoCore

/// The JSON article reader on any bytes: errors are expected, crashes are not; an article it
/// accepts is clean, and exporting it and reading the export back gives the same article.
enum JSONTarget {
    static func run(_ bytes: [UInt8]) {
        guard let article = try? ArticleJSON.decode(bytes) else { return }
        Check.article(article)
        let exported: String
        do {
            exported = try ArticleJSON.encode(article)
        } catch {
            fatalError("an article read from JSON cannot be written back: \(error)")
        }
        do {
            let again = try ArticleJSON.decode(Array(exported.utf8))
            require(again == article, "exporting and reading back changes the article:\n\(exported)")
        } catch {
            fatalError("docbao cannot read its own export: \(error)\n\(exported)")
        }
    }
}

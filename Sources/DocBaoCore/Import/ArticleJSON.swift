import Foundation

/// Reads and writes articles in docbao's JSON form (documented in docs/article-json.md).
///
/// The form: `{"format": "docbao-article", "version": 1, "title", "lead", "blocks": [{kind, text,
/// credit?, url?, cells?}], "sections": [{label, block, level}], "metadata": {…}, "links"?: [{number,
/// url, text}]}`. `title` and `lead` repeat
/// the first `.title` and `.lead` blocks for readers that want only those.
public enum ArticleJSON {
    /// The value of the `format` field.
    public static let format = "docbao-article"
    /// The version this code writes and the highest it reads.
    public static let version = 1

    /// The article as JSON with sorted keys, pretty-printed unless `compact` (for storage).
    public static func encode(_ a: Article, compact: Bool = false) throws -> String {
        let metadata = a.metadata
        let document = Document(
            format: format, version: version, title: a.title, lead: a.lead,
            blocks: a.blocks.map { BlockRecord(kind: $0.kind.rawValue, text: $0.text, credit: $0.credit, url: $0.url,
                                               cells: $0.kind == .tableRow ? $0.cells : nil) },
            sections: a.sections.map { SectionRecord(label: $0.label, block: $0.block, level: $0.level) },
            metadata: MetadataRecord(sourceName: metadata.sourceName, url: metadata.url, byline: metadata.byline,
                                     date: metadata.date, extra: metadata.extra.isEmpty ? nil : metadata.extra),
            links: a.links.isEmpty ? nil : a.links.map { LinkRecord(number: $0.number, url: $0.url, text: $0.text) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = compact ? [.sortedKeys, .withoutEscapingSlashes] : [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }

    /// The on-disk shape. Everything is optional on reading; `decode` checks what must be there.
    struct Document: Codable {
        var format: String?
        var version: Int?
        var title: String?
        var lead: String?
        var blocks: [BlockRecord]?
        var sections: [SectionRecord]?
        var metadata: MetadataRecord?
        /// Added after version 1's first files, which have none: optional, version unchanged.
        var links: [LinkRecord]?
    }

    struct LinkRecord: Codable {
        var number: Int?
        var url: String
        var text: String?
    }

    struct BlockRecord: Codable {
        var kind: String
        var text: String
        var credit: String?
        var url: String?
        /// A table row's cells (its `text` is them joined by tabs, for readers that want only text).
        var cells: [String]?
    }

    struct SectionRecord: Codable {
        var label: String
        var block: Int
        var level: Int?
    }

    struct MetadataRecord: Codable {
        var sourceName: String?
        var url: String?
        var byline: String?
        var date: String?
        var extra: [String: String]?
    }
}

import Foundation

extension ArticleJSON {
    /// Reads an article from JSON (UTF-8). JSON is input from anywhere, so every string is cleaned
    /// with `TextSanitizer.clean`. If the blocks have no `.title` (or `.lead`) block but a non-empty
    /// top-level `title` (or a `lead`) is given, one is inserted (the title first, the lead after it)
    /// and given section indices move with the blocks. Without `sections`, they are built with `Outline`.
    /// - Throws: `ArticleJSONError` for malformed JSON (with its line and column), a missing or mistyped
    ///   field, another format or a newer version, an unknown block kind, or a section outside the blocks.
    public static func decode(_ data: [UInt8]) throws -> Article {
        if let failure = JSONSyntaxCheck.firstError(in: data) {
            let (line, column) = JSONSyntaxCheck.lineAndColumn(of: failure.offset, in: data)
            throw ArticleJSONError("malformed JSON at line \(line), column \(column) (byte \(failure.offset)): \(failure.reason)",
                                   line: line, column: column)
        }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(data))
        } catch let error as DecodingError {
            throw ArticleJSONError("invalid article JSON: " + describe(error))
        }
        if let found = document.format, found != format {
            throw ArticleJSONError("not a docbao article: \"format\" is \"\(TextSanitizer.clean(found))\", expected \"\(format)\"")
        }
        if let found = document.version, found != version {
            throw ArticleJSONError("unsupported version \(found): this docbao reads version \(version)")
        }
        guard document.blocks != nil || document.title != nil else {
            throw ArticleJSONError("invalid article JSON: neither \"blocks\" nor \"title\" is given")
        }
        let records = document.blocks ?? []
        var blocks = try records.enumerated().map { index, record in
            guard let kind = Block.Kind(rawValue: record.kind) else {
                let known = Block.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                throw ArticleJSONError("block \(index): unknown kind \"\(TextSanitizer.clean(record.kind))\" (known kinds: \(known))")
            }
            if kind == .tableRow {
                return Block.tableRow((record.cells ?? [record.text]).map(TextSanitizer.clean))
            }
            return Block(kind, TextSanitizer.clean(record.text), credit: record.credit.map(TextSanitizer.clean),
                         url: record.url.map(TextSanitizer.clean))
        }
        Block.alignTables(&blocks)
        var inserted: [Int] = []
        // An empty `title` is how an article without a title block is written: it inserts nothing.
        if !blocks.contains(where: { $0.kind == .title }), let title = document.title.map(TextSanitizer.clean), !title.isEmpty {
            blocks.insert(Block(.title, title), at: 0)
            inserted.append(0)
        }
        if !blocks.contains(where: { $0.kind == .lead }), let lead = document.lead {
            let position = blocks.firstIndex { $0.kind == .title }.map { $0 + 1 } ?? 0
            blocks.insert(Block(.lead, TextSanitizer.clean(lead)), at: position)
            inserted.append(position)
        }
        var sections = try document.sections.map { try checkedSections($0, blockCount: records.count, inserted: inserted) }
            ?? Outline.sections(for: blocks)
        // The reader relies on a section at block 0 (the opening): add one when the file has none.
        if !blocks.isEmpty && sections.first?.block != 0 {
            sections.insert(Section(label: blocks.first { $0.kind == .title }?.text ?? blocks[0].text, block: 0), at: 0)
        }
        return Article(blocks: blocks, sections: sections, metadata: cleanedMetadata(document.metadata),
                       links: try cleanedLinks(document.links ?? []))
    }

    /// Links with clean texts; a link without a number takes its place in the list (from 1).
    private static func cleanedLinks(_ records: [LinkRecord]) throws -> [Link] {
        try records.enumerated().map { index, record in
            let number = record.number ?? index + 1
            guard number >= 1 else { throw ArticleJSONError("link \(index) has number \(number): numbers start at 1") }
            return Link(number: number, url: TextSanitizer.clean(record.url), text: TextSanitizer.clean(record.text ?? ""))
        }
    }

    /// Sections with their indices checked against the blocks as written, then moved past inserted blocks.
    private static func checkedSections(_ records: [SectionRecord], blockCount: Int, inserted: [Int]) throws -> [Section] {
        var previous = 0
        return try records.enumerated().map { index, record in
            let label = TextSanitizer.clean(record.label)
            guard (0..<blockCount).contains(record.block) else {
                throw ArticleJSONError("section \(index) (\"\(label)\") starts at block \(record.block), "
                                       + "but the article has \(blockCount) blocks")
            }
            guard record.block >= previous else {
                throw ArticleJSONError("section \(index) (\"\(label)\") starts at block \(record.block), "
                                       + "before the section ahead of it (block \(previous))")
            }
            let level = record.level ?? 0
            guard level >= 0 else { throw ArticleJSONError("section \(index) (\"\(label)\") has a negative level \(level)") }
            previous = record.block
            var block = record.block
            for position in inserted where block >= position { block += 1 }
            return Section(label: label, block: block, level: level)
        }
    }

    private static func cleanedMetadata(_ record: MetadataRecord?) -> ArticleMetadata {
        guard let record else { return ArticleMetadata() }
        var extra: [String: String] = [:]
        for (key, value) in record.extra ?? [:] { extra[TextSanitizer.clean(key)] = TextSanitizer.clean(value) }
        return ArticleMetadata(sourceName: record.sourceName.map(TextSanitizer.clean), url: record.url.map(TextSanitizer.clean),
                               byline: record.byline.map(TextSanitizer.clean), date: record.date.map(TextSanitizer.clean),
                               extra: extra)
    }

    /// "blocks[2].text: Expected to decode String but found a number instead."
    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "the document" : String(keys.drop { $0 == "." })
        }
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return path(context) + ": " + context.debugDescription
        case .keyNotFound(let key, let context):
            return path(context) + ": missing \"\(key.stringValue)\""
        @unknown default:
            return String(describing: error)
        }
    }
}

import Foundation
@testable import DocBaoCore

/// The importer as it was before it read its input in chunks (decode all, clean all, split into
/// lines, then paragraphs), kept as the oracle that the chunked import must match exactly.
enum ReferenceImporter {
    typealias Layout = PlainTextImporter.Layout
    typealias P = PlainTextImporter

    static func importArticle(bytes: [UInt8]) -> (article: Article, replacedBytes: Int) {
        let (text, replaced) = P.decode(bytes)
        return (importArticle(text), replaced)
    }

    static func importArticle(_ text: consuming String) -> Article {
        var cleaned = TextSanitizer.clean(text)
        _ = consume text
        var lines = cleaned.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(Substring($0)) }
        cleaned = ""
        var metadata = ArticleMetadata()
        lines.removeFirst(readHeaders(lines, into: &metadata))
        while let first = lines.first, LineShape.isBlank(first) { lines.removeFirst() }
        while let last = lines.last, LineShape.isBlank(last) { lines.removeLast() }
        guard !lines.isEmpty else {
            return Article(blocks: [], sections: [], metadata: metadata)
        }

        lines = lines.map(P.decodingEntityRemnants)
        let firstLine = lines[0]
        let slug = P.slugWords(metadata.url)
        let hasTitleLine = slug.map { P.isSlugHeadline(firstLine, slug: $0) } ?? P.isHeadlineLike(firstLine)
        var body = Array(lines.dropFirst(hasTitleLine ? 1 : 0))
        var lead: String?
        let layout = detectLayout(body)
        if layout == .leadLast, let last = body.popLast() {
            lead = LineShape.folded(last)
        }
        // The lines are let go of once the paragraphs are made from them (they share no storage).
        lines = []
        var paragraphs = layout == .blankSeparated ? blankSeparatedParagraphs(body)
                                                   : joinFragments(body.filter { !P.isShareBoilerplate($0) })
        body = []
        let slugTitle = slug.map { P.slugTitle($0, paragraphs: paragraphs) }
        let endMatter = P.takeEndMatter(from: &paragraphs)
        let title = hasTitleLine ? LineShape.folded(firstLine) : slugTitle ?? P.derivedTitle(paragraphs: paragraphs, fallback: firstLine)

        var blocks = [Block(.title, title)]
        if let lead { blocks.append(Block(.lead, lead)) }
        blocks += P.classify(paragraphs, layout: layout)
        blocks += endMatter.blocks
        blocks = P.splittingLongBlocks(blocks)

        metadata.sourceName = endMatter.sourceName
        metadata.url = metadata.url ?? endMatter.url
        if !endMatter.authors.isEmpty { metadata.byline = endMatter.authors.joined(separator: ", ") }
        return Article(blocks: blocks, sections: Outline.sections(for: blocks), metadata: metadata)
    }

    /// Reads leading `# key = value` lines into `metadata`; returns how many lines it used.
    private static func readHeaders(_ lines: [String], into metadata: inout ArticleMetadata) -> Int {
        var count = 0
        for line in lines {
            guard line.hasPrefix("# ") else { break }
            let keyStart = line.index(line.startIndex, offsetBy: 2)
            // " = " after the "# ", not overlapping it ("# = x" has no key).
            guard let equals = line.range(of: " = ", range: keyStart..<line.endIndex) else { break }
            let key = LineShape.trimmed(line[keyStart..<equals.lowerBound])
            let value = LineShape.trimmed(line[equals.upperBound...])
            switch key {
            case "url": metadata.url = value
            case "date": metadata.date = value
            default: metadata.extra[key] = value
            }
            count += 1
        }
        return count
    }

    /// Rule 3: lead last, blank-separated, or one paragraph per line.
    private static func detectLayout(_ body: [String]) -> Layout {
        let blankRun = body.reversed().dropFirst().prefix { LineShape.isBlank($0) }.count
        if blankRun >= 2, !gapsOutnumberPairs(body.dropLast(blankRun + 1)) { return .leadLast }
        return gapsOutnumberPairs(body[...]) ? .blankSeparated : .linePerParagraph
    }

    /// True if, between non-blank lines, blank gaps are more common than lines that follow directly.
    private static func gapsOutnumberPairs(_ lines: ArraySlice<String>) -> Bool {
        var gaps = 0, pairs = 0
        var seenText = false, blankSince = false
        for line in lines {
            if LineShape.isBlank(line) { blankSince = true; continue }
            if seenText { if blankSince { gaps += 1 } else { pairs += 1 } }
            seenText = true
            blankSince = false
        }
        return gaps > pairs
    }

    /// Paragraphs of blank-separated text: runs of non-blank lines joined with a space, boilerplate dropped.
    private static func blankSeparatedParagraphs(_ lines: [String]) -> [String] {
        var paragraphs: [String] = []
        var i = 0
        while i < lines.count {
            guard !LineShape.isBlank(lines[i]) else { i += 1; continue }
            var end = i + 1
            while end < lines.count, !LineShape.isBlank(lines[end]) { end += 1 }
            let paragraph = LineShape.folded(end == i + 1 ? lines[i] : lines[i..<end].joined(separator: " "))
            if !P.isShareBoilerplate(paragraph) { paragraphs.append(paragraph) }
            i = end
        }
        return paragraphs
    }


    static func joinFragments(_ lines: [String]) -> [String] {
        let kept = lines.filter { !LineShape.isBlank($0) }
        var paragraphs: [String] = []
        for (i, line) in kept.enumerated() {
            let next = i + 1 < kept.count ? kept[i + 1] : nil
            // Decide first, then append in place: rebuilding the paragraph for every joined line
            // made hard-wrapped text quadratic.
            let separator = paragraphs.last.flatMap { P.continues($0, with: line, before: next) ? P.separator($0, line) : nil }
            if let separator {
                paragraphs[paragraphs.count - 1] += separator + line
            } else {
                paragraphs.append(line)
            }
        }
        return paragraphs.map(LineShape.folded)
    }
}

extension PlainTextImporter {
    /// Builds the article from its cleaned lines given one at a time, in order, holding only the
    /// paragraphs made so far and the few lines a paragraph still waits on.
    ///
    /// The rules that look at the whole text (rule 3's layout, the blank lines at the ends) read
    /// `map`, the blank lines of the same text made beforehand; the rest apply as the lines come.
    struct Assembler {
        private let map: LineMap
        /// The index of the next line.
        private var index = 0
        private var metadata = ArticleMetadata()
        /// Whether the lines so far were all headers.
        private var inHeaders = true
        /// The first non-blank line after the headers (the title line or the opening paragraph),
        /// and the end of the lines that are not trailing blanks; nil for an article without text.
        private var textLines: Range<Int>?
        private var firstLine = ""
        private var hasTitleLine = false
        private var layout = Layout.linePerParagraph
        private var lead: String?
        /// Blank-separated layout: the lines of the paragraph being read, and the paragraphs made.
        private var run: [String] = []
        private var paragraphs: [String] = []
        /// The other layouts: lines joined into paragraphs (rule 5).
        private var joiner = FragmentJoiner()

        init(map: LineMap) { self.map = map }

        /// Adds the next line of the cleaned text.
        mutating func add(_ line: String) {
            let i = index
            index += 1
            if inHeaders {
                if let (key, value) = header(line) {
                    switch key {
                    case "url": metadata.url = value
                    case "date": metadata.date = value
                    default: metadata.extra[key] = value
                    }
                    return
                }
                endHeaders(at: i)
            }
            guard let text = textLines, text.contains(i) else { return }
            if i == text.lowerBound {
                firstLine = line
                hasTitleLine = isHeadlineLike(line)
                let body = (hasTitleLine ? i + 1 : i)..<text.upperBound
                layout = detectLayout(map, body: body)
                if hasTitleLine { return }
            }
            if layout == .leadLast && i == text.upperBound - 1 {
                lead = LineShape.folded(line)
                return
            }
            if layout == .blankSeparated {
                if LineShape.isBlank(line) { endRun() } else { run.append(line) }
            } else if !isShareBoilerplate(line) {
                joiner.add(line)
            }
        }

        /// The headers end before line `i`: the text is what is between the blank lines after them
        /// and the blank lines at the end.
        private mutating func endHeaders(at i: Int) {
            inHeaders = false
            if let first = map.firstNonBlank(from: i), let last = map.lastNonBlank(), last >= first {
                textLines = first..<(last + 1)
            }
        }

        /// A run of non-blank lines is a paragraph, joined with spaces (blank-separated layout).
        private mutating func endRun() {
            guard !run.isEmpty else { return }
            let paragraph = LineShape.folded(run.count == 1 ? run[0] : run.joined(separator: " "))
            run.removeAll(keepingCapacity: true)
            if !isShareBoilerplate(paragraph) { paragraphs.append(paragraph) }
        }

        /// The article, once every line was added.
        consuming func finish() -> Article {
            if inHeaders { endHeaders(at: index) }
            guard textLines != nil else { return Article(blocks: [], sections: [], metadata: metadata) }
            var paragraphs: [String]
            if layout == .blankSeparated {
                endRun()
                paragraphs = self.paragraphs
                self.paragraphs = []
            } else {
                paragraphs = joiner.finish()
                joiner = FragmentJoiner()
            }
            let endMatter = takeEndMatter(from: &paragraphs)
            let title = hasTitleLine ? LineShape.folded(firstLine) : derivedTitle(from: paragraphs.first ?? firstLine)
            let head = [Block(.title, title)] + (lead.map { [Block(.lead, $0)] } ?? [])

            // The blocks go into one array of the final size, so that no second array of a huge
            // article's blocks is ever made beside it.
            var blocks: [Block] = []
            blocks.reserveCapacity(head.count + paragraphs.count + endMatter.blocks.count)
            for paragraph in paragraphs { blocks.append(block(for: paragraph)) }
            paragraphs = []
            markInContext(&blocks, layout: layout)
            blocks.insert(contentsOf: head, at: 0)
            blocks += endMatter.blocks
            blocks = splittingLongBlocks(blocks)

            metadata.sourceName = endMatter.sourceName
            metadata.url = metadata.url ?? endMatter.url
            if !endMatter.authors.isEmpty { metadata.byline = endMatter.authors.joined(separator: ", ") }
            return Article(blocks: blocks, sections: Outline.sections(for: blocks), metadata: metadata)
        }
    }
}

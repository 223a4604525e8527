import Foundation

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
        /// The headline without accents in the `# url` header's address, if it has one (rule 4).
        private var slug: [String]?
        private var layout = Layout.linePerParagraph
        private var lead: String?
        /// Blank-separated layout: the lines of the paragraph being read.
        private var run: [String] = []
        /// The other layouts: lines joined into paragraphs (rule 5).
        private var joiner = FragmentJoiner()
        /// A block for each paragraph made so far, judged on its own (`block(for:)`): the
        /// paragraphs are held nowhere else.
        private var blocks: [Block] = []
        /// The paragraph of each block whose text is not its paragraph (a caption's description
        /// without its credit), in block order: the end matter rules read paragraphs. Not an
        /// `[Int: String]`: see `LineShape.join` on what a first dictionary costs at start-up.
        private var paragraphsChanged: [(block: Int, paragraph: String)] = []
        /// The file the blocks' text can be kept in (notes with only the file, which blocks share).
        private let file: Block.Notes?
        /// The last few lines whose place in `file` is known, with that place: a paragraph is made
        /// of lines just added.
        private var recentLines: [(line: String, raw: RawLine)] = []

        init(map: LineMap, file: (any TextFile)? = nil) {
            self.map = map
            self.file = file.flatMap { Block.Notes(credit: nil, url: nil, file: $0) }
        }

        /// Adds the next line of the cleaned text; `raw` is where it came from in the input, if known.
        /// Entity remnants are decoded after the line's place is noted: a block with them is held, not filed.
        mutating func add(_ line: String, at raw: RawLine? = nil) {
            if file != nil, let raw {
                if recentLines.count == 4 { recentLines.removeFirst() }
                recentLines.append((line, raw))
            }
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
            let line = decodingEntityRemnants(line)
            if i == text.lowerBound {
                firstLine = line
                slug = slugWords(metadata.url)
                // With a headline in the address, the first line is the title only if it is that headline.
                hasTitleLine = slug.map { isSlugHeadline(line, slug: $0) } ?? isHeadlineLike(line)
                let body = (hasTitleLine ? i + 1 : i)..<text.upperBound
                layout = detectLayout(map, body: body)
                blocks.reserveCapacity(2 + paragraphCount(in: layout == .leadLast ? body.dropLast() : body))
                if hasTitleLine { return }
            }
            if layout == .leadLast && i == text.upperBound - 1 {
                lead = LineShape.folded(line)
                return
            }
            if layout == .blankSeparated {
                if LineShape.isBlank(line) { endRun() } else { run.append(line) }
            } else if !isShareBoilerplate(line) {
                var joiner = self.joiner
                self.joiner = FragmentJoiner()
                joiner.add(line) { add(paragraph: $0) }
                self.joiner = joiner
            }
        }

        private mutating func add(paragraph: String) {
            var block = block(for: paragraph)
            if block.kind == .caption && block.text != paragraph { paragraphsChanged.append((blocks.count, paragraph)) }
            if let file, let span = span(of: block.text) { block.keep(in: span, shared: file) }
            blocks.append(block)
        }

        /// Where `text` is in the file, if it is one of the recent lines whose place is known or a
        /// part of one that is there byte for byte. Short texts are held: a string of up to 15
        /// bytes takes no memory beyond its block.
        private func span(of text: String) -> FileSpan? {
            var text = text
            guard text.utf8.count > 15 else { return nil }
            return text.withUTF8 { wanted in
                let wanted = UnsafeRawBufferPointer(wanted)
                // Mostly the paragraph is a line (the newest, or one before when the joiner waited
                // for the next line); else a part of one (a caption without its credit).
                for (line, raw) in recentLines.reversed() where line.utf8.count == wanted.count {
                    var line = line
                    guard line.withUTF8({ memcmp($0.baseAddress!, wanted.baseAddress!, wanted.count) == 0 }) else { continue }
                    return raw.verbatim ? FileSpan(offset: raw.offset, bytes: wanted)
                        : FileSpan(offset: raw.offset, count: raw.count, hash: raw.hash, textCount: wanted.count)
                }
                for (line, raw) in recentLines.reversed() where raw.verbatim && line.utf8.count > wanted.count {
                    var line = line
                    if let at = line.withUTF8({ Self.firstOffset(of: wanted, in: UnsafeRawBufferPointer($0)) }) {
                        return FileSpan(offset: raw.offset + at, bytes: wanted)
                    }
                }
                return nil
            }
        }

        /// Where `needle` first is in `haystack` (memchr for its first byte, then memcmp).
        private static func firstOffset(of needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer) -> Int? {
            guard let n = needle.baseAddress, let h = haystack.baseAddress, needle.count <= haystack.count else { return nil }
            let last = haystack.count - needle.count
            var at = 0
            while at <= last, let hit = memchr(h + at, Int32(needle[0]), last - at + 1) {
                at = h.distance(to: UnsafeRawPointer(hit))
                if memcmp(h + at, n, needle.count) == 0 { return at }
                at += 1
            }
            return nil
        }

        /// The paragraph block `i` was made from.
        private func paragraph(_ i: Int) -> String {
            let at = paragraphsChanged.partitionPoint { $0.block < i }  // they come in block order
            return at < paragraphsChanged.count && paragraphsChanged[at].block == i ? paragraphsChanged[at].paragraph : blocks[i].text
        }

        /// At most how many paragraphs the lines `lines` make in the layout: so many blocks are
        /// made room for at once (a huge article's blocks are not copied as their array grows).
        private func paragraphCount(in lines: Range<Int>) -> Int {
            var count = 0
            for i in lines where !map.isBlank(i) && (layout != .blankSeparated || i == lines.lowerBound || map.isBlank(i - 1)) {
                count += 1
            }
            return count
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
            let paragraph = LineShape.folded(run.count == 1 ? run[0] : LineShape.join(run, separator: " "))
            run.removeAll(keepingCapacity: true)
            if !isShareBoilerplate(paragraph) { add(paragraph: paragraph) }
        }

        /// The article, once every line was added.
        consuming func finish() -> Article {
            if inHeaders { endHeaders(at: index) }
            guard textLines != nil else { return Article(blocks: [], sections: [], metadata: metadata) }
            if layout == .blankSeparated {
                endRun()
            } else {
                var joiner = self.joiner
                self.joiner = FragmentJoiner()
                joiner.finish { add(paragraph: $0) }
            }
            let (endStart, endMatter) = endMatter(of: blocks.indices.lazy.map(paragraph))
            let title = hasTitleLine ? LineShape.folded(firstLine)
                : slug.map { slugTitle($0, paragraphs: self.blocks.indices.lazy.map(paragraph)) }
                ?? derivedTitle(paragraphs: blocks.indices.prefix(endStart).lazy.map(paragraph), fallback: firstLine)
            var blocks = self.blocks
            self.blocks = []
            blocks.removeSubrange(endStart...)
            markInContext(&blocks, layout: layout)
            // The title and lead go in front, in the room made for them.
            blocks.insert(contentsOf: [Block(.title, title)] + (lead.map { [Block(.lead, $0)] } ?? []), at: 0)
            blocks += endMatter.blocks
            // Room made for lines that were then joined is given back.
            if blocks.capacity > blocks.count + blocks.count / 8 + 16 { blocks = Array(blocks) }
            blocks = splittingLongBlocks(blocks)

            metadata.sourceName = endMatter.sourceName
            metadata.url = metadata.url ?? endMatter.url
            if !endMatter.authors.isEmpty { metadata.byline = LineShape.join(endMatter.authors, separator: ", ") }
            return Article(blocks: blocks, sections: Outline.sections(for: blocks), metadata: metadata)
        }
    }
}

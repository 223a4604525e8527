/// An article folded for search, all its blocks in one `FoldedText`, made on the first search and
/// kept: about two bytes per character, so every later search (each key typed at the prompt) is one
/// scan of the whole article's base bytes. A huge article is never folded whole: its blocks are
/// scanned (`matches(_:folding:)` all of them, `nearMatches` those near where a prompt opened).
public final class SearchIndex {
    public let article: Article
    private var cached: FoldedText?
    /// How many times the whole article was folded, for tests.
    private(set) var folds = 0

    public init(article: Article) { self.article = article }

    /// The article's blocks folded, in order (block b from `text.blockStarts[b]`).
    public var text: FoldedText {
        if let cached { return cached }
        folds += 1
        var text = FoldedText()
        text.reserveCapacity(units: article.blocks.reduce(article.blocks.count) { $0 + $1.utf8Count })
        for block in article.blocks { text.append(VietnameseFolding.fold(block.text)) }
        text.trim()
        cached = text
        return text
    }

    /// Every match of `matcher` in the article, in reading order, in the compact list (8 bytes a
    /// match), appended to as they are found. The matches are kept as folded units and made UTF-8
    /// offsets when read (`SearchMatches.Resolver`): finding them reads no block's text.
    /// With `folding` false and no fold held, the article is not folded: its blocks are scanned
    /// (`BlockScan`: the same matches, as offsets), as a huge article is searched without a prompt.
    public func matches(_ matcher: Matcher, folding: Bool = true) -> SearchMatches {
        guard !matcher.isEmpty else { return [] }
        if !folding && cached == nil { return BlockScan(matcher).matches(in: article.blocks) }
        let text = self.text
        var result = SearchMatches(resolver: SearchMatches.Resolver(text, blocks: article.blocks))
        let starts = text.blockStarts
        var block = 0
        matcher.forEachRange(in: text) { r in
            // Matches come in order, and none crosses from one block into the next.
            while block + 1 < starts.count && Int(starts[block + 1]) <= r.lowerBound { block += 1 }
            let base = Int(starts[block])
            result.append(block: block, units: (r.lowerBound - base)..<(r.upperBound - base))
        }
        return result
    }

    /// The matches a prompt shows while a query is typed on a huge article, found without folding
    /// it whole or scanning all of it (`BlockScan`): those of the blocks from the first match met
    /// from `origin` in `direction` (wrapping around the article) to `reach` blocks after it, enough
    /// for the screen it is shown on. So `SearchState.next` from `origin` finds the same match in
    /// them as in the whole list. Empty when nothing matches.
    public func nearMatches(_ matcher: Matcher, from origin: SourcePosition, _ direction: SearchDirection, reach: Int) -> SearchMatches {
        let blocks = article.blocks, n = blocks.count
        guard !matcher.isEmpty, n > 0 else { return [] }
        let scan = BlockScan(matcher)
        let o = min(max(origin.block, 0), n - 1), here = SearchMatch(block: o, start: origin.offset, end: origin.offset)
        /// The block of the first match of `range`'s blocks that `wanted` accepts, scanning them in
        /// pieces growing from the end the search starts at.
        func hit(in range: Range<Int>, backward: Bool, _ wanted: (SearchMatch) -> Bool) -> Int? {
            var piece = 16, done = backward ? range.upperBound : range.lowerBound
            while backward ? done > range.lowerBound : done < range.upperBound {
                let part = backward ? max(range.lowerBound, done - piece)..<done : done..<min(range.upperBound, done + piece)
                let found = scan.matches(in: blocks, range: part)
                if let m = backward ? found.last(where: wanted) : found.first(where: wanted) { return m.block }
                done = backward ? part.lowerBound : part.upperBound
                piece = min(piece * 2, 4096)
            }
            return nil
        }
        let block: Int?
        switch direction {
        case .forward:
            block = hit(in: o..<n, backward: false) { !($0 < here) } ?? hit(in: 0..<(o + 1), backward: false) { $0 < here }
        case .backward:
            block = hit(in: 0..<(o + 1), backward: true) { $0 < here } ?? hit(in: o..<n, backward: true) { !($0 < here) }
        }
        guard let block else { return [] }
        return scan.matches(in: blocks, range: block..<min(n, block + 1 + max(reach, 0)))
    }

    /// The matches as `matches(_:)` listed them before `SearchMatches`: a plain array, 24 bytes a
    /// match. Kept as the reference that the compact list is tested and measured against.
    public func referenceMatches(_ matcher: Matcher) -> [SearchMatch] {
        guard !matcher.isEmpty else { return [] }
        let text = self.text
        var mapper = FoldedText.OffsetMapper(text)
        var result: [SearchMatch] = []
        matcher.forEachRange(in: text) { r in
            let (block, range) = mapper.map(r) { article.blocks[$0].text }
            result.append(SearchMatch(block: block, start: range.lowerBound, end: range.upperBound))
        }
        return result
    }
}

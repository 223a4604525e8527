import Synchronization

extension SearchMatches {
    /// Turns a match kept as folded units in its block into UTF-8 offsets in the block's text,
    /// reading the text (`Block.text`) when the match is first read: matches are mostly read in
    /// order or near each other, so the mapper keeps the last block's text and where it got to.
    final class Resolver: Sendable {
        private let blocks: [Block]
        private let blockStarts: [Int32]
        private let mapper: Mutex<FoldedText.OffsetMapper>

        init(_ folded: FoldedText, blocks: [Block]) {
            self.blocks = blocks
            blockStarts = folded.blockStarts
            mapper = Mutex(FoldedText.OffsetMapper(folded))
        }

        /// `m` with its start and end, units in its block, made UTF-8 offsets in the block's text.
        func resolve(_ m: SearchMatch) -> SearchMatch {
            let base = Int(blockStarts[m.block])
            let blocks = self.blocks
            let (block, range) = mapper.withLock { $0.map(base + m.start..<base + m.end) { blocks[$0].text } }
            return SearchMatch(block: block, start: range.lowerBound, end: range.upperBound)
        }
    }
}

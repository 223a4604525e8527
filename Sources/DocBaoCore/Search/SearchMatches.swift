/// Every match of a search, in the order found (reading order), as a collection of `SearchMatch`, kept
/// in 8 bytes a match rather than the 24 of `[SearchMatch]`: a one-letter search of a 100 MB article
/// has millions of matches (6.7 M for "n"), and the reader keeps its list while the search is shown.
///
/// Each match's start and end (UTF-8 offsets in its block) are kept as two `UInt32`s, in chunks of
/// `chunkSize` matches, so the list grows without copying what it holds (no doubling of one large
/// array, whose old and new buffers would both be alive at the copy); its block is kept once for
/// each run of matches in the same block (`runBlocks`, `runStarts`), and found by binary search of
/// the runs. A list with a number that does not fit in 32 bits (an offset past 4 GB in one block)
/// falls back to a plain `[SearchMatch]`.
///
/// A list made by `SearchIndex.matches` keeps each match as folded units in its block instead, and
/// turns them into UTF-8 offsets only when the match is read (`Resolver`): the offsets need the
/// block's text, which a huge article reads back from its file, and a search is shown long before
/// most of its matches are looked at ("n" in 100 MB: 6.7 million).
public struct SearchMatches: RandomAccessCollection, Equatable, Sendable, ExpressibleByArrayLiteral {
    static let chunkShift = 14
    /// Matches in each chunk but the last.
    static let chunkSize = 1 << chunkShift

    /// Start and end of every match, as pairs, `chunkSize` matches (2 x `chunkSize` numbers) a chunk.
    private var chunks: [[UInt32]] = []
    /// Runs of consecutive matches in one block: its block, and the index of its first match.
    private var runBlocks: [UInt32] = []
    private var runStarts: [UInt32] = []
    /// The whole list, kept plainly once something did not fit in 32 bits (nil otherwise).
    private var wide: [SearchMatch]?
    /// For a list of matches kept as folded units: what turns them into offsets (those of `wide`
    /// are offsets already).
    private var resolver: Resolver?
    public private(set) var count = 0

    public init() {}

    /// An empty list of matches to be added as folded units (`append(block:units:)`).
    init(resolver: Resolver) { self.resolver = resolver }

    public init<S: Sequence>(_ matches: S) where S.Element == SearchMatch {
        for m in matches { append(m) }
    }

    public init(arrayLiteral matches: SearchMatch...) { self.init(matches) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    public var isEmpty: Bool { count == 0 }

    public subscript(i: Int) -> SearchMatch {
        precondition(i >= 0 && i < count, "SearchMatches: index \(i) out of range 0..<\(count)")
        if let wide { return wide[i] }
        let m = match(i, block: Int(runBlocks[run(containing: i)]))
        return resolver?.resolve(m) ?? m
    }

    /// Match `i` (of the 32-bit form), whose block is `block`.
    @inline(__always)
    private func match(_ i: Int, block: Int) -> SearchMatch {
        let j = (i & (Self.chunkSize - 1)) << 1
        return chunks[i >> Self.chunkShift].withUnsafeBufferPointer { pairs in
            SearchMatch(block: block, start: Int(pairs[j]), end: Int(pairs[j + 1]))
        }
    }

    /// Index in `runStarts` of the run that match `i` is in: the last that starts at or before it.
    private func run(containing i: Int) -> Int {
        runStarts.partitionPoint { Int($0) <= i } - 1
    }

    /// Adds `m` after the others.
    public mutating func append(_ m: SearchMatch) {
        if wide != nil {
            wide!.append(resolver?.resolve(m) ?? m)
            count += 1
            return
        }
        guard let block = UInt32(exactly: m.block), let start = UInt32(exactly: m.start), let end = UInt32(exactly: m.end),
              UInt32(exactly: count) != nil else {
            // Made offsets, all of them: the wide list holds offsets (its resolver stays, for the
            // units appended after).
            var all = Array(self)
            all.append(resolver?.resolve(m) ?? m)
            let resolver = self.resolver
            self = SearchMatches()
            self.resolver = resolver
            wide = all
            count = all.count
            return
        }
        if runBlocks.last != block {
            runBlocks.append(block)
            runStarts.append(UInt32(count))
        }
        if count & (Self.chunkSize - 1) == 0 { chunks.append([]) }
        chunks[chunks.count - 1].append(start)
        chunks[chunks.count - 1].append(end)
        count += 1
    }

    /// Adds a match kept as the folded units `units` of block `block` (a list made with a resolver).
    mutating func append(block: Int, units: Range<Int>) {
        append(SearchMatch(block: block, start: units.lowerBound, end: units.upperBound))
    }

    /// Bytes held by the list's arrays (their counts, not their capacities).
    public var byteCount: Int {
        if let wide { return wide.count * MemoryLayout<SearchMatch>.stride }
        return (2 * count + runBlocks.count + runStarts.count) * MemoryLayout<UInt32>.stride
    }

    /// Walks the runs alongside, so going through the list does not search for each match's block.
    public struct Iterator: IteratorProtocol {
        private let matches: SearchMatches
        private var i = 0
        private var run = -1
        private var runEnd = 0

        fileprivate init(_ matches: SearchMatches) { self.matches = matches }

        public mutating func next() -> SearchMatch? {
            guard i < matches.count else { return nil }
            defer { i += 1 }
            if let wide = matches.wide { return wide[i] }
            while i >= runEnd {
                run += 1
                runEnd = run + 1 < matches.runStarts.count ? Int(matches.runStarts[run + 1]) : matches.count
            }
            let m = matches.match(i, block: Int(matches.runBlocks[run]))
            return matches.resolver?.resolve(m) ?? m
        }
    }

    public func makeIterator() -> Iterator { Iterator(self) }

    /// The same matches in the same order. Two lists of the 32-bit form built from the same matches
    /// (offsets, or units with the same resolver) hold the same arrays, so those are compared (at
    /// once when they are the same arrays); other lists match by match.
    public static func == (a: SearchMatches, b: SearchMatches) -> Bool {
        guard a.count == b.count else { return false }
        if a.wide == nil && b.wide == nil && a.resolver === b.resolver {
            return a.runStarts == b.runStarts && a.runBlocks == b.runBlocks && a.chunks == b.chunks
        }
        return a.elementsEqual(b)
    }
}

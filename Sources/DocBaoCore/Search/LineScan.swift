/// Finds a `Matcher`'s matches in raw UTF-8 bytes, line by line, without an article: how the reader
/// searches the part of a huge file its background import has not placed yet.
///
/// The bytes are folded on the fly to base bytes only (one per character, as `FoldedText.bases`
/// holds them: combining marks join the letter before them, so NFC and NFD give the same bytes),
/// scanned for the query's base bytes with `ByteSearch`, and only a line where they are is folded
/// whole and asked of the `Matcher` itself. So the matches are, by construction, the Matcher's on
/// each line (whatever its rules): base bytes equal are necessary for any match in either mode.
/// When the query has a letter rare in Vietnamese text (`KeyLetter`: a j, w, f, z, a digit), only
/// the lines holding it are folded, found at memory speed.
/// A line is the bytes between two line breaks (LF or CR); matches never cross one.
public struct LineScan: Sendable {
    public let matcher: Matcher
    let search: ByteSearch?
    let key: KeyLetter?

    public init(_ matcher: Matcher) {
        self.matcher = matcher
        search = matcher.query.isEmpty ? nil : ByteSearch(matcher.query.map { $0.base < 0xFF ? UInt8($0.base) : 0xFF })
        key = KeyLetter(matcher.query)
    }

    /// A match: the line it is in and the match itself, as byte ranges of the bytes scanned.
    public struct Hit: Equatable, Sendable {
        public var line: Range<Int>
        public var match: Range<Int>

        public init(line: Range<Int>, match: Range<Int>) {
            self.line = line
            self.match = match
        }
    }

    /// Calls `body` with each match in `bytes`, in order, until it returns false. The end of
    /// `bytes` ends a line (the caller cuts a file at line breaks). Each line's matches are
    /// `matcher.matches(in:)` of its text (invalid UTF-8 repaired as `String(decoding:)` does; the
    /// offsets are the repaired text's, the same as the bytes' in valid UTF-8).
    /// - Returns: false if `body` stopped the scan.
    @discardableResult
    public func scan(_ bytes: UnsafeRawBufferPointer, _ body: (Hit) -> Bool) -> Bool {
        guard search != nil, bytes.count > 0 else { return true }
        for lines in candidates(bytes) {
            let shifted = { (hit: Hit) in
                body(Hit(line: (hit.line.lowerBound + lines.lowerBound)..<(hit.line.upperBound + lines.lowerBound),
                         match: (hit.match.lowerBound + lines.lowerBound)..<(hit.match.upperBound + lines.lowerBound)))
            }
            guard scanFolding(UnsafeRawBufferPointer(rebasing: bytes[lines]), shifted) else { return false }
        }
        return true
    }

    /// The parts of `bytes` that can hold a match, in order, each whole lines: every line holding
    /// the key letter, or all the bytes when the query has none.
    func candidates(_ bytes: UnsafeRawBufferPointer) -> LazyCandidates {
        LazyCandidates(bytes: bytes.bindMemory(to: UInt8.self), key: key)
    }

    struct LazyCandidates: Sequence, IteratorProtocol {
        let bytes: UnsafeBufferPointer<UInt8>
        let key: KeyLetter?
        var at = 0

        mutating func next() -> Range<Int>? {
            let n = bytes.count
            guard at < n else { return nil }
            guard let key else { defer { at = n }; return 0..<n }
            guard let c = key.firstCandidate(in: bytes, from: at) else { at = n; return nil }
            func isBreak(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }
            var start = c, end = c
            while start > at && !isBreak(bytes[start - 1]) { start -= 1 }
            while end < n && !isBreak(bytes[end]) { end += 1 }
            at = end + 1
            return start..<end
        }
    }

    /// `scan` of every byte: the bases folded, the Matcher asked where the query's are.
    private func scanFolding(_ bytes: UnsafeRawBufferPointer, _ body: (Hit) -> Bool) -> Bool {
        guard let search, bytes.count > 0 else { return true }
        var folded = Folding()
        folded.fold(bytes.bindMemory(to: UInt8.self))
        return folded.bases.withUnsafeBufferPointer { bases in
            var i = 0
            while let c = search.firstIndex(in: bases, from: i) {
                // The line holding the candidate: its text goes to the Matcher once.
                let n = folded.lineUnits.partitionPoint { Int($0) <= c } - 1
                let start = Int(folded.lineBytes[n])
                let end = n + 1 < folded.lineBytes.count ? Int(folded.lineBytes[n + 1]) - 1 : bytes.count
                let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                for r in matcher.matches(in: text) {
                    guard body(Hit(line: start..<end, match: (start + r.lowerBound)..<(start + r.upperBound))) else { return false }
                }
                guard n + 1 < folded.lineUnits.count else { break }
                i = Int(folded.lineUnits[n + 1])
            }
            return true
        }
    }

    /// The base bytes of a piece of text and where its lines start.
    struct Folding {
        /// One base byte per character (0xFF for a base that does not fit), 0x0A at each line break.
        var bases: [UInt8] = []
        /// For each line, the index of its first unit and of its first byte.
        var lineUnits: [Int32] = [0]
        var lineBytes: [Int32] = [0]

        /// Folds `bytes`: eight ASCII bytes at a time where there are eight (lowercased in one
        /// step), else a character at a time through `BaseTable`. With `breaksAsSpaces`, a line
        /// break is a space unit that a mark after it joins, as `VietnameseFolding.fold` reads a
        /// whole text (the lines are still recorded).
        mutating func fold(_ bytes: UnsafeBufferPointer<UInt8>, breaksAsSpaces: Bool = false) {
            let n = bytes.count
            guard let src = bytes.baseAddress else { return }
            let table = BaseTable.shared
            var units: [Int32] = [0], starts: [Int32] = [0]
            bases = [UInt8](unsafeUninitializedCapacity: n) { out, initialized in
                let dst = out.baseAddress!
                var i = 0, k = 0
                // Whether the line has a unit yet: a combining mark at a line's start is a unit of its own.
                var lineHasUnit = false
                table.ascii.withUnsafeBufferPointer { ascii in table.two.withUnsafeBufferPointer { two in table.three.withUnsafeBufferPointer { three in
                    while i < n {
                        // Eight printable ASCII bytes (no break, no tab, no control): their bases are
                        // themselves, A–Z lowercased.
                        if i + 8 <= n {
                            let w = UnsafeRawPointer(src + i).loadUnaligned(as: UInt64.self)
                            let high: UInt64 = 0x8080_8080_8080_8080
                            if w & high == 0, (w &- 0x2020_2020_2020_2020) & ~w & high == 0 {
                                let upper = ((w &+ 0x3F3F_3F3F_3F3F_3F3F) ^ (w &+ 0x2525_2525_2525_2525)) & high
                                UnsafeMutableRawPointer(dst + k).storeBytes(of: w | (upper >> 2), as: UInt64.self)
                                i += 8; k += 8
                                lineHasUnit = true
                                continue
                            }
                        }
                        let b = src[i]
                        if b < 0x80 {
                            i += 1
                            if b == 0x0A || b == 0x0D {
                                dst[k] = breaksAsSpaces ? 0x20 : 0x0A; k += 1
                                units.append(Int32(k))
                                starts.append(Int32(i))
                                lineHasUnit = breaksAsSpaces
                            } else {
                                dst[k] = ascii[Int(b)]; k += 1
                                lineHasUnit = true
                            }
                            continue
                        }
                        // Most letters of Vietnamese text and its punctuation, through the table.
                        if let (entry, length) = BaseTable.entry(src, i, n, two, three) {
                            i += length
                            if entry & BaseTable.extends != 0 && lineHasUnit { continue }
                            dst[k] = UInt8(truncatingIfNeeded: entry); k += 1
                            lineHasUnit = true
                            continue
                        }
                        // Any other character, decoded; a byte that starts none is one unit, as U+FFFD would be.
                        guard let (scalar, length) = BaseTable.decode(src, i, n) else {
                            dst[k] = 0xFF; k += 1; lineHasUnit = true; i += BaseTable.invalidLength(src, i, n); continue
                        }
                        i += length
                        if lineHasUnit, VietnameseFolding.extendsPrevious(scalar) {
                            continue  // a mark on the character before
                        } else {
                            let base = VietnameseFolding.fold(scalar).base
                            dst[k] = base < 0xFF ? UInt8(base) : 0xFF; k += 1
                            lineHasUnit = true
                        }
                    }
                } } }
                initialized = k
            }
            lineUnits = units
            lineBytes = starts
        }
    }
}

extension LineScan {
    /// The Matcher's matches in a whole text, exactly `matcher.matches(in: text)` (UTF-8 offset
    /// ranges), found without folding all of it: how a library search checks an article.
    ///
    /// The text is folded to base bytes only, its line breaks as spaces (the Matcher reads them as
    /// spaces, so a match may run across one), and scanned for the query's base bytes, which any
    /// match has. Only the lines around each place found (from the line of the unit before it to
    /// the line of the unit after it; places whose lines overlap or follow each other together,
    /// so that a query found on every line costs one Matcher call, not one a line) go to the
    /// Matcher, as one piece of text each. A line break is neutral to the Matcher (a space where the piece
    /// ends, the start or end of a text where it is cut: neither a word character nor a vowel), and
    /// a match that starts before a piece would have made its lines part of the piece: so the
    /// matches of the pieces are the text's.
    public func matches(inText text: String) -> [Range<Int>] {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { matches(inUTF8: $0) }!
    }

    /// `matches(inText:)` of a text given as its bytes, valid UTF-8 (a text read back from the
    /// library): no `String` is made of the whole text, only of the lines given to the Matcher.
    public func matches(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard let search, !bytes.isEmpty else { return [] }
        let m = matcher.query.count
        do {
            var folded = Folding()
            folded.fold(bytes, breaksAsSpaces: true)
            let lineUnits = folded.lineUnits, lineBytes = folded.lineBytes
            let units = folded.bases.count
            /// The line holding unit `u`.
            func line(_ u: Int) -> Int { lineUnits.partitionPoint { Int($0) <= u } - 1 }
            /// The bytes of lines `first` through `last`, without the last one's break.
            func bytesOf(_ first: Int, _ last: Int) -> Range<Int> {
                Int(lineBytes[first])..<(last + 1 < lineBytes.count ? Int(lineBytes[last + 1]) - 1 : bytes.count)
            }
            var result: [Range<Int>] = []
            func check(_ first: Int, _ last: Int) {
                let range = bytesOf(first, last)
                let piece = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                for r in matcher.matches(in: piece) {
                    result.append((range.lowerBound + r.lowerBound)..<(range.lowerBound + r.upperBound))
                }
            }
            folded.bases.withUnsafeBufferPointer { bases in
                var piece: (first: Int, last: Int)?
                var i = 0
                while let c = search.firstIndex(in: bases, from: i) {
                    let first = line(max(c - 1, 0)), last = line(min(c + m, units))
                    if let p = piece, first <= p.last + 1 {
                        piece = (p.first, max(p.last, last))
                    } else {
                        if let p = piece { check(p.first, p.last) }
                        piece = (first, last)
                    }
                    // Places that end before the piece's last line does are in it already.
                    let next = piece!.last + 1
                    i = next < lineUnits.count ? max(c + 1, Int(lineUnits[next]) - m) : c + 1
                }
                if let p = piece { check(p.first, p.last) }
            }
            return result
        }
    }
}

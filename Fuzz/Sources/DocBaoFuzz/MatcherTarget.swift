import DocBaoCore

/// The matcher: the first byte picks the options (bit 0 exact mode, bit 1 whole words); the rest is
/// the query, a newline and the text (the query alone when there is no newline, searched in itself).
enum MatcherTarget {
    static func run(_ bytes: [UInt8]) {
        guard let first = bytes.first else { return }
        let options = SearchOptions(mode: first & 1 == 0 ? .smart : .exact, wholeWord: first & 2 != 0)
        let input = PlainTextImporter.decode(Array(bytes.dropFirst())).text
        let query: String, text: String
        if let newline = input.utf8.firstIndex(of: UInt8(ascii: "\n")) {
            query = String(input[..<newline])
            text = String(input[input.utf8.index(after: newline)...])
        } else {
            query = input
            text = input
        }
        let matcher = Matcher(query, options: options)
        checkMatches(matcher, in: text)
        checkMatches(matcher, in: TextSanitizer.clean(text))  // the text the reader searches
        checkLineScan(matcher, Array(bytes.dropFirst()))
        // Whatever the query, it finds itself.
        if !matcher.isEmpty {
            require(!matcher.matches(in: query).isEmpty, "the query \(query.debugDescription) does not find itself")
        }
    }

    /// The scan of raw bytes a huge file gets while it loads (`LineScan`, its fold through
    /// `BaseTable`) finds exactly the Matcher's matches in each line of them, whatever the bytes
    /// (overlong forms, surrogates, cut characters: an overlong form once trapped it).
    static func checkLineScan(_ matcher: Matcher, _ raw: [UInt8]) {
        var hits: [LineScan.Hit] = []
        raw.withUnsafeBytes { _ = LineScan(matcher).scan($0) { hits.append($0); return true } }
        var expected: [LineScan.Hit] = []
        var start = 0
        for i in 0...raw.count where i == raw.count || raw[i] == 0x0A || raw[i] == 0x0D {
            let text = String(decoding: raw[start..<i], as: UTF8.self)
            for r in matcher.matches(in: text) {
                expected.append(LineScan.Hit(line: start..<i, match: (start + r.lowerBound)..<(start + r.upperBound)))
            }
            start = i + 1
        }
        require(hits == expected, "LineScan and the Matcher disagree on \(raw)")
    }

    /// Matches are non-empty UTF-8 ranges inside the text, on scalar boundaries, in order, not overlapping.
    static func checkMatches(_ matcher: Matcher, in text: String) {
        let folded = VietnameseFolding.fold(text)
        require(folded.offsets.count == folded.units.count + 1, "a folded text has one offset per unit and its end")
        // The compact form every search uses finds what the unit-by-unit reference finds.
        require(matcher.ranges(in: FoldedText(text)) == matcher.ranges(in: folded),
                "FoldedText and the reference disagree on \(text.debugDescription)")
        for range in matcher.ranges(in: folded) {
            require(range.lowerBound >= 0 && range.upperBound <= folded.units.count && range.count == matcher.query.count,
                    "unit range \(range) for \(folded.units.count) units and a query of \(matcher.query.count)")
        }
        let count = text.utf8.count
        var scalarStarts: Set<Int> = [count]
        var offset = 0
        for scalar in text.unicodeScalars {
            scalarStarts.insert(offset)
            offset += UTF8.width(scalar)
        }
        var previousEnd = 0
        for range in matcher.matches(in: text) {
            require(range.lowerBound >= previousEnd, "matches overlap or are out of order at \(range)")
            require(range.lowerBound < range.upperBound && range.upperBound <= count, "match \(range) in \(count) bytes")
            require(scalarStarts.contains(range.lowerBound) && scalarStarts.contains(range.upperBound),
                    "match \(range) splits a scalar")
            previousEnd = range.upperBound
        }
    }
}

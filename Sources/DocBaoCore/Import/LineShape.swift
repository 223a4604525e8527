/// What a line of news text looks like: its words, how it starts and how it ends.
///
/// These are the small questions every importer rule asks ("does this line end a sentence?",
/// "could it be a heading?"), answered in one place so that the rules read like their documentation.
enum LineShape {
    /// Vietnamese function words that cannot end a finished phrase ("của", "và", "là"…).
    static let connectives: Set<String> = [
        "của", "và", "là", "với", "cả", "mà", "tờ", "cho", "từ", "tại", "ở", "về", "trong", "vào",
        "đến", "như", "hay", "hoặc", "bởi", "các", "những", "để", "thì", "đã", "sẽ", "được", "bị", "phim",
    ]

    /// Sentence adverbials that open a sentence and need the rest of it ("Tuy nhiên", "Ngoài ra"…), lowercased.
    static let openingConnectives: Set<String> = [
        "tuy nhiên", "tuy vậy", "tuy thế", "dù vậy", "dẫu vậy", "ngoài ra", "bên cạnh đó", "trong khi đó",
        "đáng chú ý", "mặt khác", "do đó", "do vậy", "vì vậy", "vì thế", "bởi vậy", "theo đó", "thậm chí",
        "đồng thời", "tương tự", "hơn nữa", "ngược lại", "trước đó", "sau đó", "như vậy", "cùng với đó",
    ]

    /// The line without leading and trailing spaces. Read as bytes, not Characters: a Character
    /// step costs the length of its grapheme cluster, and a piece cut from a cluster of a million
    /// marks is inside one. A space that marks follow is a Character of its own ("␠◌́") and stays.
    static func trimmed(_ s: String) -> String { trimmed(s[...]) }

    /// `trimmed` of a part of a line.
    static func trimmed(_ text: Substring) -> String {
        let utf8 = text.utf8
        guard var first = utf8.firstIndex(where: { $0 != 0x20 }) else { return "" }
        if first > utf8.startIndex, utf8[first] >= 0xCC, let scalar = text.unicodeScalars[first...].first,
           scalar.properties.isGraphemeExtend || scalar.properties.generalCategory == .spacingMark {
            first = utf8.index(before: first)
        }
        let last = utf8.lastIndex(where: { $0 != 0x20 })!
        return String(Substring(utf8[first...last]))
    }

    /// `s.hasSuffix(suffix)` compared byte by byte: `String.hasSuffix` compares Characters, which
    /// costs Unicode comparison on every non-ASCII line (the suffixes here are punctuation).
    @inline(__always)
    static func endsWith(_ s: some StringProtocol, _ suffix: StaticString) -> Bool {
        let bytes = s.utf8
        let n = suffix.utf8CodeUnitCount
        guard bytes.count >= n else { return false }
        return suffix.withUTF8Buffer { bytes[bytes.index(bytes.endIndex, offsetBy: -n)...].elementsEqual($0) }
    }

    /// True for a line of nothing but spaces.
    static func isBlank(_ s: some StringProtocol) -> Bool { s.allSatisfy { $0 == " " } }

    /// `parts.joined(separator:)` with concrete appends. The standard library's generic `joined`
    /// (and `String.append(contentsOf:)` on a generic sequence) make the Swift runtime scan every
    /// protocol conformance in the binary the first time they run: 0.3–0.4 M instructions each on
    /// the way to the first screen (BENCHMARKS.md, "What start-up is made of").
    static func join(_ parts: some Sequence<Substring>, separator: String) -> String {
        var out = "", first = true
        for part in parts {
            if !first { out += separator }
            out.append(contentsOf: part)
            first = false
        }
        return out
    }

    static func join(_ parts: some Sequence<String>, separator: String) -> String {
        var out = "", first = true
        for part in parts {
            if !first { out += separator }
            out += part
            first = false
        }
        return out
    }

    /// The space-separated words of the line.
    /// - Complexity: O(n) over UTF-8 bytes (no grapheme breaking: a space is always a boundary here).
    static func words(_ s: some StringProtocol) -> [Substring] {
        let whole = Substring(s)
        return whole.utf8.split(separator: 0x20).map { Substring($0) }
    }

    /// How many space-separated words the line has, counting no further than `limit + 1`: enough to
    /// answer "at most `limit` words?" without walking a whole paragraph.
    static func wordCount(_ s: some StringProtocol, limit: Int) -> Int {
        var count = 0
        var inWord = false
        for byte in s.utf8 {
            if byte == 0x20 { inWord = false; continue }
            if !inWord {
                inWord = true
                count += 1
                if count > limit { return count }
            }
        }
        return count
    }

    /// True if the line has at most `limit` words.
    static func hasAtMostWords(_ s: some StringProtocol, _ limit: Int) -> Bool {
        wordCount(s, limit: limit) <= limit
    }

    /// The line with runs of spaces folded to one and the ends trimmed.
    static func folded(_ s: String) -> String {
        var previousWasSpace = true
        for byte in s.utf8 {
            if byte == 0x20 && previousWasSpace { return join(words(s), separator: " ") }
            previousWasSpace = byte == 0x20
        }
        return previousWasSpace && !s.isEmpty ? join(words(s), separator: " ") : s
    }

    /// True if the line ends a sentence: ". ! ? … ;" or, for a short label-like line, ":".
    static func endsSentence(_ s: String) -> Bool {
        let t = trimmed(s)
        guard let last = t.last else { return true }
        if ".!?…;".contains(last) { return true }
        return last == ":" && hasAtMostWords(t, 12)
    }

    /// True if the line starts like a list item: "+ ", "- ", "• " or "* " and a capital or digit, or a
    /// reference number and text ("[2] http://…").
    static func isMarkedListItem(_ s: String) -> Bool {
        // "[", "+", "-", "*" or the lead byte of "•" must open the line.
        guard let first = s.utf8.first(where: { $0 != 0x20 }), [0x5B, 0x2B, 0x2D, 0x2A, 0xE2].contains(first) else { return false }
        let t = trimmed(s)
        if t.hasPrefix("["), let close = t.firstIndex(of: "]"), t[t.index(after: t.startIndex)..<close].allSatisfy(\.isNumber),
           close < t.index(before: t.endIndex), t[t.index(after: close)] == " ", close > t.index(after: t.startIndex) {
            return true
        }
        let chars = Array(t.prefix(3))
        guard chars.count == 3, "+-•*".contains(chars[0]), chars[1] == " " else { return false }
        return chars[2].isUppercase || chars[2].isNumber
    }

    /// True if the line can only continue the line before it: it starts (after any spaces) with a
    /// lowercase letter, with "(", with punctuation that closes or continues a sentence, or with a
    /// dash aside ("- một doanh nghiệp"). An ellipsis ("... Và điểm riêng") starts a line of its own.
    static func startsInline(_ s: String) -> Bool {
        let t = trimmed(s)
        guard let first = t.first else { return false }
        if t.hasPrefix("..") || t.hasPrefix("…") || isMarkedListItem(t) { return false }
        if first.isLowercase || first == "(" || closers.contains(first) { return true }
        let chars = Array(t.prefix(3))
        return chars.count == 3 && chars[0] == "-" && chars[1] == " " && chars[2].isLowercase
    }

    /// True if the line starts with punctuation that closes or continues the previous line.
    static func startsWithCloser(_ s: String) -> Bool {
        let t = trimmed(s)
        guard let first = t.first, !t.hasPrefix("..") else { return false }
        return closers.contains(first)
    }

    /// True if the line contains at least one letter or digit.
    static func hasWords(_ s: some StringProtocol) -> Bool {
        s.contains { $0.isLetter || $0.isNumber }
    }

    /// True if the first word is written like the start of a heading: capitalised, a number, or a
    /// mixed-case name such as "iPhone".
    static func startsLikeHeading(_ s: String) -> Bool {
        let start = s.utf8.drop { $0 == 0x20 }
        let word = Substring(start.prefix { $0 != 0x20 })
        guard !word.isEmpty else { return false }
        guard let firstLetter = word.first(where: { $0.isLetter || $0.isNumber }) else { return true }
        return firstLetter.isUppercase || firstLetter.isNumber || word.contains { $0.isUppercase }
    }

    /// True for a short line without a sentence ending: at most `maxWords` words, not ending in
    /// ". , ; !" (a question mark or an ellipsis is allowed), starting like a heading.
    static func isHeadingShaped(_ s: String, maxWords: Int = 16) -> Bool {
        guard hasAtMostWords(s, maxWords) else { return false }
        let t = trimmed(s)
        guard let last = t.last, hasWords(t) else { return false }
        if ".,;!".contains(last) && !endsWith(t, "...") { return false }
        return startsLikeHeading(t)
    }

    /// True if the line is nothing but a sentence adverbial ("Tuy nhiên", "Trong khi đó"): the start of a
    /// sentence whose rest was put on the next line.
    static func isOpeningConnective(_ s: String) -> Bool {
        openingConnectives.contains(folded(s).lowercased())
    }

    /// True if the line gives an e-mail address, a web address or a phone number (eight digits or more).
    static func hasContactDetails(_ s: String) -> Bool {
        words(s).contains { word in
            let w = word.lowercased()
            if w.contains("@") || w.hasPrefix("http://") || w.hasPrefix("https://") || w.hasPrefix("www.") { return true }
            return w.filter(\.isNumber).count >= 8 && w.allSatisfy { $0.isNumber || ".-()+".contains($0) }
        }
    }

    /// Not a `Set<Character>`: its first use costs a scan of every conformance in the binary (see `join`).
    private static let closers: [Character] = [",", ".", ";", ":", ")", "]", "”", "’", "!", "?"]
}

/// Builds the sections listed in the sidebar from an article's blocks.
///
/// The rules:
/// 1. An opening section at block 0, labelled with the title (the sidebar truncates it).
/// 2. A section at every `.heading`, labelled with its own text: at most 8 words, "…" when cut, no final ":".
/// 3. A section at every enumerated paragraph: one that starts with an ordinal ("Thứ nhất", "Thứ hai" …
///    "Thứ mười", followed by "là", "," or ":"; or "Một là", "Hai là" … "Mười là"). An enumeration needs at
///    least two items in sequence: the first item counts only if its successor follows later, and item n
///    only after item n − 1 (so "Thứ hai," meaning Monday does not start a section on its own).
///    The label keeps the ordinal and takes the section's own words: the connector ("là", ",", ":", "vì")
///    and leading filler nouns ("nhiệm vụ", "công tác", "vấn đề", "việc") are dropped, then the first clause
///    is cut to six words and trailing function words ("của", "và", "trong" …) are trimmed:
///    "Thứ nhất là nhiệm vụ đấu tranh bảo vệ chủ quyền toàn vẹn…" → "Thứ nhất: đấu tranh bảo vệ chủ quyền".
/// 4. Levels: headings and the title are level 0; an enumerated paragraph is level 1 when a heading comes
///    before it (its points nest under that heading), otherwise level 0.
public enum Outline {
    /// The sections of an article whose blocks are `blocks`, in reading order.
    /// - Complexity: O(n) in the total length of the blocks' text.
    public static func sections(for blocks: [Block]) -> [Section] {
        guard let first = blocks.first else { return [] }
        let title = blocks.first { $0.kind == .title }?.text ?? first.text
        var sections = [Section(label: title, block: 0, level: 0)]
        let items = enumeratedItems(blocks)
        var nextItem = items.startIndex
        var seenHeading = false
        for (index, block) in blocks.enumerated() where index > 0 {
            while nextItem < items.endIndex, items[nextItem].index < index { nextItem += 1 }
            if block.kind == .heading {
                sections.append(Section(label: headingLabel(block.text), block: index, level: 0))
                seenHeading = true
            } else if nextItem < items.endIndex, items[nextItem].index == index {
                sections.append(Section(label: items[nextItem].item.label, block: index, level: seenHeading ? 1 : 0))
            }
        }
        return sections
    }

    /// A heading's label: its text without a final colon, cut to `maxWords` words with "…".
    static func headingLabel(_ text: String, maxWords: Int = 8) -> String {
        var words = text.split(separator: " ")
        if let last = words.last, last.hasSuffix(":") {
            words[words.count - 1] = last.dropLast()
            if words[words.count - 1].isEmpty { words.removeLast() }
        }
        let label = LineShape.join(words.prefix(maxWords), separator: " ")
        return words.count > maxWords ? label + "…" : label
    }

    // MARK: - Enumerations

    private struct Item {
        var family: Int
        var rank: Int
        var label: String
    }

    private static let ordinalWords = ["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"]
    private static let cardinalWords = ["một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"]
    private static let openingWords = Set(["thứ"] + cardinalWords)
    private static let fillerNouns = [["nhiệm", "vụ"], ["công", "tác"], ["vấn", "đề"], ["việc"]]
    private static let leadingConnectors: Set<String> = ["là", "vì", "rằng", "-", "–"]
    private static let trailingFunctionWords: Set<String> = [
        "của", "và", "là", "với", "trong", "cho", "các", "những", "để", "từ", "tại", "ở", "về", "mà",
        "thì", "đã", "sẽ", "được", "bị", "có", "như", "hay", "hoặc", "một", "này", "đó",
    ]

    /// The enumerated paragraphs in block order, keeping only items that form a sequence (rule 3).
    /// Arrays, not dictionaries: a first `[Int: …]` costs the Swift runtime a scan of every
    /// protocol conformance in the binary at start-up (BENCHMARKS.md, "What start-up is made of").
    private static func enumeratedItems(_ blocks: [Block]) -> [(index: Int, item: Item)] {
        var candidates: [(index: Int, item: Item)] = []
        for (index, block) in blocks.enumerated() where block.kind == .paragraph {
            guard mayStartItem(block) else { continue }
            if let item = enumeratedItem(block.text) { candidates.append((index, item)) }
        }
        var accepted: [(index: Int, item: Item)] = []
        var lastRank: [(family: Int, rank: Int)] = []  // a handful of families at most
        for (position, candidate) in candidates.enumerated() {
            let item = candidate.item
            let hasSuccessor = candidates[(position + 1)...].contains { $0.item.family == item.family && $0.item.rank == 2 }
            let last = lastRank.firstIndex { $0.family == item.family }
            let follows = item.rank == 1 ? hasSuccessor : (last.map { lastRank[$0].rank } ?? 0) >= item.rank - 1
            guard follows else { continue }
            accepted.append(candidate)
            if let last { lastRank[last].rank = item.rank } else { lastRank.append((item.family, item.rank)) }
        }
        return accepted
    }

    /// "Thứ nhất là …", "Thứ hai, …", "Một là …" → the ordinal's family, rank and the section label.
    /// Whether `block` may be an enumerated paragraph, told by its first word, read from the first
    /// bytes of its text: most paragraphs are ruled out without reading a huge article's file.
    /// When those bytes do not hold the whole first word and a space after it (leading spaces, a
    /// long word, marks dropped by cleaning), the whole text decides.
    private static func mayStartItem(_ block: Block) -> Bool {
        let prefix = block.prefix(utf8: 16)
        let word = prefix.utf8.drop { $0 == 0x20 }
        guard word.contains(0x20) else { return startsWithOpeningWord(block.text) }
        return startsWithOpeningWord(prefix)
    }

    /// Whether `text` starts with a word an enumerated paragraph can start with ("Thứ", "Một"…),
    /// which is at most 8 bytes long.
    private static func startsWithOpeningWord(_ text: String) -> Bool {
        let firstWord = text.utf8.drop { $0 == 0x20 }.prefix { $0 != 0x20 }
        return firstWord.count <= 8 && openingWords.contains(String(Substring(firstWord)).lowercased())
    }

    private static func enumeratedItem(_ text: String) -> Item? {
        guard startsWithOpeningWord(text) else { return nil }
        // The label needs only the first words: never split a whole paragraph (huge ones exist).
        var words = text.split(separator: " ", maxSplits: 24).prefix(24).map(String.init)
        guard words.count >= 2 else { return nil }
        let first = words[0].lowercased()
        let second = words[1].lowercased()
        let ordinal: String
        let family: Int
        let rank: Int
        if first == "thứ", let r = ordinalWords.firstIndex(of: second.trimmingSuffix(",:")) {
            guard second.hasSuffix(",") || second.hasSuffix(":") || words.count > 2 && words[2] == "là" else { return nil }
            (ordinal, family, rank) = ("\(words[0]) \(second.trimmingSuffix(",:"))", 0, r + 1)
        } else if let r = cardinalWords.firstIndex(of: first), second == "là" {
            (ordinal, family, rank) = ("\(words[0]) là", 1, r + 1)
        } else {
            return nil
        }
        words.removeFirst(2)
        while let word = words.first?.lowercased().trimmingSuffix(",:"), word.isEmpty || leadingConnectors.contains(word) {
            words.removeFirst()
        }
        for filler in fillerNouns where words.prefix(filler.count).map({ $0.lowercased() }) == filler {
            words.removeFirst(filler.count)
            break
        }
        var clause: [String] = []
        for word in words {
            let bare = word.trimmingSuffix(",;:.?!")
            if !bare.isEmpty { clause.append(bare) }
            if bare != word || clause.count == 6 { break }
        }
        while let last = clause.last, trailingFunctionWords.contains(last.lowercased()) { clause.removeLast() }
        return Item(family: family, rank: rank, label: clause.isEmpty ? ordinal : ordinal + ": " + LineShape.join(clause, separator: " "))
    }
}

private extension String {
    /// The string without any trailing characters from `characters`.
    func trimmingSuffix(_ characters: String) -> String {
        var s = self
        while let last = s.last, characters.contains(last) { s.removeLast() }
        return s
    }
}

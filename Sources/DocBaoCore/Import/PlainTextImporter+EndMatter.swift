import Foundation

extension PlainTextImporter {
    /// The author lines and credits found at the end of an article, as blocks and as metadata.
    struct EndMatter {
        /// `.byline` and `.source` blocks in their original order.
        var blocks: [Block] = []
        /// Author names without labels or notes ("Trần Quới" for "Ký: Trần Quới (còn nữa)").
        var authors: [String] = []
        /// The first source named ("Chính Phủ", "Health").
        var sourceName: String?
        /// The first source address.
        var url: String?
    }

    /// One recognised end line.
    private struct Entry {
        var block: Block
        var author: String?
        var sourceName: String?
        var url: String?
        /// True when the line names a source ("Theo X", "(theo AP)"), so a short line after it continues it.
        var credits: Bool { sourceName != nil }
    }

    /// Takes the trailing run of author lines and credits off `paragraphs` (rule 8 of the importer).
    static func takeEndMatter(from paragraphs: inout [String]) -> EndMatter {
        let (start, matter) = endMatter(of: paragraphs)
        paragraphs.removeSubrange(start...)
        return matter
    }

    /// The end matter of `paragraphs` and the index where it starts (their count if there is none).
    static func endMatter<Paragraphs: RandomAccessCollection>(of paragraphs: Paragraphs) -> (start: Int, matter: EndMatter)
        where Paragraphs.Element == String, Paragraphs.Index == Int {
        var entries: [Entry] = []
        var start = paragraphs.endIndex
        while start > paragraphs.startIndex {
            let line = paragraphs[start - 1]
            if start - paragraphs.startIndex >= 2, isCreditContinuation(line), let before = endEntry(paragraphs[start - 2]), before.credits {
                entries.insert(Entry(block: Block(.source, line), sourceName: nil), at: 0)
            } else if let entry = endEntry(line) {
                entries.insert(entry, at: 0)
            } else {
                break
            }
            start -= 1
        }
        var matter = EndMatter()
        for entry in entries {
            matter.blocks.append(entry.block)
            if let author = entry.author { matter.authors.append(author) }
            if matter.sourceName == nil { matter.sourceName = entry.sourceName }
            if matter.url == nil { matter.url = entry.url }
        }
        return (start, matter)
    }

    private static func endEntry(_ line: String) -> Entry? {
        // Credits, bylines and source addresses are short lines; a long paragraph is never one.
        guard line.utf8.count <= 1_000 else { return nil }
        if let entry = sourceWithAddress(line) ?? credit(line) { return entry }
        guard let author = authorName(line) else { return nil }
        return Entry(block: Block(.byline, line), author: author.name, sourceName: author.source)
    }

    /// "Nguồn Chính Phủ: http://…", "Nguồn: http://…", "Theo X: http://…": a `.source` whose text is
    /// what stands before the colon, as printed, and whose `url` is the address.
    private static func sourceWithAddress(_ line: String) -> Entry? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let url = LineShape.trimmed(line[line.index(after: colon)...])
        guard url.hasPrefix("http://") || url.hasPrefix("https://"), !url.contains(" ") else { return nil }
        let head = LineShape.words(line[..<colon])
        guard let label = head.first?.lowercased(), label == "nguồn" || label == "theo" else { return nil }
        let name = LineShape.join(head.dropFirst(), separator: " ")
        // The words before the address as printed ("Nguồn Chính Phủ"); the address is shown below them.
        return Entry(block: Block(.source, LineShape.trimmed(line[..<colon]), url: url), sourceName: name.isEmpty ? nil : name, url: url)
    }

    /// "Theo Health", "(Theo Health)", "Nguồn: Wanderlust Tips", "Tổng hợp", "Ảnh: Reuters", "Tin-ảnh: X".
    private static func credit(_ line: String) -> Entry? {
        var inner = line
        if inner.hasPrefix("("), inner.hasSuffix(")") { inner = String(inner.dropFirst().dropLast()) }
        let words = LineShape.words(inner)
        if inner.utf8.count <= 32, ["tổng hợp", "lược dịch"].contains(inner.lowercased()) { return Entry(block: Block(.source, line)) }
        let label = words.first.map { $0.lowercased().hasSuffix(":") ? String($0.lowercased().dropLast()) : $0.lowercased() }
        if label == "theo" || label == "nguồn", let name = sourceName(words.dropFirst()) {
            // "Theo Lê Ngọc": according to the writers, not a publication.
            if label == "theo" && namesPeople(name) { return Entry(block: Block(.source, line), author: name) }
            return Entry(block: Block(.source, line), sourceName: name)
        }
        guard let parts = captionParts(line), parts.description.isEmpty else { return nil }
        if parts.label.hasPrefix("tin") || parts.label.hasPrefix("bài") { return Entry(block: Block(.byline, line), author: parts.credit) }
        return Entry(block: Block(.source, line))
    }

    /// The name in "Theo <name>": at most eight words, no comma, capitalised or an address ("nhandan.com.vn").
    private static func sourceName(_ words: ArraySlice<Substring>) -> String? {
        guard let first = words.first, words.count <= 8 else { return nil }
        let name = words.joined(separator: " ")
        guard !name.contains(","), !LineShape.endsSentence(name) else { return nil }
        return first.first!.isUppercase || first.contains(".") ? name : nil
    }

    /// Family names common enough to tell a writer from a publication ("Lê Ngọc", not "Dân Việt");
    /// "Hà" and "Văn" are left out, they open "Hà Nội Mới" and "Văn Hóa".
    private static let familyNames: Set<String> = [
        "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô",
        "dương", "lý", "đào", "đoàn", "đinh", "lương", "trương", "trịnh", "tạ", "chu", "kiều", "lưu", "quách",
        "phùng", "triệu", "vương", "tôn",
    ]

    /// True when `name` names people, not a publication: names of two to four capitalised words joined
    /// by "-", "–", "," or "&" ("Vân Thiêng- Đặng Thùy"), or one such name that opens with a family name.
    static func namesPeople(_ name: String) -> Bool {
        let parts = name.split { "-–,&".contains($0) }.map { LineShape.words($0) }
        guard parts.allSatisfy({ (2...4).contains($0.count) && $0.allSatisfy { w in w.first!.isUppercase && w.allSatisfy(\.isLetter) } })
        else { return false }
        return parts.count >= 2 || familyNames.contains(parts[0][0].lowercased())
    }

    /// A short line right after a credit, naming the publication ("Theo Đăng Nguyễn" / "Dân Việt").
    private static func isCreditContinuation(_ line: String) -> Bool {
        LineShape.hasAtMostWords(line, 6) && LineShape.startsLikeHeading(line) && !LineShape.endsSentence(line)
    }

    /// The author in a name-like line: an optional label ("Ký:"), two to five capitalised words
    /// (one, if a note follows), no digits, then an optional note: "(Tổng hợp)", "(theo AP)",
    /// "thực hiện", or a glued credit "Nhật LinhTheo SCMP". Returns the name and any source it credits.
    static func authorName(_ line: String) -> (name: String, source: String?)? {
        var rest = Substring(line)
        if let first = LineShape.words(rest).first, first.hasSuffix(":"), first.count > 1 {
            rest = rest.dropFirst(first.count).drop { $0 == " " }
        }
        var note: String?
        if rest.hasSuffix(")"), let open = rest.lastIndex(of: "(") {
            note = String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)])
            rest = rest[..<open]
        } else if let glued = gluedCreditStart(rest) {
            note = String(rest[glued...])
            rest = rest[..<glued]
        } else if rest.lowercased().hasSuffix(" thực hiện") {
            note = "thực hiện"
            rest = rest.dropLast("thực hiện".count)
        }
        let name = LineShape.trimmed(rest)
        let tokens = LineShape.words(name)
        let nameWords = tokens.filter { !["-", "–", "&"].contains($0) }
        let noteWords = note.map { LineShape.words($0) } ?? []
        guard noteWords.count <= 4, !name.contains(where: \.isNumber),
              nameWords.count <= 5, nameWords.count >= (note == nil ? 2 : 1),
              nameWords.allSatisfy({ $0.first!.isUppercase }) else { return nil }
        if nameWords.count == 1 && nameWords[0].count < 2 { return nil }
        var source: String?
        if let first = noteWords.first, first.lowercased() == "theo" { source = sourceName(noteWords.dropFirst()) }
        return (name, source)
    }

    /// The start of "Theo" glued to the end of a name ("Nhật LinhTheo SCMP").
    private static func gluedCreditStart(_ s: Substring) -> Substring.Index? {
        // The last "Theo ", found in the bytes: Foundation's search costs 50,000 instructions a call.
        let pattern = "Theo ".utf8, utf8 = s.utf8
        var start = utf8.index(utf8.endIndex, offsetBy: -pattern.count, limitedBy: utf8.startIndex)
        while let at = start, !utf8[at...].starts(with: pattern) {
            start = at > utf8.startIndex ? utf8.index(before: at) : nil
        }
        guard let at = start, at > s.startIndex else { return nil }
        return s[s.index(before: at)].isLowercase ? at : nil
    }
}

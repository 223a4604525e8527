extension PlainTextImporter {
    /// A caption's parts: the description and the credit without its label ("VGP/Hải Minh").
    struct CaptionParts: Equatable {
        /// The text before the credit, possibly empty ("Ảnh: Quang Liêm" alone).
        var description: String
        /// The credit without its label ("hình minh họa", illustration, is kept in the description).
        var credit: String
        /// The label, lowercased: "ảnh", "nguồn", "tin-ảnh", "hình minh họa"…
        var label: String
        /// The credit as the author printed it, with its label ("Nguồn: Shanghaiist" in
        /// "… (Nguồn: Shanghaiist)"): what the reader shows. Without the label when the label stays
        /// in the description ("hình minh họa").
        var printed: String
    }

    /// Labels that introduce a credit, lowercased.
    static let creditLabels = ["tin-ảnh", "tin - ảnh", "tin, ảnh", "bài, ảnh", "bài và ảnh", "bài - ảnh", "bài-ảnh",
                               "bài/ảnh", "hình minh họa", "hình minh hoạ", "ảnh", "nguồn"]

    /// Splits a line that ends with a credit: "… Ảnh: X", "… (Ảnh: X)", "…, ảnh: X.", "… Nguồn: X",
    /// "Tin-ảnh: X". The credit is at most eight words; returns nil for any other line.
    static func captionParts(_ line: String) -> CaptionParts? {
        var s = LineShape.trimmed(line)
        if LineShape.endsWith(s, ".") && !LineShape.endsWith(s, "..") { s.removeLast() }
        if LineShape.endsWith(s, ")"), let open = s.utf8.lastIndex(of: UInt8(ascii: "(")) {
            let inner = String(s[s.index(after: open)..<s.index(before: s.endIndex)])
            guard let parts = labelledCredit(inner), parts.description.isEmpty else { return nil }
            return CaptionParts(description: LineShape.trimmed(s[..<open]), credit: parts.credit, label: parts.label,
                                printed: parts.printed)
        }
        return labelledCredit(s)
    }

    /// True for a caption that marks its photo as illustrative: "… (Ảnh minh họa)", "Ảnh minh họa."
    static func isIllustrationNote(_ line: String) -> Bool {
        // Cheap test first: "minh" (any case) must be among the last bytes of the line.
        var window: UInt32 = 0  // the last four bytes seen, lowercased (ASCII)
        var seen = false
        for byte in line.utf8.suffix(48) {
            window = window << 8 | UInt32(byte | 0x20)
            if window == 0x6D69_6E68 { seen = true; break }  // "minh"
        }
        guard seen else { return false }
        let s = LineShape.trimmed(line.utf8.count > 64 ? line.suffix(24) : line[...]).lowercased()
        for form in ["ảnh minh họa", "ảnh minh hoạ"] {
            if s.hasSuffix("(\(form))") || s == form || s == form + "." { return true }
        }
        return false
    }

    /// Words that open a description of a picture: "Hình ảnh cô giáo…", "Chân dung đạo diễn…", lowercased.
    static let photoNouns = ["hình ảnh", "chân dung"]

    /// True for a caption printed without a credit, told by its shape alone (rule 9 of the importer): a short
    /// heading-like line of three words or more that names a picture ("Hình ảnh …", "Chân dung …"), or a
    /// person's title and name and nothing else, the caption of a portrait ("Thủ tướng Phạm Minh Chính"), or
    /// such a name with the person's role ("Ông Bùi Khắc Sơn, Chủ tịch HĐQT CTCP…").
    static func isUncreditedCaption(_ line: String) -> Bool {
        guard LineShape.isHeadingShaped(line), !LineShape.endsWith(line, ":") else { return false }
        let words = LineShape.words(line)
        let opening = LineShape.join(words.prefix(2), separator: " ").lowercased()
        return (words.count >= 3 && photoNouns.contains(opening)) || isPersonLine(line) || isPortraitCaption(line)
    }

    /// "description label: credit" with the label at a word start, or nil.
    private static func labelledCredit(_ s: String) -> CaptionParts? {
        guard let colon = s.utf8.lastIndex(of: UInt8(ascii: ":")) else { return nil }
        var credit = LineShape.trimmed(s[s.index(after: colon)...])
        if LineShape.endsWith(credit, ".") && !LineShape.endsWith(credit, "..") { credit.removeLast() }
        let creditWords = LineShape.wordCount(credit, limit: 8)
        guard creditWords > 0, creditWords <= 8, !credit.contains("("), !credit.contains(")") else { return nil }
        let head = LineShape.trimmed(s[..<colon])
        let lowered = head.lowercased()
        for label in creditLabels where lowered.hasSuffix(label) {
            let labelStart = head.index(head.endIndex, offsetBy: -label.count)
            let before = head[..<labelStart]
            guard before.isEmpty || " (.,;".contains(before.last!) else { continue }
            // "hình minh họa" (illustration) says something about the photo: it stays in the description.
            var description = label.hasPrefix("hình") ? head : LineShape.trimmed(before)
            if LineShape.endsWith(description, ",") || LineShape.endsWith(description, "(") { description.removeLast() }
            var printed = label.hasPrefix("hình") ? credit : LineShape.trimmed(s[labelStart...])
            if LineShape.endsWith(printed, ".") && !LineShape.endsWith(printed, "..") { printed.removeLast() }
            return CaptionParts(description: LineShape.trimmed(description), credit: credit, label: label, printed: printed)
        }
        return nil
    }
}

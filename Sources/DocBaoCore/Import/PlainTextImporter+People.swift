extension PlainTextImporter {
    /// Titles that stand before a person's name, lowercased, without the dot of an abbreviation ("GS.").
    static let personTitles: Set<String> = [
        "ông", "bà", "anh", "chị", "cô", "chú", "bác", "cụ", "thầy", "gs", "pgs", "ts", "ths", "bs", "ls", "ks",
        "giáo sư", "phó giáo sư", "tiến sĩ", "thạc sĩ", "bác sĩ", "dược sĩ", "luật sư", "kỹ sư", "kiến trúc sư",
        "nhà báo", "nhà văn", "nhà thơ", "nhà làm phim", "nhà nghiên cứu", "đạo diễn", "nhạc sĩ", "ca sĩ",
        "diễn viên", "nghệ sĩ", "họa sĩ", "hlv", "huấn luyện viên", "cầu thủ", "tay vợt", "vận động viên",
        "tổng bí thư", "chủ tịch", "phó chủ tịch", "thủ tướng", "phó thủ tướng", "bộ trưởng", "thứ trưởng",
        "giám đốc", "phó giám đốc", "tổng giám đốc", "hiệu trưởng", "đại sứ", "tổng thống", "ngoại trưởng",
        "đại tướng", "thượng tướng", "trung tướng", "thiếu tướng", "đại tá", "thượng tá", "trung tá", "đồng chí",
    ]

    /// Titles that are only forms of address ("Ông", "Bà"): the name after them must be a full name of three
    /// or four words, so that places such as "Bà Nà Hills" do not read as people.
    private static let addressTitles: Set<String> = ["ông", "bà", "anh", "chị", "cô", "chú", "bác", "cụ", "thầy"]

    /// True for a line that is a person's title and name and nothing else: "Thủ tướng Phạm Minh Chính",
    /// "Tiến sĩ tâm lý Nguyễn Hữu Long", "Đạo diễn trẻ Barry Jenkins", "GS. TS. Trần Đại Quang".
    ///
    /// The line starts with one or more titles (`personTitles`), then at most three lowercase words that
    /// qualify them ("tâm lý", "trẻ", "nước"), then two to four capitalised words of letters (three or four
    /// after a mere form of address). Nothing may follow the name: "HLV Frank Bernhardt của U23 Malaysia" is
    /// not such a line.
    static func isPersonLine(_ line: String) -> Bool {
        let words = LineShape.words(line).map { String($0) }
        var i = 0
        var onlyAddress = true
        while let length = titleLength(words, at: i) {
            onlyAddress = onlyAddress && length == 1 && addressTitles.contains(words[i].lowercased())
            i += length
        }
        guard i > 0 else { return false }
        var qualifiers = 0
        while i < words.count, words[i].first?.isLowercase == true, qualifiers < 3 { i += 1; qualifiers += 1 }
        let name = words[i...]
        let isName = name.allSatisfy { word in
            word.first!.isUppercase && word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" }
        }
        return isName && (onlyAddress ? 3...4 : 2...4).contains(name.count)
    }

    /// Words that open the role after a portrait's name ("…, Ủy viên Bộ Chính trị", "…, nguyên Bộ trưởng"),
    /// lowercased, besides the person titles.
    private static let roleOpenings: Set<String> = ["ủy viên", "uỷ viên", "nguyên", "cựu", "trưởng", "phó", "chủ nhiệm",
                                                     "tổng biên tập", "người sáng lập", "đồng sáng lập", "phát ngôn viên"]

    /// True for the caption of a portrait that says who the person is: a person line, then a comma and
    /// their role, or "của" and what they belong to ("Ông Nguyễn Quốc Hiệp, Chủ tịch Công ty CP…",
    /// "HLV Frank Bernhardt của U23 Malaysia"). A subhead does not open with a person's full name.
    static func isPortraitCaption(_ line: String) -> Bool {
        let t = LineShape.trimmed(line)
        if let comma = t.firstIndex(of: ","), isPersonLine(String(t[..<comma])) {
            return isRole(LineShape.trimmed(t[t.index(after: comma)...]))
        }
        if let of = t.range(of: " của "), isPersonLine(String(t[..<of.lowerBound])) { return true }
        return false
    }

    /// True for a line that opens with a role: a person title or one of `roleOpenings` ("Ủy viên Bộ Chính trị…").
    static func isRole(_ text: String) -> Bool {
        let words = LineShape.words(text).map { String($0) }
        if titleLength(words, at: 0) != nil { return true }
        for length in [3, 2, 1] where length <= words.count {
            if roleOpenings.contains(LineShape.join(words.prefix(length), separator: " ").lowercased()) { return true }
        }
        return false
    }

    /// A person's title and name with a colon, the label of a speaker's answer in an interview
    /// ("Tiến sĩ tâm lý Nguyễn Hữu Long:").
    static func isSpeakerLabel(_ line: String) -> Bool {
        let t = LineShape.trimmed(line)
        return t.hasSuffix(":") && isPersonLine(String(t.dropLast()))
    }

    /// The number of words of the title that starts at `index` ("Tiến sĩ", "GS.", "PGS.TS"), or nil.
    private static func titleLength(_ words: [String], at index: Int) -> Int? {
        for length in [3, 2, 1] where index + length <= words.count {
            var phrase = LineShape.join(words[index..<(index + length)], separator: " ").lowercased()
            if phrase.hasSuffix(".") { phrase.removeLast() }
            if personTitles.contains(phrase) { return length }
            // "PGS.TS"; not "..." (no title between its dots).
            if length == 1, phrase.contains("."), phrase.contains(where: \.isLetter),
               phrase.split(separator: ".").allSatisfy({ personTitles.contains(String($0)) }) {
                return 1
            }
        }
        return nil
    }
}

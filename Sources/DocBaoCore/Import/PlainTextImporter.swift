import Foundation

/// Turns a scraped plain-text news article into an `Article`, using the conventions of Vietnamese news sites.
///
/// The rules, in the order they apply:
/// 1. **Clean once.** The whole text goes through `TextSanitizer.clean` (NFC, visible controls, CR LF → LF;
///    a chunk at a time, cut where cleaning cannot reach across, so the result is that of the whole);
///    runs of spaces inside a paragraph are folded to one.
/// 2. **Header lines.** Leading `# key = value` lines (dantri) become metadata: `url`, `date`, and the
///    others (`doc_id` …) verbatim in `extra`.
/// 3. **Layout.** One of three shapes:
///    - *lead last* (baomoi): title, one paragraph per line, then two or more blank lines and one last
///      paragraph, the sapo. That last paragraph is the lead and moves to just after the title.
///    - *blank-separated* (baochinhphu): paragraphs separated by blank lines (chosen when blank gaps
///      between lines outnumber lines that follow each other directly); the lines of one paragraph are joined.
///    - *one paragraph per line* (flat files, dantri): every line is a paragraph. A 49 KB line stays one paragraph.
/// 4. **Title.** When a `# url` header's address ends in the headline without accents (dantri:
///    ".../campuchia-ghi-nhan-ky-luc-ca-nhiem-moi-2021….htm"), the title is that headline spelled with the
///    article's own words (`slugTitle`), unless the first line is that headline itself; the first line
///    then stays in the body, whatever it is (a caption, the sapo, a subhead). Without such an address:
///    the first line, if it reads like a headline: not a caption, at most 25 words, no final
///    ". , ; :". Otherwise (files that open with a photo caption "… (Ảnh: Xinhua)" or with the sapo)
///    the title is made from that opening line: its first sentence (a caption's description, without the
///    credit), without the final period, cut to 16 words with "…". The opening line itself stays in the
///    body, so the title repeats its start: the file has no headline of its own and no text is invented.
/// 5. **Broken-out fragments.** In line-per-paragraph layouts, inline fragments put on lines of their own
///    ("tờ " / "Mashable" / " đưa ra…", "Theo" / " ĐTCK", "… Ảnh: " / "AFP/Getty Images.") are joined back
///    to their paragraph; see `joinFragments(_:)` for the exact rules. So are a sentence adverbial left alone
///    on its line ("Tuy nhiên " / "Biển Đông có…", "Trong khi đó", "Ngoài ra"; a trailing space by itself
///    proves nothing, real headings have one too) and a speaker's label in an interview, a title and name
///    with a colon, which leads into the answer ("Tiến sĩ tâm lý Nguyễn Hữu Long:" / " Với trách nhiệm…").
///    Remnants of the entity for a no-break space ("mặc&nbspbộ") are read as that space (`decodingEntityRemnants`).
/// 6. **Boilerplate.** Share-button lines ("Share on Facebook", "Share on Tumblr", any "Share on <network>")
///    are dropped. Nothing else is: every other line ends up in a block, or in metadata for header lines.
/// 7. **End matter.** The trailing run of author lines and credits becomes `.byline` and `.source` blocks,
///    kept as printed (never given a label), placed last: name-like lines of two to five capitalised words or ALL CAPS
///    ("Tuấn Dũng", "ĐĂNG HUỲNH", "Ký: Trần Quới (còn nữa)", "AQ (Theo Cnet)"), "Theo X" and "Nguồn: X"
///    credits, "(Tổng hợp)", a lone "Ảnh: X", and "Nguồn X: URL" (a `.source` with text "X" and `url`).
///    A short line right after a credit continues it ("Theo" / "ĐTCK", "Theo Đăng Nguyễn" / "Dân Việt").
///    "Theo" before people's names ("Theo Lê Ngọc", "Theo Vân Thiêng- Đặng Thùy") credits authors, not a source.
///    Metadata takes the author names (joined with ", "), the first source name and the first address.
/// 8. **Lead.** In the lead-last layout, the last paragraph. Otherwise the first body paragraph that is
///    not a caption (the sapo right after the title, or after an opening photo).
/// 9. **Captions.** A paragraph ending with a credit — "… Ảnh: X", "… (Ảnh: X)", "…, ảnh: X.",
///    "… Nguồn: X", "Tin-ảnh: X", "Bài, ảnh: X", "hình minh họa: X" — with at most 45 words before it is a
///    `.caption` whose `credit` is the credit as printed, label and all ("Nguồn: X", shown as written); "… (Ảnh minh họa)" is a caption without a credit. So are
///    heading-like lines that can only be captions: one that names a picture ("Hình ảnh cô giáo…",
///    "Chân dung đạo diễn…", three words or more), a person's title and name and nothing else, a portrait
///    ("Thủ tướng Phạm Minh Chính", "Đạo diễn trẻ Barry Jenkins"), and, in the lead-last layout, a short
///    line that opens the body right before another heading, the opening photo (an article does not open
///    with an empty section). So are a portrait's name with the person's role ("Ông Bùi Khắc Sơn, Chủ tịch
///    HĐQT…", "HLV Frank Bernhardt của U23 Malaysia"), a role line right under a portrait's name, and a
///    name repeating the numbered entry above it ("1. Vito Mannone (Sunderland)" / "Vito Mannone").
///    Other captions printed without a credit cannot be told from headings.
/// 10. **Photo titles.** In blank-separated text only, a short heading-like line directly before a
///     caption is the photo's `.photoTitle` ("Bế mạc Hội nghị Ngoại giao lần thứ 29"). In the other
///     layouts the same shape is a section heading that happens to open with a photo (dantri "Đội quân ôxy").
/// 11. **Headings.** Numbered lines without a final period ("1. …", "2/ …", up to 40 words); lines of
///     at most 12 words ending with ":" (Q&A and list headings); and short lines of at most 16 words with
///     no final ". , ; !" (a "?" or "…" is fine) that start with a capital, a digit or a name like "iPhone".
///     A one-line sentence ending with "." is always a paragraph, and so is a line that gives an e-mail or
///     web address or a phone number ("Email: …", "Hotline: 0914926900").
/// 12. **Lists.** Lines starting with "+ ", "- ", "• " or "* " and a capital or digit, or with a reference
///     number ("[2] http://…"), are `.listItem`s, and so are runs of three or more short headings
///     (wallpaper names, spec table rows). A list title ("Nguyên liệu", "Thành phần", "Tài liệu tham khảo"…)
///     is never an item: it stays the list's heading, and two short lines after it are enough for a list.
/// 13. **Huge paragraphs.** A block longer than 64 KB (a file without line ends, a run of text
///     without spaces) is cut into blocks of at most 64 KB at a space, or between grapheme clusters.
/// 14. **Sections.** `Outline.sections(for:)`: the title, every heading, every enumerated paragraph
///     ("Thứ nhất là …", "Thứ hai, …", "Một là …").
public enum PlainTextImporter {
    /// The three shapes of input the importer knows (rule 3).
    enum Layout: Equatable { case leadLast, blankSeparated, linePerParagraph }

    /// Imports an article from text, applying the rules above.
    /// - Complexity: O(n) in the length of the text.
    /// The text is read a piece at a time (`importArticle(source:)`), so the import never holds the
    /// whole cleaned text, nor its lines, beside the paragraphs it makes of them.
    public static func importArticle(_ text: consuming String) -> Article {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { utf8 in
            importArticle(source: BufferSource(bytes: UnsafeRawBufferPointer(utf8))).article
        }!
    }

    /// The key and value of a `# key = value` header line (rule 2), or nil for any other line.
    static func header(_ line: String) -> (key: String, value: String)? {
        guard line.hasPrefix("# ") else { return nil }
        let keyStart = line.index(line.startIndex, offsetBy: 2)
        // " = " after the "# ", not overlapping it ("# = x" has no key).
        guard let equals = line.range(of: " = ", range: keyStart..<line.endIndex) else { return nil }
        return (LineShape.trimmed(line[keyStart..<equals.lowerBound]), LineShape.trimmed(line[equals.upperBound...]))
    }

    /// Rule 3: lead last, blank-separated, or one paragraph per line, for the body lines `body` of `map`.
    static func detectLayout(_ map: LineMap, body: Range<Int>) -> Layout {
        var blankRun = 0
        if !body.isEmpty {
            while body.upperBound - 2 - blankRun >= body.lowerBound, map.isBlank(body.upperBound - 2 - blankRun) { blankRun += 1 }
        }
        if blankRun >= 2, !gapsOutnumberPairs(map, body.lowerBound..<(body.upperBound - blankRun - 1)) { return .leadLast }
        return gapsOutnumberPairs(map, body) ? .blankSeparated : .linePerParagraph
    }

    /// True if, between non-blank lines, blank gaps are more common than lines that follow directly.
    private static func gapsOutnumberPairs(_ map: LineMap, _ lines: Range<Int>) -> Bool {
        var gaps = 0, pairs = 0
        var seenText = false, blankSince = false
        for i in lines {
            if map.isBlank(i) { blankSince = true; continue }
            if seenText { if blankSince { gaps += 1 } else { pairs += 1 } }
            seenText = true
            blankSince = false
        }
        return gaps > pairs
    }

    /// Rule 6: "Share on Facebook", "Share on Tumblr"… (one or two words after "Share on").
    static func isShareBoilerplate(_ line: String) -> Bool {
        guard line.utf8.count < 64 else { return false }
        let words = LineShape.words(line)
        return (3...4).contains(words.count) && words[0].lowercased() == "share" && words[1].lowercased() == "on"
    }

    /// Rule 4: a first line that reads like a headline.
    static func isHeadlineLike(_ line: String) -> Bool {
        let t = LineShape.trimmed(line)
        guard let last = t.last, captionParts(t) == nil, !isIllustrationNote(t) else { return false }
        return LineShape.hasAtMostWords(t, 25) && (!".,;:".contains(last) || t.hasSuffix("..."))
    }

    /// Rule 4: the title of a file without a headline: the first sentence, whole, of its first
    /// paragraph that is not a photo's caption (a caption is never the title: issue 18, item 4),
    /// or of `fallback` (the first line) when the file has no paragraph.
    static func derivedTitle(paragraphs: some Sequence<String>, fallback: String) -> String {
        var first: String?
        for paragraph in paragraphs.prefix(8) {
            if captionParts(paragraph) == nil && !isIllustrationNote(paragraph) { return derivedTitle(from: paragraph) }
            first = first ?? paragraph
        }
        return derivedTitle(from: first ?? fallback)
    }

    /// A derived title longer than this is no sentence but a paragraph without full stops: it is
    /// cut at a word, with "…". A long Vietnamese opening sentence has 40 to 60 words; the longest
    /// of the dantri files, 92 words and 441 characters.
    static let derivedTitleWords = 128
    static let derivedTitleCharacters = 512

    /// Abbreviations that end with a full stop inside a sentence ("GS. Nguyễn Văn A", "TP. Hồ
    /// Chí Minh"): not a sentence's end. A single capital ("J. K. Rowling") is one too.
    static let abbreviations: Set<Substring> = [
        "GS.", "PGS.", "TS.", "ThS.", "BS.", "KS.", "CN.", "TP.", "Tp.", "NSND.", "NSƯT.", "NS.", "Q.", "P.", "TT.",
        "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Th.S.", "Ths.",
    ]

    /// Rule 4: a title made from `line`, the paragraph that opens a file without a headline: its
    /// first sentence, whole (its last full stop dropped), or the description of a caption.
    static func derivedTitle(from line: String) -> String {
        var text = LineShape.folded(line)
        if let parts = captionParts(text), !parts.description.isEmpty { text = parts.description }
        // The words of the first sentence at most: a long paragraph is not split beyond them.
        var words = Array(Substring(text).split(separator: " ", maxSplits: derivedTitleWords).prefix(derivedTitleWords + 1))
        if let end = words.indices.dropLast().first(where: { isSentenceEnd(words[$0]) && words[$0 + 1].first?.isUppercase == true }) {
            words = Array(words[...end])
        }
        var title = LineShape.join(words.prefix(derivedTitleWords), separator: " ")
        if words.count > derivedTitleWords || title.count > derivedTitleCharacters {
            if title.count > derivedTitleCharacters {
                let cut = title.prefix(derivedTitleCharacters)
                title = String(cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut)
            }
            title += "…"
        } else if title.hasSuffix(".") && !title.hasSuffix("..") {
            title.removeLast()
        }
        return title
    }

    /// Whether `word` ends a sentence: a full stop (not an ellipsis or an abbreviation), "?" or "!".
    private static func isSentenceEnd(_ word: Substring) -> Bool {
        guard let last = word.last, ".?!".contains(last) else { return false }
        guard last == "." else { return true }
        if word.hasSuffix("..") || abbreviations.contains(word) { return false }
        return !(word.count == 2 && word.first?.isUppercase == true)
    }
}

extension PlainTextImporter {
    /// Gives each body paragraph its kind: lead, caption, photo title, list item, heading or paragraph.
    static func classify(_ paragraphs: [String], layout: Layout) -> [Block] {
        var blocks = paragraphs.map(block(for:))
        markInContext(&blocks, layout: layout)
        return blocks
    }

    /// The kinds that depend on a block's neighbours, given `blocks` judged one by one (`block(for:)`).
    static func markInContext(_ blocks: inout [Block], layout: Layout) {
        markPortraitRoles(&blocks)
        markRepeatedNames(&blocks)
        if layout == .blankSeparated { markPhotoTitles(&blocks) }
        if layout != .leadLast { markLead(&blocks) }
        markListRuns(&blocks)
        if layout == .leadLast { markOpeningCaption(&blocks) }
    }

    /// The block for one paragraph, judged on its own.
    static func block(for text: String) -> Block {
        if isIllustrationNote(text) { return Block(.caption, text) }
        if let parts = captionParts(text), LineShape.hasAtMostWords(parts.description, 45) {
            // A credit alone ("Ảnh: Quang Liêm") is its own text: shown once, not again as a credit.
            return parts.description.isEmpty ? Block(.caption, text) : Block(.caption, parts.description, credit: parts.printed)
        }
        if isUncreditedCaption(text) { return Block(.caption, text) }
        if LineShape.isMarkedListItem(text) { return Block(.listItem, text) }
        // A heading-shaped line that gives an address or a phone number is a paragraph; the
        // address check is the costly one, so it runs only on the few lines shaped like headings.
        if isNumberedHeading(text) || isLabelHeading(text) || isShortHeading(text),
           !LineShape.hasContactDetails(text) { return Block(.heading, text) }
        return Block(.paragraph, text)
    }

    /// "1. Thịt băm rang…", "2/ …": a number, "." or "/", a space, a letter; no final period.
    static func isNumberedHeading(_ text: String) -> Bool {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(digits.count) else { return false }
        let rest = Array(text.dropFirst(digits.count).prefix(3))
        guard rest.count == 3, rest[0] == "." || rest[0] == "/", rest[1] == " ", rest[2].isLetter else { return false }
        return !(LineShape.endsWith(text, ".") && !LineShape.endsWith(text, "...")) && LineShape.hasAtMostWords(text, 40)
    }

    /// "Dùng thuốc điều trị triệu chứng viêm mũi dị ứng:", a Q&A or list heading: at most 12 words and a colon.
    static func isLabelHeading(_ text: String) -> Bool {
        LineShape.endsWith(text, ":") && LineShape.hasAtMostWords(text, 12) && text.contains(where: \.isLetter)
            && LineShape.startsLikeHeading(text)
    }

    /// A short heading-like line (at most 16 words, no ". , ; !" at the end), not numbered, no colon.
    static func isShortHeading(_ text: String) -> Bool {
        !LineShape.endsWith(text, ":") && !isNumberedHeading(text) && text.contains(where: \.isLetter)
            && LineShape.isHeadingShaped(text)
    }

    /// Titles of the lists in recipes, spec sheets and reference sections, lowercased.
    static let listTitles = ["nguyên liệu", "thành phần", "chuẩn bị", "dụng cụ", "cách làm", "các bước",
                             "thông số kỹ thuật", "tài liệu tham khảo", "danh sách"]

    /// True for a list's own heading: a list title alone or followed by what the list is for
    /// ("Nguyên liệu", "Nguyên liệu làm chả").
    static func isListTitle(_ text: String) -> Bool {
        let lowered = LineShape.folded(text).lowercased()
        return listTitles.contains { lowered == $0 || lowered.hasPrefix($0 + " ") }
    }

    /// Three or more short headings in a row are a list (wallpaper names, spec table rows), not headings;
    /// two are enough right after a list title, which stays a heading and is never an item.
    private static func markListRuns(_ blocks: inout [Block]) {
        var i = 0
        while i < blocks.count {
            var end = i
            while end < blocks.count, blocks[end].kind == .heading, isShortHeading(blocks[end].text),
                  !isListTitle(blocks[end].text) { end += 1 }
            let titled = i > 0 && blocks[i - 1].kind == .heading && isListTitle(blocks[i - 1].text)
            if end - i >= (titled ? 2 : 3) {
                for j in i..<end { blocks[j].kind = .listItem }
            }
            i = max(end, i + 1)
        }
    }

    /// A heading that gives a role ("Ủy viên Bộ Chính trị, Chủ tịch nước…") right after a portrait's caption
    /// of a name ("GS. TS. Trần Đại Quang") continues that caption.
    private static func markPortraitRoles(_ blocks: inout [Block]) {
        for i in blocks.indices.dropFirst()
        where blocks[i].kind == .heading && blocks[i - 1].kind == .caption && isPersonLine(blocks[i - 1].text) && isRole(blocks[i].text) {
            blocks[i].kind = .caption
        }
    }

    /// In a numbered list of people or things with a photo each, the photo's caption repeats the entry's
    /// name ("1. Vito Mannone (Sunderland)" / "Vito Mannone"): a short heading whose words all stand at
    /// the start of the numbered heading before it, after its number, is that caption, not a section.
    private static func markRepeatedNames(_ blocks: inout [Block]) {
        for i in blocks.indices.dropFirst()
        where (blocks[i].kind == .heading || blocks[i].kind == .listItem) && blocks[i - 1].kind == .heading && isNumberedHeading(blocks[i - 1].text) {
            let entry = blocks[i - 1].text.drop { $0.isNumber }.dropFirst().drop { $0 == " " }
            let name = LineShape.trimmed(blocks[i].text)
            if !name.isEmpty, !isNumberedHeading(name), entry.hasPrefix(name) { blocks[i].kind = .caption }
        }
    }

    /// In the lead-last layout, where the sapo has a place of its own, a short heading that opens the body
    /// and is directly followed by another heading is the caption of the opening photo: an article does not
    /// open with an empty section ("Sẽ là bất ngờ lớn nếu Chelsea không vô địch mùa này" / "Thiên thời, địa lợi").
    private static func markOpeningCaption(_ blocks: inout [Block]) {
        guard blocks.count >= 2, blocks[0].kind == .heading, isShortHeading(blocks[0].text), blocks[1].kind == .heading
        else { return }
        blocks[0].kind = .caption
    }

    /// In blank-line-separated text, a short heading right before a caption is that photo's title.
    private static func markPhotoTitles(_ blocks: inout [Block]) {
        for i in blocks.indices.dropLast()
        where blocks[i].kind == .heading && isShortHeading(blocks[i].text) && blocks[i + 1].kind == .caption {
            blocks[i].kind = .photoTitle
        }
    }

    /// Makes the first block that is not a caption or photo title the lead, if it is a paragraph or a
    /// short heading-like line (rule 4).
    private static func markLead(_ blocks: inout [Block]) {
        guard let i = blocks.firstIndex(where: { $0.kind != .caption && $0.kind != .photoTitle }) else { return }
        if blocks[i].kind == .paragraph || (blocks[i].kind == .heading && isShortHeading(blocks[i].text)) {
            blocks[i].kind = .lead
        }
    }
}

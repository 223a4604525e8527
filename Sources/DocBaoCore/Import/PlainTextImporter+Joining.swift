extension PlainTextImporter {
    /// Rebuilds paragraphs from a file that puts one paragraph on each line but also breaks inline
    /// bold or linked fragments onto lines of their own ("tờ " / "Mashable" / " đưa ra…").
    ///
    /// A line continues the paragraph before it when:
    /// 1. the paragraph so far is a lone label ("Theo", "Ký:") or ends with a credit label ("… Ảnh:"), or it is
    ///    a speaker's label in an interview, a title and name with a colon ("Tiến sĩ tâm lý Nguyễn Hữu Long:"),
    ///    which leads into the answer (unless the line is a bullet item);
    /// 2. the line is a photo credit alone ("Ảnh: Quang Liêm") and the paragraph ends a sentence;
    /// 3. the line starts with closing punctuation (". , ; : ) ” ]"), or the paragraph ends with "(" or "“";
    /// 4. the paragraph is unfinished (no ". ! ? … ;" at its end, no credit, no ":" after a short label) and
    ///    - the line starts inline (a lowercase letter, "(", a dash aside "- một…"), or
    ///    - the paragraph so far is only a sentence adverbial ("Tuy nhiên" / "Biển Đông có…"; see
    ///      `LineShape.openingConnectives`); a trailing space alone is no sign, headings have them too, or
    ///    - the paragraph ends with "," or with a connective and a space ("… của "), or
    ///    - the line is a short fragment (at most 12 words) and the line after it starts inline.
    /// Bullet items ("- Tắt…", "+ 300g…") never continue a paragraph. Blank lines are skipped, so a line
    /// of spaces between two fragments does not separate them. Spaces are folded afterwards.
    static func joinFragments(_ lines: [String]) -> [String] {
        var paragraphs: [String] = []
        var joiner = FragmentJoiner()
        for line in lines { joiner.add(line) { paragraphs.append($0) } }
        joiner.finish { paragraphs.append($0) }
        return paragraphs
    }

    /// `joinFragments(_:)` a line at a time, so the lines need not all be held: a line is judged
    /// once the next one is known, and a paragraph is handed on (folded) once the next one starts.
    struct FragmentJoiner {
        /// The paragraph being built, not yet folded: only it can still grow.
        private var current: String?
        /// Whether `current` was made longer by appending (it may then hold spare capacity).
        private var joined = false
        /// The last line given, waiting for the one after it.
        private var pending: String?

        /// Adds the next line (blank lines are skipped); `emit` gets each paragraph finished.
        mutating func add(_ line: String, _ emit: (String) -> Void) {
            guard !LineShape.isBlank(line) else { return }
            if let pending { take(pending, before: line, emit) }
            pending = line
        }

        private mutating func take(_ line: String, before next: String?, _ emit: (String) -> Void) {
            // Decide first, then append in place: rebuilding the paragraph for every joined line
            // made hard-wrapped text quadratic.
            if var paragraph = current, PlainTextImporter.continues(paragraph, with: line, before: next) {
                let separator = PlainTextImporter.separator(paragraph, line)
                current = nil  // so the append does not copy
                paragraph += separator
                paragraph += line
                current = paragraph
                joined = true
            } else {
                emitCurrent(emit)
                current = line
            }
        }

        /// Hands on the paragraph built: folded, and without the spare capacity its appends left
        /// (a hard-wrapped article's paragraphs would otherwise take up to twice their size).
        private mutating func emitCurrent(_ emit: (String) -> Void) {
            guard let current else { return }
            let paragraph = LineShape.folded(current)
            emit(joined ? String(decoding: paragraph.utf8, as: UTF8.self) : paragraph)
            self.current = nil
            joined = false
        }

        /// Finishes the last paragraph, once every line was added.
        mutating func finish(_ emit: (String) -> Void) {
            if let pending { take(pending, before: nil, emit) }
            emitCurrent(emit)
            pending = nil
        }
    }

    static func continues(_ paragraph: String, with line: String, before next: String?) -> Bool {
        // Only the end of a long paragraph matters here (labels, speakers and connectives are short):
        // looking at all of it for every line joined onto it made the import quadratic.
        let cut = paragraph.index(paragraph.endIndex, offsetBy: -200, limitedBy: paragraph.startIndex)
        let whole = cut == nil
        let head = LineShape.trimmed(paragraph[(cut ?? paragraph.startIndex)...])
        let tail = LineShape.trimmed(line)
        guard let lastChar = head.last else { return false }
        if (whole && isLoneLabel(head)) || endsWithCreditLabel(head) { return true }
        if whole && isSpeakerLabel(head) { return !LineShape.isMarkedListItem(tail) }
        if let parts = captionParts(tail), parts.description.isEmpty, parts.label == "ảnh" {
            return ".!?)".contains(lastChar)
        }
        if LineShape.startsWithCloser(tail) || lastChar == "(" || lastChar == "“" { return true }
        if LineShape.endsSentence(head) || captionParts(head) != nil || LineShape.isMarkedListItem(tail) {
            return false
        }
        if LineShape.startsInline(tail) || (whole && LineShape.isOpeningConnective(head)) { return true }
        let lastWord = LineShape.words(head).last.map { $0.lowercased() } ?? ""
        if lastChar == "," || (paragraph.hasSuffix(" ") && LineShape.connectives.contains(lastWord)) { return true }
        if let next, LineShape.startsInline(next), LineShape.hasAtMostWords(tail, 12) { return true }
        return false
    }

    /// "Theo" alone, or one word and a colon ("Ký:", "Ảnh:").
    private static func isLoneLabel(_ s: String) -> Bool {
        s.lowercased() == "theo" || (s.hasSuffix(":") && LineShape.words(s).count == 1)
    }

    /// True for "… Ảnh:" or "… Nguồn:", a credit whose name is on the next line.
    private static func endsWithCreditLabel(_ s: String) -> Bool {
        guard s.hasSuffix(":") else { return false }
        let label = LineShape.trimmed(s.dropLast()).lowercased()
        return creditLabels.contains { label == $0 || label.hasSuffix(" " + $0) }
    }

    /// What goes between a paragraph and a line joined onto it: a space, unless one already has one
    /// or the line starts with punctuation.
    static func separator(_ paragraph: String, _ line: String) -> String {
        if paragraph.hasSuffix(" ") || line.hasPrefix(" ") || LineShape.startsWithCloser(line) { return "" }
        if paragraph.hasSuffix("(") || paragraph.hasSuffix("“") { return "" }
        return " "
    }
}

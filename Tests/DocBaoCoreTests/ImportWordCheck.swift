import Foundation
@testable import DocBaoCore

/// The "nothing is lost" checker: compares an input file with the article imported from it, word by word.
///
/// Words are runs of letters and digits, after the same cleaning the importer applies (NFC, visible
/// controls). The labels the importer strips ("Ảnh", "Nguồn") are left out on both sides.
/// 1. Every input line's words must occur as one contiguous run inside a single block (text, then
///    credit, then url). Lines without words (".", ")") and "Share on …" boilerplate are skipped;
///    `# key = value` header lines must be in the metadata instead.
/// 2. Runs of lines that stay in place must appear in increasing order: each line is looked for, outside
///    moved blocks, from the end of the last in-place run on. Only a block the importer may move (the lead
///    when it is the file's last line, moved up from the end; bylines and sources, moved to the end) may
///    hold a run found anywhere, and such a run does not move the reading position.
/// 3. Every word of the model must come from exactly one input line, except in a title the importer
///    made from the opening text (when the file has no headline line); such a title is never matched.
/// With `reading`, the blocks' words are those the reader shows (their laid-out lines: labels,
/// credits and addresses as shown), the labels count as words, and every word of a made title must
/// be a word of the input (its address's included): what is shown is the author's words, no others.
/// Entity remnants ("mặc&nbspbộ") separate words on both sides.
struct ImportWordCheck {
    /// What went wrong, one message per problem; empty when the article keeps the input.
    private(set) var problems: [String] = []

    init(input: String, article: Article, reading: Bool = false) {
        let lastLine = input.split(separator: "\n").last { !$0.allSatisfy(\.isWhitespace) }.map(String.init) ?? ""
        let leadMoved = article.lead == LineShape.folded(TextSanitizer.clean(lastLine))
        func isMovable(_ block: Int) -> Bool {
            let kind = article.blocks[block].kind
            return kind == .byline || kind == .source || (kind == .lead && leadMoved)
        }
        var stream: [(word: String, block: Int)] = []
        let layout = Layout(article: article, width: 10_000)
        for (index, block) in article.blocks.enumerated() {
            // The line under the title (date, source, address) repeats the metadata, not the text.
            let parts = reading ? layout.lines(ofBlock: index).filter { $0.role != .meta }.map { String($0.text) }
                : [block.text, block.credit ?? "", block.url ?? ""]
            for part in parts {
                stream += Self.words(part, keepLabels: reading).map { ($0, index) }
            }
        }
        var uses = [Int](repeating: 0, count: stream.count)
        var cursor = 0
        var lines = TextSanitizer.clean(input).split(separator: "\n").map { PlainTextImporter.decodingEntityRemnants(String($0)) }
        let inputWords = Set(lines.flatMap { Self.words($0, keepLabels: true) }.map { $0.lowercased() })
        lines = lines.filter { line in
            guard line.hasPrefix("# "), let eq = line.range(of: " = ") else { return true }
            let key = String(line[line.index(line.startIndex, offsetBy: 2)..<eq.lowerBound]).trimmingCharacters(in: .whitespaces)
            let value = String(line[eq.upperBound...]).trimmingCharacters(in: .whitespaces)
            let stored = key == "url" ? article.metadata.url : key == "date" ? article.metadata.date : article.metadata.extra[key]
            if stored != value { problems.append("header \(key) = \(value) is not in the metadata") }
            return false
        }
        let titleIsDerived = !lines.contains { LineShape.folded($0) == article.title }
        if reading && titleIsDerived {
            for word in Self.words(article.title, keepLabels: true) where !inputWords.contains(word.lowercased()) {
                problems.append("title word \"\(word)\" is not in the input")
            }
        }
        for line in lines where !Self.isBoilerplate(line) {
            let words = Self.words(line, keepLabels: reading)
            guard !words.isEmpty else { continue }
            func find(from start: Int, movableOnly: Bool) -> Int? {
                var p = start
                while p + words.count <= stream.count {
                    let block = stream[p].block
                    let eligible = isMovable(block) == movableOnly && !(titleIsDerived && article.blocks[block].kind == .title)
                    if eligible, stream[p + words.count - 1].block == stream[p].block,
                       zip(words, stream[p..<(p + words.count)]).allSatisfy({ $0 == $1.word }) {
                        return p
                    }
                    p += 1
                }
                return nil
            }
            if let p = find(from: cursor, movableOnly: false) {
                for q in p..<(p + words.count) { uses[q] += 1 }
                cursor = p + words.count
            } else if let p = find(from: 0, movableOnly: true) {
                for q in p..<(p + words.count) { uses[q] += 1 }
            } else {
                problems.append("line lost or out of order: \(line.prefix(80))")
            }
        }
        for (q, count) in uses.enumerated() where count != 1 {
            if count == 0 && titleIsDerived && article.blocks[stream[q].block].kind == .title { continue }
            problems.append("word \"\(stream[q].word)\" of block \(stream[q].block) was matched \(count) times")
        }
    }

    /// "Share on Tumblr": the only lines the importer may drop.
    static func isBoilerplate(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        return words.count == 3 && words[0] == "Share" && words[1] == "on"
    }

    /// Runs of letters and digits, without the credit labels the importer strips unless `keepLabels`.
    static func words(_ text: String, keepLabels: Bool = false) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return keepLabels ? words : words.filter { !["ảnh", "nguồn"].contains($0.lowercased()) }
    }
}
